package org.healthguides.site;

import java.time.LocalDate;

import org.healthguides.content.ContentTree;

/**
 * What a {@link Check} may know besides the site.
 *
 * @param tree          the content as read, before parsing (files that exist but did not become pages)
 * @param contentRoot   how the content folder is named in messages
 * @param today         the build's date, from the injected clock
 * @param baseUrlSource where the base URL was set, as messages name it ("--base-url" or "content/site.yaml")
 * @param publishing    the site is built to be published ({@code build}, {@code check}), not previewed
 */
public record CheckContext(ContentTree tree, String contentRoot, LocalDate today, String baseUrlSource, boolean publishing) {
}
