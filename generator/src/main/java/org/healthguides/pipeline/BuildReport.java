package org.healthguides.pipeline;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.report.ContentReport;

/**
 * What a successful build did: pages and files written, the warnings it printed, and how long it took.
 *
 * @param contentReport the guides' editorial numbers, printed with --verbose: made only when asked for
 * @param reused        pages published from the build cache instead of being rendered
 * @param draftsLeftOut the files marked {@code draft: true} that were not built, named in the summary line
 * @param upToDate      nothing had changed since the last build with the cache: its output was left as it was
 * @param readTexts     the text of each content file as the build read it, by its path in messages (null if not
 *                      read), so the warnings' excerpts need not read the files again
 */
public record BuildReport(int pages, int files, List<Problem> warnings, long millis, java.util.function.Supplier<ContentReport> contentReport,
                          int reused, List<String> draftsLeftOut, boolean upToDate, java.util.function.Function<String, String> readTexts) {

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
