package org.healthguides.markdown;

import java.util.ArrayList;
import java.util.List;

import org.healthguides.readability.Prose;
import org.healthguides.readability.ReadingStats;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * HTML of a document made only of the nodes guides use (paragraphs, headings, lists, emphasis, links, quotes, rules,
 * care cards, footnotes), written in one walk of Flexmark's tree, in either of two forms:
 *
 * <ul>
 * <li>{@link #write}: the HTML Flexmark's renderer writes for it with the options {@link MarkdownRenderer} sets,
 * character for character. Flexmark's renderer was about a quarter of a large build: it sets up a renderer per
 * document, escapes every text through regular expressions and appends the page one character at a time through its
 * line-formatting layer, none of which changes this output (pass-through formatting).</li>
 * <li>{@link #finish}: the finished page {@link FinishedHtml} makes of that HTML (anchored headings, the "do and don't"
 * lists' classes, the citations' hidden label, the footnotes moved out into references, the reading numbers counted),
 * without writing Flexmark's HTML and reading it again. The footnotes are written as Flexmark writes them and made
 * into references by {@link FinishedHtml#references}, as before.</li>
 * </ul>
 *
 * <p>Anything else (raw HTML, images, code, tables, titles on links, an address that is not plainly safe, attribute
 * values Flexmark would escape its own way, control characters, text at the start of a line that starts with white
 * space) and both return "not written" and leave the builder as it was: the caller then takes the way through
 * Flexmark's renderer, {@link FinishedHtml} and the sanitiser. So what this writes is only ever what the one pass
 * accepted as safe before. {@code CommonNodeHtmlTest} compares both forms with that way on the guide, the golden
 * cases, hostile bodies and random documents.
 */
final class CommonNodeHtml {
    /** Flexmark's footnote options left at their defaults (MarkdownRenderer sets none). */
    private static final String FOOTNOTE_REF_CLASS = "footnote-ref";
    private static final String FOOTNOTE_BACK_LINK_CLASS = "footnote-backref";
    private static final String FOOTNOTE_BACK_LINK_TEXT = "&#8617;";

    /** A node or text this writer does not reproduce: thrown out of the walk, without a stack trace (it is not an error). */
    private static final class NotCommon extends RuntimeException {
        NotCommon() {
            super(null, null, false, false);
        }
    }

    private static final NotCommon NOT_COMMON = new NotCommon();

    private final Document document;
    /**
     * The Markdown the document was parsed from at body[0, bodyText.length()) (the array may be longer), and Flexmark's
     * sequence of it (the base of every node's characters).
     */
    private final char[] body;
    /** The same as a string: appended from it, a Latin-1 page's text is one array copy, from the char array a loop. */
    private final String bodyText;
    private final BasedSequence base;
    private final StringBuilder out;
    private final int start;
    private final ListOptions listOptions;

    /** Null for Flexmark's HTML; for the finished page, its words and what it collects as it goes. */
    private final MarkdownWords words;
    private final ReadingStats.Counter reading;
    private final List<FinishedHtml.AnchoredHeading> headings = new ArrayList<>();
    /** How many open elements are left out of the prose (headings, citations): their text is not counted. */
    private int leftOut;
    /** The text of the heading being written, or null. */
    private StringBuilder headingText;
    /** The class for the next element when it is a bullet list right after a "Do" or "Don't" heading (as FinishedHtml). */
    private String listClassForNext;

    private CommonNodeHtml(Document document, String bodyText, char[] body, StringBuilder out, MarkdownWords words, ListOptions listOptions) {
        this.document = document;
        this.bodyText = bodyText;
        this.body = body;
        this.base = document.getChars().getBaseSequence();
        this.out = out;
        this.start = out.length();
        this.listOptions = listOptions;
        this.words = words;
        this.reading = words == null ? null : new ReadingStats.Counter();
    }

    /**
     * Appends Flexmark's HTML of the document to {@code out}, or appends nothing and returns false when the document
     * holds anything this writer does not reproduce.
     */
    static boolean write(Document document, String body, StringBuilder out, ListOptions listOptions) {
        CommonNodeHtml writer = prepare(document, body, out, null, listOptions);
        if (writer == null) {
            return false;
        }
        try {
            writer.children(document);
            writer.footnotes();
            return true;
        } catch (NotCommon e) {
            out.setLength(writer.start);
            return false;
        }
    }

    /**
     * The finished page of the document, as {@link FinishedHtml#of} makes it of Flexmark's HTML, or null when the
     * document holds anything this writer does not reproduce or the one pass would not accept.
     */
    static FinishedHtml.Result finish(Document document, String body, MarkdownWords words, ListOptions listOptions) {
        // Room for what Flexmark and the finishing add (tags, anchors): about 1.3 times the Markdown.
        StringBuilder out = new StringBuilder(body.length() + body.length() / 2 + 512);
        CommonNodeHtml writer = prepare(document, body, out, words, listOptions);
        if (writer == null) {
            return null;
        }
        try {
            writer.children(document);
            List<Reference> references = List.of();
            if (!cited(document).isEmpty()) {
                // The footnotes as Flexmark writes them, made into references as before. Flexmark writes them after a
                // line end, and FinishedHtml kept the line end after them in the content.
                StringBuilder notes = new StringBuilder(512);
                CommonNodeHtml notesWriter = new CommonNodeHtml(document, writer.bodyText, writer.body, notes, null, listOptions);
                notesWriter.footnotes();
                references = FinishedHtml.references(notes.substring(0, notes.length() - 1), words);
                if (references == null) {
                    return null;
                }
                writer.line();
                writer.plainText('\n');
            }
            return new FinishedHtml.Result(out.toString(), List.copyOf(writer.headings), references, writer.reading.stats());
        } catch (NotCommon e) {
            return null;
        }
    }

    private static CommonNodeHtml prepare(Document document, String body, StringBuilder out, MarkdownWords words, ListOptions listOptions) {
        if (document.getChars().getBaseSequence().length() != body.length()) {
            return null; // not parsed from this text as it is
        }
        // The ids Flexmark's renderer would give the headings (it sets them on the nodes, as here, before it writes),
        // and the footnotes' numbers, which its footnote renderer gives them when it is made for a document.
        headingIds(document);
        FootnoteExtension.FOOTNOTES.get(document).resolveFootnoteOrdinals();
        char[] chars = BODY_CHARS.get();
        if (chars.length < body.length()) {
            chars = new char[Math.max(body.length(), chars.length * 2)];
            BODY_CHARS.set(chars);
        }
        body.getChars(0, body.length(), chars, 0);
        return new CommonNodeHtml(document, body, chars, out, words, listOptions);
    }

    /**
     * Each thread's array for the body's characters, reused from document to document (one document at a time: the
     * writer is done with it when finish or write returns): a new array per body was 4% of a build's allocation.
     */
    private static final ThreadLocal<char[]> BODY_CHARS = ThreadLocal.withInitial(() -> new char[16 * 1024]);

    /**
     * Gives the headings the ids {@code new HeaderIdGenerator(document).generateIds(document)} gives them, walking the
     * tree as its visitor does and making each id with its own function, with one difference: a heading that is one
     * plain piece of text (nearly all) gives that text as it is, which Flexmark's text collector returns for it (see
     * {@link #anchorText}); collecting it was two thirds of the ids' cost.
     */
    static void headingIds(Document document) {
        HeadingIds ids = new HeadingIds(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES.get(document),
                HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS.get(document), HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS.get(document),
                HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES.get(document), HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE.get(document),
                new java.util.HashMap<>());
        ids.visit(document);
    }

    /** HeaderIdGenerator's options and the ids made so far (by base id, the last number added to it). */
    private record HeadingIds(boolean resolveDupes, String toDashChars, String nonDashChars, boolean noDupedDashes,
                              boolean nonAsciiToLowercase, java.util.Map<String, Integer> baseIds) {
        /** As AnchorRefTargetBlockVisitor: every node that is a target, and the children of every block. */
        void visit(Node node) {
            if (node instanceof AnchorRefTarget target && target.getAnchorRefId().isEmpty()) {
                String id = idOf(anchorText(target));
                if (id != null) {
                    target.setAnchorRefId(id);
                }
            }
            if (node instanceof Block) {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    visit(child);
                }
            }
        }

        /** As HeaderIdGenerator.generateId(String): null for no text; a repeated id gets "-1", "-2"... */
        private String idOf(String text) {
            if (text.isEmpty()) {
                return null;
            }
            String id = HeaderIdGenerator.generateId(text, toDashChars, nonDashChars, noDupedDashes, nonAsciiToLowercase);
            if (resolveDupes) {
                Integer last = baseIds.get(id);
                if (last != null) {
                    int next = last + 1;
                    baseIds.put(id, next);
                    id = id + "-" + next;
                } else {
                    baseIds.put(id, 0);
                }
            }
            return id;
        }
    }

    /**
     * {@code target.getAnchorRefText()}, without Flexmark's text collector for a heading that is one piece of text
     * with no escape or entity in it and no white space at either end (which the collector's trimming options would
     * treat): the collector returns that text as it is.
     */
    static String anchorText(AnchorRefTarget target) {
        if (target instanceof Heading heading) {
            Node only = heading.getFirstChild();
            if (only != null && only == heading.getLastChild() && only.getClass() == Text.class) {
                String text = only.getChars().toString();
                if (!text.isEmpty() && text.indexOf('\\') < 0 && text.indexOf('&') < 0 && isPlainEnd(text.charAt(0))
                        && isPlainEnd(text.charAt(text.length() - 1))) {
                    return text;
                }
            }
        }
        return target.getAnchorRefText();
    }

    /** A character no trimming takes off: printable ASCII other than the space, or a letter or digit. */
    private static boolean isPlainEnd(char c) {
        return c > ' ' && c < 0x7f || Character.isLetterOrDigit(c);
    }

    private static List<FootnoteBlock> cited(Document document) {
        return FootnoteExtension.FOOTNOTES.get(document).getReferencedFootnoteBlocks();
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            node(child);
        }
    }

    private void node(Node node) {
        Class<?> type = node.getClass();
        if (type == Text.class || type == HtmlEntity.class) {
            // Flexmark unescapes an entity ("&copy;", "&#169;") and escapes the result, as for text.
            text(node.getChars());
        } else if (type == Paragraph.class) {
            paragraph((Paragraph) node);
        } else if (type == Heading.class) {
            heading((Heading) node);
        } else if (type == BulletList.class) {
            block("ul", node);
        } else if (type == OrderedList.class) {
            if (((OrderedList) node).getStartNumber() != 1) {
                throw NOT_COMMON; // Flexmark writes a start attribute
            }
            block("ol", node);
        } else if (type == BulletListItem.class || type == OrderedListItem.class) {
            if (!((ListItem) node).getMarkerSuffix().isEmpty()) {
                throw NOT_COMMON; // a task list's "[ ]": Flexmark writes it as text
            }
            line();
            startTag("li");
            endStartTag("li");
            children(node);
            endTag("li", false);
            line();
        } else if (type == SoftLineBreak.class) {
            plainText('\n');
        } else if (type == HardLineBreak.class) {
            voidTag("br");
            plainText('\n');
        } else if (type == Emphasis.class) {
            inline("em", node);
        } else if (type == StrongEmphasis.class) {
            inline("strong", node);
        } else if (type == Link.class) {
            link((Link) node);
        } else if (type == BlockQuote.class) {
            line();
            startTag("blockquote");
            endStartTag("blockquote");
            children(node);
            line();
            endTag("blockquote", false);
            line();
        } else if (type == ThematicBreak.class) {
            line();
            voidTag("hr");
            line();
        } else if (type == AdmonitionBlock.class) {
            callout((AdmonitionBlock) node);
        } else if (type == Footnote.class) {
            citation((Footnote) node);
        } else if (type == FootnoteBlock.class) {
            // Written after the content, with the others (footnotes()).
        } else {
            throw NOT_COMMON;
        }
    }

    /** As Flexmark: a paragraph with something to show, in p tags unless a tight list item leaves them out. */
    private void paragraph(Paragraph paragraph) {
        if (paragraph.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return;
        }
        Node parent = paragraph.getParent();
        boolean wrapped = !(parent instanceof ParagraphItemContainer container)
                || !container.isParagraphWrappingDisabled(paragraph, listOptions, document);
        if (wrapped) {
            block("p", paragraph);
        } else {
            children(paragraph);
        }
    }

    private void heading(Heading heading) {
        String id = heading.getAnchorRefId();
        String name = "h" + heading.getLevel();
        line();
        startTag(name);
        if (id != null && !id.isEmpty()) {
            attribute("id", id);
        } else {
            id = null;
        }
        endStartTag(name);
        boolean leftOutHere = beginLeftOut();
        if (words != null) {
            headingText = new StringBuilder(64);
        }
        children(heading);
        headingEnd(name, id, true, leftOutHere);
        line();
    }

    /** The end of a heading; for the finished page with its anchor, as FinishedHtml adds it. */
    private void headingEnd(String name, String id, boolean anchored, boolean leftOutHere) {
        listClassForNext = null;
        endLeftOut(leftOutHere);
        if (words != null) {
            String text = FinishedHtml.textOf(headingText);
            headingText = null;
            if (anchored && id != null) {
                out.append("<a class=\"heading-anchor\" href=\"#");
                escaped(id, true);
                out.append("\" aria-label=\"");
                escaped(words.headingLink().replace("{heading}", text), true);
                out.append("\"><span aria-hidden=\"true\">#</span></a>");
                headings.add(new FinishedHtml.AnchoredHeading(name.charAt(1) - '0', id, text));
            }
            if (name.charAt(1) != '1') {
                listClassForNext = DoAndDontLists.classFor(text, words);
            }
        }
        out.append("</").append(name).append('>');
    }

    private void block(String name, Node node) {
        line();
        startTag(name);
        endStartTag(name);
        children(node);
        endTag(name, false);
        line();
    }

    private void inline(String name, Node node) {
        startTag(name);
        endStartTag(name);
        children(node);
        endTag(name, false);
    }

    private void link(Link link) {
        if (link.getTitle().isNotNull()) {
            throw NOT_COMMON;
        }
        String url = plain(link.getUrl());
        // Flexmark writes the text of a link it suppresses ("javascript:" and the like) without the link; the one pass
        // takes only plainly safe addresses.
        if (!KnownSafeHtml.isPlainAddress(url, true)) {
            throw NOT_COMMON;
        }
        startTag("a");
        attribute("href", url);
        endStartTag("a");
        children(link);
        endTag("a", false);
    }

    /** As CalloutNodeRenderer writes a care card. */
    private void callout(AdmonitionBlock block) {
        CalloutPlan.Entry plan = CalloutPlan.KEY.get(document).get(block);
        if (plan == null) {
            throw NOT_COMMON;
        }
        startTag("section");
        attribute("class", "callout callout--" + plan.kind());
        attribute("aria-labelledby", plan.headingId());
        attribute("data-kind", plan.kind());
        endStartTag("section");
        line();
        String heading = "h" + plan.headingLevel();
        startTag(heading);
        attribute("class", "callout__heading");
        attribute("id", plan.headingId());
        endStartTag(heading);
        boolean leftOutHere = beginLeftOut();
        if (words != null) {
            headingText = new StringBuilder(64);
        }
        startTag("span");
        attribute("class", "callout__label");
        endStartTag("span");
        textOfOurs(plan.label() + ":");
        endTag("span", false);
        textOfOurs(" " + plan.heading());
        headingEnd(heading, plan.headingId(), false, leftOutHere);
        line();
        startTag("div");
        attribute("class", "callout__content");
        endStartTag("div");
        line();
        children(block);
        endTag("div", false);
        line();
        endTag("section", false);
        line();
    }

    /** A footnote's citation in the text, as Flexmark's footnote renderer writes it, and labelled as FinishedHtml labels it. */
    private void citation(Footnote footnote) {
        FootnoteBlock block = footnote.getFootnoteBlock();
        if (block == null) {
            throw NOT_COMMON; // Flexmark writes "[^name]" as text
        }
        int ordinal = block.getFootnoteOrdinal();
        int reference = footnote.getReferenceOrdinal();
        startTag("sup");
        out.append(" id=\"fnref-").append(ordinal);
        if (reference != 0) {
            out.append('-').append(reference);
        }
        out.append('"');
        endStartTag("sup");
        boolean supLeftOut = beginLeftOut(); // a sup holding a citation's link
        startTag("a");
        out.append(" class=\"").append(FOOTNOTE_REF_CLASS).append("\" href=\"#fn-").append(ordinal).append('"');
        endStartTag("a");
        boolean linkLeftOut = beginLeftOut();
        if (words != null) {
            // A citation's number is read as "reference 3", not a bare "3".
            out.append("<span class=\"visually-hidden\">");
            escaped(words.citationPrefix() + " ", false);
            out.append("</span>");
            collect(words.citationPrefix() + " ");
        }
        textOfOurs(Integer.toString(ordinal));
        endTag("a", linkLeftOut);
        endTag("sup", supLeftOut);
    }

    /** The footnotes Flexmark writes after the body: every cited one, in the order of their numbers. */
    private void footnotes() {
        List<FootnoteBlock> cited = cited(document);
        if (cited.isEmpty()) {
            return;
        }
        line();
        out.append("<div class=\"footnotes\">");
        line();
        out.append("<hr />");
        line();
        out.append("<ol>");
        for (FootnoteBlock block : cited) {
            int ordinal = block.getFootnoteOrdinal();
            line();
            out.append("<li id=\"fn-").append(ordinal).append("\">");
            children(block);
            for (int i = 0; i < block.getFootnoteReferences(); i++) {
                line();
                out.append("<a href=\"#fnref-").append(ordinal);
                if (i != 0) {
                    out.append('-').append(i);
                }
                out.append("\" class=\"").append(FOOTNOTE_BACK_LINK_CLASS).append("\">").append(FOOTNOTE_BACK_LINK_TEXT).append("</a>");
            }
            out.append("</li>");
            line();
        }
        out.append("</ol>");
        line();
        out.append("</div>");
        line();
    }

    /*
     * Tags, as FinishedHtml reads and rewrites them: any start tag takes the class a "Do" or "Don't" heading left for
     * the next element (given to it when it is a bullet list), any end tag drops it; a block's start and end end a
     * sentence of the prose.
     */

    private void startTag(String name) {
        out.append('<').append(name);
    }

    private void endStartTag(String name) {
        if (words != null) {
            String listClass = listClassForNext;
            listClassForNext = null;
            if (listClass != null && name.equals("ul")) {
                attribute("class", listClass);
            }
            if (leftOut == 0 && Prose.isBlock(name)) {
                reading.endBlock();
            }
        }
        out.append('>');
    }

    /** An element without content ("br", "hr"): its start is also its end. */
    private void voidTag(String name) {
        startTag(name);
        if (words == null) {
            out.append(" />");
            return;
        }
        listClassForNext = null;
        if (leftOut == 0 && Prose.isBlock(name)) {
            reading.endBlock();
            reading.endBlock();
        }
        out.append('>'); // as the sanitiser printed void elements
    }

    /** For the element just started when it is left out of the prose (headings, citations): from here on, its text is not counted. */
    private boolean beginLeftOut() {
        if (words == null || leftOut > 0) {
            return false; // inside one already: FinishedHtml counts only the outermost
        }
        leftOut++;
        return true;
    }

    private void endLeftOut(boolean leftOutHere) {
        if (leftOutHere) {
            leftOut--;
        }
    }

    private void endTag(String name, boolean leftOutHere) {
        if (words != null) {
            listClassForNext = null;
            if (leftOutHere) {
                leftOut--;
            } else if (leftOut == 0 && Prose.isBlock(name)) {
                reading.endBlock();
            }
        }
        out.append("</").append(name).append('>');
    }

    /** Flexmark's line(): ends the line being written, unless none is. The line end is text of the page, as FinishedHtml read it. */
    private void line() {
        int length = out.length();
        if (length > start && out.charAt(length - 1) != '\n') {
            plainText('\n');
        }
    }

    /** A character Flexmark writes as it is, which FinishedHtml copied and read as text. */
    private void plainText(char c) {
        out.append(c);
        if (words != null) {
            if (leftOut == 0) {
                reading.text(c);
            }
            if (headingText != null) {
                headingText.append(c);
            }
        }
    }

    /** A text node: unescaped ("\\*", "&amp;") as Flexmark does, then escaped for HTML. */
    private void text(BasedSequence chars) {
        int from = chars.getStartOffset();
        int to = chars.getEndOffset();
        int length = out.length();
        boolean lineStart = length == start || out.charAt(length - 1) == '\n';
        // Nearly every text is a plain piece of the body: written and counted from the body itself, without a copy
        // (Flexmark's sequences give their characters one call at a time).
        if (chars.getClass() == SubSequence.class && chars.getBaseSequence() == base && to - from == chars.length()) {
            if (words != null && leftOut == 0) {
                countedText(chars, from, to, lineStart);
                return;
            }
            int needs = needs(body, from, to);
            if ((needs & UNESCAPE) == 0) {
                if (lineStart && from < to && (body[from] == ' ' || body[from] == '\t')) {
                    throw NOT_COMMON; // Flexmark's line layer may trim white space at the start of a line
                }
                text(body, bodyText, from, to, needs);
                return;
            }
        }
        String text = plain(chars);
        if (lineStart && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
            throw NOT_COMMON;
        }
        textOfOurs(text);
    }

    /**
     * A plain piece of the body that is prose of the finished page, written as {@link #text(BasedSequence)} writes it
     * and counted in the same look at each character: the counter finds what the text needs (escaping, or Flexmark's
     * unescaping first) as it reads it, where {@link #needs} read the text once more before.
     */
    private void countedText(BasedSequence chars, int from, int to, boolean lineStart) {
        if (lineStart && from < to && (body[from] == ' ' || body[from] == '\t')) {
            throw NOT_COMMON; // Flexmark's line layer may trim white space at the start of a line
        }
        int stop = reading.textBeforeSyntax(body, from, to);
        if (stop == to) {
            if (reading.sawAngleOrNoBreak()) {
                escaped(body, bodyText, from, to, true);
            } else {
                out.append(bodyText, from, to);
            }
        } else {
            // A backslash or an ampersand (which Flexmark unescapes), a line end or a control character (left to the
            // sanitiser) at stop. Unescaping changes nothing before the first backslash or ampersand, so what was counted
            // is the start of the text Flexmark writes; the rest is counted from that text.
            char c = body[stop];
            if (c != '\\' && c != '&') {
                throw NOT_COMMON;
            }
            String text = plain(chars);
            if (lineStart && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
                throw NOT_COMMON; // an entity of white space at the start of a line, as above
            }
            int counted = stop - from;
            if (text.length() < counted || !text.regionMatches(0, bodyText, from, counted)) {
                throw NOT_COMMON;
            }
            char[] plain = text.toCharArray();
            int needs = needs(plain, 0, plain.length);
            if ((needs & CONTROL) != 0) {
                throw NOT_COMMON; // the sanitiser writes control characters as numeric references: left to it
            }
            if ((needs & ESCAPE) != 0) {
                escaped(plain, text, 0, plain.length, true);
            } else {
                out.append(text);
            }
            reading.text(plain, counted, plain.length);
            if (headingText != null) {
                headingText.append(plain);
            }
            return;
        }
        if (headingText != null) {
            headingText.append(body, from, to - from);
        }
    }

    /** Text this writer adds (a care card's label and heading, a citation's number), as text of the page. */
    private void textOfOurs(String text) {
        char[] chars = text.toCharArray();
        text(chars, text, 0, chars.length, needs(chars, 0, chars.length));
    }

    /**
     * The text at chars[from, to), which {@code string} holds at the same places.
     *
     * @param needs what {@link #needs} found in it
     */
    private void text(char[] chars, String string, int from, int to, int needs) {
        if (words == null) {
            escaped(chars, string, from, to, false);
            return;
        }
        if ((needs & CONTROL) != 0) {
            throw NOT_COMMON; // the sanitiser writes control characters as numeric references: left to it
        }
        if ((needs & ESCAPE) != 0) {
            escaped(chars, string, from, to, true);
        } else {
            out.append(string, from, to);
        }
        if (leftOut == 0) {
            reading.text(chars, from, to);
        }
        if (headingText != null) {
            headingText.append(chars, from, to - from);
        }
    }

    private void collect(String text) {
        if (headingText != null) {
            headingText.append(text);
        }
    }

    /** Flexmark changes the text before escaping it: a backslash escape, an entity, a line end. */
    private static final int UNESCAPE = 1;
    /** The finished page escapes a character of it: &amp; &lt; &gt; or the no-break space. */
    private static final int ESCAPE = 2;
    /** It holds a control character, which only the sanitiser writes. */
    private static final int CONTROL = 4;

    /**
     * What the text at chars[from, to) needs ({@link #UNESCAPE}, {@link #ESCAPE}, {@link #CONTROL}), found in one look at
     * each character: a lower-case letter, most of any text, passes in two comparisons.
     */
    private static int needs(char[] text, int from, int to) {
        int needs = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c >= 'a') {
                if (c == '\u00a0') {
                    needs |= ESCAPE;
                }
            } else if (c > '>') {
                if (c == '\\') {
                    needs |= UNESCAPE;
                }
            } else if (c < ' ') {
                needs |= c == '\n' ? UNESCAPE : c == '\t' ? 0 : c == '\r' ? UNESCAPE | CONTROL : CONTROL;
            } else if (c == '&') {
                needs |= UNESCAPE | ESCAPE;
            } else if (c == '<' || c == '>') {
                needs |= ESCAPE;
            }
        }
        return needs;
    }

    /**
     * The characters of a sequence as Flexmark's renderer takes them, unescaped; it leaves Flexmark to unescape
     * the few with a backslash or an ampersand, and gives up on line ends inside (normalised by Flexmark).
     */
    private static String plain(BasedSequence chars) {
        String text = chars.toString();
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
            text = chars.unescape();
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw NOT_COMMON;
        }
        return text;
    }

    /**
     * Escaped as Flexmark's text ({@code finished} false: &amp; &lt; &gt; and &quot;) or as the finished page has
     * text (true: &amp; &lt; &gt; and the no-break space, quotes as they are).
     */
    private void escaped(char[] text, String string, int start, int end, boolean finished) {
        int from = start;
        for (int i = start; i < end; i++) {
            String entity = switch (text[i]) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> finished ? null : "&quot;";
                case '\u00a0' -> finished ? "&nbsp;" : null;
                default -> null;
            };
            if (entity != null) {
                out.append(string, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(string, from, end);
    }

    /** Escaped as FinishedHtml writes what it adds: &amp; &lt; &gt; and the no-break space everywhere, quotes in attributes. */
    private void escaped(String text, boolean attribute) {
        if (!needsEscaping(text)) {
            out.append(text); // ids and most headings' labels
            return;
        }
        FinishedHtml.escape(out, text, attribute);
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\u00a0') {
                return true;
            }
        }
        return false;
    }

    /** An attribute as Flexmark writes it; values it (or the finishing) would escape are left to them. */
    private void attribute(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\u00a0' || c < ' ') {
                throw NOT_COMMON;
            }
        }
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }
}
