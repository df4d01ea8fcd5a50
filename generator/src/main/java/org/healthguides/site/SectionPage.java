package org.healthguides.site;

import org.healthguides.content.SectionMeta;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.readability.ReadingStats;

/**
 * One section of a guide, published at its own clean URL.
 *
 * @param path        its site path ("deadlift-lower-back-pain/technique/")
 * @param displayPath its source file, for messages
 * @param reading     how hard its prose is to read, and how long
 */
public record SectionPage(SectionMeta meta, String path, String displayPath, RenderedMarkdown content, ReadingStats reading) {

    public String slug() {
        return meta.slug();
    }

    public String title() {
        return meta.title();
    }
}
