package org.healthguides.serve;

import java.util.List;

import org.healthguides.diagnostics.Problem;

/**
 * What one preview build did, as the terminal reports it.
 *
 * @param id       the build's id, which the reload events carry
 * @param ok       the new site is being served; when false the last good one still is, with the problems shown over it
 * @param first    the build made when the server started
 * @param problems the errors of a failed build, or the warnings of a good one
 * @param rendered pages rendered again by this build (the others were unchanged and reused)
 * @param pages    pages the site has
 * @param millis   from the start of the rebuild until the new site was being served
 */
public record BuildOutcome(String id, boolean ok, boolean first, List<Problem> problems, int rendered, int pages, double millis) {
}
