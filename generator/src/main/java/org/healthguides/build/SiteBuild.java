package org.healthguides.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
            java.time.LocalDate today = java.time.LocalDate.now(options.clock());
            for (Guide guide : site.guides()) {
                problems.addAll(ReviewSchedule.check(guide, today));
            }
            pages.parallelStream().forEach(page -> {
                try {
                    String html = templates.render(page, page.root() + TemplateRenderer.STATIC_FOLDER + "/style.css");
                    boolean isFile = page.path().endsWith(".html");
                    writer.writeText(isFile ? page.path() : page.path() + "index.html", html);
                    links.addPage(page.path(), html);
                } catch (ContentErrors e) {
                    problems.addAll(e.problems());
                }
            });
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
