package org.healthguides.output;

import java.util.Comparator;
import java.util.List;

import org.healthguides.render.PageMetadata;

/** sitemap.xml, listing every indexable page sorted by address, when the base URL is absolute. */
public final class SitemapFile implements Emitter {
    @Override
    public void emit(Emission emission, Output output) {
        if (PageMetadata.absoluteUrl(emission.site().settings(), Sitemap.SITEMAP_PATH) == null) {
            return;
        }
        List<Sitemap.Entry> entries = emission.pages().stream()
                .filter(page -> page.indexable() && page.url() != null)
                .map(page -> new Sitemap.Entry(page.url(), page.lastReviewed(), page.alternates()))
                .sorted(Comparator.comparing(Sitemap.Entry::url))
                .toList();
        output.writeText(Sitemap.SITEMAP_PATH, Sitemap.xml(entries));
    }
}
