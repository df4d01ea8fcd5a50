package org.healthguides.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.healthguides.readability.Prose;
import org.healthguides.readability.ReadingStats;
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
 *
 * <p>For documents of the nodes guides use, {@link CommonNodeHtml#finish} writes the same page straight from Flexmark's
 * tree and uses this class only for the footnotes ({@link #references}); this pass finishes the others (tables, code,
 * images, link titles) and stays the reference that walk is tested against.
 */
final class FinishedHtml {
    /** What the finishing adds to Flexmark's elements, all of them attributes the safelist keeps. */
    private static final Map<String, Set<String>> ADDED = Map.of("a", Set.of("aria-label"), "span", Set.of("aria-hidden"));
    private static final Set<String> VOID = Set.of("br", "hr", "img");
    private static final String FOOTNOTES = "<div class=\"footnotes\">";
    private static final String[][] ENTITIES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}};

    /** A heading that got an anchor: its level, id and text as the page shows it. */
    record AnchoredHeading(int level, String id, String text) {
    }

    /**
     * @param html       the content without the footnotes, finished
     * @param headings   the content's headings with anchors, in order
     * @param references the footnotes as references, in order
     * @param reading    the reading numbers of the content's prose, counted as it is finished (see {@link Prose})
     */
    record Result(String html, List<AnchoredHeading> headings, List<Reference> references, ReadingStats reading) {
    }

    private final String in;
    private final MarkdownWords words;
    private final StringBuilder out;
    private final List<AnchoredHeading> headings = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    /** Reading Flexmark's footnotes block, to make references, rather than the content. */
    private final boolean footnotes;
    private final List<Reference> references = new ArrayList<>();
    /** In the footnotes block: decoded text not yet written, so a source in it can become a link. */
    private final StringBuilder pendingText = new StringBuilder();
    /** The list class for the next element when it is a bullet list right after a "Do" or "Don't" heading. */
    private String listClassForNext;
    /** How many open elements collect their text (headings). */
    private int collecting;
    /** The content's prose counted as it is read (null in the footnotes block, which is not part of the content). */
    private final ReadingStats.Counter reading;
    /** How many open elements are left out of the prose (headings, code, citations), so their text is not counted. */
    private int leftOut;

    /** An element whose end has not been read yet; a heading collects its text. */
    private static final class Open {
        final String name;
        final String id;
        final boolean anchored;
        final StringBuilder text;
        /** Left out of the prose with all it holds. */
        boolean leftOut;
        /** Where its content starts and ends in the output. */
        int innerStart;
        int innerEnd;
        /** For a footnote: its child elements, the first of them, and the id its first back link leads to. */
        int children;
        Open onlyChild;
        String citationId;

        Open(String name, String id, boolean heading, boolean anchored) {
            this.name = name;
            this.id = id;
            this.anchored = anchored;
            this.text = heading ? new StringBuilder() : null;
        }
    }

    private FinishedHtml(String in, MarkdownWords words, boolean footnotes) {
        this.in = in;
        this.words = words;
        this.footnotes = footnotes;
        // Room for what the finishing adds (anchors, labels) without growing the builder, which copies it each time.
        this.out = new StringBuilder(in.length() + in.length() / 8 + 512);
        this.reading = footnotes ? null : new ReadingStats.Counter();
    }

    /** The finished content, or null when the HTML holds anything this pass does not know to be safe. */
    static Result of(String flexmarkHtml, MarkdownWords words) {
        String body = flexmarkHtml;
        List<Reference> references = List.of();
        int start = flexmarkHtml.lastIndexOf(FOOTNOTES);
        if (start >= 0) {
            // Flexmark writes the footnotes last; what follows their block's end is the line break after it.
            int end = flexmarkHtml.lastIndexOf("</div>") + "</div>".length();
            body = flexmarkHtml.substring(0, start) + flexmarkHtml.substring(end);
            references = references(flexmarkHtml.substring(start, end), words);
            if (references == null) {
                return null;
            }
        }
        FinishedHtml finished = new FinishedHtml(body, words, false);
        return finished.run()
                ? new Result(finished.out.toString(), List.copyOf(finished.headings), references, finished.reading.stats())
                : null;
    }

    /**
     * The references made from Flexmark's footnotes block (from its {@code <div class="footnotes">} to its end tag), or
     * null when it holds anything this pass does not know to be safe.
     */
    static List<Reference> references(String footnotesHtml, MarkdownWords words) {
        FinishedHtml notes = new FinishedHtml(footnotesHtml, words, true);
        return notes.run() ? List.copyOf(notes.references) : null;
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
            if (run > at && footnotes) {
                pendingText.append(chars, at, run - at);
                at = run;
                continue;
            }
            if (run > at) {
                // Appended from the string: both Latin-1 (the common case) is one array copy, not a check of every character.
                out.append(in, at, run);
                if (leftOut == 0) {
                    reading.text(chars, at, run);
                }
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
                flushText();
                at = at + 1 < length && chars[at + 1] == '/' ? closeTag(at) : openTag(at);
            } else if (c == '&') {
                at = entity(at);
            } else if (c == '\u00a0') {
                if (footnotes) {
                    pendingText.append(c);
                } else {
                    out.append("&nbsp;");
                    collect(c);
                    read(c);
                }
                at++;
            } else {
                return false; // the sanitiser writes control characters as numeric references; leave them to it
            }
            if (at < 0) {
                return false;
            }
        }
        flushText();
        return open.isEmpty();
    }

    /**
     * Writes the footnotes' text read since the last tag. In a footnote and outside links, the sources it names become
     * links: a web address as written, a DOI ("doi:10.1234/abc") through https://doi.org/.
     */
    private void flushText() {
        if (pendingText.length() == 0) {
            return;
        }
        String text = pendingText.toString();
        pendingText.setLength(0);
        boolean inFootnote = false;
        for (Open element : open) {
            if (element.name.equals("a")) {
                text(text);
                return;
            }
            inFootnote |= element.name.equals("li") && element.id != null;
        }
        if (!inFootnote) {
            text(text);
            return;
        }
        // As jsoup split its text nodes: each address found, then the search starts again on the text after it.
        String rest = text;
        while (true) {
            java.util.regex.Matcher source = source(rest);
            if (source == null) {
                text(rest);
                return;
            }
            String written = source.group().replaceAll("[.,;:!?)\\]'\"]+$", "");
            String doi = source.group(1);
            String href = doi == null ? written : "https://doi.org/" + written.substring(written.indexOf("10."));
            text(rest.substring(0, source.start()));
            out.append("<a");
            attribute("href", href);
            out.append('>');
            text(written);
            out.append("</a>");
            rest = rest.substring(source.start() + written.length());
            if (rest.isEmpty()) {
                return;
            }
        }
    }

    /**
     * The first source named in the text (MarkdownRenderer.SOURCE found), or null. Every source holds a ':' at most five
     * characters after its start ("doi:", "http:", "https:"), so the search starts five characters before the first ':'
     * instead of trying the pattern at every character (most footnotes name none: a search of every footnote's whole
     * text was 0.05 CPU-s of a 10,000-page build).
     */
    static java.util.regex.Matcher source(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        java.util.regex.Matcher source = MarkdownRenderer.SOURCE.matcher(text);
        return source.find(Math.max(0, colon - 5)) ? source : null;
    }

    /** A character copied as it is: not the start of a tag or entity, not a no-break space or control character. */
    private static boolean isPlain(char c) {
        return c >= ' ' ? c != '<' && c != '&' && c != '\u00a0' : c == '\n' || c == '\t';
    }

    /** Text of the page: Flexmark escapes &amp; &lt; &gt; and &quot;, the sanitiser printed quotes as they are. */
    private int entity(int at) {
        if (footnotes) {
            for (String[] known : ENTITIES) {
                if (in.startsWith(known[0], at)) {
                    pendingText.append(known[1]);
                    return at + known[0].length();
                }
            }
            return -1;
        }
        if (in.startsWith("&amp;", at)) {
            out.append("&amp;");
            collect('&');
            read('&');
            return at + 5;
        } else if (in.startsWith("&lt;", at)) {
            out.append("&lt;");
            collect('<');
            read('<');
            return at + 4;
        } else if (in.startsWith("&gt;", at)) {
            out.append("&gt;");
            collect('>');
            read('>');
            return at + 4;
        } else if (in.startsWith("&quot;", at)) {
            out.append('"');
            collect('"');
            read('"');
            return at + 6;
        }
        return -1;
    }

    /** Counts a character of the content's text for its reading numbers, unless it is in an element left out of them. */
    private void read(char c) {
        if (leftOut == 0) {
            reading.text(c);
        }
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
        if (footnotes && name.equals("a") && in.startsWith("a href=\"#fnref-", at + 1)
                && in.startsWith(" class=\"footnote-backref\">", in.indexOf('"', at + 9) + 1)) {
            return backLink(at);
        }
        Open parent = open.peek();
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
        // The reading numbers: an element left out of the prose hides all it holds; a block's start ends a sentence.
        boolean void_ = VOID.contains(name);
        boolean leftOutHere = false;
        if (!footnotes && leftOut == 0) {
            leftOutHere = Prose.isLeftOut(name, classes, name.equals("sup") && holdsCitationLink(i));
            if (!leftOutHere && Prose.isBlock(name)) {
                reading.endBlock();
                if (void_) {
                    reading.endBlock(); // a void element's end is also its start
                }
            }
        }
        Open element = null;
        if (!void_) {
            boolean heading = isHeading(name) && !footnotes;
            element = new Open(name, id, heading, heading && id != null && !hasClass(classes, "callout__heading"));
            element.innerStart = out.length();
            element.leftOut = leftOutHere;
            open.push(element);
            if (heading) {
                collecting++;
            }
            if (leftOutHere) {
                leftOut++;
            }
        }
        if (footnotes && parent != null && parent.name.equals("li") && parent.id != null) {
            parent.children++;
            parent.onlyChild = parent.children == 1 ? element : null;
        }
        if (!footnotes && name.equals("a") && hasClass(classes, "footnote-ref")) {
            // A citation's number is read as "reference 3", not a bare "3".
            out.append("<span class=\"visually-hidden\">");
            text(words.citationPrefix() + " ");
            out.append("</span>");
            collectText(words.citationPrefix() + " ");
        }
        return i;
    }

    /** For the {@code sup} whose start tag ends before {@code from}: whether it holds a citation's link (Flexmark's footnote reference). */
    private boolean holdsCitationLink(int from) {
        int end = in.indexOf("</sup>", from);
        int link = in.indexOf("<a class=\"footnote-ref\"", from);
        return end >= 0 && link >= 0 && link < end;
    }

    /** Flexmark's link from a footnote back to its citation: left out, its target kept for the reference. */
    private int backLink(int at) {
        int hrefStart = at + "<a href=\"#".length();
        int hrefEnd = in.indexOf('"', hrefStart);
        int end = in.indexOf("</a>", at);
        Open footnote = open.peek();
        if (hrefEnd < 0 || end < 0 || footnote == null || !footnote.name.equals("li") || footnote.id == null) {
            return -1;
        }
        if (footnote.citationId == null) {
            footnote.citationId = in.substring(hrefStart, hrefEnd);
        }
        return end + "</a>".length();
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
        element.innerEnd = out.length();
        if (element.leftOut) {
            leftOut--;
        } else if (!footnotes && leftOut == 0 && Prose.isBlock(name)) {
            reading.endBlock();
        }
        if (footnotes && name.equals("li") && element.id != null) {
            // The reference is the footnote's one paragraph's content, or all of the footnote's content.
            Open only = element.children == 1 && element.onlyChild != null && element.onlyChild.name.equals("p") ? element.onlyChild : element;
            references.add(new Reference(references.size() + 1, element.id,
                    element.citationId == null ? "" : element.citationId, out.substring(only.innerStart, only.innerEnd).strip()));
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
                listClassForNext = DoAndDontLists.classFor(text, words);
            }
        }
        out.append("</").append(name).append('>');
        return nameEnd + 1;
    }

    /** The text of an element as the sanitiser's tree gives it: white space collapsed, invisible characters left out. */
    static String textOf(StringBuilder text) {
        if (isNormal(text)) {
            return text.toString(); // nearly every heading: words with one space between them, nothing to collapse or drop
        }
        StringBuilder normalised = new StringBuilder(text.length());
        StringUtil.appendNormalisedWhitespace(normalised, text.toString(), false);
        return normalised.toString().trim();
    }

    /** Whether the normalising in {@link #textOf} leaves this text as it is: no white space but single spaces inside it, no invisible characters. */
    static boolean isNormal(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == length - 1 || text.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < ' ' || c == '\u00a0' || c == '\u00ad' || c == '\u200b') {
                return false;
            }
        }
        return true;
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

    private void escape(String text, boolean attribute) {
        escape(out, text, attribute);
    }

    /** Escapes as the sanitiser printed: &amp; &lt; &gt; and the no-break space everywhere, quotes in attributes. */
    static void escape(StringBuilder out, String text, boolean attribute) {
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
