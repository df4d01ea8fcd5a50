package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.healthguides.content.SiteSettings;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** templates/i18n/<tag>.yaml: the words the templates print, checked against the default language's table. */
class StringTablesTest {
    @TempDir
    Path templates;

    private static final String ENGLISH = "on_this_page: On this page\ncontents: Contents\n";
    private static final String WELSH = """
            on_this_page: Ar y dudalen hon
            contents: Cynnwys
            site:
              title: Canllawiau
              disclaimer: Nid cyngor meddygol.
            warning_kinds:
              urgent: { label: Cyngor brys, heading: "Ewch i weld meddyg ar unwaith os:" }
              caution: { label: Pwysig, heading: Pwysig }
            """;

    private static SiteSettings settings(String languages) throws ContentErrors {
        return SiteSettings.parse(new SourceFile("site.yaml", "content/site.yaml",
                Fixture.SETTINGS.replace("language: en-GB", "languages: " + languages)));
    }

    private StringTables load(String languages) throws ContentErrors {
        return StringTables.load(templates, "templates", settings(languages));
    }

    private static List<String> strings(List<org.healthguides.diagnostics.Problem> problems) {
        return problems.stream().map(Object::toString).toList();
    }

    @Test
    void each_language_gets_its_own_words_and_site_words() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH);
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH);
        StringTables tables = load("[en-GB, cy]");
        assertEquals(List.of(), tables.errors());
        assertEquals("On this page", tables.of("en-GB").get("on_this_page"));
        assertEquals("Ar y dudalen hon", tables.of("cy").get("on_this_page"));
        SiteSettings welsh = tables.settingsIn("cy");
        assertEquals("cy", welsh.language());
        assertEquals("Canllawiau", welsh.title());
        assertEquals("Nid cyngor meddygol.", welsh.disclaimer());
        assertEquals("Cyngor brys", tables.warningKinds("cy").get("urgent").label());
        assertEquals("Urgent advice", tables.warningKinds("en-GB").get("urgent").label(), "the default language's are site.yaml's");
        assertEquals(List.of("cy"), List.copyOf(tables.translatedMarkdownRenderers().keySet()));
        assertEquals(org.healthguides.markdown.MarkdownWords.ENGLISH, tables.markdownWords("cy"),
                "not in this Welsh table, so the English default");
        assertEquals("Canllawiau", tables.settingsByLanguage().get("cy").title());
        assertEquals("Test guides", tables.settingsByLanguage().get("en-GB").title());
    }

    @Test
    void a_missing_key_in_a_listed_language_is_an_error_naming_the_file_and_key() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH + "previous: Previous\n");
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH);
        assertEquals(List.of("templates/i18n/cy.yaml: error[G0903]: missing key 'previous' — add 'previous: …' in Cymraeg (en-GB.yaml: 'Previous')"),
                strings(load("[en-GB, cy]").errors()));
    }

    /** The A to Z files terms under the alphabet's letters and lists them in its order, so the alphabet must be the language's. */
    @Test
    void an_alphabet_with_a_letter_twice_or_out_of_the_languages_order_is_an_error_at_its_line() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH + "a_to_z_alphabet: A B C D E\n");
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH + "a_to_z_alphabet: A B C Ch D Dd E\n");
        assertEquals(List.of(), load("[en-GB, cy]").errors(), "Welsh sorts 'Ch' after 'C' and 'Dd' after 'D'");
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH + "a_to_z_alphabet: A B Ch C D\n");
        assertEquals(List.of("templates/i18n/cy.yaml:9: error[G0908]: 'a_to_z_alphabet' lists 'C' after 'Ch', but Cymraeg sorts 'C' first"
                + " — write the letters in the language's alphabetical order"), strings(load("[en-GB, cy]").errors()));
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH + "a_to_z_alphabet: A B C D E É\n");
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH + "a_to_z_alphabet: A B C Ch D Dd E\n");
        assertEquals(List.of("templates/i18n/en-GB.yaml:3: error[G0908]: 'a_to_z_alphabet' lists 'É' after 'E', which English sorts as the same letter"
                + " — list each letter once; an accented form of a letter is not a letter of its own unless the language sorts it apart"),
                strings(load("[en-GB, cy]").errors()));
    }

    @Test
    void a_missing_care_card_word_is_an_error_too() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH);
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH.replace("  caution: { label: Pwysig, heading: Pwysig }\n", ""));
        assertEquals(List.of("templates/i18n/cy.yaml: error[G0903]: missing key 'warning_kinds.caution.heading' — add 'warning_kinds.caution.heading: …' in Cymraeg",
                "templates/i18n/cy.yaml: error[G0903]: missing key 'warning_kinds.caution.label' — add 'warning_kinds.caution.label: …' in Cymraeg"),
                strings(load("[en-GB, cy]").errors()));
    }

    @Test
    void a_language_not_listed_yet_gets_warnings_not_errors() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH);
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH.replace("contents: Cynnwys\n", ""));
        StringTables tables = load("[en-GB]");
        assertEquals(List.of(), tables.errors());
        assertEquals(List.of("templates/i18n/cy.yaml: warning[G0903]: missing key 'contents' (language 'cy' is not listed in site.yaml yet)"
                + " — add 'contents: …' in Cymraeg (en-GB.yaml: 'Contents')"), strings(tables.warnings()));
    }

    @Test
    void an_unknown_key_is_an_error_at_its_line_with_did_you_mean() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH);
        Fixture.write(templates.resolve("i18n/cy.yaml"), WELSH.replace("contents:", "contnets:"));
        assertEquals(List.of("templates/i18n/cy.yaml:2: error[G0213]: unknown key 'contnets' — did you mean 'contents'?",
                "templates/i18n/cy.yaml: error[G0903]: missing key 'contents' — add 'contents: …' in Cymraeg (en-GB.yaml: 'Contents')"),
                strings(load("[en-GB, cy]").errors()));
    }

    @Test
    void a_listed_language_without_a_table_is_an_error() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH);
        assertEquals(List.of("templates/i18n/ur.yaml: error[G0902]: no string table for language 'ur', which site.yaml lists"
                + " — copy en-GB.yaml to ur.yaml and translate each value"), strings(load("[en-GB, ur]").errors()));
    }

    @Test
    void the_default_languages_site_words_stay_in_site_yaml() throws ContentErrors {
        Fixture.write(templates.resolve("i18n/en-GB.yaml"), ENGLISH + "site:\n  title: Other\n");
        assertEquals(List.of("templates/i18n/en-GB.yaml:4: error[G0213]: 'site.title' belongs in site.yaml for the default language"
                + " — write the default language's site words in content/site.yaml and delete this key"), strings(load("[en-GB]").errors()));
    }

    @Test
    void a_site_in_one_language_needs_no_tables() throws ContentErrors {
        StringTables tables = load("[en-GB]");
        assertEquals(List.of(), tables.errors());
        assertEquals(java.util.Map.of(), tables.of("en-GB"));
    }
}
