package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lines the last build's warnings pointed at, kept in the cache with the fingerprint of their files: a later build
 * lists a kept guide's warnings with them instead of reading its files again, and only while each file has the same bytes.
 */
class ExcerptLinesTest {
    @TempDir
    Path root;

    private static final byte[] FIRST = {1, 2, 3};
    private static final byte[] SECOND = {1, 2, 4};

    @Test
    void a_line_is_given_only_for_the_fingerprint_it_was_recorded_with() throws IOException {
        ExcerptLines lines = new ExcerptLines(Map.of("content/a/index.md\n4", new ExcerptLines.Line(FIRST, "reviewed: 2026-11-24")));
        ExcerptLines read = ExcerptLines.read(lines.write("generator 1"), "generator 1");
        assertEquals("reviewed: 2026-11-24", read.line("content/a/index.md", 4, FIRST.clone()));
        assertNull(read.line("content/a/index.md", 4, SECOND), "other bytes: read from the file");
        assertNull(read.line("content/a/index.md", 5, FIRST), "another line");
        assertNull(read.line("content/b/index.md", 4, FIRST), "another file");
        assertTrue(read.sameAs(lines) && lines.sameAs(read));
        assertFalse(read.sameAs(ExcerptLines.NONE));
        assertNull(ExcerptLines.read(lines.write("generator 1"), "generator 2"), "another generator's lines are not used");
        byte[] damaged = lines.write("generator 1");
        damaged[damaged.length - 2] ^= 1;
        assertThrows(IOException.class, () -> ExcerptLines.read(damaged, "generator 1"));
    }

    @Test
    void the_lines_recorded_are_those_of_the_files_the_build_decoded() {
        SourceFile decoded = new SourceFile("a/index.md", "content/a/index.md", "---\ntitle: A\n---\nline four\n");
        ExcerptLines last = new ExcerptLines(Map.of("content/a/index.md\n4", new ExcerptLines.Line(FIRST, "older bytes' line four")));
        List<Problem> problems = List.of(warning("content/a/index.md", 4), warning("content/a/index.md", 0), warning("content/a/index.md", 9),
                warning("site.yaml", 1));

        ExcerptLines lines = ExcerptLines.of(problems, Map.of(decoded.displayPath(), decoded)::get, last);
        assertEquals("line four", lines.line("content/a/index.md", 4, decoded.fingerprint()), "the text read now, not a kept line");
        assertEquals(1, lines.lines().size(), "none for line 0, a line past the end, or a file outside the content");
    }

    private static Problem warning(String file, int line) {
        return Problem.warning(Code.UNCLASSIFIED, file, line, "something", "fix it");
    }

    /**
     * A guide taken whole from the cache lists its warnings with the lines kept for them, its files unread: here the kept
     * lines are altered, and the listing shows the altered ones. Kept with another fingerprint, they are not used: the
     * listing reads the file, and is a cold build's.
     */
    @Test
    void a_kept_guide_s_warnings_show_the_kept_lines_and_only_while_its_files_are_the_same_bytes() throws Exception {
        Fixture fixture = new Fixture(root);
        fixture.addRunningGuide();
        Path liftingIndex = fixture.content.resolve("lifting/index.md");
        Fixture.write(liftingIndex, Fixture.INDEX.replaceAll("reviewed_by:\\n  name: Alex Fixture\\n  role: Physiotherapist\\n", ""));
        // Older than the racy window when the first build begins: the next builds trust the lifting guide's files unread.
        Thread.sleep(org.healthguides.content.FileStates.MARGIN / 1_000_000 + 200);
        BuildOptions options = new BuildOptions(fixture.content, fixture.templates, fixture.out, null, false, false, Fixture.CLOCK).withPdf(false);
        BuildOptions coldOptions = new BuildOptions(fixture.content, fixture.templates, root.resolve("cold"), null, false, false, Fixture.CLOCK)
                .withPdf(false);
        SiteBuild build = new SiteBuild(options);
        String first = build.run(true, note -> { }).listing().get();
        String warning = first.lines().filter(line -> line.contains("lifting/index.md:") && line.contains("no clinical sign-off")).findFirst().orElseThrow();
        int number = Integer.parseInt(warning.split(":")[1]);
        String shown = first.lines().filter(line -> line.startsWith("  " + number + " | ")).findFirst().orElseThrow();

        BuildCache cache = build.lastCache();
        ExcerptLines kept = cache.lastExcerptLines();
        Map<String, ExcerptLines.Line> altered = new HashMap<>();
        kept.lines().forEach((place, line) -> altered.put(place, new ExcerptLines.Line(line.fingerprint(), "KEPT " + line.text())));
        cache.saveExcerptLines(new ExcerptLines(altered), ExcerptLines.NONE);
        int edits = 0;
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Edit " + ++edits + "."));
        String taken = new SiteBuild(options).run(true, note -> { }).listing().get();
        assertTrue(taken.contains("  " + number + " | KEPT " + shown.substring(("  " + number + " | ").length())), taken);
        assertTrue(cache.lastExcerptLines().lines().values().stream().anyMatch(line -> line.text().startsWith("KEPT ")),
                "a line kept for a file not read is kept again");

        Map<String, ExcerptLines.Line> otherBytes = new HashMap<>();
        kept.lines().forEach((place, line) -> {
            byte[] fingerprint = line.fingerprint().clone();
            fingerprint[0] ^= 1;
            otherBytes.put(place, new ExcerptLines.Line(fingerprint, "KEPT " + line.text()));
        });
        cache.saveExcerptLines(new ExcerptLines(otherBytes), ExcerptLines.NONE);
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Edit " + ++edits + "."));
        String read = new SiteBuild(options).run(true, note -> { }).listing().get();
        assertFalse(read.contains("KEPT"), read);
        assertEquals(new SiteBuild(coldOptions).run(false, note -> { }).listing().get(), read, "the listing of a cold build");
    }
}
