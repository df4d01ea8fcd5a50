package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.healthguides.content.WarningKind;
import org.junit.jupiter.api.Test;

class NestedContentTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer(Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:")));

    private String rendered(String body) {
        return renderer.render(MarkdownSource.onItsOwnPage("content/g/recovery.md", "g/recovery.md", body, 5)).html();
    }

    @Test
    void the_one_pass_rewrite_prints_what_jsoup_prints_for_rich_content() {
        String html = rendered("""
                Intro with a citation[^a], a [link to a part](#use-ice "Say > and \\"quotes\\""), an
                ![image with alt](photo.png), `code with <tags> & "quotes"`, <b>bold HTML</b> and a [page](basics.md#start).

                ## Use ice

                ### Wrap it & wait

                | Kind | Minutes |
                |:-----|--------:|
                | ice  | 15      |

                !!! urgent "Get help if:"
                    - sharp <pain> & "spasms"
                    1. numbered

                ```html
                <h2 id="not-a-tag">kept as text</h2>
                ```

                #### Deep heading

                Text with id="fake" and <h2> in words.

                [^a]: A source, see [the top](#use-ice).
                """);
        String nested = NestedContent.TagRewriter.rewrite(html, "recovery--");
        assertEquals(NestedContent.nestWithJsoup(html, "recovery--"), nested);
    }

    @Test
    void the_one_pass_rewrite_changes_ids_labels_in_page_links_and_heading_levels() {
        assertEquals("<section aria-labelledby=\"s--h\"><h3 id=\"s--h\">T</h3><a href=\"#s--h\">x</a>"
                        + "<a href=\"other/#h\">y</a><p data-href=\"#h\">#h</p></section>",
                NestedContent.TagRewriter.rewrite("<section aria-labelledby=\"h\"><h2 id=\"h\">T</h2><a href=\"#h\">x</a>"
                        + "<a href=\"other/#h\">y</a><p data-href=\"#h\">#h</p></section>", "s--"));
    }

    @Test
    void anything_jsoup_does_not_print_is_left_to_jsoup() {
        assertNull(NestedContent.TagRewriter.rewrite("<p>a<!-- comment --></p>", "s--"));
        assertNull(NestedContent.TagRewriter.rewrite("<p id=unquoted>a</p>", "s--"));
        assertEquals("<h3 id=\"s--x\">a</h3>", NestedContent.nest(
                new RenderedMarkdown("<h2 id=x>a</h2>", java.util.List.of(), java.util.List.of(), java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), org.healthguides.readability.ReadingStats.NONE), "s--").html());
    }

    /** The rewrite against jsoup on the rendered guide, golden cases, hostile bodies and random documents. */
    @Test
    void the_one_pass_rewrite_prints_what_jsoup_prints_for_rendered_bodies() throws java.io.IOException {
        MarkdownRenderer renderer = new MarkdownRenderer(Map.of("caution", new WarningKind("caution", "Important", "Important")));
        java.util.List<String> bodies = new java.util.ArrayList<>(FinishedHtmlTest.hostile());
        for (Object[] body : FinishedHtmlTest.bodies()) {
            bodies.add((String) body[1]);
        }
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            bodies.add(CommonNodeHtmlTest.RandomMarkdown.document(random));
        }
        int rewritten = 0;
        for (String body : bodies) {
            String html;
            try {
                html = renderer.render(MarkdownSource.onItsOwnPage("content/g/p.md", "g/p.md", body, 1)).html();
            } catch (AssertionError e) {
                continue; // Flexmark's own assertion in its text collector (see CommonNodeHtmlTest.random_documents)
            }
            String nested = NestedContent.TagRewriter.rewrite(html, "part--");
            if (nested != null) {
                rewritten++;
                assertEquals(NestedContent.nestWithJsoup(html, "part--"), nested, body);
            }
        }
        assertTrue(rewritten > 300, "only " + rewritten + " rewritten in one pass");
    }
}
