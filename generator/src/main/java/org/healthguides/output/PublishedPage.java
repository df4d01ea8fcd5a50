package org.healthguides.output;

import java.util.Map;

import org.healthguides.render.PageMetadata;

/**
 * What emitters know of a published page: what the sitemap lists, nothing that only the page itself prints (its
 * JSON-LD, description, Open Graph fields). Kept for every page of a build, and in the build cache for every page it
 * reuses: the whole {@link PageMetadata} was ~1.5 KB a page there (14,000 pages' JSON-LD read back and held to the
 * end of every rebuild at 10,000 pages, for a sitemap that needs an address, a date and the translations).
 *
 * @param url          the page's absolute address, or null when the base URL has no host
 * @param indexable    false for the 404 page and drafts, which search engines should not list
 * @param lastReviewed ISO date its guide was last reviewed, or null
 * @param alternates   its absolute address in each language it exists in, by hreflang, then x-default; empty when it
 *                     exists in one language only or has no absolute address ({@link PageMetadata#hreflangUrls()})
 */
public record PublishedPage(String url, boolean indexable, String lastReviewed, Map<String, String> alternates) {

    public static PublishedPage of(PageMetadata meta) {
        return new PublishedPage(meta.url(), meta.indexable(), meta.lastReviewed(), meta.hreflangUrls());
    }
}
