package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path root;

    @Test
    void nothing_is_visible_until_commit_and_an_abandoned_build_leaves_the_old_site() throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeText("a/index.html", "first");
            assertFalse(Files.exists(out));
            writer.commit();
        }
        assertEquals("first", Files.readString(out.resolve("a/index.html")));

        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeText("a/index.html", "second");
        }
        assertEquals("first", Files.readString(out.resolve("a/index.html")));
        try (var files = Files.list(root)) {
            assertEquals(1, files.count(), "staging folder removed");
        }
    }

    @Test
    void site_paths_cannot_escape_the_output_folder() throws Exception {
        try (SiteWriter writer = SiteWriter.begin(root.resolve("site"))) {
            assertThrows(IllegalArgumentException.class, () -> writer.writeText("../escape.html", "x"));
        }
        assertFalse(Files.exists(root.resolve("escape.html")));
    }
}
