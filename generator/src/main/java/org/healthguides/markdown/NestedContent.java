package org.healthguides.markdown;

import java.util.List;
import java.util.regex.Pattern;

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
    /** Prefixes that need no escaping inside an attribute value. */
    private static final Pattern PLAIN_PREFIX = Pattern.compile("[A-Za-z0-9._-]*");

    private NestedContent() {
    }

    public static RenderedMarkdown nest(RenderedMarkdown content, String idPrefix) {
        String html = PLAIN_PREFIX.matcher(idPrefix).matches() ? TagRewriter.rewrite(content.html(), idPrefix) : null;
        if (html == null) {
            html = nestWithJsoup(content.html(), idPrefix);
        }
        List<Heading> headings = content.headings().stream()
                .map(h -> new Heading(Math.min(6, h.level() + 1), idPrefix + h.id(), h.text(), h.line()))
                .toList();
        List<Reference> references = content.references().stream()
                .map(r -> new Reference(r.number(), idPrefix + r.id(), idPrefix + r.citationId(), r.html()))
                .toList();
        return new RenderedMarkdown(html, headings, content.callouts(), references, content.links(), content.problems(), content.reading());
    }

    /** The reference implementation: parse, change the elements, print. */
    static String nestWithJsoup(String content, String idPrefix) {
        Document html = Jsoup.parseBodyFragment(content);
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
        return html.body().html();
    }

    /**
     * The same changes made in one pass over the text, without building a tree: the whole-guide pages re-parsed
     * every section, which was a sixth of a large build. It reads only what jsoup prints (lower-case names,
     * double-quoted values, no comments) and returns null for anything else, so the caller falls back to jsoup.
     */
    static final class TagRewriter {
        private final String html;
        private final String prefix;
        private final StringBuilder out;
        private int at;

        private TagRewriter(String html, String prefix) {
            this.html = html;
            this.prefix = prefix;
            this.out = new StringBuilder(html.length() + 256);
        }

        static String rewrite(String html, String prefix) {
            return new TagRewriter(html, prefix).run();
        }

        private String run() {
            int length = html.length();
            while (at < length) {
                int open = html.indexOf('<', at);
                if (open < 0) {
                    out.append(html, at, length);
                    break;
                }
                out.append(html, at, open);
                at = open;
                if (!tag()) {
                    return null;
                }
            }
            return out.toString();
        }

        /** Copies one tag starting at {@code at}, changed as needed; false when it is not a tag jsoup prints. */
        private boolean tag() {
            // Names compared where they stand in the text, not cut out as strings: every tag of every section of every
            // whole-guide page passes here.
            boolean closing = html.startsWith("</", at);
            int nameStart = at + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || !isLowerLetter(html.charAt(nameStart))) {
                return false;
            }
            out.append(closing ? "</" : "<");
            char level = nameEnd - nameStart == 2 && html.charAt(nameStart) == 'h' ? html.charAt(nameStart + 1) : 0;
            if (level >= '1' && level <= '5') {
                out.append('h').append((char) (level + 1)); // h1 to h5 move one level down
            } else {
                out.append(html, nameStart, nameEnd);
            }
            at = nameEnd;
            if (closing) {
                if (at >= html.length() || html.charAt(at) != '>') {
                    return false;
                }
                out.append('>');
                at++;
                return true;
            }
            boolean link = nameEnd - nameStart == 1 && html.charAt(nameStart) == 'a';
            while (at < html.length()) {
                char c = html.charAt(at);
                if (c == '>') {
                    out.append('>');
                    at++;
                    return true;
                }
                if (c == '/' && html.startsWith("/>", at)) {
                    out.append("/>");
                    at += 2;
                    return true;
                }
                if (c != ' ') {
                    return false;
                }
                out.append(' ');
                at++;
                if (!attribute(link)) {
                    return false;
                }
            }
            return false;
        }

        /** Copies one attribute, {@code name} or {@code name="value"}, prefixing the values that name ids. */
        private boolean attribute(boolean link) {
            int nameStart = at;
            while (at < html.length() && isAttributeNameChar(html.charAt(at))) {
                at++;
            }
            if (at == nameStart) {
                return false;
            }
            out.append(html, nameStart, at);
            boolean id = isName(nameStart, at, "id") || isName(nameStart, at, "aria-labelledby");
            boolean href = isName(nameStart, at, "href");
            if (at >= html.length() || html.charAt(at) != '=') {
                // A bare attribute: jsoup prints only boolean ones this way, and none of them holds an id.
                return !id && !href;
            }
            if (!html.startsWith("=\"", at)) {
                return false;
            }
            int valueStart = at + 2;
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0) {
                return false;
            }
            out.append("=\"");
            if (id) {
                out.append(prefix);
            } else if (link && href && valueEnd > valueStart && html.charAt(valueStart) == '#') {
                out.append('#').append(prefix);
                valueStart++;
            }
            out.append(html, valueStart, valueEnd).append('"');
            at = valueEnd + 1;
            return true;
        }

        /** Whether the text from {@code start} to {@code end} is this name. */
        private boolean isName(int start, int end, String name) {
            return end - start == name.length() && html.startsWith(name, start);
        }

        private static boolean isLowerLetter(char c) {
            return c >= 'a' && c <= 'z';
        }

        private static boolean isNameChar(char c) {
            return isLowerLetter(c) || (c >= '0' && c <= '9') || c == '-';
        }

        private static boolean isAttributeNameChar(char c) {
            return isLowerLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
        }
    }
}
