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
        List<Reference> references = content.references().stream().map(r -> moved(r, fromPage, toPage)).toList();
        List<ContentLink> links = content.links().stream().map(l -> moved(l, toPage)).toList();
        return new RenderedMarkdown(rebase(content.html(), fromPage, toPage), content.headings(), content.callouts(), references,
                links, content.problems(), content.reading());
    }

    /**
     * {@link #movedTo}, its references and links moved each time they are read rather than now: for a guide whose pages
     * are reused, whose whole-guide page is not rendered again. Moved now, each kept guide's links and references lived
     * to the end of an edit rebuild (10,000 links at 10,000 pages) for no page.
     */
    public static RenderedMarkdown movedWhenRead(RenderedMarkdown content, String fromPage, String toPage) {
        return new RenderedMarkdown(rebase(content.html(), fromPage, toPage), content.headings(), content.callouts(),
                new Mapped<>(content.references(), r -> moved(r, fromPage, toPage)), new Mapped<>(content.links(), l -> moved(l, toPage)),
                content.problems(), content.reading());
    }

    private static Reference moved(Reference reference, String fromPage, String toPage) {
        return new Reference(reference.number(), reference.id(), reference.citationId(), rebase(reference.html(), fromPage, toPage));
    }

    /** A link to "#part" is to this page, whichever it is; every other link keeps its target. */
    private static ContentLink moved(ContentLink link, String toPage) {
        return link.isInternal() && (link.written().isEmpty() || link.written().startsWith("#"))
                ? new ContentLink(link.written(), toPage, link.fragment(), link.image(), link.line(), link.column())
                : link;
    }

    /** An immutable list of another list's elements, each mapped whenever it is read; nothing kept. */
    private static final class Mapped<S, T> extends java.util.AbstractList<T> {
        private final List<S> source;
        private final java.util.function.Function<S, T> map;

        Mapped(List<S> source, java.util.function.Function<S, T> map) {
            this.source = source;
            this.map = map;
        }

        @Override
        public T get(int index) {
            return map.apply(source.get(index));
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public java.util.Iterator<T> iterator() {
            java.util.Iterator<S> from = source.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return from.hasNext();
                }

                @Override
                public T next() {
                    return map.apply(from.next());
                }
            };
        }

        @Override
        public java.util.ListIterator<T> listIterator(int index) {
            return source.stream().map(map).toList().listIterator(index);
        }
    }

    static String rebase(String html, String fromPage, String toPage) {
        if (!html.contains("href=\"") && !html.contains("src=\"")) {
            return html;
        }
        String rebased = rebaseInOnePass(html, fromPage, toPage);
        return rebased != null ? rebased : rebaseWithJsoup(html, fromPage, toPage);
    }

    /**
     * The addresses of links and images changed in one pass over the text, without building a tree (parsing each
     * introduction with jsoup was 2% of a large build). It reads only what the Markdown stage prints (a '&lt;' always
     * starts a tag, values double-quoted with &amp;amp; &amp;quot; &amp;lt; &amp;gt; and &amp;nbsp; escaped, no
     * comments) and returns null for anything else.
     */
    static String rebaseInOnePass(String html, String fromPage, String toPage) {
        StringBuilder out = new StringBuilder(html.length() + 64);
        int at = 0;
        while (true) {
            int tag = html.indexOf('<', at);
            if (tag < 0) {
                out.append(html, at, html.length());
                return out.toString();
            }
            int end = html.indexOf('>', tag);
            if (end < 0 || html.startsWith("<!", tag)) {
                return null;
            }
            out.append(html, at, tag);
            String element = html.substring(tag, end + 1);
            String address = element.startsWith("<a ") ? " href=\"" : element.startsWith("<img ") ? " src=\"" : null;
            int attribute = address == null ? -1 : element.indexOf(address);
            if (attribute < 0) {
                out.append(element);
            } else {
                int valueStart = attribute + address.length();
                int valueEnd = element.indexOf('"', valueStart);
                String value = unescape(element.substring(valueStart, valueEnd));
                if (value == null || element.indexOf(address, valueEnd) >= 0) {
                    return null;
                }
                out.append(element, 0, valueStart).append(escape(rebaseUrl(value, fromPage, toPage))).append(element, valueEnd, element.length());
            }
            at = end + 1;
        }
    }

    private static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        String plain = value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0");
        if (plain.replace("&amp;", "").indexOf('&') >= 0) {
            return null; // an entity jsoup does not write in an attribute
        }
        return plain.replace("&amp;", "&");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
    }

    /** The reference implementation: parse, change the links and images, print. */
    static String rebaseWithJsoup(String html, String fromPage, String toPage) {
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
