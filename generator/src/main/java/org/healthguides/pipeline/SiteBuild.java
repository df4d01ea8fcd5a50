package org.healthguides.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.diagnostics.TaskResult;
import org.healthguides.output.DiscardedOutput;
import org.healthguides.output.PublicModes;
import org.healthguides.output.RedirectFiles;
import org.healthguides.output.SiteWriter;
import org.healthguides.output.TemporaryFile;
import org.healthguides.report.ContentReport;
import org.healthguides.site.Redirect;
import org.healthguides.site.Redirects;
import org.healthguides.site.Site;

/**
 * {@code guide build} and {@code guide check}: the {@link Pipeline} into a fresh folder beside the output, swapped in
 * only when nothing was wrong ({@link #run()}), or with the files thrown away ({@link #check()}).
 */
public final class SiteBuild {
    private final BuildOptions options;

    /** The racy window's clock given to the build cache (null: the real one); tests move it. */
    private final java.util.function.LongSupplier cacheClock;
    /** The build cache the last {@link #run} used (tests read what it trusted). */
    private BuildCache lastCache;

    public SiteBuild(BuildOptions options) {
        this(options, null);
    }

    /** @param cacheClock now in nanoseconds since the epoch, for the cache's racy window ({@link FolderStates}) */
    SiteBuild(BuildOptions options, java.util.function.LongSupplier cacheClock) {
        this.options = options;
        this.cacheClock = cacheClock;
    }

    /** The build cache the last run used, or null. */
    BuildCache lastCache() {
        return lastCache;
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
        if (disk != null && cacheClock != null) {
            disk.useClock(cacheClock);
        }
        lastCache = disk;
        Pipeline pipeline = disk == null ? Pipeline.publishing(options) : Pipeline.publishing(options, disk);
        if (disk == null || !disk.mayBeUpToDate()) {
            pipeline.startAhead();
        }
        if (disk != null) {
            LastBuild last = pipeline.upToDate();
            if (last != null) {
                SiteWriter.removeStaleFolders(options.out());
                disk.saveContentStates();
                return new BuildReport(last.pages(), last.files(), last.warnings(), millisSince(start),
                        () -> ContentReport.of(pipeline.assembleForReport()), last.pages(), last.draftsLeftOut(), true,
                        () -> last.listing() != null ? last.listing() : ProblemListing.format(last.warnings(), pipeline.readTexts()));
            }
        }
        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            Pipeline.Result result = pipeline.run(writer);
            // The warnings' listing (their excerpts, on both cores) made while the output is committed and the cache and
            // its record written, mostly one core's work; printed once the build returns, as before.
            // Kept in the record of the last build only when every excerpt came from a content file this build read (whose
            // fingerprint is in the record's key), not from another file read from disk.
            // A line the last build's warnings pointed at in a file this build did not read is taken from the cache's
            // record of them (ExcerptLines) when the file's fingerprint is the recorded one: that fingerprint is in the key.
            java.util.concurrent.atomic.AtomicBoolean fromDisk = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CompletableFuture<Listing> listing = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Map<String, SourceFile> read = pipeline.readFiles();
                java.util.function.Function<String, String> texts = Pipeline.readTexts(read);
                ExcerptLines last = disk != null ? disk.lastExcerptLines() : ExcerptLines.NONE;
                String text = ProblemListing.format(result.warnings(), file -> {
                    String fileText = texts.apply(file);
                    if (fileText == null) {
                        fromDisk.set(true);
                    }
                    return fileText;
                }, (file, number) -> {
                    SourceFile source = read.get(file);
                    return source == null || source.isDecoded() ? null : last.line(file, number, source.fingerprint());
                });
                return new Listing(text, disk != null ? ExcerptLines.of(result.warnings(), read::get, last) : null, last);
            });
            if (disk != null) {
                // Before the output changes: a build killed while committing (folders moved from the output into the
                // new site) leaves no record that could call the output up to date.
                disk.forgetLastBuild();
            }
            writer.commit();
            writeNginxRedirects(result.site());
            if (disk != null) {
                java.util.Set<String> files = writer.files();
                disk.save(options.out(), files, notes);
                disk.saveContentStates();
                disk.saveFolderStates();
                disk.recordLastBuild(options.out(), files, result.pages(), writer.filesWritten(), result.warnings(),
                        result.site().draftsLeftOut(), () -> {
                            try {
                                String text = listing.join().text();
                                return fromDisk.get() ? null : text;
                            } catch (RuntimeException e) {
                                return null; // reported when the listing is printed
                            }
                        });
                try {
                    Listing made = listing.join();
                    disk.saveExcerptLines(made.lines(), made.last());
                } catch (RuntimeException e) {
                    // reported when the listing is printed; the next build reads the lines from their files
                }
            }
            Site site = result.site();
            return new BuildReport(result.pages(), writer.filesWritten(), result.warnings(), millisSince(start), () -> ContentReport.of(site),
                    result.pages() - result.rendered(), result.site().draftsLeftOut(), false, () -> TaskResult.of(listing.thenApply(Listing::text)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Everything {@link #run()} checks, without writing anything. */
    public BuildReport check() throws ContentErrors, IOException {
        long start = System.nanoTime();
        Pipeline checking = Pipeline.checking(options);
        Pipeline.Result result = checking.run(new DiscardedOutput());
        Site site = result.site();
        return new BuildReport(result.pages(), 0, result.warnings(), millisSince(start), () -> ContentReport.of(site), 0,
                site.draftsLeftOut(), false, () -> ProblemListing.format(result.warnings(), checking.readTexts()));
    }

    /**
     * The content stages alone: load, parse and check the content into the site model, without templates or
     * output. What {@code guide report} reads; warnings are in {@link Site#warnings()}.
     */
    public Site assemble() throws ContentErrors {
        return Pipeline.checking(options).assemble();
    }

    /**
     * redirects.nginx.conf, beside the site rather than in it (a server's configuration is not for visitors). Written
     * when the site has aliases, and kept up to date (emptied) once it exists, so an include of it never goes stale
     * or breaks; a site without aliases puts nothing beside its output.
     */
    private void writeNginxRedirects(Site site) throws IOException {
        List<Redirect> redirects = Redirects.of(site);
        Path folder = options.out().toAbsolutePath().normalize().getParent();
        if (!redirects.isEmpty() || Files.exists(folder.resolve(RedirectFiles.NGINX_FILE))) {
            writeBesideOutput(RedirectFiles.NGINX_FILE, RedirectFiles.nginxInclude(redirects, site.settings().basePath()));
        }
    }

    /** Replaces a file in the output folder's parent in one rename, mode 0644 like the site's files. */
    private void writeBesideOutput(String name, String text) throws IOException {
        Path folder = options.out().toAbsolutePath().normalize().getParent();
        Path file = folder.resolve(name);
        Path temporary = TemporaryFile.create(folder, "." + name + ".", ".tmp", PublicModes.FILE);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The warnings' listing, the lines it showed (for the cache; null without one) and those the cache held before. */
    private record Listing(String text, ExcerptLines lines, ExcerptLines last) {
    }
}
