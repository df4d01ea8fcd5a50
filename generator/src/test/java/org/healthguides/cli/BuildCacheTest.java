package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache (DIR.cache beside the output): a build that uses it publishes exactly what a cold build of the
 * same content publishes, after every kind of edit, and reuses only what did not change.
 */
class BuildCacheTest {
    private static final Pattern SUMMARY = Pattern.compile("Built (\\d+) pages .*?(?:; (\\d+) of the pages unchanged since the last build \\(build cache\\)"
            + "|(; up to date: nothing changed since the last build, whose output was left as it was \\(build cache\\)))?\\R");
    /**
     * The site's own pages (home, A to Z, 404 of the fixture's one language), reused too when what they show (every
     * guide's title, description and review, the A to Z's entries) is unchanged.
     */
    private static final int SITE_PAGES = 3;
    /**
     * The pages of the running guide that an edit of its basics section leaves as they were (its index and recovery
     * pages), linked by their own keys once the guide was rendered by an earlier edit: a guide being edited keeps them.
     */
    private static final int UNCHANGED_OF_EDITED = 2;
    /** Of those, the two that list guides only: reused when a section's title or keywords change (the A to Z lists them). */
    private static final int HOME_AND_404 = 2;
    /** What {@link #buildAndCompareWithCold} returns when the build found nothing changed and left the output as it was. */
    private static final int UP_TO_DATE = -1;

    @TempDir
    Path root;
    private Fixture fixture;
    private Path cold;

    @BeforeEach
    void twoGuides() {
        fixture = new Fixture(root);
        fixture.addRunningGuide();
        cold = root.resolve("cold");
    }

    /** Builds with the cache and, into another folder, cold; asserts both are the same bytes; returns pages reused. */
    private int buildAndCompareWithCold() throws IOException {
        GuideRun cached = GuideRun.on(fixture, "build");
        assertEquals(0, cached.exit(), cached.err());
        GuideRun coldRun = GuideRun.guide("build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", cold.toString(), "--no-cache");
        assertEquals(0, coldRun.exit(), coldRun.err());
        assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out), "cached build differs from a cold one");
        assertEquals(modes(cold), modes(fixture.out), "a web server's worker reads what a cold build writes: the same modes");
        assertEquals(coldRun.err(), cached.err(), "the same warnings, in the same order");
        Matcher summary = SUMMARY.matcher(cached.out());
        assertTrue(summary.matches(), cached.out());
        if (summary.group(3) != null) {
            return UP_TO_DATE;
        }
        return summary.group(2) == null ? 0 : Integer.parseInt(summary.group(2));
    }

    /** Every file's and folder's permissions, by its path in the folder. */
    private static Map<String, String> modes(Path folder) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                modes.put(folder.relativize(path).toString(), java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        }
        return modes;
    }

    /** The cache's entry files, one per guide folder, with their modification times. */
    private Map<String, FileTime> entries() throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> list = Files.list(root.resolve("out.cache/guides"))) {
            for (Path file : list.toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    /** The entry file of one guide folder (the entry that changes when the guide is edited). */
    private Path entryOf(String guide) throws IOException {
        Map<String, FileTime> before = entries();
        Fixture.write(fixture.content.resolve(guide + "/index.md"), Files.readString(fixture.content.resolve(guide + "/index.md")) + "\nMore.\n");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold());
        Map<String, FileTime> after = entries();
        List<String> changed = after.keySet().stream().filter(name -> !after.get(name).equals(before.get(name))).toList();
        assertEquals(1, changed.size(), "only the edited guide's entry is written again: " + changed);
        return root.resolve("out.cache/guides").resolve(changed.get(0));
    }

    @Test
    void an_unchanged_rebuild_reuses_every_guide_page_and_publishes_the_same_bytes() throws IOException {
        assertEquals(0, buildAndCompareWithCold(), "the first build has no cache");
        assertEquals(2, entries().size(), "one entry per guide folder");
        Path page = fixture.out.resolve("lifting/basics/index.html");
        Object inode = Files.readAttributes(page, BasicFileAttributes.class).fileKey();

        Map<String, FileTime> written = entries();
        // Without the record of the last build (which makes an unchanged build leave everything as it is), each guide's entry is used.
        Files.delete(root.resolve("out.cache/last-build.bin"));
        assertEquals(8 + SITE_PAGES, buildAndCompareWithCold(), "2 guides x (index, 2 sections, whole guide), and home, A to Z and 404");
        assertEquals(written, entries(), "nothing changed, so the cache is not written again");
        assertEquals(inode, Files.readAttributes(fixture.out.resolve("lifting/basics/index.html"), BasicFileAttributes.class).fileKey(),
                "a hard link to the last build's file, not a new one");
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/basics/index.html.gz")), "precompress is on in the fixture");
    }

    /** The site's own pages as this build published them: home, A to Z, 404. */
    private Map<String, Object> sitePageInodes() throws IOException {
        Map<String, Object> inodes = new TreeMap<>();
        for (String page : List.of("index.html", "a-to-z/index.html", "404.html")) {
            inodes.put(page, inode(fixture.out.resolve(page)));
        }
        return inodes;
    }

    @Test
    void the_site_s_own_pages_are_linked_while_what_they_show_is_unchanged_and_rendered_when_it_changes() throws IOException {
        buildAndCompareWithCold();
        Map<String, Object> first = sitePageInodes();
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a section's text is on none of them");
        assertEquals(first, sitePageInodes(), "hard links to the last build's files");

        // A guide's title is given to all three: each rendered again.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Jogging guide"));
        assertEquals(4, buildAndCompareWithCold(), "the lifting guide reused, the running guide and the site's pages rendered");
        Map<String, Object> retitled = sitePageInodes();
        // (The fixture's one template shows none of it, so the bytes are the same: what they are given decides.)
        retitled.forEach((page, inode) -> assertFalse(inode.equals(first.get(page)), page + " rendered again"));

        // The home page edited in place by hand, the same size (as a guide's page, told by its size, time and mode): rendered again.
        Path home = fixture.out.resolve("index.html");
        String text = Files.readString(home);
        assertTrue(text.contains("Test guides"), text);
        Files.writeString(home, text.replace("Test guides", "Test guidez"));
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES - 1 + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the A to Z and 404 reused, the edited home page rendered");
        assertFalse(retitled.get("index.html").equals(inode(home)));
        assertEquals(retitled.get("a-to-z/index.html"), inode(fixture.out.resolve("a-to-z/index.html")));

        // The kept file damaged: one line, every site page rendered, nothing else lost.
        Path kept = root.resolve("out.cache/keyed-pages.bin");
        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(kept, bytes);
        editRunning("Land softly.");
        GuideRun damaged = GuideRun.on(fixture, "build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertEquals("guide: note: the pages kept by their own keys in the build cache in " + root.resolve("out.cache")
                + " could not be read (checksum mismatch); rendering them again\n", damaged.err());
        assertTrue(damaged.out().contains("; 4 of the pages unchanged"), damaged.out());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and rewritten");

        // A template of theirs edited: every page's key changes.
        Fixture.write(fixture.templates.resolve("page.ftlh"), Fixture.PAGE_TEMPLATE + "\n");
        assertEquals(0, buildAndCompareWithCold());
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
    }

    /** Each page of the running guide, by its file, with its inode. */
    private Map<String, Object> runningPages() throws IOException {
        Map<String, Object> inodes = new TreeMap<>();
        for (String page : List.of("index.html", "basics/index.html", "recovery/index.html", "whole-guide/index.html")) {
            inodes.put(page, inode(fixture.out.resolve("running").resolve(page)));
        }
        return inodes;
    }

    @Test
    void a_guide_edited_again_links_the_pages_the_edit_leaves_as_they_were_and_renders_the_others() throws IOException {
        buildAndCompareWithCold();
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "its first edit: every page of the running guide rendered");
        Map<String, Object> before = runningPages();

        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        Map<String, Object> after = runningPages();
        assertEquals(before.get("index.html"), after.get("index.html"), "the guide's own page: the same record, linked");
        assertEquals(before.get("recovery/index.html"), after.get("recovery/index.html"));
        assertFalse(before.get("basics/index.html").equals(after.get("basics/index.html")), "the edited section's page rendered");
        assertFalse(before.get("whole-guide/index.html").equals(after.get("whole-guide/index.html")), "the whole guide holds it too");
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("Run tall."));

        // The guide's title is given to each of its pages (the fixture's template shows it on none): all rendered again.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Jogging guide"));
        assertEquals(4, buildAndCompareWithCold(), "the lifting guide reused; the running guide's pages and the site's pages rendered");
        Map<String, Object> retitled = runningPages();
        retitled.forEach((page, inode) -> assertFalse(inode.equals(after.get(page)), page + " rendered again"));

        // A page of the guide changed by hand: never linked, rendered again, as a cold build has it.
        Path recovery = fixture.out.resolve("running/recovery/index.html");
        Files.writeString(recovery, Files.readString(recovery).replace("Recovery", "Rekovery"));
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED - 1, buildAndCompareWithCold(), "only its own page linked");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void each_kind_of_edit_rebuilds_what_it_touches_and_the_result_equals_a_cold_build() throws IOException {
        buildAndCompareWithCold();

        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Land softly."));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a section edit: only the running guide is rendered again");
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("Land softly."));

        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<main id=\"main-content\">", "<main id=\"main-content\" class=\"s\">"));
        assertEquals(0, buildAndCompareWithCold(), "a template edit renders every page");

        Fixture.write(fixture.templates.resolve("static/style.css"), "body { margin: 1px }\n");
        assertEquals(0, buildAndCompareWithCold(), "a static file's new name is in every page");

        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("title: Test guides", "title: Other guides"));
        assertEquals(0, buildAndCompareWithCold(), "a settings edit renders every page");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());

        Fixture.write(fixture.content.resolve("running/extra.md"), "---\ntitle: Extra\norder: 3\n---\n## More\n\nText.\n");
        assertEquals(4 + HOME_AND_404, buildAndCompareWithCold(), "a new section (in the A to Z)");
        Files.delete(fixture.content.resolve("running/extra.md"));
        assertEquals(4 + HOME_AND_404, buildAndCompareWithCold(), "a deleted section");
        assertFalse(Files.exists(fixture.out.resolve("running/extra")));

        Files.move(fixture.content.resolve("running"), fixture.content.resolve("jogging"));
        assertEquals(4, buildAndCompareWithCold(), "a renamed guide folder: the lifting guide is reused");
        assertFalse(Files.exists(fixture.out.resolve("running")));
        Files.move(fixture.content.resolve("jogging/basics.md"), fixture.content.resolve("jogging/first-steps.md"));
        Fixture.write(fixture.content.resolve("jogging/index.md"), Fixture.INDEX.replace("Lifting guide", "Running guide")
                .replace("[basics, recovery]", "[first-steps, recovery]").replace("(basics.md)", "(first-steps.md)"));
        assertEquals(4 + HOME_AND_404, buildAndCompareWithCold(), "a renamed section");
        assertTrue(Files.exists(fixture.out.resolve("jogging/first-steps/index.html")));
    }

    @Test
    void a_reused_page_is_listed_in_the_sitemap_with_its_date_and_translations_as_a_cold_build_lists_it() throws IOException {
        // The cache keeps of each page only what the sitemap reads (its address, date, whether it is listed and its
        // language versions): a reused page must be listed exactly as a page rendered by a cold build.
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("language: en-GB", "languages: [en-GB, cy]"));
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX
                .replace("[basics, recovery]", "[recovery]")
                .replace("mentions: [night pain, numbness]", "mentions: { en-GB: [night pain, numbness], cy: [poen yn y nos, diffyg teimlad] }"));
        Fixture.write(fixture.templates.resolve("i18n/en-GB.yaml"), "contents: Contents\n");
        Fixture.write(fixture.templates.resolve("i18n/cy.yaml"), """
                contents: Cynnwys
                site: { title: Canllawiau prawf, disclaimer: Nid cyngor meddygol. }
                warning_kinds:
                  urgent: { label: Cyngor brys, heading: "Ewch i weld meddyg ar unwaith os:" }
                  caution: { label: Pwysig, heading: Pwysig }
                """);
        Fixture.write(fixture.content.resolve("lifting/index.cy.md"),
                "---\ntitle: Canllaw codi\ntranslated_from_reviewed: 2026-11-24\n---\nCroeso.\n");
        Fixture.write(fixture.content.resolve("lifting/recovery.cy.md"), """
                ---
                title: Gwella
                ---
                ## Pryd i weld meddyg

                !!! urgent "Ewch i weld meddyg:"
                    - poen yn y nos
                    - diffyg teimlad
                """);
        assertEquals(0, buildAndCompareWithCold());
        String sitemap = Files.readString(fixture.out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("hreflang=\"cy\"") && sitemap.contains("<lastmod>"), sitemap);

        editRunning("Land softly.");
        assertEquals(4 + 2 * SITE_PAGES, buildAndCompareWithCold(),
                "the lifting guide's English pages are reused (its Welsh ones are rendered every build), and both languages' site pages");
        assertEquals(sitemap, Files.readString(fixture.out.resolve("sitemap.xml")), "the same sitemap, its translations listed from the cache");
        Files.delete(root.resolve("out.cache/last-build.bin"));
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Land on your midfoot."));
        assertEquals(4 + 2 * SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the same, its entry read without the record of the last build");
    }

    @Test
    void content_files_unchanged_by_their_stat_data_are_not_read_and_an_edit_keeping_size_and_time_is_built_as_cold()
            throws IOException, InterruptedException {
        // Older than the racy window (FileStates.MARGIN) when the first build begins, so the next builds may trust them.
        Thread.sleep(org.healthguides.content.FileStates.MARGIN / 1_000_000 + 200);
        assertEquals(0, buildAndCompareWithCold());
        Path states = root.resolve("out.cache/content-states.bin");
        assertTrue(Files.isRegularFile(states), "the first build records what it saw");
        Object recorded = Files.readAttributes(states, BasicFileAttributes.class).fileKey();
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
        assertEquals(recorded, Files.readAttributes(states, BasicFileAttributes.class).fileKey(),
                "an up-to-date build whose record trusts every file leaves it as it was (ContentLoaderTest counts the files read)");

        // The same size, the modification time put back (touch -d, cp -p): its change time still differs.
        Path basics = fixture.content.resolve("running/basics.md");
        String text = Files.readString(basics);
        FileTime time = Files.getLastModifiedTime(basics);
        Fixture.write(basics, text.replace("Keep your stride short.", "Keep your stride light."));
        Files.setLastModifiedTime(basics, time);
        assertEquals(text.length(), Files.size(basics), "the same size");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the edited guide is rendered again");
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("Keep your stride light."));
        // Edited again at once, within the window of the build that read it: seen, though size and time are as recorded.
        Fixture.write(basics, text.replace("Keep your stride short.", "Keep your stride brisk."));
        Files.setLastModifiedTime(basics, time);
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("Keep your stride brisk."));

        // A damaged record is not trusted: one line, every file read, the build as cold.
        byte[] bytes = Files.readAllBytes(states);
        bytes[bytes.length - 3] ^= 1;
        Files.write(states, bytes);
        Files.delete(root.resolve("out.cache/last-build.bin"));
        GuideRun damaged = GuideRun.on(fixture, "build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertTrue(damaged.err().contains("content files' states kept in the build cache") && damaged.err().contains("could not be read"), damaged.err());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    /** Whether any entry of the cache holds this text (UTF-8), as a page's HTML does. */
    private boolean anEntryHolds(String text) throws IOException {
        for (String name : entries().keySet()) {
            if (Files.readString(root.resolve("out.cache/guides").resolve(name), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_guide_being_edited_keeps_its_files_html_and_its_next_edits_equal_a_cold_build() throws IOException {
        buildAndCompareWithCold();
        assertFalse(anEntryHolds("Keep your stride short."), "a first build keeps no guide's own HTML: its pages are the output");
        Path running = entryOf("running");
        assertTrue(Files.readString(running, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Keep your stride short."),
                "a guide rendered again while the cache knew it keeps its files' HTML for its next edit");
        assertFalse(anEntryHolds("Keep the bar close."), "the lifting guide, reused, keeps none");

        // Its next edits take the unchanged files' HTML from the entry: the same bytes as a cold build, again and again.
        Fixture.write(fixture.content.resolve("running/recovery.md"), Fixture.RECOVERY + "\nRest a day.\n");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Land softly."));
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("Land softly."));
        assertTrue(Files.readString(fixture.out.resolve("running/recovery/index.html")).contains("Rest a day."));
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());

        // A template edit renders both guides (each of them kept its HTML or not: the same bytes either way).
        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<main id=\"main-content\">", "<main id=\"main-content\" class=\"s\">"));
        assertEquals(0, buildAndCompareWithCold());
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Fixture.RECOVERY + "\nWalk it off.\n");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
    }

    /** The A to Z's sorted letters kept for the next build (one file for the fixture's one language), by what identifies its contents. */
    private List<Object> aToZFile() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve("out.cache/a-to-z"))) {
            List<Path> files = list.toList();
            assertEquals(1, files.size(), files.toString());
            BasicFileAttributes file = Files.readAttributes(files.get(0), BasicFileAttributes.class);
            return List.of(files.get(0), file.fileKey(), file.lastModifiedTime(), file.size());
        }
    }

    @Test
    void the_a_to_z_is_sorted_again_only_when_a_title_or_keyword_changes_and_equals_a_cold_build() throws IOException {
        // The fixture's templates print no index: this one lists every letter and entry, so the page shows the sort.
        Fixture.write(fixture.templates.resolve("a-to-z.ftlh"), Fixture.PAGE_TEMPLATE.replace("<h1>${page.title}</h1>",
                "<h1>${page.title}</h1><#list page.letters as l><h2 id=\"${l.id}\">${l.letter}</h2><#list l.entries as e>"
                        + "<p><a href=\"${e.url}\">${e.term}</a> ${e.where} ${e.guide}</p></#list></#list>"));
        buildAndCompareWithCold();
        Path aToZ = fixture.out.resolve("a-to-z/index.html");
        assertTrue(Files.readString(aToZ).contains(">Running guide</a>"), Files.readString(aToZ));
        List<Object> sorted = aToZFile();

        Files.delete(root.resolve("out.cache/last-build.bin")); // else an unchanged build reads nothing at all
        assertEquals(8 + SITE_PAGES, buildAndCompareWithCold(), "unchanged");
        assertEquals(sorted, aToZFile(), "an unchanged rebuild reads the last sort and does not write it again");
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Land softly."));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a body edit");
        assertEquals(sorted, aToZFile(), "no title or keyword changed: the last sort is reused");

        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Jogging guide"));
        assertEquals(4, buildAndCompareWithCold(), "a guide's title edited");
        assertTrue(Files.readString(aToZ).contains(">Jogging guide</a>"), Files.readString(aToZ));
        assertFalse(Files.readString(aToZ).contains("Running guide"), Files.readString(aToZ));
        assertFalse(sorted.equals(aToZFile()), "sorted again and kept");

        sorted = aToZFile();
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("order: 1", "order: 1\nkeywords: [shin splints]"));
        assertEquals(4 + HOME_AND_404 + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "a section's keywords edited");
        assertTrue(Files.readString(aToZ).contains(">Shin splints</a> Basics Jogging guide"), Files.readString(aToZ));
        assertFalse(sorted.equals(aToZFile()));

        // A damaged file is not trusted: the index is sorted again (the comparison with a cold build shows it) and the file replaced.
        Path file = (Path) aToZFile().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(file, bytes);
        GuideRun damaged = GuideRun.on(fixture, "build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertTrue(damaged.err().matches("(?s).*guide: note: the A to Z of 'en-GB' kept in the build cache in .* could not be read "
                + "\\(checksum mismatch\\); sorted it again and replaced it\n.*"), damaged.err());
        assertEquals(1, damaged.err().split("A to Z of", -1).length - 1, "one line: " + damaged.err());
        GuideRun coldRun = GuideRun.guide("build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", cold.toString(), "--no-cache");
        assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out), "a damaged A to Z file costs only the sort");
        sorted = aToZFile();
        Files.delete(root.resolve("out.cache/last-build.bin"));
        assertEquals(8 + SITE_PAGES, buildAndCompareWithCold());
        assertEquals(sorted, aToZFile(), "the replacement is read by the next build");
    }

    @Test
    void front_matter_is_kept_and_a_page_rendered_from_the_kept_front_matter_equals_a_cold_build() throws IOException {
        // No sign-off: a warning at the line of 'reviewed', which must come out the same from kept front matter.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Running guide")
                .replace("reviewed_by:\n  name: Alex Fixture\n  role: Physiotherapist\n", ""));
        buildAndCompareWithCold();
        // The lifting guide's index has a list, a list of mappings and a mapping: kept in its entry, not parsed again.
        for (String name : entries().keySet()) {
            String entry = new String(Files.readAllBytes(root.resolve("out.cache/guides").resolve(name)), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(entry.contains("numbness"), "each guide's index's front matter is in its entry: " + name);
        }
        // A template edit renders every page again: each one from front matter taken from the cache (no file changed).
        Fixture.write(fixture.templates.resolve("guide.ftlh"), Fixture.PAGE_TEMPLATE.replace("<main id=\"main-content\">", "<main id=\"main-content\" class=\"g\">"));
        GuideRun warned = GuideRun.on(fixture, "build", "--no-cache", "--out", root.resolve("warned").toString());
        assertTrue(warned.err().contains("running/index.md:4: warning[") && warned.err().contains("no clinical sign-off"), warned.err());
        assertTrue(warned.err().contains(System.lineSeparator() + "  4 | reviewed: 2026-11-24" + System.lineSeparator()), "the line it points at: " + warned.err());
        assertEquals(0, buildAndCompareWithCold(), "every page rendered, the same bytes and warnings as a cold build");
        // An edit of the front matter alone: the edited file is parsed again, the other guide's fields still come from the cache.
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("title: Basics", "title: First steps"));
        assertEquals(4 + HOME_AND_404, buildAndCompareWithCold(), "a section's title is in the A to Z, not on the home and 404 pages");
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("First steps"));
    }

    @Test
    void after_an_edit_the_record_holds_the_linked_files_as_they_are_so_the_next_build_is_up_to_date() throws IOException {
        // Images beside the reused guide's pages, in its folder and a folder of their own: published by this build, not
        // reused, in folders whose states the record takes from the reused guide's (encoded when its pages were found).
        Files.write(fixture.content.resolve("lifting/photo.png"), new byte[] {1, 2, 3});
        Files.createDirectories(fixture.content.resolve("lifting/images"));
        Files.write(fixture.content.resolve("lifting/images/diagram.png"), new byte[] {4, 5, 6});
        buildAndCompareWithCold();
        for (String words : new String[] {"Land softly.", "Run tall."}) {
            boolean editedBefore = words.equals("Run tall.");
            Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", words));
            // The lifting guide's files are hard links to the last output's; the record takes their states from the
            // check made before linking them, not from a second stat.
            assertEquals(4 + SITE_PAGES + (editedBefore ? UNCHANGED_OF_EDITED : 0), buildAndCompareWithCold());
            assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "the record of the linked files is what is on disk");
        }
        Path page = fixture.out.resolve("lifting/basics/index.html");
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() - 5_000));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a linked page touched since is seen, and its guide rendered again");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void files_with_a_byte_order_mark_or_windows_line_ends_are_fingerprinted_by_their_bytes() throws IOException {
        // Fingerprints are taken from the bytes read, before they are decoded (an up-to-date build decodes nothing):
        // the same bytes are the same text, and the same text in other bytes is rendered again, as a cold build would.
        Fixture.write(fixture.content.resolve("running/basics.md"), "\uFEFF" + Fixture.BASICS.replace("\n", "\r\n"));
        buildAndCompareWithCold();
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Land softly."));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the same text without the mark and with Unix line ends, but edited");
        Fixture.write(fixture.content.resolve("running/basics.md"), "\uFEFF" + Fixture.BASICS.replace("Keep the bar close.", "Land softly.").replace("\n", "\r\n"));
        assertEquals(4 + SITE_PAGES + 4, buildAndCompareWithCold(),
                "the same text in other bytes: assembled again, and each of its pages, the same as the last build's, linked by its own key");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "the same bytes as the last build read: nothing to do");
    }

    @Test
    void an_unchanged_file_is_split_at_its_kept_place_and_rendered_again_equal_to_a_cold_build() throws IOException {
        // A byte order mark, Windows line ends and letters outside ASCII: the body's place is kept in characters of the
        // decoded text, and the body cut there (the file decoded) only when its Markdown must be rendered again.
        Fixture.write(fixture.content.resolve("running/basics.md"), "\uFEFF" + Fixture.BASICS.replace("Keep the bar close.",
                "Keep your stride short \u2014 \u0175 \u0177, \u0627\u0644\u0639\u0631\u0628\u064a\u0629.").replace("\n", "\r\n"));
        buildAndCompareWithCold();
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
        // A template edit renders every body again, each cut from its unchanged file where the cache says it starts.
        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<main id=\"main-content\">", "<main id=\"main-content\" class=\"t\">"));
        assertEquals(0, buildAndCompareWithCold());
        assertTrue(Files.readString(fixture.out.resolve("running/basics/index.html")).contains("\u0175 \u0177"), "the body, decoded");
        // Another guide edited: this file is neither decoded nor rendered, and its page is the one a cold build writes.
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Keep it close."));
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
    }

    @Test
    void a_placeholder_in_a_file_unchanged_since_the_last_build_is_still_found() throws IOException {
        // A draft guide may hold the scaffold's placeholder; built with --drafts, its files are known to the cache.
        // The section's file is unchanged: whether it holds the placeholder is taken from its entry, not searched again.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Running guide")
                .replaceFirst("---\n", "---\ndraft: true\n"));
        String recovery = Fixture.RECOVERY + "\nPLACEHOLDER: when to rest.\n";
        Fixture.write(fixture.content.resolve("running/recovery.md"), recovery);
        GuideRun drafts = GuideRun.on(fixture, "build", "--drafts");
        assertEquals(0, drafts.exit(), drafts.err());
        // The guide is no longer a draft; its section holding the placeholder is unchanged since the last build.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Running guide"));
        GuideRun build = GuideRun.on(fixture, "build");
        assertEquals(1, build.exit(), build.err());
        int line = recovery.split("\n", -1).length - 1;
        assertTrue(build.err().contains("running/recovery.md:" + line + ": error[") && build.err().contains("scaffold placeholder"), build.err());
        GuideRun check = GuideRun.on(fixture, "check");
        assertEquals(check.problems(), build.problems(), "what a check without the cache reports");
    }

    @Test
    void links_into_a_reused_guide_are_checked_against_its_kept_ids_as_a_cold_build_checks_them() throws IOException {
        // The running guide links to a heading of the lifting guide, whose pages are reused: its ids come from its entry.
        String recovery = Files.readString(fixture.content.resolve("running/recovery.md"));
        Fixture.write(fixture.content.resolve("running/recovery.md"), recovery + "\nSee [standing tall](../lifting/basics.md#stand-tall).\n");
        buildAndCompareWithCold();
        Fixture.write(fixture.content.resolve("running/recovery.md"), recovery + "\nSee [standing tall](../lifting/basics.md#stand-tall) again.\n");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the lifting guide reused, the link to its heading found");
        // A fragment that is not there: the same error, with the same suggestion (the kept ids listed), as a cold check.
        Fixture.write(fixture.content.resolve("running/recovery.md"), recovery + "\nSee [standing tall](../lifting/basics.md#stand-tal).\n");
        GuideRun broken = GuideRun.on(fixture, "build");
        assertEquals(1, broken.exit(), broken.err());
        assertTrue(broken.err().contains("running/recovery.md:") && broken.err().contains("did you mean '../lifting/basics.md#stand-tall'"), broken.err());
        assertEquals(GuideRun.on(fixture, "check").problems(), broken.problems());
        // The kept ids, looked into, are written back as they were: the next build still finds the heading.
        Fixture.write(fixture.content.resolve("running/recovery.md"), recovery + "\nSee [standing tall](../lifting/basics.md#stand-tall) once more.\n");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Files.readString(fixture.content.resolve("lifting/recovery.md")) + "\nMore.\n");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the lifting guide's entry, written again with its ids, read back");
    }

    @Test
    void no_cache_builds_cold_and_leaves_the_cache_alone() throws IOException {
        buildAndCompareWithCold();
        Map<String, String> cache = GuideRun.fingerprint(root.resolve("out.cache"));
        Map<String, FileTime> times = entries();
        GuideRun run = GuideRun.on(fixture, "build", "--no-cache");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("build cache"), run.out());
        assertEquals(cache, GuideRun.fingerprint(root.resolve("out.cache")));
        assertEquals(times, entries());
        assertFalse(Files.exists(root.resolve("cold.cache")), "--no-cache writes no cache either");
        // The cold build wrote new files, so the cache's record of them no longer matches: nothing is reused.
        assertEquals(0, buildAndCompareWithCold());
    }

    @Test
    void a_page_changed_by_hand_in_the_output_is_rendered_again() throws IOException {
        buildAndCompareWithCold();
        Path page = fixture.out.resolve("lifting/recovery/index.html");
        Files.writeString(page, Files.readString(page).replace("Recovery", "Hacked"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the lifting guide's files are not trusted any more");
    }

    @Test
    void a_page_whose_mode_was_changed_by_hand_is_rendered_again_not_linked_with_its_new_mode() throws IOException {
        // A hard link shares the file's mode: reusing a page made 0600 by hand would publish a page nginx answers 403 for.
        buildAndCompareWithCold();
        Files.setPosixFilePermissions(fixture.out.resolve("lifting/recovery/index.html"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Fixture.write(fixture.content.resolve("running/index.md"), Files.readString(fixture.content.resolve("running/index.md")) + "\nMore.\n");
        assertEquals(0 + SITE_PAGES, buildAndCompareWithCold(), "neither guide reused: the running guide was edited, the lifting guide's page changed mode");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fixture.out.resolve("lifting/recovery/index.html"))));
    }

    @Test
    void a_page_deleted_or_edited_in_place_by_hand_is_rendered_again_never_trusted() throws IOException {
        buildAndCompareWithCold();
        Files.delete(fixture.out.resolve("running/basics/index.html"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a deleted page: its guide is rendered again");
        Files.delete(fixture.out.resolve("lifting/index.html.gz"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "a deleted .gz copy: its guide is rendered again");

        // Edited in place: the same inode (which the next build's hard link would carry) and the same size; its
        // modification time gives it away. (An edit that also puts the time back, touch -r, is not seen: see performance.md.)
        Path page = fixture.out.resolve("lifting/recovery/index.html");
        FileTime time = Files.getLastModifiedTime(page);
        String html = Files.readString(page);
        Files.writeString(page, html.replace("Recovery", "Rekovery"));
        assertEquals(html.length(), Files.readString(page).length());
        assertEquals(4 + SITE_PAGES + 3, buildAndCompareWithCold(),
                "a page edited in place: rendered again; its guide's three other pages, kept by their own keys since the last build rendered them, linked");
        assertTrue(Files.readString(fixture.out.resolve("lifting/recovery/index.html")).contains("Recovery"));
        assertTrue(time.toMillis() <= Files.getLastModifiedTime(fixture.out.resolve("lifting/recovery/index.html")).toMillis());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and then up to date again");
    }

    private void editRunning(String words) {
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", words));
    }

    private static Object inode(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @Test
    void a_reused_guide_s_folder_is_moved_whole_into_the_new_output_and_only_when_it_holds_exactly_its_pages() throws IOException {
        buildAndCompareWithCold();
        Object lifting = inode(fixture.out.resolve("lifting"));
        Object page = inode(fixture.out.resolve("lifting/basics/index.html"));
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the running guide edited, the lifting guide reused");
        assertEquals(lifting, inode(fixture.out.resolve("lifting")), "the lifting guide's folder moved into the new output, not made again");
        assertEquals(page, inode(fixture.out.resolve("lifting/basics/index.html")));

        // A file no build wrote, dropped into the folder: the folder is not moved (it would carry the file along);
        // its pages are linked into a new one, as a cold build would have them.
        Files.writeString(fixture.out.resolve("lifting/basics/notes.txt"), "by hand");
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        assertFalse(Files.exists(fixture.out.resolve("lifting/basics/notes.txt")));
        assertEquals(page, inode(fixture.out.resolve("lifting/basics/index.html")), "its pages still reused");
        Object linked = inode(fixture.out.resolve("lifting"));
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        assertEquals(linked, inode(fixture.out.resolve("lifting")), "moved again once it holds its pages alone");

        // An empty folder, and a page's folder made 0700 by hand: neither is carried into the new output.
        Files.createDirectory(fixture.out.resolve("lifting/empty"));
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the empty folder is not the cold build's: compared with the modes of every folder");
        assertFalse(Files.exists(fixture.out.resolve("lifting/empty")));
        Files.setPosixFilePermissions(fixture.out.resolve("lifting/recovery"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        editRunning("Land softly.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the pages reused, in a folder made 0755 as a cold build makes it");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void a_guide_folder_replaced_by_a_symbolic_link_is_rendered_again_and_nothing_is_deleted_through_the_link() throws IOException {
        buildAndCompareWithCold();
        // The same files, times and modes, behind a link: the output would publish, and then delete, what is elsewhere.
        Path elsewhere = root.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.move(fixture.out.resolve("lifting"), elsewhere.resolve("lifting"));
        Files.createSymbolicLink(fixture.out.resolve("lifting"), elsewhere.resolve("lifting"));
        Map<String, String> outside = GuideRun.fingerprint(elsewhere);
        editRunning("Land softly.");
        assertEquals(0 + SITE_PAGES, buildAndCompareWithCold(), "the running guide edited, the lifting guide behind a link: neither reused");
        assertFalse(Files.isSymbolicLink(fixture.out.resolve("lifting")));
        assertEquals(outside, GuideRun.fingerprint(elsewhere), "nothing deleted or changed through the link");

        // A link deeper down, where a page's folder was: the guide's folder is not moved (it would carry the link);
        // the pages found through the link as the last build left them are linked, as before moves were made.
        Files.move(fixture.out.resolve("lifting/basics"), elsewhere.resolve("basics"));
        Files.createSymbolicLink(fixture.out.resolve("lifting/basics"), elsewhere.resolve("basics"));
        Map<String, String> deeper = GuideRun.fingerprint(elsewhere.resolve("basics"));
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold());
        assertFalse(Files.isSymbolicLink(fixture.out.resolve("lifting/basics")));
        assertEquals(deeper, GuideRun.fingerprint(elsewhere.resolve("basics")), "nothing deleted or changed through the link");
        GuideRun.assertNoLeftovers(root);
    }

    @Test
    void a_build_killed_while_it_moved_folders_leaves_no_record_and_the_next_build_renders_what_is_missing() throws IOException, InterruptedException {
        buildAndCompareWithCold();
        // A process that has ended stands for a build killed with kill -9 after its first move: the record of the last
        // build removed before it, the lifting guide's folder already in its staging folder, the rest not moved yet.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path staging = root.resolve(".out.building-" + ended.pid() + "-123456");
        Files.createDirectories(staging);
        Files.delete(root.resolve("out.cache/last-build.bin"));
        Files.move(fixture.out.resolve("lifting"), staging.resolve("lifting"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the running guide reused, the lifting guide rendered again");
        assertFalse(Files.exists(staging), "the killed build's staging folder is removed");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());

        // Had the record been left, it would not hold either: a folder it lists is gone.
        Files.createDirectories(staging);
        Files.move(fixture.out.resolve("running"), staging.resolve("running"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "not up to date; the lifting guide reused, the running guide rendered again");
        GuideRun.assertNoLeftovers(root);
    }

    @Test
    void a_redirect_written_into_a_reused_guide_s_folder_gets_its_pages_linked_not_the_folder_moved() throws IOException {
        buildAndCompareWithCold();
        // The running guide's alias is an address in the lifting guide's folder: the redirect page is written there.
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replaceFirst("---\n", "---\naliases: [/lifting/old-running/]\n"));
        assertEquals(4 + SITE_PAGES, buildAndCompareWithCold(), "the lifting guide's pages reused beside the new redirect page");
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/old-running/index.html")));
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replaceFirst("---\n", "---\naliases: [/lifting/old-running/]\n")
                .replace("Keep the bar close.", "Land softly."));
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the redirect page is not the lifting guide's own: written again, not carried along");
        editRunning("Run tall.");
        assertEquals(4 + SITE_PAGES + UNCHANGED_OF_EDITED, buildAndCompareWithCold(), "the alias gone, its redirect page too");
        assertFalse(Files.exists(fixture.out.resolve("lifting/old-running")));
    }

    @Test
    void a_truncated_or_damaged_guide_entry_costs_that_guide_a_cold_build_with_one_line() throws IOException {
        buildAndCompareWithCold();
        Path entry = entryOf("running");
        byte[] good = Files.readAllBytes(entry);
        for (int cut : new int[] {0, 10, good.length / 2, good.length - 1}) {
            Files.write(entry, java.util.Arrays.copyOf(good, cut));
            GuideRun truncated = GuideRun.on(fixture, "build");
            assertEquals(0, truncated.exit(), truncated.err());
            assertTrue(truncated.err().matches("guide: note: the build cache in .* could not be read \\(\\w+, 1 of 2 guides' entries\\); "
                    + "ignoring those and building their guides cold\\R"), cut + ": " + truncated.err());
            assertTrue(truncated.out().contains("; " + (4 + SITE_PAGES) + " of the pages unchanged"), "the other guide is reused, and the site's pages: "
                    + truncated.out());
            assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out));
            good = Files.readAllBytes(entry);
        }
        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 0x20;
        Files.write(entry, flipped);
        GuideRun damaged = GuideRun.on(fixture, "build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertTrue(damaged.err().contains("could not be read (IOException, 1 of 2 guides' entries)"), damaged.err());
        assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out));
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and replaced by a good one");

        // An entry another guide's file was copied over: not that guide's, never used for it.
        Path other = entryOf("lifting");
        Files.copy(other, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GuideRun swapped = GuideRun.on(fixture, "build");
        assertTrue(swapped.err().contains("could not be read (IOException, 1 of 2 guides' entries)"), swapped.err());
        assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out));
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void a_deleted_guide_leaves_the_cache_with_its_entry() throws IOException {
        buildAndCompareWithCold();
        org.apache.commons.io.file.PathUtils.deleteDirectory(fixture.content.resolve("running"));
        assertEquals(4, buildAndCompareWithCold(), "the lifting guide is reused");
        assertEquals(1, entries().size());
    }

    @Test
    void a_cache_from_another_generator_or_a_corrupt_one_is_ignored_with_one_line() throws IOException {
        buildAndCompareWithCold();
        for (Path file : entries().keySet().stream().map(root.resolve("out.cache/guides")::resolve).toList()) {
            byte[] bytes = Files.readAllBytes(file);
            // The header: the magic text and the format (4 + 17 + 4 bytes), then the generator's identity as length and text.
            int length = java.nio.ByteBuffer.wrap(bytes, 25, 4).getInt();
            int last = 29 + length - 1;
            bytes[last] = (byte) (bytes[last] == '0' ? '1' : '0'); // another generator's identity
            Files.write(file, bytes);
        }
        GuideRun other = GuideRun.on(fixture, "build");
        assertEquals(0, other.exit(), other.err());
        assertEquals("guide: note: the build cache in " + root.resolve("out.cache") + " was made by another version of the generator; building cold\n",
                other.err());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and replaced by a good one");

        // One entry of the format before the checks' findings were kept with a model (12: a model without them, which
        // this format would misread), one of this format: the cache is another version's and nothing in it is used, not
        // even the guide whose entry could be taken whole.
        Path first = entries().keySet().stream().map(root.resolve("out.cache/guides")::resolve).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(first);
        assertEquals(13, java.nio.ByteBuffer.wrap(bytes, 21, 4).getInt(), "the format, after the magic text");
        java.nio.ByteBuffer.wrap(bytes).putInt(21, 12);
        Files.write(first, bytes);
        Files.delete(root.resolve("out.cache/last-build.bin"));
        GuideRun older = GuideRun.on(fixture, "build");
        assertEquals(0, older.exit(), older.err());
        assertEquals("guide: note: the build cache in " + root.resolve("out.cache") + " was made by another version of the generator; building cold\n",
                older.err());
        assertTrue(older.out().contains("Built 11 pages") && !older.out().contains("unchanged since the last build"), older.out());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and replaced by a good one");

        // The single file of earlier versions: another version's cache, removed.
        Fixture.write(root.resolve("out.cache/cache.bin"), "guide build cache, format 4");
        GuideRun old = GuideRun.on(fixture, "build");
        assertEquals(0, old.exit(), old.err());
        assertTrue(old.err().contains("was made by another version of the generator; building cold"), old.err());
        assertFalse(Files.exists(root.resolve("out.cache/cache.bin")));
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());

        // A file left half-written in the entries' folder by a killed build is removed, not read.
        Fixture.write(root.resolve("out.cache/guides/entry123.new"), "half");
        GuideRun leftover = GuideRun.on(fixture, "build");
        assertTrue(leftover.err().contains("could not be read"), leftover.err());
        assertFalse(Files.exists(root.resolve("out.cache/guides/entry123.new")));
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void a_folder_of_that_name_that_is_not_a_cache_is_never_written_to() throws IOException {
        Fixture.write(root.resolve("out.cache/notes.txt"), "mine");
        GuideRun run = GuideRun.on(fixture, "build");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("is not a build cache"), run.err());
        try (var files = Files.list(root.resolve("out.cache"))) {
            assertEquals(1, files.count());
        }
    }

    /** Every file and folder under {@code folder} with what would show it was touched: inode, size, modification time, mode. */
    private static Map<String, List<Object>> states(Path folder) throws IOException {
        Map<String, List<Object>> states = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                var file = Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                states.put(folder.relativize(path).toString(), List.of(String.valueOf(file.fileKey()), file.size(), file.lastModifiedTime(),
                        file.permissions()));
            }
        }
        return states;
    }

    @Test
    void an_unchanged_build_is_up_to_date_prints_the_same_warnings_and_touches_nothing() throws IOException {
        // Warnings to print again: the running guide has no clinical sign-off, and a section reads above its grade.
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Running guide")
                .replaceAll("(?s)reviewed_by:.*?role: Physiotherapist\n", ""));
        assertEquals(0, buildAndCompareWithCold());
        GuideRun coldRun = GuideRun.guide("build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", root.resolve("cold2").toString(), "--no-cache");
        assertTrue(coldRun.err().contains("warning[G0411]"), coldRun.err());
        Map<String, List<Object>> output = states(fixture.out);
        Map<String, List<Object>> cache = states(root.resolve("out.cache"));

        GuideRun again = GuideRun.on(fixture, "build");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("; up to date: nothing changed since the last build"), again.out());
        assertEquals(coldRun.err(), again.err(), "the same warnings, with the same excerpts, in the same order");
        assertTrue(again.out().startsWith(coldRun.out().substring(0, coldRun.out().indexOf(" in "))), "the same pages and files: " + again.out());
        assertEquals(output, states(fixture.out), "not a file or folder of the output touched");
        assertEquals(cache, states(root.resolve("out.cache")), "nor of the cache");
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void anything_changed_in_the_output_or_the_cache_since_the_last_build_means_it_is_not_up_to_date() throws IOException {
        buildAndCompareWithCold();
        List<Runnable> tampering = List.of(
                () -> Fixture.write(fixture.out.resolve("stray.html"), "mine"),
                () -> Fixture.write(fixture.out.resolve("lifting/basics/notes/a.txt"), "a new folder"),
                () -> io(() -> Files.createDirectories(fixture.out.resolve("lifting/empty"))),
                () -> io(() -> Files.delete(fixture.out.resolve("lifting/basics/index.html.gz"))),
                () -> io(() -> Files.delete(fixture.out.resolve("a-to-z/index.html"))),
                () -> io(() -> Files.setPosixFilePermissions(fixture.out.resolve("lifting/index.html"),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))),
                () -> io(() -> { // the same bytes in a new file: a hard link to it would not be the last build's file
                    Path page = fixture.out.resolve("running/index.html");
                    byte[] bytes = Files.readAllBytes(page);
                    FileTime time = Files.getLastModifiedTime(page);
                    // Written beside it and moved over it, so the new file cannot get the old one's inode (deleting
                    // first let the file system hand the same inode back, and then nothing at all had changed).
                    Path copy = page.resolveSibling("index.html.copy");
                    Files.write(copy, bytes);
                    Files.setLastModifiedTime(copy, time);
                    Files.move(copy, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }),
                () -> io(() -> { // edited in place, the same size
                    Path page = fixture.out.resolve("lifting/recovery/index.html");
                    Files.writeString(page, Files.readString(page).replace("Recovery", "Rekovery"));
                }),
                () -> io(() -> Files.setLastModifiedTime(entries().keySet().stream().map(root.resolve("out.cache/guides")::resolve).findFirst().orElseThrow(),
                        FileTime.fromMillis(0))),
                () -> Fixture.write(root.resolve("out.cache/a-to-z/extra.bin"), "not the A to Z of a language"));
        for (int i = 0; i < tampering.size(); i++) {
            tampering.get(i).run();
            int reused = buildAndCompareWithCold();
            assertTrue(reused >= 0, "change " + i + " was seen");
            assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "and after it, up to date again (change " + i + ")");
        }

        // The nginx include beside the output (which a build empties when the site has no aliases). Built alone: the
        // cold build of buildAndCompareWithCold writes the same file, its output being in the same folder.
        Fixture.write(root.resolve("redirects.nginx.conf"), "# mine\n");
        GuideRun nginx = GuideRun.on(fixture, "build");
        assertTrue(nginx.out().contains("; " + (8 + SITE_PAGES) + " of the pages unchanged"), nginx.out());
        assertEquals("", Files.readString(root.resolve("redirects.nginx.conf")).replaceAll("(?m)^#.*\\R", ""));
        assertTrue(GuideRun.on(fixture, "build").out().contains("up to date"));

        // A damaged record is not trusted: one line, and the build goes on from the guides' entries.
        Path record = root.resolve("out.cache/last-build.bin");
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length - 5] ^= 0x20;
        Files.write(record, bytes);
        GuideRun damaged = GuideRun.on(fixture, "build");
        assertEquals(0, damaged.exit(), damaged.err());
        assertTrue(damaged.err().matches("guide: note: the record of the last build in the build cache in .* could not be read "
                + "\\(checksum mismatch\\); building from the guides' entries\\R"), damaged.err());
        assertTrue(damaged.out().contains("; " + (8 + SITE_PAGES) + " of the pages unchanged"), damaged.out());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
    }

    @Test
    void a_new_day_an_image_or_another_option_is_not_up_to_date() throws IOException {
        Files.write(fixture.content.resolve("lifting/photo.png"), new byte[] {1, 2, 3});
        buildAndCompareWithCold();
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
        Files.write(fixture.content.resolve("lifting/photo.png"), new byte[] {1, 2, 4});
        assertTrue(buildAndCompareWithCold() >= 0, "an image's new bytes, under the same name and size");
        assertEquals(4, Files.readAllBytes(fixture.out.resolve("lifting/photo.png"))[2]);
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());

        GuideRun later = GuideRun.on(fixture, "build", "--today", "2027-12-01");
        assertEquals(0, later.exit(), later.err());
        assertFalse(later.out().contains("up to date"), "another day: review dates may have fallen due");
        assertTrue(later.err().contains("next_review"), "the guide's review is overdue on that day: " + later.err());
        GuideRun drafts = GuideRun.on(fixture, "build", "--today", "2027-12-01", "--drafts");
        assertFalse(drafts.out().contains("up to date"), drafts.out());
        GuideRun same = GuideRun.on(fixture, "build", "--today", "2027-12-01", "--drafts");
        assertTrue(same.out().contains("up to date"), same.out());
        assertEquals(drafts.err(), same.err());
    }

    @Test
    void an_edit_that_breaks_another_guide_is_seen_and_a_failed_build_leaves_the_last_output() throws IOException {
        // The home page lists the guides by title. The lifting guide links to a heading of the running guide, and to its extra section.
        Fixture.write(fixture.templates.resolve("home.ftlh"), Fixture.PAGE_TEMPLATE.replace("<h1>${page.title}</h1>",
                "<h1>${page.title}</h1><#list page.guides as g><p><a href=\"${g.url}\">${g.title}</a></p></#list>"));
        Fixture.write(fixture.content.resolve("running/extra.md"), "---\ntitle: Extra\norder: 3\n---\n## More\n\nText.\n");
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("Keep the bar close.",
                "Keep the bar close. Runners: [stride](../running/basics.md#stand-tall), [more](../running/extra.md)."));
        assertEquals(0, buildAndCompareWithCold());
        assertEquals(UP_TO_DATE, buildAndCompareWithCold());
        Map<String, String> good = GuideRun.fingerprint(fixture.out);

        // Only the running guide is edited; the error is in the lifting guide's file, and nothing is published.
        String running = Files.readString(fixture.content.resolve("running/basics.md"));
        Fixture.write(fixture.content.resolve("running/basics.md"), running.replace("## Stand tall", "## Stand straight"));
        GuideRun broken = GuideRun.on(fixture, "build");
        assertEquals(1, broken.exit(), broken.err());
        assertTrue(broken.err().contains("lifting/basics.md:") && broken.err().contains("stand-tall"), broken.err());
        assertEquals(good, GuideRun.fingerprint(fixture.out), "the last good output, as it was");
        Fixture.write(fixture.content.resolve("running/basics.md"), running);
        assertEquals(UP_TO_DATE, buildAndCompareWithCold(), "back to the last build's content: its output is still there");

        // The running guide's extra section becomes a draft: the lifting guide's link to it is an error.
        Fixture.write(fixture.content.resolve("running/extra.md"), "---\ntitle: Extra\norder: 3\ndraft: true\n---\n## More\n\nText.\n");
        GuideRun draft = GuideRun.on(fixture, "build");
        assertEquals(1, draft.exit(), draft.err());
        assertTrue(draft.err().contains("lifting/basics.md:") && draft.err().contains("draft"), draft.err());
        assertEquals(good, GuideRun.fingerprint(fixture.out));

        // The running guide's title, edited, is on the home page and in the lifting guide's pages that list it.
        Fixture.write(fixture.content.resolve("running/extra.md"), "---\ntitle: Extra\norder: 3\n---\n## More\n\nText.\n");
        Fixture.write(fixture.content.resolve("running/index.md"), Fixture.INDEX.replace("Lifting guide", "Jogging guide"));
        assertEquals(4, buildAndCompareWithCold(), "the lifting guide's own pages are reused; the home page is rendered again");
        assertTrue(Files.readString(fixture.out.resolve("index.html")).contains(">Jogging guide</a>"), "the new title on the home page");
        assertFalse(Files.readString(fixture.out.resolve("index.html")).contains("Running guide"));
    }

    /**
     * Builds with the cache (without the record of the last build, so every guide is taken from its entry: a reused
     * guide's kept model) and, into another folder, cold; asserts both end the same way (exit code), report the same
     * problems in the same order (errors and warnings, with their excerpts) and leave the same bytes and modes.
     *
     * @return what the build with the cache printed on stderr
     */
    private String compareFindingsWithCold(String... options) throws IOException {
        Files.deleteIfExists(root.resolve("out.cache/last-build.bin"));
        GuideRun cached = GuideRun.on(fixture, "build", options);
        List<String> coldArgs = new java.util.ArrayList<>(List.of("build", "--content", fixture.content.toString(), "--templates",
                fixture.templates.toString(), "--out", cold.toString(), "--no-cache"));
        coldArgs.addAll(List.of(options));
        GuideRun coldRun = GuideRun.guide(coldArgs.toArray(String[]::new));
        assertFalse(cached.hasStackTrace(), cached.err());
        assertEquals(coldRun.exit(), cached.exit(), "the same outcome: " + cached.err() + "\n---\n" + coldRun.err());
        assertEquals(coldRun.err(), cached.err(), "the same problems, in the same order");
        assertEquals(GuideRun.fingerprint(cold), GuideRun.fingerprint(fixture.out), "cached build differs from a cold one");
        assertEquals(modes(cold), modes(fixture.out));
        lastSummary = cached.out();
        return cached.err();
    }

    /** What the last {@link #compareFindingsWithCold} build with the cache printed on stdout (its summary). */
    private String lastSummary;

    /**
     * Every kind of finding (each per-guide editorial check, each check that reads across guides, the link check, the
     * Markdown's own warnings), made and cleared by an edit of one guide while the other is unchanged: a build with the
     * cache, which takes the unchanged guide's assembled model and its per-guide checks' findings from its entry instead
     * of assembling and checking it, reports exactly what a cold build reports. A finding kept from before an edit, or one
     * missed after it, would publish what the checks are there to stop. So are edits that reach every guide (the
     * settings, a template, the date) and the other guide made a draft, deleted or renamed.
     */
    @Test
    void every_check_reports_after_an_edit_exactly_what_a_cold_build_reports() throws IOException {
        // The lifting guide links into the running guide (a section and a heading), has an old address, and has standing
        // warnings of its own (an uncited note from its Markdown, a reading level over its max_grade): while it is
        // unchanged, a build that takes its kept model must still report all of them, and check its links against the
        // running guide as it is now.
        Path liftingIndex = fixture.content.resolve("lifting/index.md");
        Path liftingBasics = fixture.content.resolve("lifting/basics.md");
        Path runningIndex = fixture.content.resolve("running/index.md");
        Path runningBasics = fixture.content.resolve("running/basics.md");
        Path runningRecovery = fixture.content.resolve("running/recovery.md");
        Path runningExtra = fixture.content.resolve("running/extra.md");
        // Its standing per-guide findings are warnings (a build with an error keeps no cache): a reading level over its
        // max_grade and no clinical sign-off, which a build with the cache takes from its entry while it is unchanged.
        Fixture.write(liftingIndex, Fixture.INDEX.replace("reviewed_by:", "max_grade: 1\naliases: [/old-lifting/]\nreviewed_by:")
                .replaceAll("reviewed_by:\\n  name: Alex Fixture\\n  role: Physiotherapist\\n", ""));
        Fixture.write(liftingBasics, Fixture.BASICS + "\nSee [cooling down](../running/extra.md#cool-down) and"
                + " [standing tall](../running/basics.md#stand-tall).\n\n[^2]: A note nobody cites.\n");
        Fixture.write(runningExtra, "---\ntitle: Extra\norder: 3\n---\n## Cool down\n\nWalk for five minutes.\n");
        String baseline = compareFindingsWithCold();
        assertTrue(baseline.contains("lifting/basics.md") && baseline.contains("[^2]"), baseline);
        assertTrue(baseline.contains("above max_grade 1 of guide 'lifting'"), baseline);
        assertTrue(baseline.contains("guide 'lifting' has no clinical sign-off"), baseline);
        assertFalse(baseline.contains("error"), baseline);
        Path settings = fixture.content.resolve("site.yaml");
        Path sectionTemplate = fixture.templates.resolve("section.ftlh");
        String settingsText = Files.readString(settings);

        record Edit(String what, Path file, String text, String finding) {
        }
        String runningIndexText = Files.readString(runningIndex);
        String runningBasicsText = Files.readString(runningBasics);
        String runningRecoveryText = Files.readString(runningRecovery);
        String runningExtraText = Files.readString(runningExtra);
        String liftingIndexText = Files.readString(liftingIndex);
        String liftingBasicsText = Files.readString(liftingBasics);
        List<Edit> edits = List.of(
                // Per guide: each read only the edited guide's files, the settings and the date.
                new Edit("a required care card loses a phrase", runningRecovery, runningRecoveryText.replace("numbness", "tingling"),
                        "does not mention: 'numbness'"),
                new Edit("a required section goes", runningRecovery, null, "is missing required section 'recovery'"),
                new Edit("a reading level over max_grade", runningIndex, runningIndexText.replace("reviewed_by:", "max_grade: 1\nreviewed_by:"),
                        "above max_grade 1 of guide 'running'"),
                new Edit("a review overdue", runningIndex, runningIndexText.replace("next_review: 2027-11-24", "next_review: 2027-01-01"),
                        "was due for review on 2027-01-01"),
                new Edit("a review in the future", runningIndex, runningIndexText.replace("reviewed: 2026-11-24", "reviewed: 2027-02-01"),
                        "which is after today"),
                new Edit("no clinical sign-off", runningIndex, runningIndexText.replaceAll("reviewed_by:\\n  name: Alex Fixture\\n  role: Physiotherapist\\n", ""),
                        "guide 'running' has no clinical sign-off"),
                new Edit("a scaffold placeholder left in", runningBasics, runningBasicsText + "\nPLACEHOLDER: say why.\n",
                        "scaffold placeholder text is still here"),
                new Edit("a care card's phrases for a language not listed", runningIndex,
                        runningIndexText.replace("mentions: [night pain, numbness]", "mentions: { en-GB: [night pain, numbness], fr: [douleur] }"),
                        "gives mentions for 'fr'"),
                new Edit("a Markdown warning", runningBasics, runningBasicsText + "\n[^9]: Another note nobody cites.\n", "[^9]"),
                // Across guides: the finding is about the unchanged lifting guide, or needs it.
                new Edit("a linked section becomes a draft", runningExtra, runningExtraText.replace("order: 3", "order: 3\ndraft: true"),
                        "which is a draft"),
                new Edit("a linked heading is renamed", runningBasics, runningBasicsText.replace("## Stand tall", "## Stand up straight"),
                        "lifting/basics.md"),
                new Edit("a linked section goes", runningExtra, null, "lifting/basics.md"),
                new Edit("an alias already taken by the other guide", runningIndex,
                        runningIndexText.replace("reviewed_by:", "aliases: [/old-lifting/]\nreviewed_by:"), "is also an alias in"),
                new Edit("an alias taken, the other guide now listed first", runningIndex,
                        runningIndexText.replace("Running guide", "Athletics guide").replace("reviewed_by:", "aliases: [/old-lifting/]\nreviewed_by:"),
                        "is also an alias in " + runningIndex + ":"),
                new Edit("an alias that is the other guide's page", runningIndex,
                        runningIndexText.replace("reviewed_by:", "aliases: [/lifting/basics/]\nreviewed_by:"), "is the address of a page"),
                // The lifting guide itself edited while the running guide is taken whole.
                new Edit("its own standing warning cleared", liftingBasics, liftingBasicsText.replace("\n[^2]: A note nobody cites.\n", ""), null),
                new Edit("its own required phrase lost", fixture.content.resolve("lifting/recovery.md"),
                        Fixture.RECOVERY.replace("night pain", "pain at night"), "does not mention: 'night pain'"),
                new Edit("its old address dropped", liftingIndex, liftingIndexText.replace("aliases: [/old-lifting/]\n", ""), null),
                new Edit("its sign-off given", liftingIndex, liftingIndexText.replace("max_grade: 1\n",
                        "max_grade: 1\nreviewed_by:\n  name: Alex Fixture\n  role: Physiotherapist\n"), null),
                // The other guide made a draft: left out, so the links into it break.
                new Edit("the linked guide becomes a draft", runningIndex, runningIndexText.replace("reviewed_by:", "draft: true\nreviewed_by:"),
                        "lifting/basics.md"),
                // What every guide's key covers: the settings and the templates.
                new Edit("a care card's kind goes from the settings", settings, settingsText.replaceAll("  urgent: .*\n", ""),
                        "names unknown kind 'urgent'"),
                new Edit("the settings' disclaimer reworded", settings, settingsText.replace("Not medical advice.", "Not a diagnosis."), null),
                new Edit("a template edited", sectionTemplate, Fixture.PAGE_TEMPLATE + "<#-- edited -->\n", null));
        for (Edit edit : edits) {
            String before = edit.file().toFile().exists() ? Files.readString(edit.file()) : null;
            if (edit.text() == null) {
                Files.delete(edit.file());
            } else {
                Fixture.write(edit.file(), edit.text());
            }
            String found = compareFindingsWithCold();
            if (edit.finding() != null) {
                assertTrue(found.contains(edit.finding()), edit.what() + ": " + found);
            }
            assertTrue(found.contains("[^2]") || edit.file().equals(liftingBasics), edit.what() + ": the unchanged guide's warnings are still reported: " + found);
            if (!edit.file().startsWith(fixture.content.resolve("lifting")) && !found.contains("error")) {
                assertTrue(found.contains("above max_grade 1 of guide 'lifting'") && found.contains("guide 'lifting' has no clinical sign-off"),
                        edit.what() + ": the unchanged guide's per-guide findings are still reported: " + found);
            }
            Fixture.write(edit.file(), before);
            String cleared = compareFindingsWithCold();
            assertEquals(baseline, cleared, edit.what() + ", undone: exactly the findings of before");
        }

        // A guide folder renamed: the other guide's links into it break, and come back when it does.
        Files.move(fixture.content.resolve("running"), fixture.content.resolve("jogging"));
        assertTrue(compareFindingsWithCold().contains("lifting/basics.md"));
        Files.move(fixture.content.resolve("jogging"), fixture.content.resolve("running"));
        assertEquals(baseline, compareFindingsWithCold());

        // The guide with standing findings renamed: they name its new folder and slug, never the old.
        Files.move(fixture.content.resolve("lifting"), fixture.content.resolve("hoisting"));
        String renamed = compareFindingsWithCold();
        assertTrue(renamed.contains("above max_grade 1 of guide 'hoisting'") && renamed.contains("guide 'hoisting' has no clinical sign-off"), renamed);
        assertFalse(renamed.contains("lifting"), renamed);
        Files.move(fixture.content.resolve("hoisting"), fixture.content.resolve("lifting"));
        assertEquals(baseline, compareFindingsWithCold());

        // The other guide deleted, then put back: the links into it break, and mend.
        Path aside = root.resolve("running-aside");
        Files.move(fixture.content.resolve("running"), aside);
        String deleted = compareFindingsWithCold();
        assertTrue(deleted.contains("lifting/basics.md") && deleted.contains("guide 'lifting' has no clinical sign-off"), deleted);
        Files.move(aside, fixture.content.resolve("running"));
        assertEquals(baseline, compareFindingsWithCold());

        // Another date (--today), the content unchanged: the review dates are checked against it in every guide, the
        // unchanged ones too; the per-guide findings are still those of the guides' files. Without PDF leaflets, whose
        // date is in every guide's key, so both guides are taken whole from their entries, findings and all.
        String undated = compareFindingsWithCold("--no-pdf");
        String later = compareFindingsWithCold("--no-pdf", "--today", "2028-01-01");
        assertTrue(lastSummary.contains("of the pages unchanged since the last build"), "the guides were taken whole: " + lastSummary);
        assertTrue(later.contains("guide 'lifting' was due for review on 2027-11-24") && later.contains("guide 'running' was due for review"), later);
        assertTrue(later.contains("above max_grade 1 of guide 'lifting'"), later);
        String earlier = compareFindingsWithCold("--no-pdf", "--today", "2026-11-01");
        assertTrue(lastSummary.contains("of the pages unchanged since the last build"), "the guides were taken whole: " + lastSummary);
        assertTrue(earlier.contains("guide 'lifting' says it was reviewed on 2026-11-24, which is after today"), earlier);
        assertFalse(earlier.contains("was due for review"), earlier);
        assertEquals(undated, compareFindingsWithCold("--no-pdf"));
        assertEquals(baseline, compareFindingsWithCold());
    }

    /**
     * {@code guide build --verbose}'s numbers (care cards, references, internal links, reading) of a guide taken whole
     * from the cache, whose model keeps no headings and no HTML, are those a cold build prints.
     */
    @Test
    void verbose_numbers_of_a_guide_taken_whole_are_those_of_a_cold_build() throws IOException {
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n[^2]: A second note.\n\nSee [recovery](recovery.md).\n");
        assertEquals(0, GuideRun.on(fixture, "build").exit());
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Keep your stride shorter."));
        Files.deleteIfExists(root.resolve("out.cache/last-build.bin"));
        GuideRun cached = GuideRun.on(fixture, "build", "--verbose");
        GuideRun coldRun = GuideRun.guide("build", "--verbose", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", cold.toString(), "--no-cache");
        assertEquals(0, cached.exit(), cached.err());
        List<String> numbers = cached.out().lines().skip(1).toList();
        assertTrue(cached.out().lines().findFirst().orElseThrow().contains("of the pages unchanged since the last build"), cached.out());
        assertTrue(numbers.stream().anyMatch(line -> line.startsWith("Lifting guide (")), cached.out());
        assertEquals(coldRun.out().lines().skip(1).toList(), numbers);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
