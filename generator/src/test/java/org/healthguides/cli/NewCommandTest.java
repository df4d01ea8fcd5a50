package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.healthguides.testing.Fixture;
import org.healthguides.testing.TreeModes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewCommandTest {
    @TempDir
    Path root;

    private GuideRun newGuide(Fixture fixture, String... rest) {
        return GuideRun.guide(concat(List.of("new", "guide"), rest, fixture));
    }

    private GuideRun newSection(Fixture fixture, String... rest) {
        return GuideRun.guide(concat(List.of("new", "section"), rest, fixture));
    }

    private static String[] concat(List<String> head, String[] rest, Fixture fixture) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(rest));
        all.addAll(List.of("--content", fixture.content.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void a_new_guide_is_a_draft_with_the_sections_asked_for_no_review_and_no_reviewer_and_is_left_out_of_a_strict_build() throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun created = newGuide(fixture, "knee-pain", "--title", "Knee pain: what helps", "--sections", "causes,treatment, when-to-get-help");
        assertEquals(0, created.exit(), created.err());
        Path guide = fixture.content.resolve("knee-pain");
        try (var files = Files.list(guide)) {
            assertEquals(List.of("causes.md", "index.md", "treatment.md", "when-to-get-help.md"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        String index = Files.readString(guide.resolve("index.md"));
        assertTrue(index.contains("title: \"Knee pain: what helps\""), index);
        assertTrue(index.contains("\ndraft: true\n"), index);
        assertTrue(index.contains("required_sections: [causes, treatment, when-to-get-help]"), index);
        for (String key : List.of("reviewed", "next_review", "reviewed_by")) {
            assertFalse(index.contains("\n" + key + ":"), "no " + key + " until a clinician has reviewed it: " + index);
        }
        assertTrue(Files.readString(guide.resolve("treatment.md")).contains("order: 20"));
        assertFalse(index.contains("benefits"), "not the deadlift guide's sections");

        // Left out of a published build, which still passes --strict, and named in its summary line.
        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.out().contains("; 1 draft left out: " + fixture.content.resolve("knee-pain/index.md")), build.out());
        assertFalse(Files.exists(fixture.out.resolve("knee-pain")));
        GuideRun.assertNoLeftovers(fixture.content);
        // A web server's worker (another user) reads the content when it is served from the same checkout.
        TreeModes.assertPublic(guide);
        TreeModes.assertPublic(fixture.out);

        // With --drafts it builds, placeholders and all, as a draft.
        GuideRun drafts = GuideRun.on(fixture, "build", "--drafts");
        assertEquals(0, drafts.exit(), drafts.err());
        assertEquals("Knee pain: what helps", Jsoup.parse(fixture.out.resolve("knee-pain/index.html").toFile()).selectFirst("h1").text());
        assertTrue(Files.isRegularFile(fixture.out.resolve("knee-pain/when-to-get-help/index.html")));
    }

    @Test
    void one_section_by_default() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, newGuide(fixture, "knee-pain").exit());
        try (var files = Files.list(fixture.content.resolve("knee-pain"))) {
            assertEquals(List.of("index.md", "overview.md"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(fixture.content.resolve("knee-pain/index.md")).contains("required_sections: [overview]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,,b", "a,a", "Causes", "a,whole-guide", ""})
    void bad_section_lists_are_refused_and_nothing_is_written(String sections) throws IOException {
        Fixture fixture = new Fixture(root);
        Map<String, String> before = GuideRun.fingerprint(fixture.content);
        GuideRun run = newGuide(fixture, "knee-pain", "--sections", sections);
        assertEquals(2, run.exit(), run.err());
        assertEquals(before, GuideRun.fingerprint(fixture.content));
    }

    @Test
    void a_finished_guide_that_still_holds_placeholder_text_fails_the_build_at_each_line() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, newGuide(fixture, "knee-pain", "--sections", "causes").exit());
        Path index = fixture.content.resolve("knee-pain/index.md");
        Path causes = fixture.content.resolve("knee-pain/causes.md");
        // The editor publishes without writing anything: drops 'draft: true' from both files and signs it off.
        Fixture.write(index, Files.readString(index).replace("\ndraft: true\n", "\nreviewed: 2026-11-24\nnext_review: 2027-11-24\n"
                + "reviewed_by: { name: Alex Fixture, role: Physiotherapist }\n"));
        Fixture.write(causes, Files.readString(causes).replace("\ndraft: true\n", "\n"));
        GuideRun build = GuideRun.on(fixture, "build");
        assertEquals(1, build.exit(), build.out());
        List<String> lines = Files.readAllLines(index);
        int indexLine = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith("description: \"PLACEHOLDER")).findFirst().orElseThrow());
        assertTrue(build.problems().contains(index + ":" + indexLine + ": error[G0414]: scaffold placeholder text is still here, and this page is not a draft"
                + " — replace the PLACEHOLDER text with the guide's own words, or put 'draft: true' back in the front matter"), build.err());
        List<String> causeLines = Files.readAllLines(causes);
        for (int i = 0; i < causeLines.size(); i++) {
            if (causeLines.get(i).contains("PLACEHOLDER")) {
                String at = causes + ":" + (i + 1) + ": error[G0414]: scaffold placeholder";
                assertTrue(build.problems().stream().anyMatch(p -> p.startsWith(at)), at + " in " + build.err());
            }
        }
        assertFalse(Files.exists(fixture.out.resolve("knee-pain")), "nothing published");
    }

    @Test
    void a_new_guide_never_overwrites() throws IOException {
        Fixture fixture = new Fixture(root);
        Map<String, String> before = GuideRun.fingerprint(fixture.content);
        GuideRun again = newGuide(fixture, "lifting");
        assertEquals(1, again.exit());
        assertTrue(again.err().startsWith(fixture.content.resolve("lifting") + ": error[G0801]: guide folder already exists"), again.err());
        assertEquals(before, GuideRun.fingerprint(fixture.content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Knee-Pain", "knee pain", "knee_pain", "-knee", "knee--pain", "knee/pain", "../escape", "knee-"})
    void names_that_would_make_bad_addresses_are_refused(String name) throws IOException {
        Fixture fixture = new Fixture(root);
        Map<String, String> before = GuideRun.fingerprint(fixture.content);
        GuideRun guide = newGuide(fixture, name);
        assertEquals(2, guide.exit());
        assertTrue(guide.err().contains("'" + name + "' is not a valid name: use lowercase letters, digits and single hyphens"), guide.err());
        GuideRun section = newSection(fixture, name, "--guide", "lifting");
        assertEquals(2, section.exit());
        assertTrue(section.err().contains("is not a valid name"), section.err());
        assertEquals(before, GuideRun.fingerprint(fixture.content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Knee\n---\nevil: true", "Knee\r\npain", "Knee\tpain", "Knee\u2028pain", " "})
    void titles_that_are_not_one_line_of_text_are_refused(String title) throws IOException {
        Fixture fixture = new Fixture(root);
        Map<String, String> before = GuideRun.fingerprint(fixture.content);
        GuideRun guide = newGuide(fixture, "knee-pain", "--title", title);
        assertEquals(2, guide.exit(), guide.err());
        assertTrue(guide.err().startsWith("guide: --title "), guide.err());
        assertEquals(1, guide.err().lines().count(), guide.err());
        GuideRun section = newSection(fixture, "side-effects", "--guide", "lifting", "--title", title);
        assertEquals(2, section.exit(), section.err());
        assertEquals(before, GuideRun.fingerprint(fixture.content), "nothing was written");
    }

    @Test
    void a_new_section_is_a_draft_with_the_next_order_left_out_until_finished_and_never_overwritten() throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun created = newSection(fixture, "side-effects", "--guide", "lifting");
        assertEquals(0, created.exit(), created.err());
        Path file = fixture.content.resolve("lifting/side-effects.md");
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\ntitle: \"Side effects\"\norder: 10\n"), text);
        assertTrue(text.contains("\ndraft: true\n"), text);
        assertEquals(1, TreeModes.assertPublic(file));
        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.out().contains("1 draft left out: " + file), build.out());
        assertFalse(Files.exists(fixture.out.resolve("lifting/side-effects")));
        assertEquals(0, GuideRun.on(fixture, "build", "--drafts").exit());
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/side-effects/index.html")));

        assertTrue(newSection(fixture, "warm-up", "--guide", "lifting").out().contains("(order 20)"));
        // The room left between orders takes a section without renumbering the others.
        Fixture.write(fixture.content.resolve("lifting/in-between.md"), "---\ntitle: In between\norder: 15\n---\nText.\n");
        assertEquals(0, GuideRun.on(fixture, "build", "--strict", "--drafts").exit(), "side-effects is still a draft: shown with --drafts");
        String contents = Files.readString(fixture.out.resolve("lifting/side-effects/index.html"));
        assertTrue(contents.contains("href=\"../in-between/\""), "side-effects (10) links on to in-between (15)");

        Fixture.write(file, "changed by an editor\n");
        GuideRun again = newSection(fixture, "side-effects", "--guide", "lifting");
        assertEquals(1, again.exit());
        assertTrue(again.err().startsWith(file + ": error[G0801]: section file already exists"), again.err());
        assertEquals("changed by an editor\n", Files.readString(file));
    }

    @Test
    void a_new_section_needs_an_existing_guide_and_a_free_name() {
        Fixture fixture = new Fixture(root);
        GuideRun noGuide = newSection(fixture, "warm-up", "--guide", "rowing");
        assertEquals(1, noGuide.exit());
        assertTrue(noGuide.err().contains("there is no guide 'rowing'"), noGuide.err());
        assertFalse(Files.exists(fixture.content.resolve("rowing")));

        assertEquals(2, newSection(fixture, "warm-up").exit(), "--guide is required");
        GuideRun reserved = newSection(fixture, "whole-guide", "--guide", "lifting");
        assertEquals(1, reserved.exit());
        assertTrue(reserved.err().contains("'whole-guide' is a reserved name"), reserved.err());
        assertEquals(2, GuideRun.guide("new", "chapter", "x").exit());
        GuideRun help = GuideRun.guide("new", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("guide new section NAME --guide SLUG"), help.out());
    }
}
