package org.healthguides.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

/**
 * The prose of a page's content HTML, as blocks of plain text: what a reader reads as sentences.
 * Left out: headings (short labels without sentence punctuation, which would make the text look easier
 * than it is), code, reference markers and visually hidden text. Callouts count: their lists and text are
 * the advice readers most need to understand. Each paragraph, list item or table cell is its own block.
 */
public final class Prose {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Set<String> BLOCKS = Set.of("p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption",
            "div", "section", "ul", "ol", "table", "tr", "br");
    // Parsed once: parsing the query for every page showed in the build's profile.
    private static final Evaluator LEFT_OUT = QueryParser.parse("h1, h2, h3, h4, h5, h6, pre, code, sup:has(a.footnote-ref), "
            + "a.footnote-ref, .visually-hidden, .heading-anchor");

    private Prose() {
    }

    /** The prose blocks of a page's content HTML. */
    public static List<String> blocksOf(String html) {
        return blocksOf(Jsoup.parseBodyFragment(html).body());
    }

    /**
     * The prose blocks of parsed content, read without changing it: the Markdown stage passes the tree it has
     * just cleaned, so the page's HTML is not parsed a second time for its statistics.
     */
    public static List<String> blocksOf(Element content) {
        StringBuilder text = new StringBuilder();
        content.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element element) {
                    if (element != content && element.is(LEFT_OUT)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        text.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        });
        List<String> blocks = new ArrayList<>();
        for (String block : text.toString().split("\n")) {
            String collapsed = WHITESPACE.matcher(block.replace('\u00a0', ' ')).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                blocks.add(collapsed);
            }
        }
        return blocks;
    }

    /**
     * The reading statistics of parsed content: the same prose as {@link #blocksOf(Element)}, counted as the tree
     * is walked, without building the blocks (this runs over every page's text).
     */
    public static ReadingStats statsOf(Element content) {
        ReadingStats.Counter counter = new ReadingStats.Counter();
        content.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    counter.text(textNode.getWholeText());
                } else if (node instanceof Element element) {
                    if (element != content && element.is(LEFT_OUT)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        counter.endBlock();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    counter.endBlock();
                }
                return FilterResult.CONTINUE;
            }
        });
        return counter.stats();
    }

    private static final Set<String> LEFT_OUT_NAMES = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "pre", "code");
    private static final Set<String> LEFT_OUT_CLASSES = Set.of("footnote-ref", "visually-hidden", "heading-anchor");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr", "input", "source", "col", "area", "embed", "meta", "link");

    /**
     * The reading statistics of content HTML as the Markdown stage prints it (lower-case names, double-quoted
     * attributes, only the entities &amp;amp; &amp;lt; &amp;gt; &amp;quot; and &amp;nbsp;): the same as
     * {@link #statsOf(Element)} on its parsed tree, read in one pass over the text without building the tree.
     */
    public static ReadingStats statsOfPrinted(String html) {
        ReadingStats.Counter counter = new ReadingStats.Counter();
        char[] chars = html.toCharArray();
        int length = chars.length;
        int at = 0;
        while (at < length) {
            if (chars[at] != '<') {
                int run = at;
                while (run < length && chars[run] != '<' && chars[run] != '&') {
                    run++;
                }
                if (run > at) {
                    counter.text(chars, at, run);
                    at = run;
                    continue;
                }
                int end = html.indexOf(';', at);
                char decoded = switch (end < 0 ? "" : html.substring(at + 1, end)) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "nbsp" -> '\u00a0';
                    default -> 0;
                };
                // A word goes on across pieces of text, so an entity is counted as a piece of its own.
                counter.text(decoded == 0 ? new char[] {'&'} : new char[] {decoded}, 0, 1);
                at = decoded == 0 ? at + 1 : end + 1;
                continue;
            }
            int tagEnd = html.indexOf('>', at);
            boolean closing = chars[at + 1] == '/';
            int nameStart = closing ? at + 2 : at + 1;
            int nameEnd = nameStart;
            while (nameEnd < tagEnd && chars[nameEnd] != ' ' && chars[nameEnd] != '/') {
                nameEnd++;
            }
            String name = html.substring(nameStart, nameEnd);
            if (!closing && isLeftOut(name, html.substring(nameEnd, tagEnd), html, tagEnd)) {
                at = VOID.contains(name) ? tagEnd + 1 : endOfElement(html, tagEnd + 1);
                continue;
            }
            if (BLOCKS.contains(name)) {
                counter.endBlock();
                if (!closing && VOID.contains(name)) {
                    counter.endBlock(); // a void element's end is also its start
                }
            }
            at = tagEnd + 1;
        }
        return counter.stats();
    }

    private static boolean isLeftOut(String name, String attributes, String html, int tagEnd) {
        if (LEFT_OUT_NAMES.contains(name)) {
            return true;
        }
        int classAt = attributes.indexOf(" class=\"");
        if (classAt >= 0) {
            String classes = attributes.substring(classAt + 8, attributes.indexOf('"', classAt + 8));
            for (String c : classes.split(" ")) {
                if (LEFT_OUT_CLASSES.contains(c) && (c.equals("footnote-ref") ? name.equals("a") : true)) {
                    return true;
                }
            }
        }
        if (name.equals("sup")) {
            int end = html.indexOf("</sup>", tagEnd);
            String inside = end < 0 ? "" : html.substring(tagEnd, end);
            return inside.contains("<a class=\"footnote-ref\"");
        }
        return false;
    }

    /** Where the element whose start tag ended just before {@code from} ends (after its end tag). */
    private static int endOfElement(String html, int from) {
        int depth = 1;
        int at = from;
        while (depth > 0) {
            int tag = html.indexOf('<', at);
            if (tag < 0) {
                return html.length();
            }
            int tagEnd = html.indexOf('>', tag);
            if (html.charAt(tag + 1) == '/') {
                depth--;
            } else {
                int nameEnd = tag + 1;
                while (nameEnd < tagEnd && html.charAt(nameEnd) != ' ' && html.charAt(nameEnd) != '/') {
                    nameEnd++;
                }
                if (!VOID.contains(html.substring(tag + 1, nameEnd))) {
                    depth++;
                }
            }
            at = tagEnd + 1;
        }
        return at;
    }
}
