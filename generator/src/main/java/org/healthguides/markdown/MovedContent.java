package org.healthguides.markdown;

import java.util.List;

import org.healthguides.content.UrlPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Rendered content published on a second page (a guide's introduction on its whole-guide page): the relative
 * links and images that {@link MarkdownRenderer} wrote from the first page are rewritten to lead to the same
 * places from the second. The same result as rendering the body again for that page (tested), without parsing,
 * checking and scoring it a second time; links written in raw HTML are rewritten too, so they also lead to the
 * same place from both pages.
 */
public final class MovedContent {
    private static final Evaluator LINKS = QueryParser.parse("a[href]");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");

    private MovedContent() {
    }

    /**
     * @param fromPage the page {@code content} was rendered for ("g/")
     * @param toPage   the page it is published on as well ("g/whole-guide/")
     */
    public static RenderedMarkdown movedTo(RenderedMarkdown content, String fromPage, String toPage) {
        List<Reference> references = content.references().stream()
                .map(r -> new Reference(r.number(), r.id(), r.citationId(), rebase(r.html(), fromPage, toPage)))
                .toList();
        // A link to "#part" is to this page, whichever it is; every other link keeps its target.
        List<ContentLink> links = content.links().stream()
                .map(l -> l.isInternal() && (l.written().isEmpty() || l.written().startsWith("#"))
                        ? new ContentLink(l.written(), toPage, l.fragment(), l.image(), l.line(), l.column())
                        : l)
                .toList();
        return new RenderedMarkdown(rebase(content.html(), fromPage, toPage), content.headings(), content.callouts(), references,
                links, content.problems(), content.reading());
    }

    static String rebase(String html, String fromPage, String toPage) {
        if (!html.contains("href=\"") && !html.contains("src=\"")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element link : document.select(LINKS)) {
            link.attr("href", rebaseUrl(link.attr("href"), fromPage, toPage));
        }
        for (Element image : document.select(IMAGES)) {
            image.attr("src", rebaseUrl(image.attr("src"), fromPage, toPage));
        }
        return document.body().html();
    }

    /** A URL as {@link MarkdownRenderer} writes it from {@code fromPage}, written from {@code toPage} instead. */
    static String rebaseUrl(String url, String fromPage, String toPage) {
        // Addresses with a scheme or host, in-page anchors and paths from a root are the same from anywhere.
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || MarkdownRenderer.SCHEME.matcher(url).find()) {
            return url;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String target = UrlPath.resolve(fromPage, path);
        if (target == null) {
            return url;
        }
        String rebased = UrlPath.relative(toPage, target);
        return hash < 0 ? rebased : rebased + url.substring(hash);
    }
}
