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

    /**
     * For a reader of printed content HTML (the Markdown stage's one pass): whether a paragraph, list item or other
     * block starts or ends at this element's start and end tags, as {@link #statsOf(Element)} counts them.
     */
    public static boolean isBlock(String elementName) {
        return BLOCKS.contains(elementName);
    }

    /**
     * For a reader of printed content HTML: whether this element is left out of the prose with all it holds, as
     * {@link #statsOf(Element)} leaves it out (its selector {@code LEFT_OUT}).
     *
     * @param classes          its class attribute, or null
     * @param holdsCitationLink for a {@code sup}: whether it holds an {@code a} of class {@code footnote-ref}
     */
    public static boolean isLeftOut(String elementName, String classes, boolean holdsCitationLink) {
        if (LEFT_OUT_NAMES.contains(elementName)) {
            return true;
        }
        if (classes != null) {
            for (String c : classes.split(" ")) {
                if (LEFT_OUT_CLASSES.contains(c) && (!c.equals("footnote-ref") || elementName.equals("a"))) {
                    return true;
                }
            }
        }
        return elementName.equals("sup") && holdsCitationLink;
    }
}
