package org.healthguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site model in several languages: translations beside their originals, each held to the guide's contract. Test data only. */
class TranslationsTest {
    @TempDir
    Path root;
    private Fixture fixture;

    static final String SETTINGS = Fixture.SETTINGS.replace("language: en-GB", "languages: [en-GB, cy, ur]");
    /** Only recovery (with the red flags) is required, so basics may stay untranslated. */
    static final String INDEX = Fixture.INDEX.replace("required_sections: [basics, recovery]", "required_sections: [recovery]").replace("mentions: [night pain, numbness]",
            "mentions: { en-GB: [night pain, numbness], cy: [poen yn y nos, diffyg teimlad], ur: [رات کا درد, سن ہونا] }");
    static final String INDEX_CY = """
            ---
            title: Canllaw codi
            description: Sut i godi.
            translated_from_reviewed: 2026-11-24
            ---
            Croeso. Darllenwch y [pethau sylfaenol](basics.md) yn gyntaf.
            """;
    static final String RECOVERY_CY = """
            ---
            title: Gwella
            order: 2
            ---
            ## Pryd i weld meddyg

            !!! urgent "Ewch i weld meddyg ar unwaith os oes gennych chi:"
                - poen yn y nos sy'n finiog
                - diffyg teimlad yn eich coesau
            """;

    @BeforeEach
    void welshTranslation() {
        fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), SETTINGS);
        Fixture.write(fixture.content.resolve("lifting/index.md"), INDEX);
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY);
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), RECOVERY_CY);
    }

    private Site assemble() throws ContentErrors {
        return assemble(true);
    }

    /** @param drafts build drafts too (the preview, --drafts), or leave them out (a published build) */
    private Site assemble(boolean drafts) throws ContentErrors {
        ContentTree tree = new ContentLoader(fixture.content, "content").load();
        SiteSettings settings = SiteSettings.parse(tree.settings());
        Map<String, WarningKind> welshKinds = Map.of(
                "urgent", new WarningKind("urgent", "Cyngor brys", "Ewch i weld meddyg ar unwaith os:"),
                "caution", new WarningKind("caution", "Pwysig", "Pwysig"));
        return new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), "content")
                .withTranslatedMarkdown(Map.of("cy", new MarkdownRenderer(welshKinds, new org.healthguides.markdown.MarkdownWords("Dolen i'r rhan hon: {heading}", "cyfeiriad"))))
                .withDrafts(drafts)
                .assemble(tree);
    }

    private List<String> errors() {
        return assertThrows(ContentErrors.class, this::assemble).problems().stream().filter(Problem::isError).map(Object::toString).toList();
    }

    @Test
    void a_translation_is_its_own_guide_under_its_language_without_untranslated_sections() throws ContentErrors {
        Site site = assemble();
        assertEquals(1, site.guides().size());
        Guide original = site.guides().get(0);
        assertEquals("lifting/", original.path());
        assertEquals("en-GB", original.language());
        assertEquals(1, site.translations().size());
        Guide welsh = site.translations().get(0);
        assertEquals("cy", welsh.language());
        assertEquals("cy/lifting/", welsh.path());
        assertEquals("Canllaw codi", welsh.title());
        assertEquals("content/lifting/index.cy.md", welsh.displayPath());
        assertEquals(List.of("recovery"), welsh.sections().stream().map(SectionPage::slug).toList(),
                "basics has no Welsh text, so it is not in Welsh: never the English text in its place");
        assertEquals("cy/lifting/recovery/", welsh.sections().get(0).path());
        assertEquals("Gwella", welsh.sections().get(0).title());
        assertTrue(welsh.sections().get(0).content().html().contains("Cyngor brys:"), "the care card's level in Welsh");
        assertTrue(welsh.sections().get(0).content().html().contains("aria-label=\"Dolen i'r rhan hon: Pryd i weld meddyg\""),
                "the heading link's name in Welsh");
        assertEquals(original.meta().requiredWarnings(), welsh.meta().requiredWarnings(), "the original's contract");
        assertEquals(List.of(welsh), site.guidesIn("cy"));
        assertEquals(List.of(), site.guidesIn("ur"));
        assertEquals("cy", site.languageOfPath("cy/lifting/recovery/"));
        assertEquals("en-GB", site.languageOfPath("lifting/recovery/"));
    }

    @Test
    void a_link_to_a_translated_file_leads_to_the_translation_and_a_plain_one_to_the_original() throws ContentErrors {
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY + "\nGweler [gwella](recovery.cy.md).\n");
        Guide welsh = assemble().translations().get(0);
        String html = welsh.introduction().html();
        assertTrue(html.contains("href=\"../../lifting/basics/\""), html);
        assertTrue(html.contains("href=\"recovery/\""), html);
    }

    @Test
    void a_translation_that_drops_a_red_flag_is_an_error_naming_the_file_and_phrase() {
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), RECOVERY_CY.replace("    - diffyg teimlad yn eich coesau\n", ""));
        assertEquals(List.of("content/lifting/recovery.cy.md:7: error[G0405]: required care card 'red flags' does not mention: 'diffyg teimlad'"
                + " — put each back into this urgent care card; the guide's front matter requires them in 'cy'"), errors());
    }

    @Test
    void a_translation_without_a_required_section_is_an_error() throws Exception {
        java.nio.file.Files.delete(fixture.content.resolve("lifting/recovery.cy.md"));
        List<String> errors = errors();
        assertTrue(errors.contains("content/lifting/index.cy.md: error[G0401]: the 'cy' translation of guide 'lifting' is missing required section"
                + " 'recovery' — create content/lifting/recovery.cy.md with a title (a required section must be translated)"), errors.toString());
    }

    @Test
    void a_language_without_its_mentions_is_an_error() {
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("[basics, recovery]", "[recovery]"));
        List<String> errors = errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("content/lifting/index.md:8: error[G0904]: required care card 'red flags' has no 'mentions' for language 'cy'"),
                errors.get(0));
    }

    @Test
    void mentions_for_an_unlisted_language_are_an_error_with_did_you_mean() {
        Fixture.write(fixture.content.resolve("lifting/index.md"), INDEX.replace("cy: [", "cyy: [").replace("}", ", cy: [poen yn y nos, diffyg teimlad] }"));
        List<String> errors = errors();
        assertEquals(List.of("content/lifting/index.md:8: error[G0904]: required care card 'red flags' gives mentions for 'cyy', which is not listed"
                + " in 'languages' of site.yaml — did you mean 'cy'?"), errors);
    }

    @Test
    void an_out_of_date_translation_gets_a_warning_naming_the_originals_review() throws ContentErrors {
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY.replace("translated_from_reviewed: 2026-11-24",
                "translated_from_reviewed: 2026-03-01"));
        List<String> warnings = assemble().warnings().stream().map(Object::toString).toList();
        assertTrue(warnings.contains("content/lifting/index.cy.md:4: warning[G0905]: translation out of date: the original was reviewed on 2026-11-24,"
                + " after the version of 2026-03-01 this translation was made from — bring the translation up to date with"
                + " content/lifting/index.md, then set 'translated_from_reviewed: 2026-11-24'"), warnings.toString());
    }

    @Test
    void a_translation_into_an_unlisted_language_is_left_out_with_a_warning() throws ContentErrors {
        Fixture.write(fixture.content.resolve("lifting/index.fr.md"), "---\ntitle: Guide\n---\nBonjour.\n");
        Site site = assemble();
        assertEquals(List.of("cy"), site.translations().stream().map(Guide::language).toList());
        assertTrue(site.warnings().stream().map(Object::toString).anyMatch(w -> w.startsWith(
                "content/lifting/index.fr.md: warning[G0907]: the translation into 'fr' is not published: 'fr' is not listed in 'languages' of site.yaml")),
                site.warnings().toString());
    }

    @Test
    void translations_without_an_index_or_an_original_are_errors() {
        Fixture.write(fixture.content.resolve("lifting/recovery.ur.md"), "---\ntitle: بحالی\n---\nآرام کریں۔\n");
        Fixture.write(fixture.content.resolve("lifting/recovry.cy.md"), "---\ntitle: Gwella\n---\nGorffwys.\n");
        List<String> errors = errors();
        assertTrue(errors.contains("content/lifting/recovery.ur.md: error[G0906]: this translation has no index.ur.md beside it, so guide 'lifting'"
                + " is not in 'ur' — translate the guide's index.md as index.ur.md first"), errors.toString());
        assertTrue(errors.contains("content/lifting/recovry.cy.md: error[G0906]: this translates recovry.md, which guide 'lifting' does not have"
                + " — did you mean 'recovery'?"), errors.toString());
    }

    @Test
    void a_guide_folder_named_like_a_language_is_an_error() {
        Fixture.write(fixture.content.resolve("cy/index.md"), "---\ntitle: Other\n---\nText.\n");
        assertTrue(errors().stream().anyMatch(e -> e.startsWith("content/cy/index.md: error[G0906]: guide folder 'cy' has the name of language 'cy'")));
    }

    @Test
    void flesch_kincaid_is_not_applied_to_welsh() throws ContentErrors {
        // One very long Welsh sentence: in English this would read far above grade 8.
        String long_ = "Mae " + "cyhyrau'r cefn isaf yn gweithio'n galed iawn bob amser ".repeat(12) + "wrth godi.";
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY + "\n" + long_ + "\n");
        Site site = assemble();
        assertFalse(ReadingLevel.measures(site.translations().get(0)));
        assertTrue(site.warnings().stream().noneMatch(w -> w.file().endsWith("index.cy.md") && w.message().contains("Flesch")),
                site.warnings().toString());
    }

    /** Nothing is published that a clinician has not signed off: a translation is new text and carries its own sign-off. */
    @Test
    void a_translation_names_its_own_reviewer_and_without_one_gets_the_sign_off_warning() throws ContentErrors {
        Site unsigned = assemble(false);
        assertEquals(null, unsigned.translations().get(0).meta().reviewedBy(), "never the original's reviewer on the Welsh text");
        assertTrue(unsigned.warnings().stream().map(Object::toString).anyMatch(w -> w.startsWith("content/lifting/index.cy.md: warning[G0411]:"
                + " the 'cy' translation of guide 'lifting' has no clinical sign-off of its own ('reviewed_by')")), unsigned.warnings().toString());
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY.replace("translated_from_reviewed: 2026-11-24",
                "translated_from_reviewed: 2026-11-24\nreviewed_by: { name: Dr Cymraeg, role: GP }"));
        Site signed = assemble(false);
        assertEquals(new org.healthguides.content.GuideMeta.Reviewer("Dr Cymraeg", "GP"), signed.translations().get(0).meta().reviewedBy());
        assertTrue(signed.warnings().stream().noneMatch(w -> w.code() == org.healthguides.diagnostics.Code.NO_CLINICAL_SIGN_OFF
                && w.file().endsWith("index.cy.md")), signed.warnings().toString());
    }

    @Test
    void a_draft_translation_is_left_out_of_a_published_build_while_the_original_is_published() throws ContentErrors {
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"), INDEX_CY.replace("translated_from_reviewed:", "draft: true\ntranslated_from_reviewed:"));
        Site published = assemble(false);
        assertEquals(1, published.guides().size(), "the original is published");
        assertEquals(List.of(), published.translations(), "the Welsh draft is not");
        assertEquals(List.of("content/lifting/index.cy.md"), published.draftsLeftOut());
        Site preview = assemble(true);
        assertTrue(preview.translations().get(0).meta().draft(), "the preview shows it, marked as a draft");
        assertFalse(preview.guides().get(0).meta().draft(), "the original is not a draft");
    }

    @Test
    void a_draft_translated_section_is_left_out_and_a_required_one_holds_the_build() throws ContentErrors {
        Fixture.write(fixture.content.resolve("lifting/basics.cy.md"), "---\ntitle: Y pethau sylfaenol\ndraft: true\n---\nSefwch yn agos.\n");
        Site published = assemble(false);
        assertEquals(List.of("recovery"), published.translations().get(0).sections().stream().map(SectionPage::slug).toList());
        assertEquals(List.of("content/lifting/basics.cy.md"), published.draftsLeftOut());
        Site preview = assemble(true);
        assertTrue(preview.translations().get(0).section("basics").orElseThrow().meta().draft());
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), RECOVERY_CY.replace("order: 2", "order: 2\ndraft: true"));
        List<String> errors = assertThrows(ContentErrors.class, () -> assemble(false)).problems().stream().filter(Problem::isError)
                .map(Object::toString).toList();
        assertTrue(errors.contains("content/lifting/recovery.cy.md: error[G0412]: the 'cy' translation of guide 'lifting' requires section 'recovery',"
                + " but its translation is a draft, so the published translation would be without it — finish it and remove 'draft: true',"
                + " or mark content/lifting/index.cy.md 'draft: true' to hold back the whole translation"), errors.toString());
    }

    /** 'aliases' in a translated section was accepted and silently ignored: a translation has no old addresses. */
    @Test
    void aliases_in_a_translated_section_are_an_unknown_key_not_silently_ignored() {
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), RECOVERY_CY.replace("order: 2", "order: 2\naliases: [hen-gyfeiriad/]"));
        assertTrue(errors().stream().anyMatch(e -> e.startsWith("content/lifting/recovery.cy.md:4:1: error[G0213]: unknown key 'aliases'")), errors().toString());
    }
}
