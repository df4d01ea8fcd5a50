package org.healthguides.build;

import java.util.List;

import org.healthguides.diagnostics.Problem;

/** What a successful build did: pages and files written, the warnings it printed, and how long it took. */
public record BuildReport(int pages, int files, List<Problem> warnings, long millis) {
}
