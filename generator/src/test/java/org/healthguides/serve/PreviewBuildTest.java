package org.healthguides.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.SiteBuild;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the preview's own copy of the pipeline had drifted from the build, it now reports what {@code guide build}
 * reports for the same content: the review date against the injected clock, a broken template no page uses, and a
 * page that fails to render (without the links into it reported as broken).
 */
class PreviewBuildTest {
    private static final Clock AFTER_NEXT_REVIEW = Clock.fixed(Instant.parse("2028-01-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private List<String> previewProblems(Fixture fixture) {
        try {
            return shown(new PreviewBuild(fixture.content, fixture.templates, AFTER_NEXT_REVIEW).build().warnings());
        } catch (ContentErrors e) {
            return shown(e.problems());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> buildProblems(Fixture fixture) {
        try {
            return withoutBaseUrl(new SiteBuild(new BuildOptions(fixture.content, fixture.templates, fixture.out, "/", false, false,
                    AFTER_NEXT_REVIEW)).run().warnings());
        } catch (ContentErrors e) {
            return withoutBaseUrl(e.problems());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The build's problems but the base URL's: the preview serves the site at "/" on purpose. */
    private List<String> withoutBaseUrl(List<Problem> problems) {
        return shown(problems.stream().filter(p -> !p.message().contains("has no host")).toList());
    }

    private List<String> shown(List<Problem> problems) {
        return problems.stream().map(p -> p.toString().replace(root.toAbsolutePath() + "/", "")).toList();
    }

    @Test
    void the_review_date_is_checked_against_the_injected_clock() {
        Fixture fixture = new Fixture(root);
        List<String> preview = previewProblems(fixture);
        assertEquals(List.of("content/lifting/index.md:5: warning[G0408]: guide 'lifting' was due for review on 2027-11-24 (today is 2028-01-01)"
                + " — review the guide, then set 'reviewed' to today and 'next_review' to the next date"), preview);
        assertEquals(buildProblems(fixture), preview);
    }

    @Test
    void a_broken_template_that_no_page_uses_fails_the_preview_as_it_fails_the_build() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.templates.resolve("unused-partial.ftlh"), "<#if>\n");
        List<String> preview = previewProblems(fixture);
        assertTrue(preview.stream().anyMatch(p -> p.startsWith("templates/unused-partial.ftlh:1") && p.contains("error")), preview.toString());
        assertEquals(buildProblems(fixture), preview);
    }

    @Test
    void a_page_that_fails_to_render_is_reported_alone_not_with_every_link_into_it() {
        Fixture fixture = new Fixture(root);
        // Only the section template breaks at render time: the guide's index links to basics.md, whose page is not made.
        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<h1>", "${page.noSuchField}<h1>"));
        List<String> preview = previewProblems(fixture);
        assertFalse(preview.isEmpty());
        assertTrue(preview.stream().allMatch(p -> p.startsWith("templates/section.ftlh") || p.contains("due for review")), preview.toString());
        assertEquals(buildProblems(fixture), preview);
    }

    @Test
    void an_image_linked_from_outside_the_content_folder_is_published_by_neither() throws Exception {
        Fixture fixture = new Fixture(root);
        Path secret = root.resolve("secret.png");
        Files.write(secret, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Files.createSymbolicLink(fixture.content.resolve("lifting/leak.png"), secret);
        List<String> preview = previewProblems(fixture);
        assertEquals(buildProblems(fixture), preview);
        assertTrue(preview.stream().anyMatch(p -> p.startsWith("content/lifting/leak.png") && p.contains("outside content")), preview.toString());
        assertFalse(Files.exists(fixture.out.resolve("lifting/leak.png")), "the build did not publish it");
        assertThrows(AssertionError.class, () -> assertEquals(List.of(), preview));
    }
}
