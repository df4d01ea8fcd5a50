package org.healthguides.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.links.LinkChecker;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.output.ContentHash;
import org.healthguides.output.SiteWriter;
import org.healthguides.output.Sitemap;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.report.ContentReport;
import org.healthguides.render.PagePlan;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;
import org.healthguides.site.Site;
import org.healthguides.site.ReviewSchedule;
import org.healthguides.site.SiteAssembler;

/**
 * Runs the pipeline in the order data flows: load content, parse settings, assemble the site (Markdown
 * rendered per section), plan pages, render templates, check links, and only then swap the new site in.
 */
public final class SiteBuild {
    private final BuildOptions options;

    public SiteBuild(BuildOptions options) {
        this.options = options;
    }

    public BuildReport run() throws ContentErrors, IOException {
        long start = System.nanoTime();
        Site site = assemble();
        SiteSettings settings = site.settings();
        List<Page> pages = PagePlan.pagesOf(site);
        TemplateRenderer templates = new TemplateRenderer(options.templates(), display(options.templates()), settings);
        templates.checkTemplates(pages.stream().map(Page::template).distinct().toList());

        List<Problem> buildWarnings = new ArrayList<>();
        if (PageMetadata.absoluteUrl(settings, "") == null) {
            buildWarnings.add(Problem.warning(options.baseUrl() != null ? "--base-url" : display(options.content()) + "/" + SiteSettings.FILE_NAME, 0,
                    "base URL '" + settings.baseUrl() + "' has no host, so sitemap.xml, canonical links and og:url are left out",
                    "set base_url in site.yaml or pass --base-url https://example.org/health/ when publishing"));
        }

        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            LinkChecker links = new LinkChecker();
            Map<String, String> assets = copyStaticFiles(writer, links);
            for (Guide guide : site.guides()) {
                for (String asset : guide.assets()) {
                    writer.copy(asset, options.content().resolve(asset));
                    links.addFile(asset);
                }
            }
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
            problems.addAll(buildWarnings);
            Site built = site;
            List<Sitemap.Entry> sitemap = Collections.synchronizedList(new ArrayList<>());
            java.time.LocalDate today = java.time.LocalDate.now(options.clock());
            for (Guide guide : site.guides()) {
                problems.addAll(ReviewSchedule.check(guide, today));
            }
            pages.parallelStream().forEach(page -> {
                try {
                    PageMetadata meta = PageMetadata.of(built, page);
                    if (meta.indexable() && meta.url() != null) {
                        sitemap.add(new Sitemap.Entry(meta.url(), meta.lastReviewed()));
                    }
                    String html = templates.render(page, assets, meta);
                    boolean isFile = page.path().endsWith(".html");
                    writer.writeText(isFile ? page.path() : page.path() + "index.html", html);
                    links.addPage(page.path(), html);
                } catch (ContentErrors e) {
                    problems.addAll(e.problems());
                }
            });
            writeSitemap(writer, settings, sitemap);
            for (Guide guide : site.guides()) {
                problems.addAll(links.check(guide.displayPath(), guide.introduction().links()));
                for (SectionPage section : guide.sections()) {
                    problems.addAll(links.check(section.displayPath(), section.content().links()));
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
            writer.commit();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new BuildReport(pages.size(), writer.filesWritten(), found, millis, ContentReport.of(site));
        }
    }

    /**
     * The content stages alone: load, parse and check the content into the site model, without templates or
     * output. What {@code guide report} reads; warnings are in {@link Site#warnings()}.
     */
    public Site assemble() throws ContentErrors {
        String contentName = display(options.content());
        ContentTree tree = new ContentLoader(options.content(), contentName).load();
        SiteSettings settings = SiteSettings.parse(tree.settings());
        if (options.baseUrl() != null) {
            String problem = SiteSettings.baseUrlProblem(options.baseUrl());
            if (problem != null) {
                throw new ContentErrors(Problem.error("--base-url", 0, problem, "use '/' or a full address such as 'https://example.org/health/'"));
            }
            settings = settings.withBaseUrl(options.baseUrl());
        }
        return new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), contentName).assemble(tree);
    }

    /**
     * Publishes the static files under names that carry a hash of their content, so hosts can cache them
     * forever. Returns each file's name in the static folder ("style.css") with its site path
     * ("static/style.3f9c2a1b.css").
     */
    private Map<String, String> copyStaticFiles(SiteWriter writer, LinkChecker links) throws IOException {
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
                writer.write(sitePath, bytes);
                links.addFile(sitePath);
                assets.put(name, sitePath);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return assets;
    }

    /** sitemap.xml, sorted by address, when the base URL is absolute; robots.txt always (naming the sitemap if any). */
    private static void writeSitemap(SiteWriter writer, SiteSettings settings, List<Sitemap.Entry> entries) {
        String sitemapUrl = PageMetadata.absoluteUrl(settings, Sitemap.SITEMAP_PATH);
        if (sitemapUrl != null) {
            List<Sitemap.Entry> sorted = entries.stream().sorted(java.util.Comparator.comparing(Sitemap.Entry::url)).toList();
            writer.writeText(Sitemap.SITEMAP_PATH, Sitemap.xml(sorted));
        }
        writer.writeText(Sitemap.ROBOTS_PATH, Sitemap.robotsTxt(sitemapUrl));
    }

    /** How a folder is named in messages: as given, relative to the working directory when it can be. */
    static String display(Path folder) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
