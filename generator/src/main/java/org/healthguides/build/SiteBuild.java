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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.links.ExternalLinkChecker;
import org.healthguides.links.LinkChecker;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.output.SiteWriter;
import org.healthguides.render.Page;
import org.healthguides.render.PagePlan;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;

/**
 * Runs the pipeline in the order data flows: load content, parse settings, assemble the site (Markdown
 * rendered per section), plan pages, render templates in memory, check links, and only then, when nothing is
 * wrong, write the new site beside the old one and swap it in. {@link #check()} is the same without the writing.
 */
public final class SiteBuild {
    private final BuildOptions options;

    public SiteBuild(BuildOptions options) {
        this.options = options;
    }

    /** Builds and publishes the site; throws with every problem found when there is an error. */
    public BuildReport run() throws ContentErrors, IOException {
        long start = System.nanoTime();
        RenderedSite site = render();
        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            site.copies().forEach(writer::copy);
            site.pages().forEach(writer::writeText);
            writer.commit();
            return new BuildReport(site.pageCount(), writer.filesWritten(), site.warnings(), millisSince(start));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Everything {@link #run()} checks, without writing anything. */
    public BuildReport check() throws ContentErrors, IOException {
        long start = System.nanoTime();
        RenderedSite site = render();
        return new BuildReport(site.pageCount(), 0, site.warnings(), millisSince(start));
    }

    /**
     * The whole site in memory.
     *
     * @param pages  site path of each file → its HTML
     * @param copies site path → file copied as it is (stylesheet, images)
     */
    private record RenderedSite(int pageCount, Map<String, String> pages, Map<String, Path> copies, List<Problem> warnings) {
    }

    private RenderedSite render() throws ContentErrors, IOException {
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
        TemplateRenderer templates = new TemplateRenderer(options.templates(), display(options.templates()), settings);
        Site site;
        try {
            site = new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), contentName).assemble(tree);
        } catch (ContentErrors contentErrors) {
            // Report broken templates with the broken content, so one run lists everything there is to fix.
            List<Problem> all = new ArrayList<>(contentErrors.problems());
            all.addAll(templates.syntaxProblems(templateNames()));
            throw new ContentErrors(all);
        }
        List<Page> pages = PagePlan.pagesOf(site);
        // Every template, not only the pages' own: a syntax error in an included layout is then named at its own line.
        templates.checkTemplates(Stream.concat(pages.stream().map(Page::template), templateNames().stream()).distinct().toList());

        LinkChecker links = new LinkChecker();
        Map<String, Path> copies = new TreeMap<>();
        staticFiles().forEach((sitePath, file) -> {
            copies.put(sitePath, file);
            links.addFile(sitePath);
        });
        for (Guide guide : site.guides()) {
            for (String asset : guide.assets()) {
                copies.put(asset, options.content().resolve(asset));
                links.addFile(asset);
            }
        }
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
        Map<String, String> html = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(page -> {
            try {
                String rendered = templates.render(page, page.root() + TemplateRenderer.STATIC_FOLDER + "/style.css");
                boolean isFile = page.path().endsWith(".html");
                html.put(isFile ? page.path() : page.path() + "index.html", rendered);
                links.addPage(page.path(), rendered);
            } catch (ContentErrors e) {
                problems.addAll(e.problems());
            }
        });
        List<ExternalLinkChecker.Use> external = new ArrayList<>();
        for (Guide guide : site.guides()) {
            problems.addAll(links.check(guide.displayPath(), guide.introduction().links()));
            guide.introduction().links().forEach(link -> external.add(new ExternalLinkChecker.Use(guide.displayPath(), link)));
            for (SectionPage section : guide.sections()) {
                problems.addAll(links.check(section.displayPath(), section.content().links()));
                section.content().links().forEach(link -> external.add(new ExternalLinkChecker.Use(section.displayPath(), link)));
            }
        }
        if (options.external()) {
            try {
                problems.addAll(new ExternalLinkChecker(ExternalLinkChecker.DEFAULT_TIMEOUT, ExternalLinkChecker.DEFAULT_CONCURRENCY).check(external));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while checking external links");
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
        return new RenderedSite(pages.size(), new TreeMap<>(html), copies, found);
    }

    private Map<String, Path> staticFiles() throws IOException {
        Map<String, Path> files = new TreeMap<>();
        Path folder = options.templates().resolve(TemplateRenderer.STATIC_FOLDER);
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(TemplateRenderer.STATIC_FOLDER + "/" + folder.relativize(file).toString().replace('\\', '/'), file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    /** Every template in the templates folder (outside static/), as FreeMarker names them. */
    private List<String> templateNames() throws IOException {
        Path folder = options.templates();
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

    /** How a folder is named in messages: as given, relative to the working directory when it can be. */
    static String display(Path folder) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
