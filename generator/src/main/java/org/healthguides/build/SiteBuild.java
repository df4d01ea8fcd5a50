package org.healthguides.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
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
 * rendered per section), plan pages, render templates, check links, and only then swap the new site in.
 */
public final class SiteBuild {
    private final BuildOptions options;

    public SiteBuild(BuildOptions options) {
        this.options = options;
    }

    public BuildReport run() throws ContentErrors, IOException {
        long start = System.nanoTime();
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
        Site site = new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), contentName).assemble(tree);
        TemplateRenderer templates = new TemplateRenderer(options.templates(), display(options.templates()), settings);
        templates.checkTemplates(PagePlan.templatesOf(site));

        try (SiteWriter writer = SiteWriter.begin(options.out())) {
            LinkChecker links = new LinkChecker();
            copyStaticFiles(writer, links);
            for (Guide guide : site.guides()) {
                for (String asset : guide.assets()) {
                    writer.copy(asset, options.content().resolve(asset));
                    links.addFile(asset);
                }
            }
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
            AtomicInteger pageCount = new AtomicInteger();
            // Guide by guide, in parallel: plan a guide's pages, render and write each one, keep only its ids.
            // So memory holds one guide's pages per thread, never every rendered page of the site at once.
            List<Page> sitePages = List.of(PagePlan.home(site), PagePlan.notFound(site));
            renderAll(sitePages, templates, writer, links, problems, pageCount);
            site.guides().parallelStream().forEach(guide ->
                    renderAll(PagePlan.pagesOf(site, guide), templates, writer, links, problems, pageCount));
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
            return new BuildReport(pageCount.get(), writer.filesWritten(), found, millis);
        }
    }

    private static void renderAll(List<Page> pages, TemplateRenderer templates, SiteWriter writer, LinkChecker links,
                                  List<Problem> problems, AtomicInteger pageCount) {
        for (Page page : pages) {
            try {
                String html = templates.render(page, page.root() + TemplateRenderer.STATIC_FOLDER + "/style.css");
                boolean isFile = page.path().endsWith(".html");
                writer.writeText(isFile ? page.path() : page.path() + "index.html", html);
                links.addPage(page.path(), html);
                pageCount.incrementAndGet();
            } catch (ContentErrors e) {
                problems.addAll(e.problems());
            }
        }
    }

    private void copyStaticFiles(SiteWriter writer, LinkChecker links) throws IOException {
        Path folder = options.templates().resolve(TemplateRenderer.STATIC_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String sitePath = TemplateRenderer.STATIC_FOLDER + "/" + folder.relativize(file).toString().replace('\\', '/');
                writer.copy(sitePath, file);
                links.addFile(sitePath);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How a folder is named in messages: as given, relative to the working directory when it can be. */
    static String display(Path folder) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = folder.toAbsolutePath().normalize();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }
}
