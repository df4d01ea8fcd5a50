package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.healthguides.content.WarningKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CommonNodeHtml} against Flexmark's renderer: wherever it writes a body, exactly Flexmark's HTML, for the guide,
 * the golden cases, the hostile bodies and random documents of the nodes it knows and of some it does not.
 */
class CommonNodeHtmlTest {
    private static final Map<String, WarningKind> KINDS = Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:"),
            "caution", new WarningKind("caution", "Important", "Important"),
            "odd", new WarningKind("odd", "Odd \"label\" & <more>", "Heading & \"quotes\""));
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(KINDS);

    private static MarkdownSource source(String body) {
        return MarkdownSource.onItsOwnPage("content/g/page.md", "g/page.md", body, 5);
    }

    /**
     * Both forms against the way through Flexmark's renderer: its HTML, and the finished page FinishedHtml makes of it
     * (HTML, headings, references, reading numbers); a page finished here is one the one pass finishes too.
     *
     * @return whether the body was written here rather than left to Flexmark
     */
    private static boolean assertSameAsFlexmark(String name, String body) {
        String common = RENDERER.commonNodeHtml(source(body));
        if (common != null) {
            assertEquals(RENDERER.flexmarkHtml(source(body), true), common, name);
        }
        FinishedHtml.Result finished = RENDERER.commonNodeFinished(source(body));
        if (finished != null) {
            FinishedHtml.Result onePass = RENDERER.flexmarkFinished(source(body));
            assertNotNull(onePass, "finished here but not by the one pass: " + name);
            assertEquals(onePass.html(), finished.html(), name);
            assertEquals(onePass, finished, name);
            assertNotNull(common, name);
        }
        return finished != null;
    }

    static List<Object[]> bodies() throws IOException {
        return FinishedHtmlTest.bodies();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void writes_what_flexmark_writes(String name, String body) {
        assertSameAsFlexmark(name, body);
    }

    @Test
    void writes_the_guide_itself() throws IOException {
        int written = 0;
        for (Object[] body : bodies()) {
            if (((String) body[0]).startsWith("../content") && assertSameAsFlexmark((String) body[0], (String) body[1])) {
                written++;
            }
        }
        assertTrue(written >= 5, "only " + written + " of the guide's files were written without Flexmark's renderer");
    }

    static List<String> hostile() {
        return FinishedHtmlTest.hostile();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_bodies_are_flexmarks_html_or_left_to_flexmark(String body) {
        assertSameAsFlexmark(body, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Text <b>bold</b>.\n", "<div>x</div>\n", "![alt](photo.jpg)\n", "`code`\n", "```\ncode\n```\n", "    indented code\n",
            "[t](https://www.nhs.uk/ \"title\")\n", "[click](javascript:alert(1))\n", "3. three\n4. four\n", "- [ ] task\n",
            "| A | B |\n|---|---|\n| 1 | 2 |\n", "<https://www.nhs.uk/>\n", "[ref]\n\n[ref]: https://www.nhs.uk/\n",
            "Undefined[^nope].\n"})
    void leaves_other_nodes_to_flexmark(String body) {
        assertNull(RENDERER.commonNodeHtml(source(body)), body);
        assertNull(RENDERER.commonNodeFinished(source(body)), body);
    }

    /** What the one pass leaves to the sanitiser, and an address that is not plainly safe, are not finished here either. */
    @ParameterizedTest
    @ValueSource(strings = {"Control e\u0001f.\n", "Entity &#1; here.\n", "[x](https://a.example/\u0001)\n", "[t](java&#x09;script:alert(1))\n",
            "[click](JaVaScRiPt:alert(1))\n", "[d](data:text/html;base64,PHNjcmlwdD4=)\n",
            "!!! caution \"Title\u0001\"\n    Body.\n", "!!! caution \"Ti\u000btle\"\n    Body.\n", "## Head\u0001ing\n"})
    void leaves_what_the_one_pass_would_not_vouch_for(String body) {
        assertNull(RENDERER.commonNodeFinished(source(body)), body);
        assertEquals(RENDERER.renderThroughSanitiser(source(body)), RENDERER.render(source(body)), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A *b* **c** and _d_ __e__ f.\n", "## One\n\n## One\n\n### Two & \"three\"\n", "- a\n- b\n\n1. c\n2. d\n",
            "- a\n\n- b\n", "- a\n  - b\n    - c\n", "> quote\n> more\n\n---\n", "line  \nbreak\\\nagain\nsoft\n",
            "A[^1] B[^1] C[^2].\n\n[^1]: One.\n[^2]: Two.\n\n    Second paragraph.\n\n[^3]: Never cited.\n",
            "!!! caution \"Take care\"\n    - one\n    - two\n\n!!! urgent\n    Body.\n\n!!! odd \"\"\n    Text.\n",
            "## Do\n\n- keep moving\n\n## Don't\n\n---\n\n- not marked\n\n### Do\n\n> - quoted\n\n## Dont\n\n- marked\n",
            "## Rest[^1] *now*\n\nText one. Text two!  \nAfter a break\nand a soft one.\n\n[^1]: A note https://www.nhs.uk/ and doi:10.1234/abc.\n",
            "!!! caution \"Do\"\n    Body.\n\n- after a care card titled Do\n",
            "[a](other.md#part) [b](https://www.nhs.uk/) [c](#here) [d](mailto:x@example.org)\n",
            "Escapes \\* \\_ and &amp; &copy; &#169; < > \" ' \u00a0 \u200b é 漢字 😀.\n",
            // Escapes and entities inside words, at a word's ends and after counted text (the counter stops at the first).
            "Mid&shy;word wo\\*rd a&amp;b; x &lt; y &#32; z.\u00a0End. Back\\\\slash & amp < > done.\n\n- item &copy; one\n- two\\!\n",
            "## Head &amp; more\\!\n\nPara one.&#32;Two\u00a0three &#160;four.\n"})
    void writes_the_common_nodes(String body) {
        assertNotNull(RENDERER.commonNodeHtml(source(body)), body);
        assertTrue(assertSameAsFlexmark(body, body), "not finished here: " + body);
    }

    /** MarkdownRenderer's walk of a tree visits the nodes getDescendants gives, in its order. */
    @Test
    void walks_the_tree_as_flexmarks_iterator() throws IOException {
        com.vladsch.flexmark.parser.Parser parser = com.vladsch.flexmark.parser.Parser.builder()
                .extensions(List.of(com.vladsch.flexmark.ext.footnotes.FootnoteExtension.create(), new CalloutBlockParser.Extension())).build();
        List<String> bodies = new java.util.ArrayList<>(hostile());
        for (Object[] body : bodies()) {
            bodies.add((String) body[1]);
        }
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            bodies.add(RandomMarkdown.document(random));
        }
        bodies.add("");
        int nodes = 0;
        for (String body : bodies) {
            com.vladsch.flexmark.util.ast.Node document = parser.parse(body);
            List<com.vladsch.flexmark.util.ast.Node> walked = new java.util.ArrayList<>();
            for (com.vladsch.flexmark.util.ast.Node node = document.getFirstChild(); node != null; node = MarkdownRenderer.nextInDocument(node, document)) {
                walked.add(node);
            }
            List<com.vladsch.flexmark.util.ast.Node> iterated = new java.util.ArrayList<>();
            document.getDescendants().forEach(iterated::add);
            assertEquals(iterated.size(), walked.size(), body);
            for (int i = 0; i < walked.size(); i++) {
                assertTrue(iterated.get(i) == walked.get(i), body);
            }
            nodes += walked.size();
        }
        assertTrue(nodes > 10_000, "only " + nodes + " nodes");
    }

    /** The list options CommonNodeHtml is given once are those every document of either parser has. */
    @Test
    void list_options_are_every_documents() throws IOException {
        for (Object[] body : bodies()) {
            for (boolean tables : new boolean[] {true, false}) {
                com.vladsch.flexmark.parser.ListOptions[] options = RENDERER.listOptions((String) body[1], tables);
                assertEquals(options[0], options[1], (String) body[0]);
            }
        }
    }

    /** Random documents of known and unknown nodes: each written as Flexmark writes it, or left to Flexmark. */
    @Test
    void random_documents() {
        Random random = new Random(20261130);
        int written = 0;
        int flexmarkAssertions = 0;
        int documents = 3000;
        for (int i = 0; i < documents; i++) {
            String body = RandomMarkdown.document(random);
            try {
                if (assertSameAsFlexmark(body, body)) {
                    written++;
                }
                assertEquals(RENDERER.renderThroughSanitiser(source(body)), RENDERER.render(source(body)), body);
            } catch (AssertionError e) {
                // Flexmark's text collector (the callouts' and list items' plain text, made before either renderer) has an
                // assertion of its own that fails on some mixes of entities and emphasis; tests run with assertions on,
                // builds do not. Those documents are counted, not compared.
                if (e instanceof org.opentest4j.AssertionFailedError || !e.getStackTrace()[0].getClassName().startsWith("com.vladsch.flexmark")) {
                    throw e;
                }
                flexmarkAssertions++;
            }
        }
        assertTrue(flexmarkAssertions < documents / 10, flexmarkAssertions + " random documents failed Flexmark's own assertions");
        assertTrue(written > documents / 5, "only " + written + " of " + documents + " random documents were written without Flexmark's renderer");
    }

    /** The headings' text taken as it is (MarkdownRenderer.plainText) is what Flexmark's text collector gives. */
    @Test
    void headings_text_as_flexmark_collects_it() throws IOException {
        com.vladsch.flexmark.parser.Parser parser = com.vladsch.flexmark.parser.Parser.builder().build();
        List<String> bodies = new java.util.ArrayList<>(hostile());
        for (Object[] body : bodies()) {
            bodies.add((String) body[1]);
        }
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            bodies.add(RandomMarkdown.document(random));
        }
        bodies.add("## a \\* b\n\n## &copy; c\n\n## plain words\n\n## *em*\n\nSetext\ntwo lines\n---\n");
        int headings = 0;
        for (String body : bodies) {
            for (com.vladsch.flexmark.util.ast.Node node : parser.parse(body).getDescendants()) {
                if (node instanceof com.vladsch.flexmark.ast.Heading) {
                    headings++;
                    assertEquals(new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(node), MarkdownRenderer.plainText(node), body);
                }
            }
        }
        assertTrue(headings > 500, "only " + headings + " headings");
    }

    /** The headings' ids made without Flexmark's text collector for plain headings are the ids HeaderIdGenerator gives. */
    @Test
    void heading_ids_as_flexmark_gives_them() throws IOException {
        List<String> bodies = new java.util.ArrayList<>(hostile());
        for (Object[] body : bodies()) {
            bodies.add((String) body[1]);
        }
        Random random = new Random(13);
        for (int i = 0; i < 2000; i++) {
            bodies.add(RandomMarkdown.document(random));
        }
        // Repeats (numbered ids), ends a trimming option could take off, escapes, entities, empty and nested headings.
        bodies.add("## Rest\n\n## Rest\n\n## rest\n\n## Rest-1\n\n## Rest\n\n# Rest\n");
        bodies.add("## a \\* b\n\n## &copy; c\n\n## \u00a0nbsp\u00a0\n\n## tab\there\n\n## \u00e9t\u00e9\n\n## \u6f22\u5b57\n\n## \ud83d\ude00\n\n##\n\n## *em*\n");
        bodies.add("> ## Quoted\n\n- ## In a list\n\n!!! warning \"Care\"\n    ## In a callout\n\nSetext\n---\n\nSetext\n===\n");
        int headings = 0;
        int flexmarkAssertions = 0;
        for (String body : bodies) {
            List<String> flexmarks;
            try {
                flexmarks = RENDERER.headingIds(source(body), true);
            } catch (AssertionError e) {
                // Flexmark's text collector's own assertion (see random_documents): not compared, counted.
                assertTrue(e.getStackTrace()[0].getClassName().startsWith("com.vladsch.flexmark"), body);
                flexmarkAssertions++;
                continue;
            }
            headings += flexmarks.size();
            assertEquals(flexmarks, RENDERER.headingIds(source(body), false), body);
        }
        assertTrue(flexmarkAssertions < bodies.size() / 10, flexmarkAssertions + " bodies failed Flexmark's own assertions");
        assertTrue(headings > 1000, "only " + headings + " headings");
    }

    /** A heading's text normalised as the sanitiser's tree gives it, with the shortcut for text that is normal already. */
    @Test
    void heading_text_normalised_as_jsoup_does() {
        char[] pieces = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u00ad', '\u200b', 'é', '\ud83d', '\ude00', '-', '.'};
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder expected = new StringBuilder();
            org.jsoup.internal.StringUtil.appendNormalisedWhitespace(expected, text.toString(), false);
            assertEquals(expected.toString().trim(), FinishedHtml.textOf(text), text.toString());
        }
    }

    /** Markdown made of the pieces guides use, and now and then of others, with awkward characters. */
    static final class RandomMarkdown {
        private static final String[] WORDS = {"rest", "lift", "back", "Pain", "knee", "a&b", "< tag >", "a<b", "\"quoted\"", "it's", "x\\*y", "&amp;",
                "&copy;", "\u00a0nbsp", "é", "漢字", "😀", "a_b", "*", "_", "1.", "#", "!!!", "[x]", "doi:10.1234/ab", "https://www.nhs.uk/x", "\\", "`"};

        static String document(Random random) {
            StringBuilder md = new StringBuilder();
            int blocks = 1 + random.nextInt(8);
            int notes = 0;
            for (int b = 0; b < blocks; b++) {
                switch (random.nextInt(12)) {
                    case 0, 1, 2 -> md.append(inline(random)).append(random.nextInt(4) == 0 ? "\n" + inline(random) : "").append("\n\n");
                    case 3 -> md.append("#".repeat(1 + random.nextInt(4))).append(' ').append(inline(random)).append("\n\n");
                    case 4 -> list(md, random, "- ", "");
                    case 5 -> list(md, random, "1. ", "");
                    case 6 -> md.append("> ").append(inline(random)).append("\n> ").append(inline(random)).append("\n\n");
                    case 7 -> md.append(random.nextBoolean() ? "---\n\n" : "***\n\n");
                    case 8 -> md.append("!!! ").append(random.nextBoolean() ? "caution" : "odd").append(random.nextBoolean() ? " \"" + inline(random).replace("\"", "") + "\"" : "")
                            .append("\n    ").append(inline(random)).append(random.nextBoolean() ? "\n\n    - " + inline(random) + "\n    - " + inline(random) : "").append("\n\n");
                    case 9 -> {
                        notes++;
                        md.append(inline(random)).append("[^n").append(notes).append("]").append(random.nextBoolean() ? " and[^n1]" : "").append("\n\n");
                    }
                    case 10 -> md.append(random.nextBoolean() ? "![pic](a.jpg)\n\n" : random.nextBoolean() ? "`code` here\n\n" : "<b>raw</b> html\n\n");
                    default -> md.append(inline(random)).append("  \n").append(inline(random)).append("\n\n");
                }
            }
            for (int n = 1; n <= notes + random.nextInt(2); n++) {
                md.append("[^n").append(n).append("]: ").append(inline(random)).append(random.nextBoolean() ? "\n\n    " + inline(random) : "").append('\n');
            }
            return md.toString();
        }

        private static void list(StringBuilder md, Random random, String marker, String indent) {
            boolean loose = random.nextInt(3) == 0;
            int items = 1 + random.nextInt(4);
            for (int i = 0; i < items; i++) {
                md.append(indent).append(marker).append(inline(random)).append('\n');
                if (indent.isEmpty() && random.nextInt(5) == 0) {
                    list(md, random, random.nextBoolean() ? "- " : "1. ", "   ");
                }
                if (loose) {
                    md.append('\n');
                }
            }
            md.append('\n');
        }

        private static String inline(Random random) {
            StringBuilder text = new StringBuilder();
            int words = 1 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                String word = WORDS[random.nextInt(WORDS.length)];
                switch (random.nextInt(10)) {
                    case 0 -> text.append('*').append(word).append('*');
                    case 1 -> text.append("**").append(word).append("**");
                    case 2 -> text.append('[').append(word).append("](").append(random.nextBoolean() ? "other.md#part" : "https://www.nhs.uk/").append(')');
                    default -> text.append(word);
                }
            }
            return text.toString();
        }
    }
}
