package org.healthguides.markdown;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * NHS.UK's "do and don't" lists: a bullet list right under a heading "Do" becomes a tick list, one under "Don't"
 * (or "Do not") a cross list; in another language, under its own headings ({@link MarkdownWords}, from the string
 * table: "Gwnewch" and "Peidiwch" in Welsh). The ticks and crosses are decoration from the stylesheet; the meaning
 * stays in the words, the heading and each item's own "do not", for screen readers and print.
 */
final class DoAndDontLists {
    static final String DO_CLASS = "do-list";
    static final String DONT_CLASS = "dont-list";
    private static final Evaluator HEADINGS = QueryParser.parse("h2, h3, h4, h5, h6");

    private DoAndDontLists() {
    }

    /** Marks the lists in place; called before headings get their "#" anchors, so a heading's text is its own. */
    static void mark(Element body, MarkdownWords words) {
        for (Element heading : body.select(HEADINGS)) {
            String listClass = classFor(heading.text(), words);
            Element next = heading.nextElementSibling();
            if (listClass != null && next != null && next.normalName().equals("ul")) {
                next.addClass(listClass);
            }
        }
    }

    /** The class for a list under a heading with this text, or null when it is not one of the language's do or don't headings. */
    static String classFor(String headingText, MarkdownWords words) {
        PlainHeadings headings = PlainHeadings.of(words);
        String text = plain(headingText);
        if (headings.dos().contains(text)) {
            return DO_CLASS;
        }
        return headings.donts().contains(text) ? DONT_CLASS : null;
    }

    /**
     * A language's do and don't headings made plain once, not at every heading of every page: the last words asked
     * for are kept (a build renders one language's pages with one set of words).
     */
    private record PlainHeadings(MarkdownWords words, java.util.Set<String> dos, java.util.Set<String> donts) {
        private static volatile PlainHeadings last;

        static PlainHeadings of(MarkdownWords words) {
            PlainHeadings known = last;
            if (known == null || known.words != words) {
                known = new PlainHeadings(words, plainSet(words.doHeadings()), plainSet(words.dontHeadings()));
                last = known;
            }
            return known;
        }

        private static java.util.Set<String> plainSet(java.util.List<String> headings) {
            return headings.stream().map(DoAndDontLists::plain).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** "Don't", "Don’t", "dont" and "DON'T" are the same heading. */
    private static String plain(String heading) {
        return heading.strip().replace("\u2019", "").replace("'", "").toLowerCase(Locale.ROOT);
    }
}
