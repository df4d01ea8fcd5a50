package org.healthguides.pipeline;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.report.ContentReport;

/**
 * What a successful build did: pages and files written, the warnings it printed, and how long it took.
 *
 * @param content the guides' editorial numbers, printed with --verbose
 * @param reused  pages published from the build cache instead of being rendered
 */
public record BuildReport(int pages, int files, List<Problem> warnings, long millis, ContentReport content, int reused) {
}
