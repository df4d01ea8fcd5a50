package org.healthguides.pipeline;

import java.nio.file.Path;
import java.util.Map;

import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.markdown.MarkdownWords;
import org.healthguides.output.StaticFiles;
import org.healthguides.render.Page;
import org.healthguides.render.PageMetadata;
import org.healthguides.render.TemplateRenderer;

/**
 * What the preview keeps between builds so that a rebuild renders only what changed: each Markdown body's rendering
 * by its text and place, and each page's HTML by its {@link Page} record and {@link PageMetadata} (which hold
 * everything its template sees besides the settings and the static files' names). A change to the settings or the
 * templates drops the pages: everything is rendered again. The static files are read again only after the templates
 * folder changed. One build at a time uses it.
 */
public final class PageCache {
    private SiteSettings settings;
    private MarkdownRenderer markdown;
    private MarkdownWords words;
    private TemplateRenderer templates;
    private boolean templatesStale = true;
    private StaticFiles staticFiles;
    private Map<String, String> assets = Map.of();
    private Map<Page, RenderedPage> pages = Map.of();

    /** A page as rendered, with what the pipeline reads from it after rendering. */
    record RenderedPage(byte[] bytes, PageMetadata meta) {
    }

    /** The templates (or their static files) changed: the next build renders every page again. */
    public void templatesChanged() {
        templatesStale = true;
        staticFiles = null;
    }

    /** The static files the last build read, or null when the templates folder changed since (or none were read). */
    StaticFiles staticFiles() {
        return staticFiles;
    }

    void keep(StaticFiles read) {
        staticFiles = read;
    }

    /**
     * The Markdown renderer for the settings {@link #templates} was last called with: the last build's, with what it
     * remembers, unless they or the heading link's name changed (a changed name changes the pages' content, so
     * those pages are rendered again without dropping the others).
     *
     * @param words the default language's screen-reader words, from its string table
     */
    MarkdownRenderer markdown(MarkdownWords words) {
        if (markdown == null || !words.equals(this.words)) {
            this.words = words;
            markdown = MarkdownRenderer.remembering(settings.warningKinds(), words);
        }
        return markdown;
    }

    /** The template renderer: the last build's unless the settings or templates changed, which also forgets every page. */
    TemplateRenderer templates(Path folder, String displayFolder, SiteSettings newSettings) throws ContentErrors {
        if (!newSettings.equals(settings)) {
            settings = newSettings;
            markdown = null;
            templatesStale = true;
        }
        if (templatesStale || templates == null) {
            templates = new TemplateRenderer(folder, displayFolder, newSettings);
            pages = Map.of();
            templatesStale = false;
        }
        return templates;
    }

    /** The pages of the last build, when they were rendered with these static files' names; else none. */
    Map<Page, RenderedPage> pages(Map<String, String> staticNames) {
        if (!staticNames.equals(assets)) {
            assets = staticNames;
            pages = Map.of();
        }
        return pages;
    }

    /** Keeps this build's pages (and only those, so memory follows the site). */
    void keep(Map<Page, RenderedPage> current) {
        pages = current;
    }
}
