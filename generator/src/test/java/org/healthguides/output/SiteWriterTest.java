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
    void a_discarded_file_goes_with_its_gzip_copy_and_the_folders_it_leaves_empty() throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeGzipCopies(true);
            writer.writeText("g/index.html", "guide");
            writer.writeText("g/a/b/index.html", "deep");
            writer.discard("g/a/b/index.html");
            writer.writeText("g/a/c/index.html", "written into a folder that was taken out and made again");
            writer.discard("g/a/c/index.html");
            assertEquals(1, writer.filesWritten());
            assertEquals(java.util.Set.of(OutputFolder.MARKER, "g/index.html", "g/index.html.gz"), writer.files());
            writer.commit();
        }
        assertEquals(java.util.List.of("g", "g/index.html", "g/index.html.gz"), GuideTree.of(out));
    }

    @Test
    void the_replaced_site_is_deleted_whole_even_what_the_new_one_does_not_have() throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeText("a/x/index.html", "kept");
            writer.writeText("a/y/deep/index.html", "only in the old site");
            writer.writeText("b/index.html", "only in the old site");
            writer.writeText("c.html", "only in the old site");
            writer.commit();
        }
        Files.writeString(out.resolve("a/x/by-hand.txt"), "a file no build wrote");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeText("a/x/index.html", "kept");
            writer.writeText("b", "a file where a folder was");
            writer.commit();
        }
        assertEquals(java.util.List.of("a", "a/x", "a/x/index.html", "b"), GuideTree.of(out));
        try (var siblings = Files.list(root)) {
            assertEquals(java.util.List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(), "the old site is gone");
        }
    }

    /** The paths under a folder, the marker left out. */
    private static final class GuideTree {
        static java.util.List<String> of(Path folder) throws java.io.IOException {
            try (var walk = Files.walk(folder)) {
                return walk.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString())
                        .filter(p -> !p.equals(OutputFolder.MARKER)).sorted().toList();
            }
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

    private static Object inode(Path path) throws java.io.IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    @Test
    void an_adopted_folder_is_moved_into_the_new_site_at_the_commit_and_not_before() throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeGzipCopies(true);
            writer.writeText("g/index.html", "guide");
            writer.writeText("g/a/index.html", "section");
            writer.writeText("h/index.html", "other guide");
            writer.writeText("index.html", "home");
            writer.commit();
        }
        Object folder = inode(out.resolve("g"));
        // A build that is abandoned after adopting leaves the output as it was.
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeGzipCopies(true);
            writer.adopt("g", out, java.util.List.of("g/index.html", "g/a/index.html"));
            assertEquals(folder, inode(out.resolve("g")), "nothing moved before the commit");
        }
        assertEquals(folder, inode(out.resolve("g")));

        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeGzipCopies(true);
            writer.adopt("g", out, java.util.List.of("g/index.html", "g/a/index.html"));
            writer.writeText("index.html", "home again");
            assertEquals(3, writer.filesWritten());
            assertEquals(java.util.Set.of(OutputFolder.MARKER, "g/index.html", "g/index.html.gz", "g/a/index.html", "g/a/index.html.gz",
                    "index.html", "index.html.gz"), writer.files());
            writer.commit();
            assertEquals(1, writer.foldersMoved());
        }
        assertEquals(folder, inode(out.resolve("g")), "the same folder, moved in one rename");
        assertEquals(java.util.List.of("g", "g/a", "g/a/index.html", "g/a/index.html.gz", "g/index.html", "g/index.html.gz",
                "index.html", "index.html.gz"), GuideTree.of(out), "the other guide, not in the new site, is gone");
        assertEquals("section", Files.readString(out.resolve("g/a/index.html")));
        try (var siblings = Files.list(root)) {
            assertEquals(java.util.List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(), "the old site is gone");
        }
    }

    @Test
    void an_adopted_folder_something_else_wrote_into_gets_its_files_linked_and_a_discarded_one_goes() throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.writeText("g/index.html", "guide");
            writer.writeText("g/a/index.html", "section");
            writer.writeText("h/index.html", "other guide");
            writer.commit();
        }
        Object page = inode(out.resolve("g/a/index.html"));
        Object folder = inode(out.resolve("g"));
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.adopt("g", out, java.util.List.of("g/index.html", "g/a/index.html"));
            writer.adopt("h", out, java.util.List.of("h/index.html"));
            writer.discard("h/index.html"); // its guide is not in the site after all
            writer.writeText("g/moved/index.html", "a redirect page an emitter wrote into the guide's folder");
            writer.writeText("g/index.html", "an emitter's file of the same name: written after the pages, it wins");
            assertEquals(4, writer.filesWritten(), "g's two files and two written (one twice, as a cold build counts it)");
            writer.commit();
            assertEquals(0, writer.foldersMoved());
            assertEquals(1, writer.foldersLinked());
        }
        assertEquals(java.util.List.of("g", "g/a", "g/a/index.html", "g/index.html", "g/moved", "g/moved/index.html"), GuideTree.of(out));
        assertEquals(page, inode(out.resolve("g/a/index.html")), "linked");
        assertFalse(folder.equals(inode(out.resolve("g"))), "a new folder");
        assertEquals("an emitter's file of the same name: written after the pages, it wins", Files.readString(out.resolve("g/index.html")));
    }

    @Test
    void a_commit_that_cannot_publish_an_adopted_folder_puts_back_the_folders_it_moved_and_follows_no_link() throws Exception {
        Path out = root.resolve("site");
        java.util.List<String> guides = java.util.List.of("a", "b", "c", "d", "e", "f", "g", "h");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            for (String guide : guides) {
                writer.writeText(guide + "/x/index.html", guide);
            }
            writer.commit();
        }
        java.util.Map<String, Object> folders = new java.util.TreeMap<>();
        for (String guide : guides) {
            folders.put(guide, inode(out.resolve(guide)));
        }
        Path elsewhere = root.resolve("elsewhere");
        Files.createDirectories(elsewhere.resolve("x"));
        Files.writeString(elsewhere.resolve("x/index.html"), "not the site's");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            for (String guide : guides) {
                writer.adopt(guide, out, java.util.List.of(guide + "/x/index.html"));
            }
            // Between the build's checks and its commit, one guide's folder becomes a link to a folder elsewhere.
            Path linked = out.resolve("e");
            org.apache.commons.io.file.PathUtils.deleteDirectory(linked);
            Files.createSymbolicLink(linked, elsewhere);
            folders.remove("e");
            java.io.IOException failed = assertThrows(java.io.IOException.class, writer::commit);
            assertEquals(true, failed.getMessage().contains("changed while the site was being published"), failed.getMessage());
        }
        for (var folder : folders.entrySet()) {
            assertEquals(folder.getValue(), inode(out.resolve(folder.getKey())), folder.getKey() + " put back where it was");
            assertEquals(folder.getKey(), Files.readString(out.resolve(folder.getKey() + "/x/index.html")));
        }
        assertEquals(true, Files.isSymbolicLink(out.resolve("e")), "the link left as it was, not moved");
        assertEquals("not the site's", Files.readString(elsewhere.resolve("x/index.html")));
        try (var siblings = Files.list(root)) {
            assertEquals(java.util.List.of("elsewhere", "site"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the new site discarded");
        }
    }

    /** A site of guides a to h, each with one page, and a home page, a stray file and a stray folder at the top. */
    private Path guidesSite(java.util.List<String> guides) throws Exception {
        Path out = root.resolve("site");
        try (SiteWriter writer = SiteWriter.begin(out)) {
            for (String guide : guides) {
                writer.writeText(guide + "/x/index.html", guide);
            }
            writer.writeText("index.html", "home");
            writer.commit();
        }
        Files.writeString(out.resolve("stray.txt"), "put there by hand");
        Files.createDirectories(out.resolve("stray-folder/deeper"));
        return out;
    }

    private static java.util.Map<String, Object> inodes(Path out, java.util.List<String> names) throws java.io.IOException {
        java.util.Map<String, Object> inodes = new java.util.TreeMap<>();
        for (String name : names) {
            inodes.put(name, inode(out.resolve(name)));
        }
        return inodes;
    }

    /**
     * With folders adopted from it, the output takes the new site in place: the output folder and the adopted folders stay
     * (the same inodes, so their change times too), each name the new site writes replaces the old one, and everything
     * else of the output goes, as after a swap; nothing is left beside it.
     */
    @Test
    void a_commit_with_adopted_folders_publishes_into_the_output_itself_and_leaves_what_a_swap_leaves() throws Exception {
        java.util.List<String> guides = java.util.List.of("a", "b", "c", "d");
        Path out = guidesSite(guides);
        Object output = inode(out);
        java.util.Map<String, Object> kept = inodes(out, java.util.List.of("a", "b", "c"));
        Object oldD = inode(out.resolve("d"));
        try (SiteWriter writer = SiteWriter.begin(out)) {
            for (String guide : java.util.List.of("a", "b", "c")) {
                writer.adopt(guide, out, java.util.List.of(guide + "/x/index.html"));
            }
            writer.writeText("d/x/index.html", "d edited");
            writer.writeText("index.html", "home again");
            writer.writeText("e/x/index.html", "a new guide");
            writer.commit();
            assertEquals(3, writer.foldersMoved());
            assertEquals(0, writer.foldersLinked());
            assertEquals(output, inode(out), "the same output folder");
        }
        assertEquals(kept, inodes(out, java.util.List.of("a", "b", "c")), "the adopted folders where they were");
        assertFalse(oldD.equals(inode(out.resolve("d"))), "the edited guide's folder replaced");
        assertEquals(java.util.List.of("a", "a/x", "a/x/index.html", "b", "b/x", "b/x/index.html", "c", "c/x", "c/x/index.html",
                "d", "d/x", "d/x/index.html", "e", "e/x", "e/x/index.html", "index.html"), GuideTree.of(out), "no stray file or folder left");
        assertEquals("d edited", Files.readString(out.resolve("d/x/index.html")));
        assertEquals("home again", Files.readString(out.resolve("index.html")));
        assertEquals(true, Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (var siblings = Files.list(root)) {
            assertEquals(java.util.List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(), "nothing left beside it");
        }
    }

    /** An output folder whose mode is not the new site's (a web server's worker could not enter it) is replaced by a swap. */
    @Test
    void an_output_folder_with_another_mode_is_swapped_for_the_new_site_not_published_into() throws Exception {
        Path out = guidesSite(java.util.List.of("a", "b"));
        Object output = inode(out);
        Object a = inode(out.resolve("a"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.adopt("a", out, java.util.List.of("a/x/index.html"));
            writer.writeText("b/x/index.html", "b edited");
            writer.commit();
            assertEquals(1, writer.foldersMoved());
        }
        assertFalse(output.equals(inode(out)), "a new output folder");
        assertEquals(a, inode(out.resolve("a")), "the adopted folder moved into it");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(java.util.List.of("a", "a/x", "a/x/index.html", "b", "b/x", "b/x/index.html"), GuideTree.of(out));
    }

    /** A rename that fails half-way through an in-place commit: every rename made is undone, the output as it was. */
    @Test
    void an_in_place_commit_that_fails_half_way_puts_everything_back() throws Exception {
        java.util.List<String> guides = java.util.List.of("a", "b", "c", "d");
        Path out = guidesSite(guides);
        java.util.List<String> everything = new java.util.ArrayList<>(guides);
        everything.addAll(java.util.List.of("index.html", "stray.txt", "stray-folder", OutputFolder.MARKER));
        java.util.Map<String, Object> before = inodes(out, everything);
        java.util.List<String> tree = GuideTree.of(out);
        try (SiteWriter writer = SiteWriter.begin(out)) {
            writer.adopt("a", out, java.util.List.of("a/x/index.html"));
            writer.writeText("b/x/index.html", "b edited");
            writer.writeText("c/x/index.html", "c edited");
            writer.writeText("index.html", "home again");
            java.util.concurrent.atomic.AtomicInteger renames = new java.util.concurrent.atomic.AtomicInteger();
            writer.renameWith((from, to) -> {
                if (renames.incrementAndGet() == 6) {
                    throw new java.nio.file.AccessDeniedException(from.toString());
                }
                Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            });
            assertThrows(java.nio.file.AccessDeniedException.class, writer::commit);
            assertEquals(6, renames.get(), "it failed after five renames");
        }
        assertEquals(before, inodes(out, everything), "each name back, the same file or folder");
        assertEquals(tree, GuideTree.of(out));
        assertEquals("b", Files.readString(out.resolve("b/x/index.html")));
        try (var siblings = Files.list(root)) {
            assertEquals(java.util.List.of("site"), siblings.map(p -> p.getFileName().toString()).toList(), "the new site discarded");
        }
    }
}
