package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.healthguides.content.WarningKind;
import org.junit.jupiter.api.Test;

class MovedContentTest {
    private static final Map<String, WarningKind> KINDS = Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:"),
            "caution", new WarningKind("caution", "Important", "Important"));
    private static final String GUIDE_PAGE = "g/";
    private static final String WHOLE_GUIDE_PAGE = "g/whole-guide/";
    private final MarkdownRenderer renderer = new MarkdownRenderer(KINDS);

    /** Rendering once and moving gives what rendering again for the second page gives, field by field. */
    private void assertSameAsRenderedThere(String body) {
        RenderedMarkdown onGuidePage = renderer.render(new MarkdownSource("content/g/index.md", "g/index.md", body, 7, GUIDE_PAGE));
        RenderedMarkdown renderedThere = renderer.render(new MarkdownSource("content/g/index.md", "g/index.md", body, 7, WHOLE_GUIDE_PAGE));
        RenderedMarkdown moved = MovedContent.movedTo(onGuidePage, GUIDE_PAGE, WHOLE_GUIDE_PAGE);
        assertEquals(renderedThere.html(), moved.html());
        assertEquals(renderedThere.references(), moved.references());
        assertEquals(renderedThere.links(), moved.links());
        assertEquals(renderedThere, moved, "every other field too");
        // Moved when read (a kept guide's): the same lists, by iteration, index and equality, every time.
        RenderedMarkdown movedLater = MovedContent.movedWhenRead(onGuidePage, GUIDE_PAGE, WHOLE_GUIDE_PAGE);
        assertEquals(renderedThere, movedLater);
        assertEquals(renderedThere.links(), java.util.List.copyOf(movedLater.links()));
        assertEquals(renderedThere.references(), movedLater.references().stream().toList());
        for (int i = 0; i < renderedThere.links().size(); i++) {
            assertEquals(renderedThere.links().get(i), movedLater.links().get(i));
        }
        assertEquals(renderedThere.links().hashCode(), movedLater.links().hashCode());
    }

    @Test
    void links_to_sections_anchors_the_guide_itself_and_other_guides_lead_to_the_same_places() {
        String body = """
                ## Before you start

                Read [the technique](technique.md), [the red flags](recovery.md#signs-of-injury), [this guide](index.md),
                [this page](./), [a part of it](#before-you-start), [another guide](../other/index.md),
                [its section](../other/rest.md#sleep), [an empty link]() and [a query](?print=1).

                ![A neutral spine](images/spine.png "Side view") and ![the logo](../shared/logo.svg).

                - [in a list](muscles.md)
                    - [nested](injuries.md#when-to-rest)

                !!! urgent "Stop and get help if:"
                    - you feel [sharp pain](recovery.md#pain)
                """;
        assertSameAsRenderedThere(body);
        RenderedMarkdown moved = MovedContent.movedTo(
                renderer.render(new MarkdownSource("content/g/index.md", "g/index.md", body, 7, GUIDE_PAGE)), GUIDE_PAGE, WHOLE_GUIDE_PAGE);
        assertTrue(moved.html().contains("href=\"../technique/\""), moved.html());
        assertTrue(moved.html().contains("href=\"../recovery/#signs-of-injury\""), moved.html());
        assertTrue(moved.html().contains("href=\"../\""), moved.html());
        assertTrue(moved.html().contains("src=\"../images/spine.png\""), moved.html());
    }

    @Test
    void external_addresses_references_and_their_links_stay_or_move_as_a_second_render_would() {
        assertSameAsRenderedThere("""
                Brace first.[^brace] Call <https://www.nhs.uk/> or [111](tel:111), or write to
                [the editor](mailto:editor@example.org). See [the list](//example.org/list).[^more]

                [^brace]: Smith J. A study of bracing. Journal, 2020. doi:10.1234/abc.5 and https://example.org/paper.
                [^more]: As the [recovery section](recovery.md#rest) says.
                """);
    }

    @Test
    void reference_style_links_and_links_that_leave_the_site_too() {
        assertSameAsRenderedThere("""
                A [reference link][tech] and [one that climbs too far](../../outside.md).

                [tech]: technique.md#grip
                """);
    }

    @Test
    void the_guides_own_introduction_moves_as_it_renders() throws IOException {
        Path index = Path.of("..", "content", "deadlift-lower-back-pain", "index.md");
        String text = Files.readString(index);
        String body = text.substring(text.indexOf("\n---", 3) + 4);
        assertSameAsRenderedThere(body);
    }

    @Test
    void html_without_links_is_returned_as_it_is() {
        String html = "<p>Keep the bar close.</p>";
        assertEquals(html, MovedContent.rebase(html, GUIDE_PAGE, WHOLE_GUIDE_PAGE));
    }

    /** The one pass against jsoup, on the guide, the golden cases and hostile bodies rendered for the guide's page. */
    @Test
    void the_one_pass_rebases_as_jsoup_does() throws IOException {
        java.util.List<String> bodies = new java.util.ArrayList<>(FinishedHtmlTest.hostile());
        for (Object[] body : FinishedHtmlTest.bodies()) {
            bodies.add((String) body[1]);
        }
        bodies.add("[q](technique.md?a=1&b=\"2\") ![x](<images/a b.png>) [t](recovery.md \"a > b\") <b data-href=\"x.md\">raw</b>\n");
        int inOnePass = 0;
        for (String body : bodies) {
            RenderedMarkdown rendered = renderer.render(new MarkdownSource("content/g/index.md", "g/index.md", body, 7, GUIDE_PAGE));
            String html = rendered.html();
            String onePass = MovedContent.rebaseInOnePass(html, GUIDE_PAGE, WHOLE_GUIDE_PAGE);
            if (onePass != null) {
                inOnePass++;
                assertEquals(MovedContent.rebaseWithJsoup(html, GUIDE_PAGE, WHOLE_GUIDE_PAGE), onePass, body);
            }
            for (Reference reference : rendered.references()) {
                String note = MovedContent.rebaseInOnePass(reference.html(), GUIDE_PAGE, WHOLE_GUIDE_PAGE);
                if (note != null) {
                    assertEquals(MovedContent.rebaseWithJsoup(reference.html(), GUIDE_PAGE, WHOLE_GUIDE_PAGE), note, body);
                }
            }
        }
        assertTrue(inOnePass > bodies.size() / 2, inOnePass + " of " + bodies.size() + " in one pass");
    }
}
