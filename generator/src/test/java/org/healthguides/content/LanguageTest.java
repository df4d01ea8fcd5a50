package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.healthguides.diagnostics.ContentErrors;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void a_translation_is_recognised_by_its_file_name() {
        assertEquals(Optional.of(new Language.TranslationFileName("recovery", "cy")), Language.translationFileName("recovery.cy.md"));
        assertEquals(Optional.of(new Language.TranslationFileName("index", "en-GB")), Language.translationFileName("index.en-GB.md"));
        assertEquals(Optional.of(new Language.TranslationFileName("red-flags", "ur")), Language.translationFileName("red-flags.ur.md"));
        assertEquals(Optional.empty(), Language.translationFileName("recovery.md"));
        assertEquals(Optional.empty(), Language.translationFileName("recovery.cy.txt"));
        assertEquals(Optional.empty(), Language.translationFileName("v1.2.md"), "not a language tag");
        assertEquals(Optional.empty(), Language.translationFileName("a.b.cy.md"), "one dot before the tag only");
    }

    @Test
    void translated_files_are_published_under_their_language() {
        assertEquals("cy/g/recovery/", UrlPath.pageOf("g/recovery.cy.md"));
        assertEquals("cy/g/", UrlPath.pageOf("g/index.cy.md"));
        assertEquals("ur/g/technique/", UrlPath.pageOf("g/technique.ur.md"));
        assertEquals("g/recovery/", UrlPath.pageOf("g/recovery.md"), "the default language keeps today's addresses");
    }

    @Test
    void urdu_arabic_farsi_and_hebrew_run_right_to_left() {
        for (String tag : List.of("ur", "ar", "fa", "he", "ur-PK", "ar-EG")) {
            assertTrue(new Language(tag).rightToLeft(), tag);
            assertEquals("rtl", new Language(tag).direction(), tag);
        }
        for (String tag : List.of("en-GB", "cy", "es", "pa")) {
            assertFalse(new Language(tag).rightToLeft(), tag);
            assertEquals("ltr", new Language(tag).direction(), tag);
        }
        assertTrue(new Language("pa-Arab").rightToLeft(), "Punjabi in the Shahmukhi (Arabic) script");
    }

    @Test
    void each_language_names_itself_and_writes_dates_its_own_way() {
        assertEquals("Cymraeg", new Language("cy").ownName());
        assertEquals("اردو", new Language("ur").ownName());
        assertEquals("Español", new Language("es").ownName(), "capitalised as a menu item");
        assertEquals("English", new Language("en-GB").ownName());
        LocalDate date = LocalDate.of(2026, 11, 24);
        assertEquals("24 November 2026", new Language("en-GB").longDate(date));
        assertEquals("24 Tachwedd 2026", new Language("cy").longDate(date));
        assertTrue(new Language("ur").longDate(date).contains("نومبر"), new Language("ur").longDate(date));
        assertEquals("en_GB", new Language("en-GB").openGraphLocale());
    }

    @Test
    void only_english_is_measured_with_flesch_kincaid() {
        assertTrue(new Language("en-GB").isEnglish());
        assertTrue(new Language("en").isEnglish());
        assertFalse(new Language("cy").isEnglish());
        assertFalse(new Language("ur").isEnglish());
    }

    private static SiteSettings settings(String languageLines) throws ContentErrors {
        return SiteSettings.parse(new SourceFile("site.yaml", "content/site.yaml", "title: T\n" + languageLines
                + "warning_kinds:\n  urgent: { label: U, heading: H }\n"));
    }

    private static List<String> settingsProblems(String languageLines) {
        return assertThrows(ContentErrors.class, () -> settings(languageLines)).problems().stream().map(Object::toString).toList();
    }

    @Test
    void site_yaml_lists_languages_the_first_being_the_default() throws ContentErrors {
        SiteSettings settings = settings("languages: [en-GB, cy, ur]\n");
        assertEquals(List.of("en-GB", "cy", "ur"), settings.languages());
        assertEquals("en-GB", settings.language());
        assertEquals("", settings.pathPrefix("en-GB"));
        assertEquals("cy/", settings.pathPrefix("cy"));
        SiteSettings single = settings("language: cy\n");
        assertEquals(List.of("cy"), single.languages());
        assertEquals("", single.pathPrefix("cy"));
    }

    @Test
    void bad_language_lists_are_errors_naming_the_line() {
        assertEquals(List.of("content/site.yaml:2: error[G0501]: 'english' is not a language tag — use a tag such as 'en', 'en-GB' or 'cy'"),
                settingsProblems("languages: [en-GB, english]\n"));
        assertEquals(List.of("content/site.yaml:2: error[G0901]: language 'cy' is listed twice — list each language once"),
                settingsProblems("languages: [en-GB, cy, cy]\n"));
        List<String> both = settingsProblems("language: en-GB\nlanguages: [en-GB, cy]\n");
        assertEquals(1, both.size(), both.toString());
        assertTrue(both.get(0).startsWith("content/site.yaml:2: error[G0901]: both 'language' and 'languages' are given"), both.get(0));
        assertTrue(settingsProblems("languages: []\n").get(0).contains("'languages' is empty"));
    }
}
