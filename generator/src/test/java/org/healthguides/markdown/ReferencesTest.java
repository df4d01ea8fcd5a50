package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Map.of("urgent", new WarningKind("urgent", "Urgent advice", "See a doctor")));

    /** The body starts on line 5 of the file, so Markdown line n is file line n + 4. */
    private RenderedMarkdown render(String body) {
        return renderer.render(MarkdownSource.onItsOwnPage("content/g/recovery.md", "g/recovery.md", body, 5));
    }

    private static Element reference(RenderedMarkdown rendered, int index) {
        return Jsoup.parseBodyFragment(rendered.references().get(index).html()).body();
    }

    @Test
    void a_marker_without_a_definition_is_an_error_at_its_line() {
        RenderedMarkdown rendered = render("Rest.\n\nIce helps.[^ice]\n");
        List<Problem> problems = rendered.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertEquals(7, problems.get(0).line());
        assertEquals("content/g/recovery.md:7: error[G0104]: reference [^ice] has no definition — add a line '[^ice]: what the source says' at the end of the file",
                problems.get(0).toString());
    }

    @Test
    void a_reference_nobody_cites_is_a_warning_at_its_line() {
        RenderedMarkdown rendered = render("Rest.[^a]\n\n[^a]: Cited.\n[^b]: Never cited.\n");
        List<Problem> problems = rendered.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertTrue(problems.get(0).message().contains("[^b] is never cited"), problems.get(0).message());
        assertEquals(8, problems.get(0).line());
    }

    @Test
    void a_web_address_in_a_reference_becomes_a_link_without_the_full_stop() {
        RenderedMarkdown rendered = render("Rest.[^a]\n\n[^a]: NHS, Back pain. https://www.nhs.uk/conditions/back-pain/.\n");
        Element link = reference(rendered, 0).selectFirst("a");
        assertEquals("https://www.nhs.uk/conditions/back-pain/", link.attr("href"));
        assertEquals("https://www.nhs.uk/conditions/back-pain/", link.text());
        assertEquals("NHS, Back pain. https://www.nhs.uk/conditions/back-pain/.", reference(rendered, 0).text());
    }

    @Test
    void a_doi_in_a_reference_links_through_doi_org() {
        RenderedMarkdown rendered = render("Rest.[^a]\n\n[^a]: Smith (2018), doi:10.1234/abc.5-6; and more.\n");
        Element link = reference(rendered, 0).selectFirst("a");
        assertEquals("https://doi.org/10.1234/abc.5-6", link.attr("href"));
        assertEquals("doi:10.1234/abc.5-6", link.text());
        assertTrue(reference(rendered, 0).text().endsWith("; and more."));
    }

    @Test
    void a_reference_may_carry_both_and_a_markdown_link_stays_as_written() {
        RenderedMarkdown rendered = render("Rest.[^a]\n\n[^a]: [The study](https://example.org/study) doi:10.1000/xyz123 "
                + "and https://example.org/b\n");
        List<String> hrefs = reference(rendered, 0).select("a").eachAttr("href");
        assertEquals(List.of("https://example.org/study", "https://doi.org/10.1000/xyz123", "https://example.org/b"), hrefs);
        assertEquals("The study", reference(rendered, 0).selectFirst("a").text());
    }

    @Test
    void text_that_only_looks_like_a_source_stays_text() {
        RenderedMarkdown rendered = render("Rest.[^a]\n\n[^a]: A 2018 study; doi: not yet known; see javascript:alert(1)\n");
        assertTrue(reference(rendered, 0).select("a").isEmpty(), rendered.references().get(0).html());
    }
}
