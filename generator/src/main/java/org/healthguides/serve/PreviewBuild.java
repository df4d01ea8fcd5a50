package org.healthguides.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.DisplayPath;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.links.LinkChecker;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.output.ContentHash;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.PagePlan;
import org.healthguides.render.TemplateRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.ReviewSchedule;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;

/**
 * The build pipeline of {@code build.SiteBuild}, run into memory and made incremental for the preview.
 * Every rebuild reads the folders again (cheap), so deleted, renamed and new files are always seen; what is
 * expensive is remembered by its inputs: each Markdown body's rendering by its text and place, each page's HTML
 * by its {@link Page} record (which holds everything its template sees besides the settings). Editing one
 * section therefore renders that section's Markdown and only the pages whose data changed: that page, the
 * whole-guide page and, when its title or description changed, the guide index and its neighbours.
 * A change to the templates or the settings drops the remembered pages: everything is rendered again.
 * The base URL is always "/", where the preview serves the site.
 */
final class PreviewBuild {
    private final Path content;
    private final Path templates;
    private final String contentName;
    private final String templatesName;

    private SiteSettings settings;
    private MarkdownRenderer markdown;
    private TemplateRenderer renderer;
    private boolean templatesStale = true;
    private Map<Page, RenderedPage> renderedPages = Map.of();
    private final Map<Path, StoredFile> storedFiles = new HashMap<>();

    /** A site held in memory: file bytes by site path ("lifting/basics/index.html"). */
    record Result(Map<String, byte[]> files, int pages, int rendered, List<Problem> warnings) {
    }

    private record RenderedPage(String html, byte[] bytes) {
    }

    private record StoredFile(FileTime modified, long size, byte[] bytes) {
    }

    PreviewBuild(Path content, Path templates) {
        this.content = content;
        this.templates = templates;
        this.contentName = DisplayPath.of(content);
        this.templatesName = DisplayPath.of(templates);
    }

    String contentName() {
        return contentName;
    }

    /** Marks the templates (or their static files) changed: the next build renders every page again. */
    void templatesChanged() {
        templatesStale = true;
    }

    Result build() throws ContentErrors, IOException {
        ContentTree tree = new ContentLoader(content, contentName).load();
        SiteSettings newSettings = SiteSettings.parse(tree.settings()).withBaseUrl("/");
        if (!newSettings.equals(settings)) {
            settings = newSettings;
            markdown = MarkdownRenderer.remembering(settings.warningKinds());
            templatesStale = true;
        }
        Site site = new SiteAssembler(settings, markdown, contentName).assemble(tree);
        markdown.forgetUnused();
        List<Page> pages = PagePlan.pagesOf(site);
        if (templatesStale || renderer == null) {
            renderer = new TemplateRenderer(templates, templatesName, settings);
            renderedPages = Map.of();
            storedFiles.clear();
            templatesStale = false;
        }
        renderer.checkTemplates(pages.stream().map(Page::template).distinct().toList());

        Map<String, byte[]> files = new HashMap<>();
        LinkChecker links = new LinkChecker();
        Map<Path, StoredFile> stillUsed = new HashMap<>();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(site.warnings()));
        // As the build does: an editor previewing a guide that is due for review hears about it here first.
        java.time.LocalDate today = java.time.LocalDate.now();
        for (Guide guide : site.guides()) {
            problems.addAll(ReviewSchedule.check(guide, today));
        }
        Path staticFolder = templates.resolve(TemplateRenderer.STATIC_FOLDER);
        Map<String, String> assets = new TreeMap<>();
        for (Path file : filesUnder(staticFolder)) {
            String name = staticFolder.relativize(file).toString().replace('\\', '/');
            String staticPath = TemplateRenderer.STATIC_FOLDER + "/" + name;
            byte[] bytes = read(file, staticFolder, templatesName + "/" + staticPath, stillUsed, problems);
            if (bytes != null) {
                // Named by content hash as the build names them, so templates see the same asset paths.
                String sitePath = ContentHash.hashedName(staticPath, bytes);
                files.put(sitePath, bytes);
                links.addFile(sitePath);
                assets.put(name, sitePath);
            }
        }
        for (Guide guide : site.guides()) {
            for (String asset : guide.assets()) {
                byte[] bytes = read(content.resolve(asset), content, contentName + "/" + asset, stillUsed, problems);
                if (bytes != null) {
                    files.put(asset, bytes);
                    links.addFile(asset);
                }
            }
        }
        storedFiles.keySet().retainAll(stillUsed.keySet());

        Map<Page, RenderedPage> known = renderedPages;
        Map<Page, RenderedPage> rendered = new ConcurrentHashMap<>();
        int problemsBeforeRendering = problems.size();
        pages.parallelStream().filter(page -> !known.containsKey(page)).forEach(page -> {
            try {
                String html = renderer.render(page, assets, PageMetadata.of(site, page));
                rendered.put(page, new RenderedPage(html, html.getBytes(StandardCharsets.UTF_8)));
            } catch (ContentErrors e) {
                problems.addAll(e.problems());
            }
        });
        Map<Page, RenderedPage> current = new HashMap<>();
        for (Page page : pages) {
            RenderedPage html = known.containsKey(page) ? known.get(page) : rendered.get(page);
            if (html == null) {
                continue;
            }
            current.put(page, html);
            boolean isFile = page.path().endsWith(".html");
            files.put(isFile ? page.path() : page.path() + "index.html", html.bytes());
            links.addPage(page.path(), html.html());
        }
        renderedPages = current;

        // Links into a page that failed to render would all be reported as broken: show the template error alone.
        boolean everyPageRendered = problems.size() == problemsBeforeRendering;
        if (everyPageRendered) {
            problems.addAll(links.check(site.guides()));
        }
        List<Problem> found = problems.stream().distinct().sorted(Problem.BY_LOCATION).toList();
        if (found.stream().anyMatch(Problem::isError)) {
            throw new ContentErrors(found);
        }
        return new Result(Map.copyOf(files), pages.size(), rendered.size(), found);
    }

    /**
     * Reads a file published as it is, again only when its size or time changed; null when it is not served.
     * A link that leads out of its folder is not served: the preview serves nothing from outside the site's folders.
     */
    private byte[] read(Path file, Path folder, String displayPath, Map<Path, StoredFile> stillUsed,
                        List<Problem> problems) throws IOException {
        if (!file.toRealPath().startsWith(folder.toRealPath())) {
            problems.add(Problem.warning(Code.PREVIEW_LINK_OUTSIDE, displayPath, 0, "this link points outside " + DisplayPath.of(folder) + ", so the preview does not serve it",
                    "copy the file into the folder instead of linking to it"));
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        StoredFile stored = storedFiles.get(file);
        if (stored == null || !stored.modified().equals(attributes.lastModifiedTime()) || stored.size() != attributes.size()) {
            stored = new StoredFile(attributes.lastModifiedTime(), attributes.size(), Files.readAllBytes(file));
            storedFiles.put(file, stored);
        }
        stillUsed.put(file, stored);
        return stored.bytes();
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
