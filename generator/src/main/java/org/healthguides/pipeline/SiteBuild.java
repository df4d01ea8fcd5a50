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

    /** Builds and publishes the site with the build cache; throws with every problem found when there is an error. */
    public BuildReport run() throws ContentErrors, IOException {
        return run(true, note -> { });
    }

    /**
     * Builds and publishes the site; throws with every problem found when there is an error.
     *
     * @param useCache false for {@code --no-cache}: a cold build that neither reads nor writes the build cache
     * @param notes    where a line goes when the cache is ignored or cannot be written
     */
    public BuildReport run(boolean useCache, java.util.function.Consumer<String> notes) throws ContentErrors, IOException {
        long start = System.nanoTime();
        BuildCache disk = useCache ? BuildCache.open(options.out(), notes) : null;
        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            Pipeline.Result result = (disk == null ? Pipeline.publishing(options) : Pipeline.publishing(options, disk)).run(writer);
            writer.commit();
            if (disk != null) {
                disk.save(options.out(), notes);
            }
            return new BuildReport(result.pages(), writer.filesWritten(), result.warnings(), millisSince(start), ContentReport.of(result.site()),
                    result.pages() - result.rendered());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Everything {@link #run()} checks, without writing anything. */
    public BuildReport check() throws ContentErrors, IOException {
        long start = System.nanoTime();
        Pipeline.Result result = Pipeline.publishing(options).run(new DiscardedOutput());
        return new BuildReport(result.pages(), 0, result.warnings(), millisSince(start), ContentReport.of(result.site()), 0);
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
