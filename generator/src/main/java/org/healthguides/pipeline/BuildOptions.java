package org.healthguides.pipeline;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What to build and how.
 *
 * @param content   the content folder
 * @param templates the templates folder
 * @param out       the output folder, replaced as a whole when the build succeeds
 * @param baseUrl   overrides the settings' base_url when not null
 * @param strict    warnings fail the build
 * @param external  also ask the web whether external links still work (slow, needs the network)
 * @param clock     today's date, for review dates that are due; tests pass a fixed clock
 * @param allowOverdue under strict, a guide past its next_review stays a warning: a deploy is never stopped by the
 *                  calendar alone (the warning still shows)
 * @param pdf       make each guide's printable PDF leaflet (--no-pdf leaves them out for quicker builds)
 */
public record BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean strict, boolean external,
                           Clock clock, boolean allowOverdue, boolean pdf) {

    public BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean strict, boolean external, Clock clock,
                        boolean allowOverdue) {
        this(content, templates, out, baseUrl, strict, external, clock, allowOverdue, true);
    }

    public BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean strict, boolean external, Clock clock) {
        this(content, templates, out, baseUrl, strict, external, clock, false, true);
    }

    public BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean strict) {
        this(content, templates, out, baseUrl, strict, false, Clock.systemDefaultZone());
    }

    public BuildOptions(Path content, Path templates, Path out, String baseUrl, boolean strict, boolean external) {
        this(content, templates, out, baseUrl, strict, external, Clock.systemDefaultZone());
    }

    public BuildOptions withClock(Clock newClock) {
        return new BuildOptions(content, templates, out, baseUrl, strict, external, newClock, allowOverdue, pdf);
    }

    public BuildOptions withAllowOverdue(boolean allow) {
        return new BuildOptions(content, templates, out, baseUrl, strict, external, clock, allow, pdf);
    }

    public BuildOptions withPdf(boolean makePdf) {
        return new BuildOptions(content, templates, out, baseUrl, strict, external, clock, allowOverdue, makePdf);
    }

    /** Whether --strict makes this warning an error. */
    public boolean escalates(org.healthguides.diagnostics.Problem problem) {
        return strict && !(allowOverdue && org.healthguides.site.ReviewSchedule.isOverdue(problem));
    }

    public static final Path DEFAULT_CONTENT = Path.of("content");
    public static final Path DEFAULT_TEMPLATES = Path.of("templates");
    public static final Path DEFAULT_OUT = Path.of("target", "site");

    public static BuildOptions defaults() {
        return new BuildOptions(DEFAULT_CONTENT, DEFAULT_TEMPLATES, DEFAULT_OUT, null, false);
    }
}
