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
    void a_new_guide_has_a_contract_and_the_five_sections_and_builds_under_strict() throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun created = newGuide(fixture, "knee-pain", "--title", "Knee pain: what helps");
        assertEquals(0, created.exit(), created.err());
        Path guide = fixture.content.resolve("knee-pain");
        for (String file : List.of("index.md", "benefits.md", "muscles.md", "technique.md", "injuries.md", "recovery.md")) {
            assertTrue(Files.isRegularFile(guide.resolve(file)), file);
        }
        String index = Files.readString(guide.resolve("index.md"));
        assertTrue(index.contains("title: \"Knee pain: what helps\""), index);
        assertTrue(index.contains("required_sections: [benefits, muscles, technique, injuries, recovery]"), index);
        assertTrue(index.contains("required_warnings:"), index);
        assertTrue(Files.readString(guide.resolve("technique.md")).contains("order: 30"));

        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, build.exit(), build.err());
        assertEquals("Knee pain: what helps", Jsoup.parse(fixture.out.resolve("knee-pain/index.html").toFile()).selectFirst("h1").text());
        assertTrue(Files.isRegularFile(fixture.out.resolve("knee-pain/recovery/index.html")));
        GuideRun.assertNoLeftovers(fixture.content);
        // A web server's worker (another user) reads the content when it is served from the same checkout.
        TreeModes.assertPublic(guide);
        TreeModes.assertPublic(fixture.out);
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
    void a_new_section_takes_the_next_ten_builds_under_strict_and_never_overwrites() throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun created = newSection(fixture, "side-effects", "--guide", "lifting");
        assertEquals(0, created.exit(), created.err());
        Path file = fixture.content.resolve("lifting/side-effects.md");
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\ntitle: \"Side effects\"\norder: 10\n"), text);
        assertEquals(1, TreeModes.assertPublic(file));
        assertEquals(0, GuideRun.on(fixture, "build", "--strict").exit());
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/side-effects/index.html")));

        assertTrue(newSection(fixture, "warm-up", "--guide", "lifting").out().contains("(order 20)"));
        // The room left between orders takes a section without renumbering the others.
        Fixture.write(fixture.content.resolve("lifting/in-between.md"), "---\ntitle: In between\norder: 15\n---\nText.\n");
        assertEquals(0, GuideRun.on(fixture, "build", "--strict").exit());
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
