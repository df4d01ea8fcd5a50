package org.healthguides.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.internal.StringUtil;

/**
 * Finishes the HTML Flexmark wrote for Markdown without raw HTML, in one pass over the text and without building a
 * tree: the same page the sanitiser's round trip made (parse, clean, anchor the headings, mark the "do and don't"
 * lists, label the citations, move the footnotes out, print), byte for byte, at a fraction of its cost (the round
 * trip was 12 to 18% of a large build).
 *
 * <p>It is safe only because of what it accepts: every element and attribute must be one {@link KnownSafeHtml} lists
 * (each kept unchanged by the sanitiser's safelist), every link and image address plainly safe
 * ({@link KnownSafeHtml#isPlainAddress}), every entity one Flexmark writes itself, and no comment, no declaration,
 * no control character. Anything else and {@link #of} returns null: the caller then takes the sanitiser's path.
 * The caller passes only HTML of a document without raw HTML nodes, so every '&lt;' in it starts a tag Flexmark wrote.
 */
final class FinishedHtml {
    /** What the finishing adds to Flexmark's elements, all of them attributes the safelist keeps. */
    private static final Map<String, Set<String>> ADDED = Map.of("a", Set.of("aria-label"), "span", Set.of("aria-hidden"));
    private static final Set<String> VOID = Set.of("br", "hr", "img");
    private static final String FOOTNOTES = "<div class=\"footnotes\">";

    /** A heading that got an anchor: its level, id and text as the page shows it. */
    record AnchoredHeading(int level, String id, String text) {
    }

    /**
     * @param html       the content without the footnotes, finished
     * @param headings   the content's headings with anchors, in order
     * @param footnotes  Flexmark's footnotes block as it wrote it, or null when there is none
     */
    record Result(String html, List<AnchoredHeading> headings, String footnotes) {
    }

    private final String in;
    private final MarkdownWords words;
    private final StringBuilder out;
    private final List<AnchoredHeading> headings = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    /** The list class for the next element when it is a bullet list right after a "Do" or "Don't" heading. */
    private String listClassForNext;
    /** How many open elements collect their text (headings). */
    private int collecting;

    /** An element whose end has not been read yet; a heading collects its text. */
    private static final class Open {
        final String name;
        final String id;
        final boolean anchored;
        final StringBuilder text;

        Open(String name, String id, boolean heading, boolean anchored) {
            this.name = name;
            this.id = id;
            this.anchored = anchored;
            this.text = heading ? new StringBuilder() : null;
        }
    }

    private FinishedHtml(String in, MarkdownWords words) {
        this.in = in;
        this.words = words;
        this.out = new StringBuilder(in.length() + 512);
    }

    /** The finished content, or null when the HTML holds anything this pass does not know to be safe. */
    static Result of(String flexmarkHtml, MarkdownWords words) {
        String body = flexmarkHtml;
        String footnotes = null;
        int start = flexmarkHtml.lastIndexOf(FOOTNOTES);
        if (start >= 0) {
            // Flexmark writes the footnotes last; what follows their block's end is the line break after it.
            int end = flexmarkHtml.lastIndexOf("</div>") + "</div>".length();
            body = flexmarkHtml.substring(0, start) + flexmarkHtml.substring(end);
            footnotes = flexmarkHtml.substring(start, end);
        }
        FinishedHtml finished = new FinishedHtml(body, words);
        return finished.run() ? new Result(finished.out.toString(), List.copyOf(finished.headings), footnotes) : null;
    }

    private boolean run() {
        // One pass over a char array, text copied a run at a time: under the launcher's C1 compiler a string's charAt
        // checks its encoding on every call, which is slow on pages with characters outside Latin-1.
        char[] chars = in.toCharArray();
        int at = 0;
        int length = chars.length;
        while (at < length) {
            int run = at;
            while (run < length && isPlain(chars[run])) {
                run++;
            }
            if (run > at) {
                out.append(chars, at, run - at);
                if (collecting > 0) {
                    for (int i = at; i < run; i++) {
                        collect(chars[i]);
                    }
                }
                at = run;
                continue;
            }
            char c = chars[at];
            if (c == '<') {
                at = at + 1 < length && chars[at + 1] == '/' ? closeTag(at) : openTag(at);
            } else if (c == '&') {
                at = entity(at);
            } else if (c == '\u00a0') {
                out.append("&nbsp;");
                collect(c);
                at++;
            } else {
                return false; // the sanitiser writes control characters as numeric references; leave them to it
            }
            if (at < 0) {
                return false;
            }
        }
        return open.isEmpty();
    }

    /** A character copied as it is: not the start of a tag or entity, not a no-break space or control character. */
    private static boolean isPlain(char c) {
        return c >= ' ' ? c != '<' && c != '&' && c != '\u00a0' : c == '\n' || c == '\t';
    }

    /** Text of the page: Flexmark escapes &amp; &lt; &gt; and &quot;, the sanitiser printed quotes as they are. */
    private int entity(int at) {
        if (in.startsWith("&amp;", at)) {
            out.append("&amp;");
            collect('&');
            return at + 5;
        } else if (in.startsWith("&lt;", at)) {
            out.append("&lt;");
            collect('<');
            return at + 4;
        } else if (in.startsWith("&gt;", at)) {
            out.append("&gt;");
            collect('>');
            return at + 4;
        } else if (in.startsWith("&quot;", at)) {
            out.append('"');
            collect('"');
            return at + 6;
        }
        return -1;
    }

    private void collect(char c) {
        if (collecting == 0) {
            return;
        }
        for (Open element : open) {
            if (element.text != null) {
                element.text.append(c);
            }
        }
    }

    private int openTag(int at) {
        int nameEnd = nameEnd(at + 1);
        if (nameEnd == at + 1) {
            return -1; // "<!--", "<!DOCTYPE", "<?": nothing Flexmark writes for Markdown
        }
        String name = in.substring(at + 1, nameEnd);
        Set<String> allowed = KnownSafeHtml.ATTRIBUTES.get(name);
        if (allowed == null) {
            return -1;
        }
        String listClass = listClassForNext;
        listClassForNext = null;
        out.append('<').append(name);
        String id = null;
        String classes = null;
        int i = nameEnd;
        while (true) {
            if (in.startsWith(">", i)) {
                i += 1;
                break;
            }
            if (in.startsWith(" />", i) && VOID.contains(name)) {
                i += 3;
                break;
            }
            if (i >= in.length() || in.charAt(i) != ' ') {
                return -1;
            }
            int keyEnd = nameEnd(i + 1);
            if (keyEnd == i + 1 || !in.startsWith("=\"", keyEnd)) {
                return -1;
            }
            String key = in.substring(i + 1, keyEnd);
            int valueEnd = in.indexOf('"', keyEnd + 2);
            if (valueEnd < 0) {
                return -1;
            }
            String value = attributeValue(in.substring(keyEnd + 2, valueEnd));
            boolean known = key.equals("id") || key.equals("class") || allowed.contains(key)
                    || ADDED.getOrDefault(name, Set.of()).contains(key);
            if (value == null || !known
                    || (key.equals("href") || key.equals("src")) && !KnownSafeHtml.isPlainAddress(value, key.equals("href"))) {
                return -1;
            }
            if (key.equals("id")) {
                id = value;
            } else if (key.equals("class")) {
                classes = value;
            }
            attribute(key, value);
            i = valueEnd + 1;
        }
        if (listClass != null && name.equals("ul")) {
            if (classes != null) {
                return -1; // Flexmark writes no class on a list; the sanitiser's path would add one to it
            }
            attribute("class", listClass);
        }
        out.append('>');
        if (!VOID.contains(name)) {
            boolean heading = isHeading(name);
            open.push(new Open(name, id, heading, heading && id != null && !hasClass(classes, "callout__heading")));
            if (heading) {
                collecting++;
            }
        }
        if (name.equals("a") && hasClass(classes, "footnote-ref")) {
            // A citation's number is read as "reference 3", not a bare "3".
            out.append("<span class=\"visually-hidden\">");
            text(words.citationPrefix() + " ");
            out.append("</span>");
            collectText(words.citationPrefix() + " ");
        }
        return i;
    }

    private int closeTag(int at) {
        int nameEnd = nameEnd(at + 2);
        if (nameEnd == at + 2 || !in.startsWith(">", nameEnd) || open.isEmpty()) {
            return -1;
        }
        String name = in.substring(at + 2, nameEnd);
        listClassForNext = null; // the next element is no sibling of the heading before this end
        Open element = open.pop();
        if (!element.name.equals(name)) {
            return -1;
        }
        if (element.text != null) {
            collecting--;
            String text = textOf(element.text);
            if (element.anchored) {
                String label = words.headingLink().replace("{heading}", text);
                out.append("<a class=\"heading-anchor\" href=\"#");
                escape(element.id, true);
                out.append("\" aria-label=\"");
                escape(label, true);
                out.append("\"><span aria-hidden=\"true\">#</span></a>");
                headings.add(new AnchoredHeading(name.charAt(1) - '0', element.id, text));
            }
            if (name.charAt(1) != '1') {
                listClassForNext = DoAndDontLists.classFor(text);
            }
        }
        out.append("</").append(name).append('>');
        return nameEnd + 1;
    }

    /** The text of an element as the sanitiser's tree gives it: white space collapsed, invisible characters left out. */
    private static String textOf(StringBuilder text) {
        StringBuilder normalised = new StringBuilder(text.length());
        StringUtil.appendNormalisedWhitespace(normalised, text.toString(), false);
        return normalised.toString().trim();
    }

    private void collectText(String text) {
        for (int i = 0; i < text.length(); i++) {
            collect(text.charAt(i));
        }
    }

    /** An attribute's value as Flexmark wrote it, unescaped; null when it holds an entity Flexmark did not write itself. */
    private static String attributeValue(String written) {
        if (written.indexOf('&') < 0) {
            return written;
        }
        StringBuilder value = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c != '&') {
                value.append(c);
            } else if (written.startsWith("&amp;", i)) {
                value.append('&');
                i += 4;
            } else if (written.startsWith("&lt;", i)) {
                value.append('<');
                i += 3;
            } else if (written.startsWith("&gt;", i)) {
                value.append('>');
                i += 3;
            } else if (written.startsWith("&quot;", i)) {
                value.append('"');
                i += 5;
            } else {
                return null;
            }
        }
        return value.toString();
    }

    private void attribute(String key, String value) {
        out.append(' ').append(key).append("=\"");
        escape(value, true);
        out.append('"');
    }

    private void text(String text) {
        escape(text, false);
    }

    /** Escapes as the sanitiser printed: &amp; &lt; &gt; and the no-break space everywhere, quotes in attributes. */
    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < in.length()) {
            char c = in.charAt(i);
            if ((c >= 'a' && c <= 'z') || (i > from && ((c >= '0' && c <= '9') || c == '-'))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static boolean hasClass(String classes, String wanted) {
        if (classes == null) {
            return false;
        }
        for (String c : classes.split(" ")) {
            if (c.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
