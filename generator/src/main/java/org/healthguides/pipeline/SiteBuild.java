package org.healthguides.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.output.DiscardedOutput;
import org.healthguides.output.SiteWriter;
import org.healthguides.report.ContentReport;
import org.healthguides.site.Site;

/**
 * {@code guide build} and {@code guide check}: the {@link Pipeline} into a fresh folder beside the output, swapped in
 * only when nothing was wrong ({@link #run()}), or with the files thrown away ({@link #check()}).
 */
public final class SiteBuild {
    private final BuildOptions options;

    public SiteBuild(BuildOptions options) {
        this.options = options;
    }

    /** Builds and publishes the site; throws with every problem found when there is an error. */
    public BuildReport run() throws ContentErrors, IOException {
        long start = System.nanoTime();
        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            Pipeline.Result result = Pipeline.publishing(options).run(writer);
            writer.commit();
            return new BuildReport(result.pages(), writer.filesWritten(), result.warnings(), millisSince(start), ContentReport.of(result.site()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Everything {@link #run()} checks, without writing anything. */
    public BuildReport check() throws ContentErrors, IOException {
        long start = System.nanoTime();
        Pipeline.Result result = Pipeline.publishing(options).run(new DiscardedOutput());
        return new BuildReport(result.pages(), 0, result.warnings(), millisSince(start), ContentReport.of(result.site()));
    }

    /**
     * The content stages alone: load, parse and check the content into the site model, without templates or
     * output. What {@code guide report} reads; warnings are in {@link Site#warnings()}.
     */
    public Site assemble() throws ContentErrors {
        return Pipeline.publishing(options).assemble();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
