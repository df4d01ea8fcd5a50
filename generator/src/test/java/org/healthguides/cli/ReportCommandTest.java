package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ReportCommandTest {
    @TempDir
    Path root;

    @Test
    void report_prints_a_table_per_guide_with_a_row_per_page_and_the_total() {
        Fixture fixture = new Fixture(root);
        GuideRun run = GuideRun.guide("report", "--content", fixture.content.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Lifting guide ("), lines.get(0));
        assertTrue(lines.get(0).endsWith("lifting/index.md, max_grade 8)"), lines.get(0));
        assertEquals(List.of("section", "words", "minutes", "grade", "ease", "callouts", "references", "internal", "links"),
                List.of(lines.get(1).split(" +")));
        // basics: "Keep the bar close. See red flags." 7 words, 1 minute, 1 reference, 1 internal link, no callouts.
        List<String> basics = List.of(lines.get(3).split(" +"));
        assertEquals(List.of("basics", "7", "1"), basics.subList(0, 3));
        assertEquals(List.of("-", "1", "1"), basics.subList(5, 8));
        assertTrue(lines.get(4).startsWith("recovery"), lines.get(4));
        assertTrue(lines.get(4).contains("urgent 1"), lines.get(4));
        assertTrue(lines.get(5).startsWith("total"), lines.get(5));
    }

    @Test
    void report_runs_the_editorial_checks_but_does_not_ask_for_the_published_address() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("base_url: https://guides.test/", "base_url: /"));
        GuideRun run = GuideRun.guide("report", "--content", fixture.content.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("next_review: 2027-11-24", "next_review: 2027-01-01"));
        GuideRun overdue = GuideRun.guide("report", "--content", fixture.content.toString());
        assertEquals(0, overdue.exit(), overdue.err());
        assertTrue(overdue.err().contains("guide 'lifting' was due for review on 2027-01-01 (today is 2027-01-15)"), overdue.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void report_json_parses_and_holds_the_same_numbers() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("title: Basics", "title: \"Basics: \\\"quoted\\\" \\\\ back\""));
        GuideRun run = GuideRun.guide("report", "--json", "--content", fixture.content.toString());
        assertEquals(0, run.exit(), run.err());
        Map<String, Object> json = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(run.out());
        assertEquals(200, json.get("words_per_minute"));
        Map<String, Object> guide = ((List<Map<String, Object>>) json.get("guides")).get(0);
        assertEquals("lifting", guide.get("guide"));
        List<Map<String, Object>> sections = (List<Map<String, Object>>) guide.get("sections");
        assertEquals(List.of("index", "basics", "recovery"), sections.stream().map(s -> s.get("section")).toList());
        Map<String, Object> basics = sections.get(1);
        assertEquals("Basics: \"quoted\" \\ back", basics.get("title"));
        assertEquals(7, basics.get("words"));
        assertEquals(2, basics.get("sentences"));
        assertEquals(1, basics.get("reading_minutes"));
        assertEquals(1, basics.get("references"));
        assertEquals(1, basics.get("internal_links"));
        assertEquals(Map.of(), basics.get("callouts"));
        assertEquals(Map.of("urgent", 1), sections.get(2).get("callouts"));
        assertTrue(basics.get("grade") instanceof Number && basics.get("reading_ease") instanceof Number);
        Map<String, Object> total = (Map<String, Object>) guide.get("total");
        assertEquals(sections.stream().mapToInt(s -> (Integer) s.get("words")).sum(), total.get("words"));
    }

    @Test
    void report_on_broken_content_lists_the_errors_and_exits_1() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), "---\ntitle: Basics\n---\nNo order.\n");
        GuideRun run = GuideRun.guide("report", "--content", fixture.content.toString());
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains("missing 'order'"), run.err());
        assertTrue(run.err().endsWith("guide: report failed: the content has 1 error" + System.lineSeparator()), run.err());
    }

    @Test
    void verbose_build_prints_the_numbers_after_the_summary() {
        Fixture fixture = new Fixture(root);
        GuideRun run = GuideRun.guide("build", "--verbose", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", fixture.out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Built 7 pages"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Lifting guide ("), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("basics ")), run.out());
    }

    @Test
    void today_sets_the_date_review_dates_are_checked_against() {
        Fixture fixture = new Fixture(root);
        GuideRun late = GuideRun.guide("build", "--strict", "--today", "2027-11-25", "--content", fixture.content.toString(),
                "--templates", fixture.templates.toString(), "--out", fixture.out.toString());
        assertEquals(1, late.exit());
        assertTrue(late.err().contains("index.md:5: error[G0408]: guide 'lifting' was due for review on 2027-11-24 (today is 2027-11-25)"), late.err());
        GuideRun bad = GuideRun.guide("build", "--today", "25/11/2027", "--content", fixture.content.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("guide: --today needs a date as YYYY-MM-DD, not '25/11/2027'"), bad.err());
    }
}
