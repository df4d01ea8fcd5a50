package org.healthguides.markdown;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Adapts a section's HTML for a page that holds several sections (the whole guide): ids get the section's
 * prefix so they stay unique, in-page links follow them, and headings move one level down under the
 * section's own heading.
 */
public final class NestedContent {
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Evaluator LABELLED = QueryParser.parse("[aria-labelledby]");
    private static final Evaluator IN_PAGE_LINKS = QueryParser.parse("a[href^=#]");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5");

    private NestedContent() {
    }

    public static RenderedMarkdown nest(RenderedMarkdown content, String idPrefix) {
        Document html = Jsoup.parseBodyFragment(content.html());
        html.outputSettings().prettyPrint(false);
        for (Element element : html.select(WITH_ID)) {
            element.attr("id", idPrefix + element.id());
        }
        for (Element element : html.select(LABELLED)) {
            element.attr("aria-labelledby", idPrefix + element.attr("aria-labelledby"));
        }
        for (Element link : html.select(IN_PAGE_LINKS)) {
            link.attr("href", "#" + idPrefix + link.attr("href").substring(1));
        }
        for (Element heading : html.select(HEADINGS)) {
            heading.tagName("h" + (heading.tagName().charAt(1) - '0' + 1));
        }
        List<Heading> headings = content.headings().stream()
                .map(h -> new Heading(Math.min(6, h.level() + 1), idPrefix + h.id(), h.text(), h.line()))
                .toList();
        List<Reference> references = content.references().stream()
                .map(r -> new Reference(r.number(), idPrefix + r.id(), idPrefix + r.citationId(), r.html()))
                .toList();
        return new RenderedMarkdown(html.body().html(), headings, content.callouts(), references, content.links(), content.problems());
    }
}
