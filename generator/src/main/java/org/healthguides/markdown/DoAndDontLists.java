package org.healthguides.markdown;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * NHS.UK's "do and don't" lists: a bullet list right under a heading "Do" becomes a tick list, one under "Don't"
 * (or "Do not") a cross list. The ticks and crosses are decoration from the stylesheet; the meaning stays in the
 * words, the heading and each item's own "do not", for screen readers and print.
 */
final class DoAndDontLists {
    static final String DO_CLASS = "do-list";
    static final String DONT_CLASS = "dont-list";
    private static final Evaluator HEADINGS = QueryParser.parse("h2, h3, h4, h5, h6");

    private DoAndDontLists() {
    }

    /** Marks the lists in place; called before headings get their "#" anchors, so a heading's text is its own. */
    static void mark(Element body) {
        for (Element heading : body.select(HEADINGS)) {
            String listClass = classFor(heading.text());
            Element next = heading.nextElementSibling();
            if (listClass != null && next != null && next.normalName().equals("ul")) {
                next.addClass(listClass);
            }
        }
    }

    /** The class for a list under a heading with this text, or null when it is not "Do", "Don't" or "Do not". */
    static String classFor(String headingText) {
        String text = headingText.strip().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        return switch (text) {
            case "do" -> DO_CLASS;
            case "don't", "do not", "dont" -> DONT_CLASS;
            default -> null;
        };
    }
}
