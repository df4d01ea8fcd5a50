package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.healthguides.serve.PreviewOptions;
import org.healthguides.serve.PreviewServer;
import org.healthguides.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts never publish, and a guide a clinician has not signed off cannot be published under --strict. */
class GovernanceTest {
    @TempDir
    Path root;

    private static final String DRAFT_SECTION = """
            ---
            title: Warm-up
            order: 3
            draft: true
            ---
            ## Not ready

            Half written, with a [broken link](nowhere.md) that only matters once it is published.
            """;

    private static final String DRAFT_GUIDE = """
            ---
            title: Rowing guide
            description: How to row.
            draft: true
            required_sections: [technique]
            ---
            Not ready yet.
            """;

    /** The fixture with the project's real templates, so the banner and the review line are the ones readers see. */
    private Fixture withRealTemplates() throws IOException {
        Fixture fixture = new Fixture(root);
        PathUtils.deleteDirectory(fixture.templates);
        PathUtils.copyDirectory(Path.of("..", "templates"), fixture.templates);
        return fixture;
    }

    private static void addDrafts(Fixture fixture) {
        Fixture.write(fixture.content.resolve("lifting/warm-up.md"), DRAFT_SECTION);
        Fixture.write(fixture.content.resolve("rowing/index.md"), DRAFT_GUIDE);
        Fixture.write(fixture.content.resolve("rowing/technique.md"), "---\ntitle: Technique\n---\nno order: broken, but a draft\n");
    }

    private static Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void a_build_leaves_drafts_out_unread_and_says_so_in_its_summary_line() throws IOException {
        Fixture fixture = withRealTemplates();
        addDrafts(fixture);
        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, build.exit(), build.err());
        assertEquals(List.of(), build.problems(), "a draft's own mistakes wait until it is built");
        assertTrue(build.out().contains("; 2 drafts left out: " + fixture.content.resolve("lifting/warm-up.md") + ", "
                + fixture.content.resolve("rowing/index.md") + " (build --drafts to include)"), build.out());
        assertFalse(Files.exists(fixture.out.resolve("lifting/warm-up")));
        assertFalse(Files.exists(fixture.out.resolve("rowing")));
        String sitemap = Files.readString(fixture.out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("warm-up") || sitemap.contains("rowing"), sitemap);
        assertTrue(page(fixture.out.resolve("index.html")).select("a[href*=rowing]").isEmpty(), "not on the home page");
        Document whole = page(fixture.out.resolve("lifting/whole-guide/index.html"));
        assertFalse(whole.text().contains("Not ready"), "not in the whole guide");
        assertTrue(whole.select(".draft-banner").isEmpty());
        for (String published : List.of("index.html", "lifting/index.html", "lifting/basics/index.html", "lifting/recovery/index.html")) {
            Document doc = page(fixture.out.resolve(published));
            assertTrue(doc.select(".draft-banner").isEmpty(), published);
            assertTrue(doc.select("a[href*=warm-up], a[href*=rowing]").isEmpty(), published + " links to no draft");
        }
        GuideRun check = GuideRun.on(fixture, "check", "--strict");
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("2 drafts left out"), check.out());
    }

    @Test
    void build_with_drafts_includes_them_with_a_banner_and_keeps_them_out_of_the_sitemap() throws IOException {
        Fixture fixture = withRealTemplates();
        Fixture.write(fixture.content.resolve("lifting/warm-up.md"), DRAFT_SECTION.replace("[broken link](nowhere.md)", "link to [basics](basics.md)"));
        Fixture.write(fixture.content.resolve("rowing/index.md"), DRAFT_GUIDE.replace("required_sections: [technique]\n",
                "reviewed: 2026-11-24\nnext_review: 2027-11-24\n"));
        GuideRun build = GuideRun.on(fixture, "build", "--drafts");
        assertEquals(0, build.exit(), build.err());
        assertFalse(build.out().contains("left out"), build.out());
        for (String draft : List.of("lifting/warm-up/index.html", "rowing/index.html", "rowing/whole-guide/index.html", "lifting/whole-guide/index.html")) {
            Document doc = page(fixture.out.resolve(draft));
            assertNotNull(doc.selectFirst("main .draft-banner"), draft + " has the banner");
            assertTrue(doc.selectFirst("main .draft-banner").text().startsWith("Draft \u2014 not published"), draft);
            assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"), draft);
        }
        assertTrue(page(fixture.out.resolve("lifting/basics/index.html")).select(".draft-banner").isEmpty(), "a published section has none");
        String sitemap = Files.readString(fixture.out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("warm-up") || sitemap.contains("rowing") || sitemap.contains("whole-guide"), sitemap);
        assertTrue(sitemap.contains("lifting/basics/"), sitemap);
        String feed = Files.readString(fixture.out.resolve("feed.xml"));
        assertFalse(feed.contains("rowing"), "a draft guide is never in the feed: " + feed);
        assertTrue(feed.contains("lifting/"), feed);
        // The next build without --drafts takes nothing of the drafts from the build cache.
        GuideRun published = GuideRun.on(fixture, "build");
        assertEquals(0, published.exit(), published.err());
        assertFalse(Files.exists(fixture.out.resolve("lifting/warm-up")));
        assertTrue(page(fixture.out.resolve("lifting/whole-guide/index.html")).select(".draft-banner").isEmpty());
        assertFalse(Files.readString(fixture.out.resolve("lifting/whole-guide/index.html")).contains("Not ready"));
    }

    @Test
    void serve_always_shows_drafts_with_the_banner() throws Exception {
        Fixture fixture = withRealTemplates();
        Fixture.write(fixture.content.resolve("lifting/warm-up.md"), DRAFT_SECTION.replace("[broken link](nowhere.md)", "text"));
        try (PreviewServer server = PreviewServer.start(new PreviewOptions(fixture.content, fixture.templates,
                InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(50), Fixture.CLOCK), outcome -> { })) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> draft = client.send(HttpRequest.newBuilder(server.url().resolve("/lifting/warm-up/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, draft.statusCode());
            Document doc = Jsoup.parse(draft.body());
            assertNotNull(doc.selectFirst("main .draft-banner"), draft.body());
            assertTrue(doc.selectFirst("main .draft-banner").text().contains("Draft \u2014 not published"));
            HttpResponse<String> published = client.send(HttpRequest.newBuilder(server.url().resolve("/lifting/basics/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(Jsoup.parse(published.body()).select(".draft-banner").isEmpty());
        }
    }

    @Test
    void a_published_page_linking_to_a_draft_is_an_error_naming_both_files_with_or_without_drafts() throws IOException {
        Fixture fixture = new Fixture(root);
        addDrafts(fixture);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("Keep the bar close.",
                "Warm up first: [warm-up](warm-up.md). Or [row](../rowing/index.md)."));
        Path basics = fixture.content.resolve("lifting/basics.md");
        for (String[] extra : new String[][] {{}, {"--drafts"}}) {
            Fixture.write(fixture.content.resolve("rowing/technique.md"), "---\ntitle: Technique\norder: 1\n---\nText.\n");
            GuideRun build = GuideRun.on(fixture, "build", extra);
            assertEquals(1, build.exit(), String.join(" ", extra) + ": " + build.out());
            assertTrue(build.problems().contains(basics + ":7: error[G0413]: link 'warm-up.md' leads to " + fixture.content.resolve("lifting/warm-up.md")
                    + ", which is a draft (draft: true) and is never published — remove the link until the draft is ready, or finish "
                    + fixture.content.resolve("lifting/warm-up.md") + " and remove its 'draft: true'"), build.err());
            assertTrue(build.problems().stream().anyMatch(p -> p.startsWith(basics + ":7: error[G0413]: link '../rowing/index.md' leads to "
                    + fixture.content.resolve("rowing/index.md") + ", which is a draft")), build.err());
        }
        assertFalse(Files.exists(fixture.out), "nothing published");
    }

    @Test
    void a_required_section_that_is_still_a_draft_fails_the_build() throws IOException {
        Fixture fixture = new Fixture(root);
        Path recovery = fixture.content.resolve("lifting/recovery.md");
        Fixture.write(recovery, Fixture.RECOVERY.replace("order: 2\n", "order: 2\ndraft: true\n"));
        GuideRun build = GuideRun.on(fixture, "build");
        assertEquals(1, build.exit(), build.out());
        assertTrue(build.problems().contains(fixture.content.resolve("lifting/index.md") + ":6: error[G0412]: guide 'lifting' requires section 'recovery', but "
                + recovery + " is a draft, so the published guide would be without it — finish it and remove 'draft: true' from " + recovery
                + ", or build with --drafts to preview"), build.err());
        // With --drafts the section is there, but the published basics page still may not link to it.
        GuideRun drafts = GuideRun.on(fixture, "build", "--drafts");
        assertEquals(1, drafts.exit());
        assertEquals(1, drafts.problems().size(), drafts.err());
        assertTrue(drafts.problems().get(0).startsWith(fixture.content.resolve("lifting/basics.md") + ":7: error[G0413]: link 'recovery.md#when-to-see-a-doctor' leads to "
                + recovery + ", which is a draft"), drafts.err());
    }

    @Test
    void a_guide_without_clinical_sign_off_warns_and_fails_under_strict_saying_what_to_do() throws IOException {
        Fixture fixture = new Fixture(root);
        Path index = fixture.content.resolve("lifting/index.md");
        Fixture.write(index, Fixture.INDEX.replace("reviewed_by:\n  name: Alex Fixture\n  role: Physiotherapist\n", ""));
        String expected = index + ":4: %s[G0411]: guide 'lifting' has no clinical sign-off ('reviewed_by'), so it cannot be published with --strict"
                + " — when a clinician has reviewed it, add 'reviewed_by: { name: <their name>, role: <their role, e.g. Physiotherapist> }'"
                + " and set 'reviewed' to that day (see docs/care-cards.md)";
        GuideRun build = GuideRun.on(fixture, "build");
        assertEquals(0, build.exit(), build.err());
        assertEquals(List.of(String.format(expected, "warning")), build.problems());
        assertTrue(build.out().contains("with 1 warning"), build.out());

        GuideRun strict = GuideRun.on(fixture, "build", "--strict");
        assertEquals(1, strict.exit());
        assertEquals(List.of(String.format(expected, "error")), strict.problems());
        GuideRun check = GuideRun.on(fixture, "check", "--strict");
        assertEquals(1, check.exit());
        assertEquals(List.of(String.format(expected, "error")), check.problems());

        // A reviewer needs both a name and a role.
        Fixture.write(index, Fixture.INDEX.replace("role: Physiotherapist", "job: Physiotherapist"));
        GuideRun noRole = GuideRun.on(fixture, "build");
        assertEquals(1, noRole.exit());
        assertTrue(noRole.problems().stream().anyMatch(p -> p.contains("missing 'role'")), noRole.err());

        // A draft is not published, so it needs no sign-off yet.
        Fixture.write(index, Fixture.INDEX.replace("reviewed_by:\n  name: Alex Fixture\n  role: Physiotherapist\n", "draft: true\n"));
        GuideRun draft = GuideRun.on(fixture, "check", "--strict", "--drafts");
        assertEquals(0, draft.exit(), draft.err());
    }

    @Test
    void the_review_line_and_structured_data_name_the_reviewer() throws Exception {
        Fixture fixture = withRealTemplates();
        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(0, build.exit(), build.err());
        for (String path : List.of("lifting/index.html", "lifting/basics/index.html", "lifting/whole-guide/index.html")) {
            Document doc = page(fixture.out.resolve(path));
            assertEquals("Reviewed by Alex Fixture, Physiotherapist, on 24 November 2026 · Next review due: 24 November 2027",
                    doc.selectFirst(".review-dates").text(), path);
            String ld = doc.selectFirst("script[type=application/ld+json]").data();
            assertTrue(ld.contains("\"reviewedBy\":{\"@type\":\"Person\",\"name\":\"Alex Fixture\",\"jobTitle\":\"Physiotherapist\"}"), ld);
            assertTrue(ld.contains("\"lastReviewed\":\"2026-11-24\""), ld);
        }
    }

    @Test
    void check_strict_on_a_site_with_only_a_path_as_base_url_passes_and_build_strict_does_not() throws IOException {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("base_url: https://guides.test/", "base_url: /"));
        GuideRun check = GuideRun.on(fixture, "check", "--strict");
        assertEquals(0, check.exit(), check.err());
        GuideRun build = GuideRun.on(fixture, "build", "--strict");
        assertEquals(1, build.exit(), "publishing needs the site's address");
        assertTrue(build.err().contains("base URL '/' has no host"), build.err());
    }
}
