package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import java.nio.file.attribute.PosixFilePermissions;

import org.healthguides.testing.TreeModes;
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

    @Test
    void every_folder_is_0755_and_every_file_0644_so_a_web_server_running_as_another_user_can_read_them() throws Exception {
        Path source = root.resolve("photo.jpg");
        Files.write(source, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
        Path out = root.resolve("deep/er/site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeGzipCopies(true);
            writer.writeText("index.html", "home");
            writer.writeText("a/b/c/index.html", "deep");
            writer.write("static/x.png", new byte[] {9});
            writer.copy("a/photo.jpg", source);
            writer.copy("a/notes.txt", source);
            writer.commit();
        }
        assertEquals(3, Files.size(out.resolve("a/photo.jpg")));
        // index.html, .gz, a/, b/, c/, its index and .gz, static/, x.png, photo.jpg, notes.txt and .gz, the root, .guide-site
        assertEquals(14, TreeModes.assertPublic(out));
        TreeModes.assertPublic(root.resolve("deep"));
    }
}
