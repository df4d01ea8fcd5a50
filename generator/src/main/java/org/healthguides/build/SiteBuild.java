package org.healthguides.build;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.DisplayPath;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.links.ExternalLinkChecker;
import org.healthguides.links.LinkChecker;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.output.ContentHash;
import org.healthguides.output.SiteWriter;
import org.healthguides.output.Sitemap;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.PagePlan;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.report.ContentReport;
import org.healthguides.site.Guide;
import org.healthguides.site.ReviewSchedule;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;

/**
 * Runs the pipeline in the order data flows: load content, parse settings, assemble the site (Markdown
 * rendered per section), plan pages, render templates, check links. {@link #run()} writes each file into a
 * fresh folder beside the output and swaps it in only when nothing was wrong; {@link #check()} is the same
 * pipeline with the files thrown away.
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
            Outcome outcome = render(new StagedFiles(writer));
            writer.commit();
            return new BuildReport(outcome.pages(), writer.filesWritten(), outcome.warnings(), millisSince(start), outcome.content());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Everything {@link #run()} checks, without writing anything. */
    public BuildReport check() throws ContentErrors, IOException {
        long start = System.nanoTime();
        Outcome outcome = render(Output.DISCARD);
        return new BuildReport(outcome.pages(), 0, outcome.warnings(), millisSince(start), outcome.content());
    }

    /**
     * The content stages alone: load, parse and check the content into the site model, without templates or
     * output. What {@code guide report} reads; warnings are in {@link Site#warnings()}.
     */
    public Site assemble() throws ContentErrors {
        Loaded loaded = load();
        return assemble(loaded);
    }

    /** Where the built files go: the staging folder of a build, or nowhere for a check. */
    private interface Output {
        Output DISCARD = new Output() {
            @Override
            public void write(String sitePath, byte[] bytes) {
            }

            @Override
            public void copy(String sitePath, Path file) {
            }
        };

        void write(String sitePath, byte[] bytes);

        void copy(String sitePath, Path file);

        default void writeText(String sitePath, String text) {
            write(sitePath, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private record StagedFiles(SiteWriter writer) implements Output {
        @Override
        public void write(String sitePath, byte[] bytes) {
            writer.write(sitePath, bytes);
        }

        @Override
        public void copy(String sitePath, Path file) {
            writer.copy(sitePath, file);
        }
    }

    private record Loaded(ContentTree tree, SiteSettings settings) {
    }

    private record Outcome(int pages, List<Problem> warnings, ContentReport content) {
    }

    /** What rendering a page needs and where its results go; shared by the threads that render guides. */
    private record PageRun(Site site, TemplateRenderer templates, Map<String, String> assets, Output output, LinkChecker links,
                           List<Problem> problems, List<Sitemap.Entry> sitemap, AtomicInteger pageCount) {

        /** @param guide the guide these pages belong to, or null for the site's own pages */
        void render(List<Page> pages, Guide guide) {
            for (Page page : pages) {
                try {
                    PageMetadata meta = PageMetadata.of(site, guide, page);
                    if (meta.indexable() && meta.url() != null) {
                        sitemap.add(new Sitemap.Entry(meta.url(), meta.lastReviewed()));
                    }
                    String html = templates.render(page, assets, meta);
                    boolean isFile = page.path().endsWith(".html");
                    output.writeText(isFile ? page.path() : page.path() + "index.html", html);
                    links.addPage(page.path(), html);
                    pageCount.incrementAndGet();
                } catch (ContentErrors e) {
                    problems.addAll(e.problems());
                }
            }
        }
    }

    private Loaded load() throws ContentErrors {
        ContentTree tree = new ContentLoader(options.content(), DisplayPath.of(options.content())).load();
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

    private Site assemble(Loaded loaded) throws ContentErrors {
        return new SiteAssembler(loaded.settings(), new MarkdownRenderer(loaded.settings().warningKinds()), DisplayPath.of(options.content()))
                .assemble(loaded.tree());
    }

    private Outcome render(Output output) throws ContentErrors, IOException {
        Loaded loaded = load();
        SiteSettings settings = loaded.settings();
        TemplateRenderer templates = new TemplateRenderer(options.templates(), DisplayPath.of(options.templates()), settings);
        Site site;
        try {
            site = assemble(loaded);
        } catch (ContentErrors contentErrors) {
            // Report broken templates with the broken content, so one run lists everything there is to fix.
            List<Problem> all = new ArrayList<>(contentErrors.problems());
            all.addAll(templates.syntaxProblems(templateNames()));
            throw new ContentErrors(all.stream().sorted(Problem.BY_LOCATION).toList());
        }
        // Every template, not only the pages' own: a syntax error in an included layout is then named at its own line.
        templates.checkTemplates(Stream.concat(PagePlan.templatesOf(site).stream(), templateNames().stream()).distinct().toList());

        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
        if (PageMetadata.absoluteUrl(settings, "") == null) {
            problems.add(Problem.warning(Code.BASE_URL_WITHOUT_HOST, options.baseUrl() != null ? "--base-url" : DisplayPath.of(options.content()) + "/" + SiteSettings.FILE_NAME, 0,
                    "base URL '" + settings.baseUrl() + "' has no host, so sitemap.xml, canonical links and og:url are left out",
                    "set base_url in site.yaml or pass --base-url https://example.org/health/ when publishing"));
        }
        LocalDate today = LocalDate.now(options.clock());
        for (Guide guide : site.guides()) {
            problems.addAll(ReviewSchedule.check(guide, today));
        }

        LinkChecker links = new LinkChecker();
        Map<String, String> assets = publishStaticFiles(output, links);
        for (Guide guide : site.guides()) {
            for (String asset : guide.assets()) {
                output.copy(asset, options.content().resolve(asset));
                links.addFile(asset);
            }
        }
        List<Sitemap.Entry> sitemap = Collections.synchronizedList(new ArrayList<>());
        PageRun run = new PageRun(site, templates, assets, output, links, problems, sitemap, new AtomicInteger());
        // Guide by guide, in parallel: plan a guide's pages, render and write each one, keep only its ids. Memory
        // then holds one guide's pages per thread, never every rendered page of the site at once.
        run.render(List.of(PagePlan.home(site), PagePlan.notFound(site)), null);
        site.guides().parallelStream().forEach(guide -> run.render(PagePlan.pagesOf(site, guide), guide));
        writeSitemap(output, settings, sitemap);

        problems.addAll(links.check(site.guides()));
        if (options.external()) {
            try {
                problems.addAll(new ExternalLinkChecker(ExternalLinkChecker.DEFAULT_TIMEOUT, ExternalLinkChecker.DEFAULT_CONCURRENCY).check(ExternalLinkChecker.usesIn(site.guides())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while checking external links");
            }
        }
        List<Problem> found = problems.stream()
                .map(p -> options.strict() ? p.asError() : p)
                .distinct()
                .sorted(Problem.BY_LOCATION)
                .toList();
        if (found.stream().anyMatch(Problem::isError)) {
            throw new ContentErrors(found);
        }
        return new Outcome(run.pageCount().get(), found, ContentReport.of(site));
    }

    /**
     * Publishes the static files under names that carry a hash of their content, so hosts can cache them
     * forever. Returns each file's name in the static folder ("style.css") with its site path
     * ("static/style.3f9c2a1b.css").
     */
    private Map<String, String> publishStaticFiles(Output output, LinkChecker links) throws IOException {
        Map<String, String> assets = new TreeMap<>();
        Path folder = options.templates().resolve(TemplateRenderer.STATIC_FOLDER);
        if (!Files.isDirectory(folder)) {
            return assets;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                String sitePath = ContentHash.hashedName(TemplateRenderer.STATIC_FOLDER + "/" + name, bytes);
                output.write(sitePath, bytes);
                links.addFile(sitePath);
                assets.put(name, sitePath);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return assets;
    }

    /** sitemap.xml, sorted by address, when the base URL is absolute; robots.txt always (naming the sitemap if any). */
    private static void writeSitemap(Output output, SiteSettings settings, List<Sitemap.Entry> entries) {
        String sitemapUrl = PageMetadata.absoluteUrl(settings, Sitemap.SITEMAP_PATH);
        if (sitemapUrl != null) {
            List<Sitemap.Entry> sorted = entries.stream().sorted(Comparator.comparing(Sitemap.Entry::url)).toList();
            output.writeText(Sitemap.SITEMAP_PATH, Sitemap.xml(sorted));
        }
        output.writeText(Sitemap.ROBOTS_PATH, Sitemap.robotsTxt(sitemapUrl));
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

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
