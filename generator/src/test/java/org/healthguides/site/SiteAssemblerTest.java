package org.healthguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteAssemblerTest {
    @TempDir
    Path root;

    private Site assemble(Fixture fixture) throws ContentErrors {
        ContentTree tree = new ContentLoader(fixture.content, "content").load();
        SiteSettings settings = SiteSettings.parse(tree.settings());
        return new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), "content").assemble(tree);
    }

    private List<String> problems(Fixture fixture) {
        ContentErrors errors = assertThrows(ContentErrors.class, () -> assemble(fixture));
        return errors.problems().stream().map(Object::toString).toList();
    }

    @Test
    void sections_are_ordered_by_their_order_key() throws ContentErrors {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/aaa.md"), "---\ntitle: Last\norder: 9\n---\ntext\n");
        Guide guide = assemble(fixture).guides().get(0);
        assertEquals(List.of("basics", "recovery", "aaa"), guide.sections().stream().map(SectionPage::slug).toList());
        assertEquals("lifting/recovery/", guide.sections().get(1).path());
    }

    @Test
    void missing_required_section_names_guide_file_and_section() throws Exception {
        Fixture fixture = new Fixture(root);
        java.nio.file.Files.delete(fixture.content.resolve("lifting/basics.md"));
        List<String> problems = problems(fixture);
        assertTrue(problems.contains("content/lifting/index.md:6: error[G0401]: guide 'lifting' is missing required section 'basics'"
                + " — create content/lifting/basics.md with a title and an order"), problems.toString());
    }

    @Test
    void missing_required_warning_is_an_error_in_its_section() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), "---\ntitle: Recovery\norder: 2\n---\nRest.\n");
        List<String> problems = problems(fixture);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/lifting/recovery.md: error[G0404]: guide 'lifting' is missing required care card 'red flags' (kind 'urgent')"),
                problems.get(0));
    }

    @Test
    void deleting_one_red_flag_sign_fails_the_build_at_the_callout() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Fixture.RECOVERY.replace("    - numbness down your legs\n", ""));
        List<String> problems = problems(fixture);
        assertEquals(List.of("content/lifting/recovery.md:7: error[G0405]: required care card 'red flags' does not mention: 'numbness'"
                + " — put each back into this urgent care card; the guide's front matter requires them"), problems);
    }

    @Test
    void duplicate_order_and_stray_markdown_are_reported_together() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Fixture.RECOVERY.replace("order: 2", "order: 1"));
        Fixture.write(fixture.content.resolve("notes.md"), "stray");
        List<String> problems = problems(fixture);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/lifting/recovery.md:3: error[G0217]: order 1 is also used by content/lifting/basics.md")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/notes.md: error[G0203]: this Markdown file belongs to no guide")),
                problems.toString());
    }
}
