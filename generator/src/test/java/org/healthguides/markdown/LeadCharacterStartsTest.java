package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

/**
 * The parser whose heading, fenced code, thematic break and footnote parsers are asked only about lines they could start
 * ({@link LeadCharacterStarts}) gives the same tree as Flexmark's own, node for node with every node's character
 * ranges, and Flexmark's HTML of it: for the guide, the golden cases, the hostile bodies, the random documents of {@link CommonNodeHtmlTest} and
 * random lines made to start (or nearly start) each kind of block, at every indent.
 */
class LeadCharacterStartsTest {
    private static final Parser[] FLEXMARKS = {MarkdownRenderer.parser(true, false), MarkdownRenderer.parser(false, false)};
    private static final Parser[] FILTERED = {MarkdownRenderer.parser(true, true), MarkdownRenderer.parser(false, true)};
    /** Flexmark's renderer with the extensions of the parsed nodes (callouts by the admonition extension's, which needs no plan). */
    private static final HtmlRenderer HTML = HtmlRenderer.builder(MarkdownRenderer.flexmarkOptions())
            .extensions(List.of(FootnoteExtension.create(), TablesExtension.create(), AdmonitionExtension.create())).build();

    /** Every node of the tree, one a line: its class, its character ranges and its segments (Flexmark's AST text). */
    private static String tree(Node document) {
        StringBuilder out = new StringBuilder();
        tree(document, 0, out);
        return out.toString();
    }

    private static void tree(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getName()).append(' ').append(node.toAstString(true)).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            tree(child, depth + 1, out);
        }
    }

    /** @return the number of headings, fenced code blocks, thematic breaks and footnote definitions in the tree */
    private static int assertSameTree(String body) {
        int blocks = 0;
        for (int i = 0; i < FLEXMARKS.length; i++) {
            Node flexmark = FLEXMARKS[i].parse(body);
            Node filtered = FILTERED[i].parse(body);
            assertEquals(tree(flexmark), tree(filtered), body);
            // The footnotes' parser side is registered without Flexmark's extension object: the renderer's HTML is the same.
            assertEquals(HTML.render(flexmark), HTML.render(filtered), body);
            for (Node node : filtered.getDescendants()) {
                if (node instanceof Heading || node instanceof FencedCodeBlock || node instanceof ThematicBreak || node instanceof FootnoteBlock) {
                    blocks++;
                }
            }
        }
        return blocks;
    }

    @Test
    void the_guide_golden_and_hostile_bodies_parse_the_same() throws IOException {
        List<String> bodies = new ArrayList<>(FinishedHtmlTest.hostile());
        for (Object[] body : FinishedHtmlTest.bodies()) {
            bodies.add((String) body[1]);
        }
        int blocks = 0;
        for (String body : bodies) {
            blocks += assertSameTree(body);
        }
        assertTrue(blocks > 20, "only " + blocks + " headings, fences and breaks in the guide and golden bodies");
    }

    @Test
    void random_documents_parse_the_same() {
        Random random = new Random(20261130);
        for (int i = 0; i < 3000; i++) {
            assertSameTree(CommonNodeHtmlTest.RandomMarkdown.document(random));
        }
    }

    /** Lines that start each kind of block, and lines that nearly do, after paragraphs, in lists and quotes, at any indent. */
    private static final String[] LEADS = {"#", "##", "###### ", "####### ", "#\t", "#x", "\\#", "=", "===", "= =", "-", "--", "---", "- - -",
            "-- -", "*", "**", "***", "* * *", "_", "__", "___", "_ _ _", "```", "``` js", "```x`", "~~~", "~~~~ x", "``", "~~", "> ", ">", "- ", "* ",
            "+ ", "1. ", "1) ", "2. ", "[^1]: ", "[^x]:", "!!! caution", "!!! odd \"T\"", "<div>", "<!-- c -->", "    code", "\t", "|", "| a | b |",
            "|---|---|", "&#35;", "", "word", "é", "\u00a0#", "[^", "[x", "[^1]", "- - x", "---x", "===x", "***x", "-\u00a0-\u00a0-", "``x``", "= = =",
            "-\t-\t-", "#\u00a0"};
    private static final String[] INDENTS = {"", " ", "  ", "   ", "    ", "     ", "\t", " \t"};

    @Test
    void random_block_starts_parse_the_same() {
        Random random = new Random(15);
        int blocks = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            int lines = 1 + random.nextInt(10);
            for (int l = 0; l < lines; l++) {
                body.append(INDENTS[random.nextInt(INDENTS.length)]).append(LEADS[random.nextInt(LEADS.length)]);
                if (random.nextInt(3) > 0) {
                    body.append(random.nextBoolean() ? " " : "").append(random.nextBoolean() ? "text here" : "#");
                }
                body.append(random.nextInt(6) == 0 ? "\n\n" : random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            blocks += assertSameTree(body.toString());
        }
        assertTrue(blocks > 20_000, "only " + blocks + " headings, fences and breaks in the random lines");
    }
}
