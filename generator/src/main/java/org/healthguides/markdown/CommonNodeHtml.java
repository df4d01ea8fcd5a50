package org.healthguides.markdown;

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
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Writes, for a document made only of the nodes guides use (paragraphs, headings, lists, emphasis, links, quotes,
 * rules, care cards, footnotes), the HTML Flexmark's renderer writes for it with the options {@link MarkdownRenderer}
 * sets, character for character, straight into a builder. Flexmark's renderer costs about a quarter of a large build:
 * it sets up a renderer per document, escapes every text through regular expressions and appends the page one
 * character at a time through its line-formatting layer, none of which changes this output (pass-through formatting).
 *
 * <p>Anything else (raw HTML, images, code, tables, titles on links, addresses or texts that would need Flexmark's
 * own escaping rules, text at the start of a line that starts with white space) makes {@link #write} return false
 * and leave the builder as it was: the caller then renders with Flexmark. So this never decides what is safe; the
 * HTML it writes goes through the same finishing (and its checks) as Flexmark's. {@code CommonNodeHtmlTest} compares
 * the two on the guide, the golden cases, hostile bodies and random documents.
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
    /** The Markdown the document was parsed from, and Flexmark's sequence of it (the base of every node's characters). */
    private final String body;
    private final BasedSequence base;
    private final StringBuilder out;
    private final int start;
    private final ListOptions listOptions;

    private CommonNodeHtml(Document document, String body, StringBuilder out) {
        this.document = document;
        this.body = body;
        this.base = document.getChars().getBaseSequence();
        this.out = out;
        this.start = out.length();
        this.listOptions = ListOptions.get(document);
    }

    /**
     * Appends Flexmark's HTML of the document to {@code out}, or appends nothing and returns false when the document
     * holds anything this writer does not reproduce. Gives the headings their ids as Flexmark's renderer does.
     */
    static boolean write(Document document, String body, StringBuilder out) {
        // The ids Flexmark's renderer would give the headings (it sets them on the nodes, as here, before it writes).
        new HeaderIdGenerator(document).generateIds(document);
        // And the footnotes' numbers, which Flexmark's footnote renderer gives them when it is made for a document.
        FootnoteExtension.FOOTNOTES.get(document).resolveFootnoteOrdinals();
        if (document.getChars().getBaseSequence().length() != body.length()) {
            return false; // not parsed from this text as it is
        }
        CommonNodeHtml writer = new CommonNodeHtml(document, body, out);
        try {
            writer.children(document);
            writer.footnotes();
            return true;
        } catch (NotCommon e) {
            out.setLength(writer.start);
            return false;
        }
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
            Heading heading = (Heading) node;
            String id = heading.getAnchorRefId();
            line();
            out.append("<h").append(heading.getLevel());
            if (id != null && !id.isEmpty()) {
                attribute("id", id);
            }
            out.append('>');
            children(node);
            out.append("</h").append(heading.getLevel()).append('>');
            line();
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
            out.append("<li>");
            children(node);
            out.append("</li>");
            line();
        } else if (type == SoftLineBreak.class) {
            out.append('\n');
        } else if (type == HardLineBreak.class) {
            out.append("<br />\n");
        } else if (type == Emphasis.class) {
            inline("em", node);
        } else if (type == StrongEmphasis.class) {
            inline("strong", node);
        } else if (type == Link.class) {
            link((Link) node);
        } else if (type == BlockQuote.class) {
            line();
            out.append("<blockquote>");
            children(node);
            line();
            out.append("</blockquote>");
            line();
        } else if (type == ThematicBreak.class) {
            line();
            out.append("<hr />");
            line();
        } else if (type == AdmonitionBlock.class) {
            callout((AdmonitionBlock) node);
        } else if (type == Footnote.class) {
            citation((Footnote) node);
        } else if (type == FootnoteBlock.class) {
            // Written after the body, with the others (footnotes()).
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
            line();
            out.append("<p>");
            children(paragraph);
            out.append("</p>");
            line();
        } else {
            children(paragraph);
        }
    }

    private void block(String name, Node node) {
        line();
        out.append('<').append(name).append('>');
        children(node);
        out.append("</").append(name).append('>');
        line();
    }

    private void inline(String name, Node node) {
        out.append('<').append(name).append('>');
        children(node);
        out.append("</").append(name).append('>');
    }

    private void link(Link link) {
        if (link.getTitle().isNotNull()) {
            throw NOT_COMMON;
        }
        String url = plain(link.getUrl());
        // Flexmark writes the text of a link it suppresses ("javascript:" and the like) without the link.
        if (!KnownSafeHtml.isPlainAddress(url, true)) {
            throw NOT_COMMON;
        }
        out.append("<a");
        attribute("href", url);
        out.append('>');
        children(link);
        out.append("</a>");
    }

    /** As CalloutNodeRenderer writes a care card. */
    private void callout(AdmonitionBlock block) {
        CalloutPlan.Entry plan = CalloutPlan.KEY.get(document).get(block);
        if (plan == null) {
            throw NOT_COMMON;
        }
        out.append("<section");
        attribute("class", "callout callout--" + plan.kind());
        attribute("aria-labelledby", plan.headingId());
        attribute("data-kind", plan.kind());
        out.append('>');
        line();
        out.append("<h").append(plan.headingLevel());
        attribute("class", "callout__heading");
        attribute("id", plan.headingId());
        out.append("><span class=\"callout__label\">");
        escaped(plan.label() + ":");
        out.append("</span> ");
        escaped(plan.heading());
        out.append("</h").append(plan.headingLevel()).append('>');
        line();
        out.append("<div class=\"callout__content\">");
        line();
        children(block);
        out.append("</div>");
        line();
        out.append("</section>");
        line();
    }

    /** A footnote's citation in the text, as Flexmark's footnote renderer writes it. */
    private void citation(Footnote footnote) {
        FootnoteBlock block = footnote.getFootnoteBlock();
        if (block == null) {
            throw NOT_COMMON; // Flexmark writes "[^name]" as text
        }
        int ordinal = block.getFootnoteOrdinal();
        int reference = footnote.getReferenceOrdinal();
        out.append("<sup id=\"fnref-").append(ordinal);
        if (reference != 0) {
            out.append('-').append(reference);
        }
        out.append("\"><a class=\"").append(FOOTNOTE_REF_CLASS).append("\" href=\"#fn-").append(ordinal).append("\">")
                .append(ordinal).append("</a></sup>");
    }

    /** The footnotes Flexmark writes after the body: every cited one, in the order of their numbers. */
    private void footnotes() {
        var cited = FootnoteExtension.FOOTNOTES.get(document).getReferencedFootnoteBlocks();
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

    /** Flexmark's line(): ends the line being written, unless none is. */
    private void line() {
        int length = out.length();
        if (length > start && out.charAt(length - 1) != '\n') {
            out.append('\n');
        }
    }

    /** A text node: unescaped ("\\*", "&amp;") as Flexmark does, then escaped for HTML. */
    private void text(BasedSequence chars) {
        int from = chars.getStartOffset();
        int to = chars.getEndOffset();
        int length = out.length();
        boolean lineStart = length == start || out.charAt(length - 1) == '\n';
        // Nearly every text is a plain piece of the body: escaped from the body itself, without a copy (Flexmark's
        // sequences give their characters one call at a time).
        if (chars.getClass() == SubSequence.class && chars.getBaseSequence() == base && to - from == chars.length()
                && !needsFlexmark(body, from, to)) {
            if (lineStart && from < to && (body.charAt(from) == ' ' || body.charAt(from) == '\t')) {
                throw NOT_COMMON; // Flexmark's line layer may trim white space at the start of a line
            }
            escaped(body, from, to);
            return;
        }
        String text = plain(chars);
        if (lineStart && !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t')) {
            throw NOT_COMMON;
        }
        escaped(text, 0, text.length());
    }

    /** Whether Flexmark would change these characters before escaping them: backslash escapes, entities, line ends. */
    private static boolean needsFlexmark(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The characters of a sequence as Flexmark's renderer takes them, unescaped; it leaves Flexmark to unescape
     * the few with a backslash or an ampersand, and gives up on line ends inside (normalised by Flexmark).
     */
    private static String plain(BasedSequence chars) {
        String text = chars.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&') {
                text = chars.unescape();
                break;
            }
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw NOT_COMMON;
        }
        return text;
    }

    /** Escaped as Flexmark's text: &amp; &lt; &gt; and &quot;. */
    private void escaped(String text) {
        escaped(text, 0, text.length());
    }

    private void escaped(String text, int start, int end) {
        int from = start;
        for (int i = start; i < end; i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(text, from, end);
    }

    /** An attribute as Flexmark writes it; values it would escape (keeping entities) are left to Flexmark. */
    private void attribute(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                throw NOT_COMMON;
            }
        }
        out.append(' ').append(name).append("=\"").append(value).append('"');
    }
}
