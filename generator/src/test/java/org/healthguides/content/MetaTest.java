package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.healthguides.diagnostics.ContentErrors;
import org.junit.jupiter.api.Test;

class MetaTest {

    private static List<String> sectionProblems(String frontMatter) {
        SourceFile file = new SourceFile("g/technique.md", "content/g/technique.md", "---\n" + frontMatter + "---\nbody\n");
        ContentErrors errors = assertThrows(ContentErrors.class, () -> SectionMeta.read(file, FrontMatter.parse(file)));
        return errors.problems().stream().map(Object::toString).toList();
    }

    @Test
    void misspelt_key_gets_a_did_you_mean() {
        List<String> problems = sectionProblems("titel: Technique\norder: 1\n");
        assertTrue(problems.contains("content/g/technique.md:2:1: error[G0213]: unknown key 'titel' — did you mean 'title'?"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("missing 'title'")), problems.toString());
    }

    @Test
    void order_must_be_a_number() {
        List<String> problems = sectionProblems("title: Technique\norder: two\n");
        assertEquals(List.of("content/g/technique.md:3:1: error[G0215]: 'order' must be a whole number, found 'two' — write digits, for example 'order: 2'"),
                problems);
    }

    @Test
    void guide_reads_its_contract_and_review_dates() throws ContentErrors {
        SourceFile file = new SourceFile("g/index.md", "content/g/index.md", """
                ---
                title: Guide
                reviewed: 2026-11-24
                next_review: 2027-11-24
                required_sections: [benefits, recovery]
                required_warnings:
                  - name: red flags
                    kind: urgent
                    section: recovery
                    mentions: [night pain, bruising]
                ---
                Intro
                """);
        GuideMeta meta = GuideMeta.read("g", file, FrontMatter.parse(file));
        assertEquals(LocalDate.of(2026, 11, 24), meta.reviewed());
        assertEquals(List.of("benefits", "recovery"), meta.requiredSections());
        assertEquals(5, meta.requiredSectionsLine());
        RequiredWarning warning = meta.requiredWarnings().get(0);
        assertEquals(new RequiredWarning("red flags", "urgent", "recovery", List.of("night pain", "bruising"), 7), warning);
    }

    @Test
    void bad_dates_and_bad_settings_values_are_errors_at_their_lines() {
        SourceFile guide = new SourceFile("g/index.md", "content/g/index.md", "---\ntitle: G\nreviewed: 24/11/2026\n---\n");
        ContentErrors dates = assertThrows(ContentErrors.class, () -> GuideMeta.read("g", guide, FrontMatter.parse(guide)));
        assertEquals(3, dates.problems().get(0).line());

        SourceFile settings = new SourceFile("site.yaml", "content/site.yaml",
                "title: S\nlanguage: en\nbase_url: ftp://x\nwarning_kinds:\n  urgent: { label: Urgent }\n");
        ContentErrors errors = assertThrows(ContentErrors.class, () -> SiteSettings.parse(settings));
        List<String> problems = errors.problems().stream().map(Object::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/site.yaml:3: error[G0502]: base URL 'ftp://x'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("content/site.yaml:5: error[G0214]: missing 'heading'")), problems.toString());
    }

    @Test
    void base_url_is_normalised_and_its_path_known() throws ContentErrors {
        SourceFile settings = new SourceFile("site.yaml", "content/site.yaml",
                "title: S\nlanguage: en-GB\nbase_url: https://example.org/health\nwarning_kinds:\n  urgent: { label: U, heading: H }\n");
        SiteSettings parsed = SiteSettings.parse(settings);
        assertEquals("https://example.org/health/", parsed.baseUrl());
        assertEquals("/health/", parsed.basePath());
        assertEquals("/", parsed.withBaseUrl("/").basePath());
    }
}
