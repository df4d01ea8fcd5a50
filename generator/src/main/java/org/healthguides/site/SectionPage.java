package org.healthguides.site;

import org.healthguides.content.SectionMeta;
import org.healthguides.markdown.RenderedMarkdown;

/**
 * One section of a guide, published at its own clean URL.
 *
 * @param path        its site path ("deadlift-lower-back-pain/technique/")
 * @param displayPath its source file, for messages
 */
public record SectionPage(SectionMeta meta, String path, String displayPath, RenderedMarkdown content) {

    public String slug() {
        return meta.slug();
    }

    public String title() {
        return meta.title();
    }
}
