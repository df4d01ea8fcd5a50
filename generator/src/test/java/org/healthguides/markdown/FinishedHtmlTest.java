package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.healthguides.content.WarningKind;
import org.healthguides.testing.Txtar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The common path ({@link FinishedHtml}: Flexmark's HTML finished in one pass) against the reference implementation
 * (the sanitiser's parse, clean, change and print): the same HTML, headings, references and reading numbers for every
 * body, and hostile bodies never finished in one pass.
 */
class FinishedHtmlTest {
    private static final Map<String, WarningKind> KINDS = Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:"),
            "caution", new WarningKind("caution", "Important", "Important"),
            "info", new WarningKind("info", "Information", "Good to know"),
            "emergency", new WarningKind("emergency", "Call 999", "Call 999 or go to A&E if:"),
            "gp", new WarningKind("gp", "See a GP", "See a GP if:"));
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(KINDS,
            new MarkdownWords("Link to \"{heading}\" & more", "reference <n>"));

    private static MarkdownSource source(String body) {
        return MarkdownSource.onItsOwnPage("content/g/page.md", "g/page.md", body, 5);
    }

    private static void assertSameAsSanitiser(String name, String body) {
        MarkdownSource source = source(body);
        RenderedMarkdown reference = RENDERER.renderThroughSanitiser(source);
        RenderedMarkdown finished = RENDERER.render(source);
        assertEquals(reference.html(), finished.html(), name);
        assertEquals(reference, finished, name);
    }

    /** The real guide's bodies and the golden cases' inputs. */
    static List<Object[]> bodies() throws IOException {
        List<Object[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
                bodies.add(new Object[] {file.toString(), end < 0 ? text : text.substring(text.indexOf('\n', end + 1) + 1)});
            }
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/markdown"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList()) {
                bodies.add(new Object[] {file.toString(), Txtar.read(file).files().get("input.md")});
            }
        }
        assertTrue(bodies.size() >= 10, "too few bodies found: " + bodies.size());
        return bodies;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void finishes_as_the_sanitiser_does(String name, String body) {
        assertSameAsSanitiser(name, body);
    }

    /**
     * A body without a '|' is parsed without Flexmark's tables extension (which can find no table there): Flexmark's
     * HTML is the same as with it, for the guide, the golden cases and the hostile bodies with their '|' taken out;
     * and a body with a table still gets one.
     */
    @Test
    void a_body_without_a_pipe_renders_the_same_without_the_tables_extension() throws IOException {
        List<String> all = new ArrayList<>(hostile());
        for (Object[] body : bodies()) {
            all.add((String) body[1]);
        }
        for (String body : all) {
            String withoutPipes = body.replace('|', '/');
            assertEquals(RENDERER.flexmarkHtml(source(withoutPipes), true), RENDERER.flexmarkHtml(source(withoutPipes), false), withoutPipes);
        }
        assertTrue(RENDERER.render(source("| A | B |\n|---|---|\n| 1 | 2 |\n")).html().contains("<table class=\"table\">"));
        assertFalse(RENDERER.render(source("A / B\n---/---\n1 / 2\n")).html().contains("<table"));
    }

    @Test
    void the_guide_is_finished_in_one_pass() throws IOException {
        int onePass = 0;
        for (Object[] body : bodies()) {
            if (((String) body[0]).startsWith("../content") && RENDERER.finishesInOnePass(source((String) body[1]))) {
                onePass++;
            }
        }
        assertTrue(onePass >= 5, "only " + onePass + " of the guide's files took the common path");
    }

    /**
     * Hostile and unusual bodies: whichever path takes them, the same result as the sanitiser's, and nothing in it
     * that could run script (event handlers, script-like addresses, script elements).
     */
    static List<String> hostile() {
        return List.of(
                "Text <img src=x onerror=alert(1)> more.\n",
                "<img src=x onerror=alert(1)>\n",
                "<script>alert(1)</script>\n\nText.\n",
                "Before <a href=\"javascript:alert(1)\">x</a> after <!-- note --> end.\n",
                "[click](javascript:alert(1)) and [two](JaVaScRiPt:alert(1)).\n",
                "[tab](java&#x09;script:alert(1)) [nul](java&#0;script:alert(1)) [ent](&#106;avascript:alert(1)) [col](javascript&colon;alert(1))\n",
                "[ctl](\u0001javascript:alert(1)) [sp](%20javascript:alert(1)) [nl](<java\nscript:alert(1)>)\n",
                "<javascript:alert(1)> <JAVASCRIPT:alert(1)> <data:text/html;base64,PHNjcmlwdD4=> <vbscript:msgbox(1)>\n",
                "<https://www.nhs.uk/conditions/back-pain/> <editor@example.org> <mailto:editor@example.org> <tel:+441234567890>\n",
                "[ref][bad] and [other][Mixed] and [fine][good].\n\n[bad]: javascript:alert(1)\n[mixed]: JavaScript:alert(1) \"title\"\n"
                        + "[good]: https://www.nhs.uk/ \"The \\\"NHS\\\" & more\"\n",
                "![alt](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2Zz4=) ![png](data:image/png;base64,iVBOR)\n",
                "![pic](photo.jpg \"a \\\"quoted\\\" title\") ![x](<photo one.jpg>)\n",
                "[a](https://www.nhs.uk \"a \\\"quoted\\\" title\") [b](https://www.nhs.uk 'it\\'s \"x\" onmouseover=alert(1)') "
                        + "[c](https://www.nhs.uk (with \"quotes\" & <tags>))\n",
                "[q](https://example.org/?a=1&b=2) [amp](https://example.org/?a=1&amp;b=2) [copy](https://example.org/&copy;) "
                        + "[esc](https://example.org/?q=\\&copy;) [rel](//evil.example/) [sp](  https://www.nhs.uk  )\n",
                "## Lift \"safely\" & <slowly>\n\nText.\n\n## Do\n\n- keep moving\n\n## Don't\n\n- stay in bed\n\n## Do not\n\n1. numbered\n\n"
                        + "### Do\n\nText first.\n\n- not a do list\n",
                "Spaces: a&nbsp;b, \u00a0c, \u200bd, &copy; &#169; &#0; &#x1; e\u0001f &lt;script&gt; &amp;amp; \"quoted\" 'single'.\n",
                "Code `<script>alert(1)</script>` and `a \"b\" & c`.\n\n```html\n<script>alert(\"x\")</script>\n```\n\n    <img src=x onerror=alert(1)>\n",
                "Cited[^1] and again[^1], and once more[^2].\n\n[^1]: Smith J. Back pain. https://doi.org/10.1000/xyz123. See doi:10.1234/abc-def.\n"
                        + "[^2]: First paragraph with [a link](https://www.nhs.uk/).\n\n    Second paragraph, https://example.org/a_b?c=d&e=f).\n",
                "## Rest[^1]\n\nText.\n\n[^1]: A note \"quoted\" & <b>bold</b>.\n",
                "A[^a] B[^b] C[^c] D[^d] E[^e] F[^f].\n\n[^a]: Back [to it](#fnref-1) and [out](https://www.nhs.uk/ \"NHS\").\n"
                        + "[^b]: Query https://example.org/?a=1&amp;b=2&c=\"x\" and *doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0*.\n"
                        + "[^c]:\n    - one https://a.example/\n    - two\n"
                        + "[^d]: `code https://c.example/` and doi: 10.1234/x (not a DOI) and DOI:10.12345/ABC, then https://x.example/a)].\n"
                        + "[^e]: Nested cite[^a] and a&nbsp;space https://nbsp.example/\u00a0end.\n"
                        + "[^f]: Two lines\n    https://two.example/ on the second.\n\n    A second paragraph.\n",
                "| Left | Centre |\n|:-----|:------:|\n| a \"x\" | b & c |\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
                "line one  \nline two\\\nline three\n\n---\n\n> quoted *text* with **strong** and `code`\n",
                "!!! urgent \"Call 999 if \"this\" & <that>\"\n    - chest pain\n    - numb legs\n\nAfter.\n",
                "Setext heading\n---\n\nText.\n\n## \n\n## Trailing #s ##\n");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_bodies_come_out_as_the_sanitiser_made_them_and_inert(String body) {
        assertSameAsSanitiser(body, body);
        RenderedMarkdown rendered = RENDERER.render(source(body));
        assertInert(rendered.html());
        for (Reference reference : rendered.references()) {
            assertInert(reference.html());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Text <img src=x onerror=alert(1)> more.\n",
            "<img src=x onerror=alert(1)>\n",
            "[click](JaVaScRiPt:alert(1))\n",
            "[tab](java&#x09;script:alert(1))\n",
            "[ent](&#106;avascript:alert(1))\n",
            "[ctl](\u0001javascript:alert(1))\n",
            "<data:text/html;base64,PHNjcmlwdD4=>\n",
            "![alt](data:image/svg+xml;base64,PHN2Zz4=)\n",
            "Control e\u0001f.\n"})
    void what_the_one_pass_cannot_vouch_for_goes_to_the_sanitiser(String body) {
        assertFalse(RENDERER.finishesInOnePass(source(body)), body);
    }

    @Test
    void do_and_dont_lists_under_another_languages_headings() {
        MarkdownRenderer welsh = new MarkdownRenderer(KINDS, new MarkdownWords("Dolen i'r rhan hon: {heading}", "cyfeirnod",
                List.of("Gwnewch"), List.of("Peidiwch")));
        MarkdownSource source = source("## Gwnewch\n\n- symud\n\n## Peidiwch\n\n- aros yn y gwely\n\n## Do\n\n- not Welsh\n");
        RenderedMarkdown finished = welsh.render(source);
        assertEquals(welsh.renderThroughSanitiser(source), finished);
        assertTrue(welsh.finishesInOnePass(source));
        assertTrue(finished.html().contains("<ul class=\"do-list\">") && finished.html().contains("<ul class=\"dont-list\">"), finished.html());
    }

    /** Flexmark itself writes a lower-case "javascript:" link as its bare text, on either path. */
    @ParameterizedTest
    @ValueSource(strings = {"[click](javascript:alert(1))\n", "<javascript:alert(1)>\n", "[ref][bad]\n\n[bad]: javascript:alert(1)\n"})
    void script_links_flexmark_drops_are_text(String body) {
        String html = RENDERER.render(source(body)).html();
        assertFalse(html.contains("<a"), html);
        assertFalse(html.contains("href"), html);
    }

    @Test
    void plain_markdown_with_quotes_tables_footnotes_and_care_cards_is_finished_in_one_pass() {
        for (String body : List.of(
                "## Lift \"safely\" & slowly\n\nA \"quoted\" word, a&nbsp;b and <https://www.nhs.uk/>.\n",
                "| A | B |\n|---|---|\n| 1 | 2 |\n",
                "Cited[^1].\n\n[^1]: Smith J. https://doi.org/10.1000/xyz123.\n",
                "A[^a] B[^b] C[^c].\n\n[^a]: Back [to it](#fnref-1), [out](https://www.nhs.uk/ \"NHS\") and doi:10.1234/abc.\n"
                        + "[^b]: Query https://example.org/?a=1&amp;b=2&c=\"x\" and *doi:10.1002/(SICI)1097-4571*.\n"
                        + "[^c]:\n    - one https://a.example/\n    - two\n",
                "!!! urgent \"Call 999\"\n    - chest pain\n",
                "## Do\n\n- keep moving\n")) {
            assertTrue(RENDERER.finishesInOnePass(source(body)), body);
        }
    }

    private static void assertInert(String html) {
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parseBodyFragment(html);
        assertTrue(document.select("script, iframe, object, embed, style").isEmpty(), html);
        for (org.jsoup.nodes.Element element : document.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), html);
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    String url = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(java.util.Locale.ROOT);
                    assertFalse(url.startsWith("javascript:") || url.startsWith("data:") || url.startsWith("vbscript:"), html);
                }
            }
        }
    }
    /** The search for a footnote's first source, started near its first ':', finds what a search from its start finds. */
    @org.junit.jupiter.api.Test
    void a_source_is_found_as_a_search_from_the_start_finds_it() {
        java.util.Random random = new java.util.Random(29);
        String[] pieces = {"a", "word ", " ", ":", "doi:", "DOI: ", "doi:10.1234/abc", "doi: 10.12345/x.y", "http://", "https://", "HTTPS://",
                "https://www.nhs.uk/conditions/back-pain/", "http:", "xhttps://a.b", "_https://c", "10.1234/", "/", ".", ")", "é", "\n"};
        int found = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            java.util.regex.Matcher expected = MarkdownRenderer.SOURCE.matcher(text);
            java.util.regex.Matcher actual = FinishedHtml.source(text.toString());
            if (expected.find()) {
                found++;
                org.junit.jupiter.api.Assertions.assertNotNull(actual, text.toString());
                assertEquals(expected.start(), actual.start(), text.toString());
                assertEquals(expected.group(), actual.group(), text.toString());
                assertEquals(expected.group(1), actual.group(1), text.toString());
            } else {
                org.junit.jupiter.api.Assertions.assertNull(actual, text.toString());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(found > 10_000, "only " + found);
    }
}
