package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editorial checks that need the whole build: review dates against the (pinned) clock, reading level, disclaimer. */
class EditorialChecksTest {
    @TempDir
    Path root;

    private static Clock on(String isoDate) {
        return Clock.fixed(Instant.parse(isoDate + "T12:00:00Z"), ZoneOffset.UTC);
    }

    private static BuildOptions options(Fixture fixture, boolean strict, Clock clock) {
        return new BuildOptions(fixture.content, fixture.templates, fixture.out, null, strict).withClock(clock);
    }

    /** Problems as printed, with the temporary folder left out of file names. */
    private String shown(Problem problem) {
        return problem.toString().replace(root.toAbsolutePath() + "/", "");
    }

    private List<String> warnings(BuildReport report) {
        return report.warnings().stream().map(this::shown).toList();
    }

    @Test
    void a_guide_within_its_review_period_builds_without_warnings() throws Exception {
        Fixture fixture = new Fixture(root);
        assertEquals(List.of(), warnings(new SiteBuild(options(fixture, true, on("2027-11-24"))).run()));
    }

    @Test
    void a_build_after_next_review_warns_naming_the_guide_at_its_line() throws Exception {
        Fixture fixture = new Fixture(root);
        BuildReport report = new SiteBuild(options(fixture, false, on("2027-11-25"))).run();
        assertEquals(List.of("content/lifting/index.md:5: warning[G0408]: guide 'lifting' was due for review on 2027-11-24 (today is 2027-11-25)"
                + " — review the guide, then set 'reviewed' to today and 'next_review' to the next date"), warnings(report));
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/index.html")), "a warning does not stop the build");
    }

    @Test
    void under_strict_an_overdue_review_is_an_error_and_nothing_is_written() {
        Fixture fixture = new Fixture(root);
        ContentErrors errors = assertThrows(ContentErrors.class, () -> new SiteBuild(options(fixture, true, on("2028-01-01"))).run());
        assertEquals(1, errors.problems().size());
        assertTrue(errors.problems().get(0).isError());
        assertTrue(errors.problems().get(0).message().contains("guide 'lifting' was due for review on 2027-11-24"));
        assertTrue(Files.notExists(fixture.out.resolve("index.html")), "no site is written");
    }

    @Test
    void a_review_date_after_today_is_a_warning() throws Exception {
        Fixture fixture = new Fixture(root);
        List<String> warnings = warnings(new SiteBuild(options(fixture, false, on("2026-11-01"))).run());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("content/lifting/index.md:4: warning[G0407]: guide 'lifting' says it was reviewed on 2026-11-24,"
                + " which is after today (2026-11-01)"), warnings.get(0));
    }

    @Test
    void a_guide_without_review_dates_warns() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("reviewed: 2026-11-24\n", "")
                .replace("next_review: 2027-11-24\n", ""));
        List<String> warnings = warnings(new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals(List.of("content/lifting/index.md:1: warning[G0406]: guide 'lifting' has no 'reviewed' date"
                + " — add 'reviewed: YYYY-MM-DD' and 'next_review: YYYY-MM-DD'; every page shows them"), warnings);
    }

    @Test
    void a_section_above_max_grade_warns_naming_its_file() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/extra.md"), """
                ---
                title: Extra
                order: 3
                ---
                Considerable preparation beforehand substantially reduces unnecessary complications whenever individuals undertake \
                demanding training and the bar goes up and down.
                """);
        List<String> warnings = warnings(new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("content/lifting/extra.md: warning[G0409]: section 'extra' reads at grade "), warnings.get(0));
        assertTrue(warnings.get(0).contains("above max_grade 8 of guide 'lifting'"), warnings.get(0));

        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("title: Lifting guide\n",
                "title: Lifting guide\nmax_grade: 20.5\n"));
        List<String> withMax = warnings(new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertTrue(withMax.get(0).contains("above max_grade 20.5 of guide 'lifting'"), "the guide's own max_grade: " + withMax);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("title: Lifting guide\n",
                "title: Lifting guide\nmax_grade: 30\n"));
        assertEquals(List.of(), warnings(new SiteBuild(options(fixture, false, on("2027-01-01"))).run()), "a guide may allow more");
    }

    @Test
    void max_grade_must_be_a_number() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("title: Lifting guide\n",
                "title: Lifting guide\nmax_grade: eight\n"));
        ContentErrors errors = assertThrows(ContentErrors.class, () -> new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals("content/lifting/index.md:3:1: error[G0215]: 'max_grade' must be a number, found 'eight' — write digits, for example 'max_grade: 8'",
                shown(errors.problems().get(0)));
    }

    @Test
    void next_review_must_be_a_real_date_after_reviewed() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("next_review: 2027-11-24", "next_review: 2026-02-30"));
        ContentErrors invalid = assertThrows(ContentErrors.class, () -> new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals("content/lifting/index.md:5:1: error[G0215]: 'next_review' must be a date, found '2026-02-30'"
                + " — write it as YYYY-MM-DD, for example 'next_review: 2026-11-24'", shown(invalid.problems().get(0)));
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("next_review: 2027-11-24", "next_review: 2026-11-24"));
        ContentErrors early = assertThrows(ContentErrors.class, () -> new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals("content/lifting/index.md:5: error[G0218]: 'next_review' is not after 'reviewed' — set next_review to a date after 2026-11-24",
                shown(early.problems().get(0)));
    }

    @Test
    void a_site_without_a_disclaimer_warns() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("disclaimer: Not medical advice.\n", ""));
        List<String> warnings = warnings(new SiteBuild(options(fixture, false, on("2027-01-01"))).run());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("content/site.yaml: warning[G0410]: no 'disclaimer' is set"), warnings.get(0));
    }

    @Test
    void the_report_counts_each_page_of_the_guide() throws IOException, ContentErrors {
        Fixture fixture = new Fixture(root);
        BuildReport report = new SiteBuild(options(fixture, true, on("2027-01-01"))).run();
        var guide = report.content().guides().get(0);
        assertEquals(List.of("index", "basics", "recovery"), guide.pages().stream().map(p -> p.section()).toList());
        var basics = guide.pages().get(1);
        // "Keep the bar close." 4 words; "See red flags." 3 words: the reference marker and the heading do not count.
        assertEquals(7, basics.reading().words());
        assertEquals(2, basics.reading().sentences());
        assertEquals(1, basics.references());
        assertEquals(1, basics.internalLinks());
        assertEquals(java.util.Map.of("urgent", 1), guide.pages().get(2).callouts());
        assertEquals(guide.pages().stream().mapToInt(p -> p.reading().words()).sum(), guide.total().words());
    }
}
