package org.healthguides.pipeline;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.report.ContentReport;

/**
 * What a successful build did: pages and files written, the warnings it printed, and how long it took.
 *
 * @param contentReport the guides' editorial numbers, printed with --verbose: made only when asked for
 * @param reused        pages published from the build cache instead of being rendered
 * @param draftsLeftOut the files marked {@code draft: true} that were not built, named in the summary line
 * @param upToDate      nothing had changed since the last build with the cache: its output was left as it was
 * @param listing       the warnings as the terminal shows them, each with its excerpt ({@link ProblemListing#format});
 *                      a build makes it while it writes its cache and record, after its output was swapped in
 */
public record BuildReport(int pages, int files, List<Problem> warnings, long millis, java.util.function.Supplier<ContentReport> contentReport,
                          int reused, List<String> draftsLeftOut, boolean upToDate, java.util.function.Supplier<String> listing) {

    /** The guides' editorial numbers (made now: only --verbose prints them). */
    public ContentReport content() {
        return contentReport.get();
    }

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
