package org.healthguides.markdown;

import java.util.List;

import org.healthguides.diagnostics.Problem;
import org.healthguides.readability.ReadingStats;

/**
 * A Markdown body turned into safe HTML, with what later stages need to know about it.
 *
 * @param html       sanitised HTML, without the references list (templates place it)
 * @param headings   its headings in order, with their ids
 * @param callouts   its warning callouts in order
 * @param references its numbered references in order
 * @param links      every link and image it contains
 * @param problems   errors and warnings found while rendering, located in the source file
 * @param reading    how hard its prose is to read (see readability.Prose for what counts)
 */
public record RenderedMarkdown(String html, List<Heading> headings, List<Callout> callouts, List<Reference> references,
                               List<ContentLink> links, List<Problem> problems, ReadingStats reading) {

    /** Every id a link may point at on this content: headings, references, citations. */
    public java.util.Set<String> anchorIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        headings.forEach(h -> ids.add(h.id()));
        references.forEach(r -> {
            ids.add(r.id());
            ids.add(r.citationId());
        });
        return ids;
    }
}
