package org.healthguides.pipeline;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.report.ContentReport;

/**
 * What a successful build did: pages and files written, the warnings it printed, and how long it took.
 *
 * @param content       the guides' editorial numbers, printed with --verbose
 * @param reused        pages published from the build cache instead of being rendered
 * @param draftsLeftOut the files marked {@code draft: true} that were not built, named in the summary line
 */
public record BuildReport(int pages, int files, List<Problem> warnings, long millis, ContentReport content, int reused,
                          List<String> draftsLeftOut) {

    /** "; 1 draft left out: content/g/new.md", or "" when none was. */
    public String draftsSummary() {
        if (draftsLeftOut.isEmpty()) {
            return "";
        }
        int n = draftsLeftOut.size();
        return "; " + n + (n == 1 ? " draft" : " drafts") + " left out: " + String.join(", ", draftsLeftOut)
                + " (build --drafts to include)";
    }
}
