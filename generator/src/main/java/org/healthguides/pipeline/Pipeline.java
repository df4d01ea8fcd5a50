package org.healthguides.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.GuideFiles;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.DisplayPath;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.TaskResult;
import org.healthguides.links.ExternalLinkChecker;
import org.healthguides.links.LinkChecker;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.output.AtomFeed;
import org.healthguides.output.Emission;
import org.healthguides.output.Emitter;
import org.healthguides.output.GuideAssets;
import org.healthguides.output.Output;
import org.healthguides.output.PublishedPage;
import org.healthguides.output.RedirectFiles;
import org.healthguides.output.RobotsFile;
import org.healthguides.output.SitemapFile;
import org.healthguides.output.StaticFiles;
import org.healthguides.pipeline.PageCache.RenderedPage;
import org.healthguides.render.Collation;
import org.healthguides.render.LeafletPdf;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.PagePlan;
import org.healthguides.render.StringTables;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.CheckContext;
import org.healthguides.site.Checks;
import org.healthguides.site.Guide;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;

/**
 * The one pipeline of {@code build}, {@code check} and {@code serve}, in the order data flows: load the content,
 * parse the settings, assemble the site (Markdown rendered per section) and run the editorial {@link Checks}, plan
 * pages, render templates, run the {@link Emitter}s, check links. The commands differ only in the {@link Output}
 * they pass (disk staging, discard, memory) and, for the preview, a {@link PageCache} that lets a rebuild render
 * only what changed and serves the site at "/" without asking for its published address.
 */
public final class Pipeline {
    private final BuildOptions options;
    private final PageCache cache;
    /** Built to be published ({@code build}): the publish-only checks (an absolute base URL) apply. */
    private final boolean publishing;
    private final String contentName;
    private final String templatesName;
    /** Null, or the build cache on disk of {@code guide build}. */
    private final BuildCache disk;
    /** The content as {@link #upToDate} read it, for {@link #run} to use rather than read it again. */
    private Loaded loaded;
    /** The content as this pipeline last read it: the warnings' excerpts are taken from it (see {@link #readTexts}). */
    private ContentTree lastRead;
    /** FreeMarker and the static files being made ready by {@link #upToDate} for {@link #run}, or null. */
    private Ahead ahead;

    /**
     * What a run produced.
     *
     * @param pages    pages written
     * @param rendered pages rendered by this run (the others came from the page cache)
     * @param warnings problems that did not stop it, sorted
     */
    public record Result(Site site, int pages, int rendered, List<Problem> warnings) {
    }

    private Pipeline(BuildOptions options, PageCache cache, BuildCache disk, boolean publishing) {
        this.options = options;
        this.cache = cache;
        this.disk = disk;
        this.publishing = publishing;
        this.contentName = DisplayPath.of(options.content());
        this.templatesName = DisplayPath.of(options.templates());
    }

    /** The pipeline of {@code build}: nothing remembered, the site checked for publishing. */
    public static Pipeline publishing(BuildOptions options) {
        return new Pipeline(options, null, null, true);
    }

    /**
     * The pipeline of {@code build} with its cache on disk: Markdown known to {@code disk} is not rendered again, and
     * a guide whose files, settings, templates and generator are those of the last build gets the last output's
     * files instead of being planned and rendered.
     */
    public static Pipeline publishing(BuildOptions options, BuildCache disk) {
        return new Pipeline(options, null, disk, true);
    }

    /**
     * The pipeline of {@code check} and {@code report}: everything {@code build} checks except what only matters where
     * the site is published (its absolute address), so the editors' check passes on a clean clone.
     */
    public static Pipeline checking(BuildOptions options) {
        return new Pipeline(options, null, null, false);
    }

    /** The pipeline of the preview: pages and Markdown remembered in {@code cache} from one run to the next; drafts always shown. */
    public static Pipeline previewing(BuildOptions options, PageCache cache) {
        return new Pipeline(options, cache, null, false);
    }

    /** Drafts are built (with their banner) in the preview and with --drafts; otherwise left out. */
    private boolean includesDrafts() {
        return cache != null || options.drafts();
    }

    /** Every emitter, called in this order after the pages are rendered: a new kind of file is one class and one line here. */
    private List<Emitter> emitters(StaticFiles staticFiles, StringTables strings) {
        return List.of(
                staticFiles,
                new GuideAssets(options.content(), contentName),
                new SitemapFile(),
                new RobotsFile(),
                new RedirectFiles(strings::of),
                new AtomFeed(strings::of));
    }

    /**
     * The content stages alone: load, parse and check the content into the site model, without templates or
     * output. What {@code guide report} reads; warnings are in {@link Site#warnings()}.
     */
    public Site assemble() throws ContentErrors {
        Loaded loaded = load();
        StringTables strings = StringTables.load(options.templates(), templatesName, loaded.settings());
        // The report is about the content, not where it is published: the base URL is not asked for.
        return assemble(loaded, strings.markdownRenderer(), strings, false);
    }

    /**
     * With the build cache: the last build's record when nothing it read has changed and its output is as it left
     * it (see {@link BuildCache#upToDate}), else null. The content read to tell is kept for {@link #run}.
     */
    LastBuild upToDate() throws IOException {
        ContentTree tree;
        try {
            tree = loadTree();
        } catch (ContentErrors e) {
            return null; // run() reads it again and reports why
        }
        LastBuild last = disk.upToDate(tree, options, today());
        if (last != null) {
            // Up to date: the settings are not parsed (snakeyaml's first use, about 10 ms); their text is in the key, and
            // the build that recorded it parsed them without a problem.
            return last;
        }
        try {
            loaded = withSettings(tree);
        } catch (ContentErrors e) {
            return null; // run() reads it again and reports why
        }
        if (cache == null) {
            // The build will run: FreeMarker starts now, beside the rest of its start (see Ahead), unless it started
            // with the build (startAhead).
            if (ahead == null) {
                ahead = Ahead.start(options.templates(), templatesName, this::templateNames, loaded.settings());
            }
            ahead.settings().complete(loaded.settings());
        }
        return null;
    }

    /**
     * For a build that will run whatever its content (no build cache, or no record of a last build that could make it
     * up to date): FreeMarker and the static files start now, on their own thread, while the content is read and
     * hashed on this one. On two cores the second is mostly idle until the Markdown starts; started only once the
     * content was read, this work took CPU from the Markdown instead (docs/performance.md, "Start-up (100 pages)").
     */
    void startAhead() {
        if (cache == null && ahead == null) {
            ahead = Ahead.start(options.templates(), templatesName, this::templateNames, null);
        }
    }

    /** The site as {@code guide report} assembles it from the content {@link #upToDate} read: for --verbose's numbers. */
    Site assembleForReport() {
        try {
            Loaded loaded = withSettings(lastRead);
            StringTables strings = StringTables.load(options.templates(), templatesName, loaded.settings());
            return assemble(decoded(loaded, file -> null), strings.markdownRenderer(), strings, false);
        } catch (ContentErrors e) {
            throw new IllegalStateException("the content of a build that succeeded no longer assembles", e);
        }
    }

    /** Builds the site into {@code output}; throws with every problem found when there is an error. */
    public Result run(Output output) throws ContentErrors, IOException {
        if (options.pdf() && new LeafletPdf(options.templates()).missingFonts().isEmpty()) {
            new LeafletPdf(options.templates()).warmUpInBackground();
        }
        // With the build cache, upToDate() has read the content and started FreeMarker; else it starts while the content is read.
        Ahead ahead = this.ahead != null ? this.ahead : cache == null ? Ahead.start(options.templates(), templatesName, this::templateNames, null) : null;
        this.ahead = null;
        Loaded loaded;
        try {
            loaded = this.loaded != null ? this.loaded : load();
        } catch (ContentErrors | RuntimeException | Error e) {
            if (ahead != null) {
                ahead.settings().completeExceptionally(e);
            }
            throw e;
        }
        this.loaded = null;
        if (disk != null) {
            // The build goes on: the guides' entries are read, then each file that is not UTF-8 is reported now. A file
            // the last build decoded (the same bytes) is decoded only if its text is needed: if it was edited, or its
            // Markdown must be rendered again.
            disk.inputs(loaded.tree(), options, today());
            loaded = decoded(loaded, disk::decodedBefore);
        }
        SiteSettings settings = loaded.settings();
        if (ahead != null) {
            ahead.settings().complete(settings);
        }
        output.writeGzipCopies(settings.precompress());
        // Which guides' last pages are reused is known now: their files are linked into the new output on a thread of
        // its own while the site is assembled and checked, which is mostly one core's work.
        LinkedGuides linked = disk == null ? null : LinkedGuides.start(output, disk.reusedPages(), disk::movableFolder,
                options.out().toAbsolutePath().normalize());
        try {
            return run(output, loaded, settings, linked, ahead);
        } finally {
            if (linked != null) {
                linked.join(); // never leave it writing into a staging folder that is about to be discarded
            }
        }
    }

    /**
     * The reused guides' files, hard-linked into the new output on a thread of its own; or, for a guide whose folder in
     * the last output holds exactly its files ({@link BuildCache#movableFolder}), the folder adopted whole: the new
     * output takes it in one rename when it is committed. The pages of a guide that turns out not to be in the site
     * after all are taken out again ({@link #finish}), so the output is always that of a cold build.
     */
    private static final class LinkedGuides {
        private final Output output;
        private final Map<BuildCache.Key, List<BuildCache.StoredPage>> guides;
        private final Set<BuildCache.Key> claimed = ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile RuntimeException failure;
        private volatile Error error;

        private LinkedGuides(Output output, Map<BuildCache.Key, List<BuildCache.StoredPage>> guides,
                             java.util.function.Function<BuildCache.Key, String> movable, Path lastOutput) {
            this.output = output;
            this.guides = guides;
            this.thread = new Thread(() -> {
                try {
                    guides.forEach((key, pages) -> {
                        String folder = movable.apply(key);
                        if (folder != null) {
                            output.adopt(folder, lastOutput, pages.stream().map(BuildCache.StoredPage::file).toList());
                        } else {
                            pages.forEach(page -> output.reuse(page.file(), lastOutput.resolve(page.file())));
                        }
                    });
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            }, "guide-links");
            thread.setDaemon(true);
        }

        static LinkedGuides start(Output output, Map<BuildCache.Key, List<BuildCache.StoredPage>> guides,
                                  java.util.function.Function<BuildCache.Key, String> movable, Path lastOutput) {
            LinkedGuides linked = new LinkedGuides(output, guides, movable, lastOutput);
            linked.thread.start();
            return linked;
        }

        /** The guide with this key is in the site and publishes the files linked for it. */
        void claim(BuildCache.Key key) {
            claimed.add(key);
        }

        /** Waits for the links to end, however they end (what stopped them is thrown by {@link #finish}). */
        void join() {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the links; throws what stopped them. */
        private void await() {
            join();
            if (error != null) {
                throw error;
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Waits for the links, then takes out the files of guides that were linked but are not in the site. */
        void finish() {
            await();
            guides.forEach((key, pages) -> {
                if (!claimed.contains(key)) {
                    pages.forEach(page -> output.discard(page.file()));
                }
            });
        }
    }

    /** @param ahead FreeMarker and the static files being made ready (see {@link Ahead}); null in the preview */
    private Result run(Output output, Loaded loaded, SiteSettings settings, LinkedGuides linked, Ahead ahead) throws ContentErrors, IOException {
        TemplateRenderer templates = cache == null ? new TemplateRenderer(options.templates(), templatesName, settings, ahead.freemarker())
                : cache.templates(options.templates(), templatesName, settings);
        // Each language's Markdown prints its own words (care-card levels, heading links) from the string tables.
        StringTables strings = templates.strings();
        MarkdownRenderer markdown = cache != null ? cache.markdown(strings.markdownWords(settings.language()))
                : disk != null ? MarkdownRenderer.storing(settings.warningKinds(), strings.markdownWords(settings.language()), disk)
                : strings.markdownRenderer();
        Site site;
        try {
            site = assemble(loaded, markdown, strings, publishing);
        } catch (ContentErrors contentErrors) {
            // Report broken templates with the broken content, so one run lists everything there is to fix.
            List<Problem> all = new ArrayList<>(contentErrors.problems());
            all.addAll(templates.syntaxProblems(templateNames()));
            throw new ContentErrors(all.stream().sorted(Problem.BY_LOCATION).toList());
        }
        if (cache != null) {
            markdown.forgetUnused();
        }
        // Every template, not only the pages' own: a syntax error in an included layout is then named at its own line.
        templates.checkTemplates(Stream.concat(PagePlan.templatesOf(site).stream(), templateNames().stream()).distinct().toList());

        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
        problems.addAll(strings.warnings());
        LeafletPdf leaflets = options.pdf() ? leafletPrinter() : null;
        StaticFiles staticFiles = ahead != null ? ahead.staticFiles()
                : cache.staticFiles() != null ? cache.staticFiles()
                : StaticFiles.read(options.templates(), templatesName);
        if (cache != null) {
            cache.keep(staticFiles);
        }
        LinkChecker links = new LinkChecker();
        Map<Page, RenderedPage> known = cache == null ? Map.of() : cache.pages(staticFiles.names());
        PageRun run = new PageRun(site, templates, staticFiles.names(), output, links, problems, known,
                cache == null ? null : new ConcurrentHashMap<>(), disk,
                disk == null ? null : options.out().toAbsolutePath().normalize());
        Map<String, GuideFiles> filesByPath = new java.util.HashMap<>();
        loaded.tree().guides().forEach(files -> filesByPath.put(files.slug() + "/", files));
        try {
            // Guide by guide, in parallel: plan a guide's pages, render and write each one, keep only its ids. Memory
            // then holds one guide's pages per thread, never every rendered page of the site at once (unless cached).
            // The home, A to Z and 404 pages (which list every guide) are planned and rendered beside the guides rather
            // than before them: with the build cache most guides are only hard links, and these pages were then most
            // of a rebuild's time on one core. The A to Z (the largest) starts on the pool; the home and 404 pages are
            // queued behind it, and this thread renders them itself once its guides are done unless the pool began them
            // first (a FutureTask runs once): on two cores an edit rebuild no longer waits for all three on one thread.
            CompletableFuture<Void> aToZ = CompletableFuture.runAsync(() ->
                    run.renderSitePages(disk == null ? PagePlan.aToZs(site, strings::of) : PagePlan.aToZs(site, strings::of, disk::sortedAToZ)));
            FutureTask<Void> homes = new FutureTask<>(() -> {
                run.renderSitePages(PagePlan.homes(site));
                run.renderSitePages(PagePlan.notFounds(site, strings::of));
                return null;
            });
            ForkJoinPool.commonPool().execute(homes);
            Throwable guidesFailed = null;
            try {
                renderGuides(site, run, filesByPath, leaflets, linked);
                if (linked != null) {
                    linked.finish();
                }
            } catch (RuntimeException | Error e) {
                guidesFailed = e;
            }
            homes.run(); // returns at once if the pool's thread began it
            // Never leave the site pages still writing into a staging folder that is about to be discarded.
            Throwable sitePagesFailed = awaitSitePages(aToZ, homes);
            if (guidesFailed != null) {
                throwUnchecked(guidesFailed);
            }
            if (sitePagesFailed != null) {
                throwUnchecked(sitePagesFailed);
            }
            Emission emission = new Emission(site, List.copyOf(run.published()), today(), problems::add);
            Output targets = new LinkTargets(output, links);
            for (Emitter emitter : emitters(staticFiles, strings)) {
                emitter.emit(emission, targets);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (cache != null) {
            cache.keep(run.current());
        }

        // Links into a page that failed to render would all be reported as broken: show the template error alone.
        if (!run.failed().get()) {
            problems.addAll(links.check(site.allGuides()));
        }
        if (options.external()) {
            try {
                problems.addAll(new ExternalLinkChecker(ExternalLinkChecker.DEFAULT_TIMEOUT, ExternalLinkChecker.DEFAULT_CONCURRENCY)
                        .check(ExternalLinkChecker.usesIn(site.allGuides())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while checking external links");
            }
        }
        List<Problem> found = problems.stream()
                .map(p -> options.escalates(p) ? p.asError() : p)
                .distinct()
                .sorted(Problem.BY_LOCATION)
                .toList();
        if (found.stream().anyMatch(Problem::isError)) {
            throw new ContentErrors(found);
        }
        return new Result(site, run.pages().get(), run.rendered().get(), found);
    }

    /** Waits for both tasks of the site's own pages, however they end; returns what stopped the first that failed, or null. */
    private static Throwable awaitSitePages(CompletableFuture<Void> aToZ, FutureTask<Void> homes) {
        Throwable failed = null;
        try {
            aToZ.join();
        } catch (CompletionException e) {
            failed = e.getCause() != null ? e.getCause() : e;
        }
        boolean interrupted = false;
        while (true) {
            try {
                homes.get();
                break;
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause();
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failed;
    }

    private static void throwUnchecked(Throwable failed) {
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        throw new CompletionException(failed);
    }

    /** Each guide in parallel: its last pages reused when the build cache has them intact, else planned and rendered. */
    private void renderGuides(Site site, PageRun run, Map<String, GuideFiles> filesByPath, LeafletPdf leaflets, LinkedGuides linked) {
        site.allGuides().parallelStream().forEach(guide -> {
            // Translations have paths of their own and are rendered every time; a guide's key covers its translations' files.
            GuideFiles files = filesByPath.get(guide.path());
            BuildCache.Key key = disk == null || files == null ? null : disk.guideKey(files);
            if (key == null || !run.reuse(key, linked)) {
                List<String> leaflet = new ArrayList<>(1);
                List<Page> pages = withLeaflet(run, guide, PagePlan.pagesOf(site, guide), leaflets, leaflet);
                // A guide whose leaflet could not be made is not kept: the next build reports why again.
                run.render(pages, guide, leaflets != null && leaflet.isEmpty() ? null : key, leaflet);
            }
        });
    }

    private record Loaded(ContentTree tree, SiteSettings settings) {
    }

    /**
     * What a build needs only after its Markdown, made meanwhile on a thread of its own: FreeMarker's configuration
     * with every template parsed, then the static files (read, checked and hashed). Before, a cold 100-page build
     * spent about 60 ms on these on the main thread while the second core had little to do (docs/performance.md,
     * "Start-up (100 pages)"). Problems are reported where the build always reported them: the configuration's by
     * {@link TemplateRenderer}, a template's syntax by its check, the static files' after it.
     */
    private record Ahead(TemplateRenderer.Prepared freemarker, CompletableFuture<SiteSettings> settings,
                         CompletableFuture<StaticFiles> statics) {

        interface Names {
            List<String> get() throws IOException;
        }

        /**
         * Starts at once; FreeMarker's last step (the site's locale, the templates parsed) waits for {@link #settings}.
         *
         * @param known the settings when they are already read (with the build cache), else null
         */
        static Ahead start(Path templates, String templatesName, Names names, SiteSettings known) {
            Ahead ahead = new Ahead(TemplateRenderer.prepare(templates), new CompletableFuture<>(),
                    new CompletableFuture<>());
            Thread thread = new Thread(() -> {
                try {
                    // The template loader first (the renderer waits for it), then the static files: hashing them starts
                    // Java's security providers, which the build cache's keys need next on the main thread.
                    ahead.freemarker().load();
                    if (known != null) {
                        // The main thread checks the string tables' alphabets before the Markdown can start, and the
                        // first collator of a language takes about 10 ms to make: made here first, the check finds it
                        // made (Collation keeps one per language; the A to Z page uses the same one).
                        Collation.prepare(known.language());
                    }
                    // Flexmark's parsers, which the main thread needs next, once the string tables are checked.
                    MarkdownRenderer.prepare();
                    try {
                        ahead.statics().complete(StaticFiles.read(templates, templatesName));
                    } catch (Throwable e) {
                        ahead.statics().completeExceptionally(e);
                    }
                    ahead.freemarker().configure();
                    List<String> all;
                    try {
                        all = names.get();
                    } catch (IOException | RuntimeException e) {
                        all = List.of(); // the template check lists the folder again, and reports why it cannot
                    }
                    SiteSettings settings;
                    try {
                        settings = ahead.settings().join();
                    } catch (CompletionException e) {
                        ahead.freemarker().abandon(e.getCause());
                        return;
                    }
                    if (known == null) {
                        // Started before the settings were read: the collator as soon as they are (see above).
                        Collation.prepare(settings.language());
                    }
                    ahead.freemarker().finish(settings, all);
                } catch (Throwable e) {
                    ahead.freemarker().abandon(e);
                    ahead.statics().completeExceptionally(e);
                }
            }, "templates");
            thread.setDaemon(true);
            thread.start();
            return ahead;
        }

        StaticFiles staticFiles() throws IOException {
            try {
                return TaskResult.of(statics);
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
    }

    /** The PDF printer, once its fonts are known to be there (else one error naming each missing file). */
    private LeafletPdf leafletPrinter() throws ContentErrors {
        LeafletPdf printer = new LeafletPdf(options.templates());
        List<String> missing = printer.missingFonts();
        if (!missing.isEmpty()) {
            throw new ContentErrors(missing.stream()
                    .map(font -> Problem.error(Code.LEAFLET_FONT_MISSING, templatesName + "/" + font, 0, "font for the PDF leaflets not found",
                            "restore it from version control, or build with --no-pdf"))
                    .toList());
        }
        return printer;
    }

    /**
     * Prints a guide's PDF leaflet from its whole-guide page, writes it, and returns the guide's pages with a link
     * to it ("Download this guide (PDF, 6 pages, 84 KB)"), which is why it is made here, before the pages are
     * rendered, rather than by an {@link Emitter} after them. With no printer (--no-pdf) the pages are as planned.
     */
    private List<Page> withLeaflet(PageRun run, Guide guide, List<Page> pages, LeafletPdf printer, List<String> written) {
        if (printer == null) {
            return pages;
        }
        Site site = run.site();
        Page.WholeGuide whole = pages.stream().filter(Page.WholeGuide.class::isInstance).map(Page.WholeGuide.class::cast)
                .findFirst().orElseThrow();
        if (whole.guide().draft()) {
            return pages; // a draft (or a guide holding a draft section) gets no leaflet: a PDF would travel without the banner
        }
        Page.Leaflet leaflet = PagePlan.leaflet(site, guide, whole);
        try {
            String xhtml = run.templates().render(leaflet, run.assets(), PageMetadata.of(site, guide, leaflet));
            String folder = options.content().toAbsolutePath().toUri().toString();
            LeafletPdf.Links links = new LeafletPdf.Links(whole.path(), PageMetadata.absoluteUrl(site.settings(), whole.path()),
                    guide.sections().stream().map(section -> section.slug()).toList());
            LeafletPdf.Printed printed = printer.print(xhtml, links, (folder.endsWith("/") ? folder : folder + "/") + whole.path(),
                    guide.meta().reviewed() != null ? guide.meta().reviewed() : today());
            run.output().write(leaflet.path(), printed.bytes());
            run.links().addFile(leaflet.path());
            written.add(leaflet.path());
            return PagePlan.withDownload(pages, leaflet.path(), printed.pages(), printed.bytes().length);
        } catch (ContentErrors e) {
            run.problems().addAll(e.problems());
        } catch (LeafletPdf.MissingLetters e) {
            // A guide or translation in a script no leaflet font has keeps its pages, without a link to a leaflet
            // that would be a PDF of boxes.
            run.problems().add(Problem.warning(Code.LEAFLET_MISSING_LETTERS, guide.displayPath(), 0,
                    "no PDF leaflet: its fonts (Lato for Latin scripts, Noto Naskh Arabic for the Arabic script, in templates/fonts) have no letters for "
                    + e.getMessage(), "add a font for this script to the leaflet, or build with --no-pdf"));
            return pages;
        } catch (IOException | RuntimeException e) {
            run.problems().add(Problem.error(Code.LEAFLET_FAILED, guide.displayPath(), 0, "cannot make the guide's PDF leaflet: " + e,
                    "check the guide's images and the templates' fonts folder, or build with --no-pdf"));
        }
        run.failed().set(true);
        return pages;
    }

    /**
     * What rendering a page needs and where its results go; shared by the threads that render guides.
     *
     * @param known   pages rendered by an earlier run, reused when their record and metadata are equal
     * @param current this run's pages, kept for the next run; null when nothing is kept
     */
    private record PageRun(Site site, TemplateRenderer templates, Map<String, String> assets, Output output, LinkChecker links,
                           List<Problem> problems, Map<Page, RenderedPage> known, Map<Page, RenderedPage> current,
                           BuildCache disk, Path lastOutput,
                           List<PublishedPage> published, AtomicInteger pages, AtomicInteger rendered, AtomicBoolean failed) {

        PageRun(Site site, TemplateRenderer templates, Map<String, String> assets, Output output, LinkChecker links,
                List<Problem> problems, Map<Page, RenderedPage> known, Map<Page, RenderedPage> current, BuildCache disk, Path lastOutput) {
            this(site, templates, assets, output, links, problems, known, current, disk, lastOutput,
                    Collections.synchronizedList(new ArrayList<>()), new AtomicInteger(), new AtomicInteger(),
                    new AtomicBoolean());
        }

        /**
         * Publishes the last build's pages of a guide with this key, when the cache has them intact (their files are
         * linked by {@code linked}); false if not.
         */
        boolean reuse(BuildCache.Key key, LinkedGuides linked) {
            List<BuildCache.StoredPage> stored = disk.reusablePages(key);
            if (stored == null) {
                return false;
            }
            linked.claim(key);
            for (BuildCache.StoredPage page : stored) {
                if (page.published() == null) {
                    links.addFile(page.file()); // the guide's PDF leaflet
                    continue;
                }
                links.addPageIds(page.pagePath(), page.ids());
                published.add(page.published());
                pages.incrementAndGet();
            }
            disk.keepPages(key, stored);
            return true;
        }

        /**
         * @param guide the guide these pages belong to, or null for the site's own pages
         * @param key   the guide's key in the build cache, or null when its pages are not kept there
         * @param files other files the guide's pages came with (its PDF leaflet), kept in the cache with them
         */
        void render(List<Page> planned, Guide guide, BuildCache.Key key, List<String> files) {
            List<BuildCache.StoredPage> stored = key == null ? null : Collections.synchronizedList(new ArrayList<>());
            if (stored != null) {
                files.forEach(file -> stored.add(new BuildCache.StoredPage(file, null, java.util.Set.of(), null, 0, 0, 0, 0)));
            }
            AtomicBoolean guideFailed = new AtomicBoolean();
            if (current == null && stored != null && disk.keysPagesOf(key)) {
                // A guide being edited: each of its pages that is what the last build published is linked, not rendered.
                planned.forEach(page -> renderOrLink(page, PageMetadata.of(site, guide, page), guide, stored, guideFailed));
            } else if (current == null) {
                planned.forEach(page -> render(page, guide, stored, guideFailed));
            } else {
                // The preview re-renders a page or two of one guide: side by side, as one guide's pages are.
                planned.parallelStream().forEach(page -> render(page, guide, stored, guideFailed));
            }
            if (stored != null && !guideFailed.get()) {
                disk.keepPages(key, List.copyOf(stored));
            }
        }

        /**
         * The site's own pages (home, A to Z, 404): with the build cache, each linked from the last output when it is
         * what the last build published there ({@link #renderOrLink}), else rendered; they list every guide, so without
         * their own keys they were rendered on every build.
         */
        void renderSitePages(List<Page> planned) {
            if (disk == null) {
                render(planned, null, null, List.of());
                return;
            }
            for (Page page : planned) {
                renderOrLink(page, PageMetadata.of(site, null, page), null, null, new AtomicBoolean());
            }
        }

        /**
         * A page kept by its own key ({@link BuildCache#pageKey}): linked from the last output, with the ids and sitemap
         * entry that build found in it, when the last build published a page of that key whose file is still as it left
         * it; else rendered. Either way kept under its key for the next build, and added to {@code stored} (a guide's
         * pages), when given.
         */
        private void renderOrLink(Page page, PageMetadata meta, Guide guide, List<BuildCache.StoredPage> stored, AtomicBoolean guideFailed) {
            BuildCache.Key key = disk.pageKey(page, meta);
            BuildCache.StoredPage last = key == null ? null : disk.reusableKeyedPage(key);
            if (last != null) {
                output.reuse(last.file(), lastOutput.resolve(last.file()));
                links.addPageIds(last.pagePath(), last.ids());
                published.add(last.published());
                pages.incrementAndGet();
                if (stored != null) {
                    stored.add(last);
                }
                disk.keepKeyedPage(key, last);
                return;
            }
            BuildCache.StoredPage made = render(page, meta, guide, stored, guideFailed);
            if (key != null && made != null) {
                disk.keepKeyedPage(key, made);
            }
        }

        private void render(Page page, Guide guide, List<BuildCache.StoredPage> stored, AtomicBoolean guideFailed) {
            render(page, PageMetadata.of(site, guide, page), guide, stored, guideFailed);
        }

        /** Renders and publishes a page; returns what the build cache keeps of it, or null when it failed. */
        private BuildCache.StoredPage render(Page page, PageMetadata meta, Guide guide, List<BuildCache.StoredPage> stored, AtomicBoolean guideFailed) {
            RenderedPage done = known.get(page);
            if (done == null && current == null) {
                // Nothing keeps this page's bytes (no preview): written and read for its ids from the rendering thread's
                // buffer, without a copy of every page.
                TemplateRenderer.PageBytes bytes;
                try {
                    bytes = templates.renderUtf8InPlace(page, assets, meta);
                    rendered.incrementAndGet();
                } catch (ContentErrors e) {
                    renderFailed(e, guideFailed);
                    return null;
                }
                return publish(page, bytes.buffer(), bytes.length(), meta, stored);
            }
            // The metadata is compared too: it reads the whole site (the home page's latest review date, the page's
            // translations for its alternates), not only the page.
            if (done == null || !done.meta().equals(meta)) {
                try {
                    done = new RenderedPage(templates.renderUtf8(page, assets, meta), meta);
                    rendered.incrementAndGet();
                } catch (ContentErrors e) {
                    renderFailed(e, guideFailed);
                    return null;
                }
            }
            if (current != null) {
                current.put(page, done);
            }
            return publish(page, done.bytes(), done.bytes().length, done.meta(), stored);
        }

        /** A template error: reported, and the run and the page's guide marked failed (nothing of the guide is kept). */
        private void renderFailed(ContentErrors e, AtomicBoolean guideFailed) {
            problems.addAll(e.problems());
            failed.set(true);
            guideFailed.set(true);
        }

        /**
         * Writes a rendered page ({@code bytes[0, length)}), and records its ids, metadata and (with the cache) its entry;
         * returns that entry, or null without the cache.
         */
        private BuildCache.StoredPage publish(Page page, byte[] bytes, int length, PageMetadata meta, List<BuildCache.StoredPage> stored) {
            boolean isFile = page.path().endsWith(".html");
            String file = isFile ? page.path() : page.path() + "index.html";
            output.write(file, bytes, length);
            java.util.Set<String> ids = links.addPage(page.path(), bytes, length);
            // Of its metadata only what emitters read is kept: the rest (its JSON-LD) was for this page alone.
            PublishedPage listed = PublishedPage.of(meta);
            published.add(listed);
            pages.incrementAndGet();
            if (disk == null) {
                return null; // nothing keeps it: no entry made for each of a cold build's pages
            }
            // Sizes and times are read when the cache is saved, from the output the build swapped in.
            BuildCache.StoredPage kept = new BuildCache.StoredPage(file, page.path(), ids, listed, 0, 0, 0, 0);
            if (stored != null) {
                stored.add(kept);
            }
            return kept;
        }
    }

    /** The output as emitters see it: every file they write is also a target the link check knows. */
    private record LinkTargets(Output output, LinkChecker links) implements Output {
        @Override
        public void write(String sitePath, byte[] bytes) {
            output.write(sitePath, bytes);
            links.addFile(sitePath);
        }

        @Override
        public void write(String sitePath, byte[] buffer, int length) {
            output.write(sitePath, buffer, length);
            links.addFile(sitePath);
        }

        @Override
        public void copy(String sitePath, Path source) {
            output.copy(sitePath, source);
            links.addFile(sitePath);
        }
    }

    private Loaded load() throws ContentErrors {
        return withSettings(loadTree());
    }

    private ContentTree loadTree() throws ContentErrors {
        ContentLoader loader = new ContentLoader(options.content(), contentName);
        // With the build cache the files are fingerprinted as read and decoded only if the build is not up to date; a
        // file whose stat data the last build recorded (FileStates) is not read at all.
        ContentTree tree = disk == null ? loader.load() : disk.hasEntries() ? loader.loadUndecoded(disk.contentStates()) : loader.loadRecordingStates();
        if (disk != null) {
            disk.keepContentStates(loader::states);
        }
        lastRead = tree;
        return tree;
    }

    /** The tree with its settings parsed (and --base-url checked). */
    private Loaded withSettings(ContentTree tree) throws ContentErrors {
        SiteSettings settings = SiteSettings.parse(tree.settings());
        if (options.baseUrl() != null) {
            String problem = SiteSettings.baseUrlProblem(options.baseUrl());
            if (problem != null) {
                throw new ContentErrors(Problem.error(Code.BAD_BASE_URL, "--base-url", 0, problem, "use '/' or a full address such as 'https://example.org/health/'"));
            }
            settings = settings.withBaseUrl(options.baseUrl());
        }
        return new Loaded(tree, settings);
    }

    /** The content as {@link ContentLoader#load} gives it: every file decoded, each that is not UTF-8 left out with its error. */
    private Loaded decoded(Loaded loaded,
                           java.util.function.Function<org.healthguides.content.SourceFile, org.healthguides.content.SourceFile.Known> decodedBefore) {
        ContentTree tree = ContentLoader.decoded(loaded.tree(), decodedBefore);
        lastRead = tree;
        return new Loaded(tree, loaded.settings());
    }

    /**
     * The text of each content file as this pipeline last read it, by the path messages name it; null for any other
     * file or one that is not UTF-8. A file is decoded when its text is first asked for: an up-to-date build decodes
     * only the files its warnings point at.
     */
    java.util.function.Function<String, String> readTexts() {
        return readTexts(readFiles());
    }

    /** The content files as this pipeline last read them, by the path messages name them. */
    Map<String, org.healthguides.content.SourceFile> readFiles() {
        ContentTree tree = lastRead;
        if (tree == null) {
            return Map.of();
        }
        Map<String, org.healthguides.content.SourceFile> files = new java.util.HashMap<>();
        files.put(tree.settings().displayPath(), tree.settings());
        for (GuideFiles guide : tree.guides()) {
            files.put(guide.index().displayPath(), guide.index());
            guide.sections().forEach(section -> files.put(section.displayPath(), section));
            guide.translations().values().forEach(list -> list.forEach(source -> files.put(source.displayPath(), source)));
        }
        return files;
    }

    /** {@link #readTexts()} of these files. */
    static java.util.function.Function<String, String> readTexts(Map<String, org.healthguides.content.SourceFile> files) {
        return path -> {
            org.healthguides.content.SourceFile file = files.get(path);
            if (file == null) {
                return null;
            }
            try {
                return file.text();
            } catch (org.healthguides.content.SourceFile.Unreadable e) {
                return null; // read from disk as any other file, for its excerpt only
            }
        };
    }

    /** @param publishing the site's published address matters ({@code build}; not check, the preview or the report) */
    private Site assemble(Loaded loaded, MarkdownRenderer markdown, StringTables strings, boolean publishing) throws ContentErrors {
        String baseUrlSource = options.baseUrl() != null ? "--base-url" : contentName + "/" + SiteSettings.FILE_NAME;
        CheckContext context = new CheckContext(loaded.tree(), contentName, today(), baseUrlSource, publishing);
        try {
            return new SiteAssembler(loaded.settings(), markdown, contentName)
                    .withTranslatedMarkdown(strings.translatedMarkdownRenderers())
                    .withLanguageSettings(strings.settingsByLanguage())
                    .withDrafts(includesDrafts())
                    .withKnownFrontMatter(disk != null ? disk : org.healthguides.content.FrontMatter.Store.NONE)
                    .withKnownGuides(disk != null ? disk : SiteAssembler.KnownGuides.NONE)
                    .assemble(loaded.tree(), Checks.all(), context);
        } catch (org.healthguides.content.SourceFile.Unreadable e) {
            // A file not decoded before (unchanged since the last build) whose text was needed, and which has changed since it was read.
            throw new ContentErrors(e.problem());
        }
    }

    private LocalDate today() {
        return LocalDate.now(options.clock());
    }

    /** Every template in the templates folder (outside static/), as FreeMarker names them. */
    private List<String> templateNames() throws IOException {
        Path folder = options.templates();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Path staticFolder = folder.resolve(TemplateRenderer.STATIC_FOLDER);
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(staticFolder) && file.getFileName().toString().endsWith(".ftlh"))
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
