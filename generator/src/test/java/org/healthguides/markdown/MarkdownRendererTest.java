package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private static final Map<String, WarningKind> KINDS = Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:"),
            "caution", new WarningKind("caution", "Important", "Important"));
    private final MarkdownRenderer renderer = new MarkdownRenderer(KINDS);

    private RenderedMarkdown render(String body) {
        return renderer.render(MarkdownSource.onItsOwnPage("content/g/recovery.md", "g/recovery.md", body, 5));
    }

    private static Document html(RenderedMarkdown rendered) {
        return Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void callout_is_a_labelled_region_with_its_kind_in_words_and_its_list() {
        RenderedMarkdown rendered = render("""
                ## Signs of injury

                !!! urgent "See a doctor if you have:"
                    - sharp night pain
                    - bruising and swelling
                """);
        Element callout = html(rendered).selectFirst("section.callout.callout--urgent");
        assertNotNull(callout, rendered.html());
        Element heading = html(rendered).getElementById(callout.attr("aria-labelledby"));
        assertNotNull(heading);
        assertEquals("h3", heading.tagName(), "one level below the h2 before it");
        assertEquals("Urgent advice:", heading.selectFirst(".callout__label").text());
        assertEquals("Urgent advice: See a doctor if you have:", heading.text());
        assertEquals(List.of("sharp night pain", "bruising and swelling"), callout.select("li").eachText());

        Callout model = rendered.callouts().get(0);
        assertEquals("urgent", model.kind());
        assertEquals(List.of("sharp night pain", "bruising and swelling"), model.items());
        assertEquals(5 + 2, model.line());
        assertTrue(model.mentions("Night Pain"));
    }

    @Test
    void callout_without_title_takes_the_kinds_default_heading() {
        RenderedMarkdown rendered = render("!!! caution\n    Put a cloth between ice and skin.\n");
        assertEquals("Important: Important", html(rendered).selectFirst(".callout__heading").text());
        assertEquals("h2", html(rendered).selectFirst(".callout__heading").tagName());
    }

    @Test
    void unknown_care_card_kind_is_an_error_at_the_kind_with_a_suggestion() {
        RenderedMarkdown rendered = render("intro\n\n!!! urgnet \"x\"\n    text\n");
        Problem problem = rendered.problems().get(0);
        assertTrue(problem.isError());
        assertEquals(7, problem.line());
        assertEquals(5, problem.column(), "the caret goes under the kind");
        assertEquals(Code.UNKNOWN_CARE_CARD_KIND, problem.code());
        assertTrue(problem.toString().contains("unknown care card kind 'urgnet'"), problem.toString());
        assertTrue(problem.toString().contains("did you mean 'urgent'?"), problem.toString());
    }

    @Test
    void headings_get_stable_ids_and_anchor_links() {
        RenderedMarkdown rendered = render("## Take a break\n\ntext\n\n### Use ice, then heat\n");
        assertEquals(List.of("take-a-break", "use-ice-then-heat"), rendered.headings().stream().map(Heading::id).toList());
        assertEquals(List.of(5, 9), rendered.headings().stream().map(Heading::line).toList());
        Element anchor = html(rendered).selectFirst("#take-a-break a.heading-anchor");
        assertEquals("#take-a-break", anchor.attr("href"));
    }

    @Test
    void footnotes_become_references_outside_the_body() {
        RenderedMarkdown rendered = render("Deadlifts raise hormones.[^h]\n\n[^h]: A claim from the source article.\n");
        assertEquals(1, rendered.references().size());
        Reference reference = rendered.references().get(0);
        assertEquals(1, reference.number());
        assertEquals("A claim from the source article.", reference.html());
        Document body = html(rendered);
        assertTrue(body.select("div.footnotes").isEmpty());
        Element citation = body.selectFirst("a.footnote-ref");
        assertEquals("#" + reference.id(), citation.attr("href"));
        assertEquals(reference.citationId(), citation.parent().id());
    }

    @Test
    void script_handlers_and_javascript_urls_never_survive() {
        RenderedMarkdown rendered = render("""
                <script>alert(1)</script>

                <img src="x.png" alt="x" onerror="alert(1)">

                [click](javascript:alert(1)) <iframe src="https://evil.example"></iframe>
                """);
        String html = rendered.html().toLowerCase();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<iframe"), html);
        assertTrue(rendered.problems().stream().anyMatch(p -> !p.isError() && p.message().contains("sanitised")), rendered.problems().toString());
        assertTrue(rendered.problems().stream().anyMatch(p -> p.message().contains("unsafe link")), rendered.problems().toString());
    }

    @Test
    void links_to_markdown_files_become_relative_page_links() {
        RenderedMarkdown rendered = render("[red flags](technique.md#steps), [home](index.md), [top](#x), [ext](https://nhs.uk)");
        Document body = html(rendered);
        assertEquals(List.of("../technique/#steps", "../", "#x", "https://nhs.uk"), body.select("a").eachAttr("href"));
        List<ContentLink> links = rendered.links();
        assertEquals("g/technique/", links.get(0).targetPath());
        assertEquals("steps", links.get(0).fragment());
        assertEquals("g/", links.get(1).targetPath());
        assertEquals("g/recovery/", links.get(2).targetPath());
        assertFalse(links.get(3).isInternal());
    }

    @Test
    void structural_mistakes_are_reported_at_their_lines() {
        RenderedMarkdown rendered = render("""
                # Title again

                ## Part

                #### Too deep

                ![](photo.png)

                ## Part

                ```java
                never closed
                """);
        List<String> messages = rendered.problems().stream().map(p -> p.line() + " " + p.message()).toList();
        assertTrue(messages.contains("5 a '# Title again' heading is not allowed in the body"), messages.toString());
        assertTrue(messages.contains("9 heading level skips from h2 to h4"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("11 image 'photo.png' has no alt text")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("13 heading 'Part' repeats the heading on line 7")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("15 code block opened with ``` is never closed")), messages.toString());
    }

    @Test
    void nesting_prefixes_ids_and_lowers_headings() {
        RenderedMarkdown nested = NestedContent.nest(render("## Part\n\nSee[^a].\n\n!!! caution\n    x\n\n[^a]: ref\n"), "recovery--");
        Document body = html(nested);
        assertNotNull(body.selectFirst("h3#recovery--part"));
        Element callout = body.selectFirst("section.callout");
        assertNotNull(body.getElementById(callout.attr("aria-labelledby")));
        assertEquals("h4", body.getElementById(callout.attr("aria-labelledby")).tagName());
        assertEquals("#" + nested.references().get(0).id(), body.selectFirst("a.footnote-ref").attr("href"));
        assertTrue(nested.references().get(0).id().startsWith("recovery--"));
    }

    @Test
    void lists_under_do_and_dont_headings_become_tick_and_cross_lists_and_keep_their_words() {
        RenderedMarkdown rendered = render("""
                ## Do and don't

                ### Do

                - rest for 2 days

                ### Don’t

                - do not train through pain

                ### Do not

                - do not lift heavy

                ### Doing more

                - not a do list
                """);
        Document page = html(rendered);
        assertEquals(List.of("do-list"), page.select("ul").get(0).classNames().stream().toList());
        assertEquals(List.of("dont-list"), page.select("ul").get(1).classNames().stream().toList());
        assertEquals(List.of("dont-list"), page.select("ul").get(2).classNames().stream().toList());
        assertTrue(page.select("ul").get(3).classNames().isEmpty(), "only a heading that is exactly Do or Don't marks a list");
        assertEquals("do not train through pain", page.select("ul.dont-list li").get(0).text(), "the words stay as written");
        assertEquals("Do", page.selectFirst("h3").ownText(), "the heading stays, so the meaning is in words too");
    }

    @Test
    void heading_keys_are_what_the_regular_expressions_made_of_them() {
        for (String text : new String[] {"Rest!", "  -- Lift, then rest --  ", "Caf\u00e9 \u00bd and \u2167 and \u0663", "\u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 \ud835\udc00x",
                "", "---", "\u0130stanbul \u00dfig", "a_b.c-d"}) {
            String regex = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+").matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll("-")
                    .replaceAll("^-+|-+$", "");
            assertEquals(regex, MarkdownRenderer.idOf(text), text);
        }
        // Random headings, nearly all ASCII (the usual way through idOf), some with a letter or number beyond it.
        String pieces = "aZz09 -_.!?'\"()/:AMz\t\u00e9\u00c9\u0130\u00bd\u2167\u0663\u00df";
        java.util.Random random = new java.util.Random(47);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(pieces.charAt(random.nextInt(random.nextInt(8) == 0 ? pieces.length() : pieces.length() - 7)));
            }
            String regex = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+").matcher(text.toString().toLowerCase(java.util.Locale.ROOT)).replaceAll("-")
                    .replaceAll("^-+|-+$", "");
            assertEquals(regex, MarkdownRenderer.idOf(text.toString()), text.toString());
        }
    }

    @Test
    void a_care_card_opening_is_looked_for_where_the_stripped_line_would_find_it() {
        for (String line : new String[] {"!!! urgent", "   !!!x", "\t\u2003!!!", "!!", " ! !!", "text !!!", "", "  ", "!!!!"}) {
            assertEquals(line.strip().startsWith("!!!"), CalloutOpenings.mayOpen(line), line);
        }
    }
}
