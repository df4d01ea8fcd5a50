package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of the last build reads back exactly what was written, whatever its paths hold. */
class LastBuildTest {
    @TempDir
    Path cache;

    @Test
    void every_state_reads_back_as_written_whatever_its_path_holds() throws Exception {
        List<LastBuild.State> output = new ArrayList<>();
        output.add(LastBuild.State.folder(""));
        String[] names = {"index.html", "ünïcödé/index.html", "日本語/ページ.html", "emoji-\uD83D\uDE00/index.html.gz", "", "a b/c.pdf"};
        for (int i = 0; i < 10_000; i++) {
            String name = "guide-" + i + "/" + names[i % names.length];
            output.add(i % 7 == 0 ? LastBuild.State.folder(name)
                    : new LastBuild.State(name, false, i * 1_000_003L, Long.MAX_VALUE - i, "(dev=fd00,ino=" + i + ")", i % 512));
        }
        output.add(new LastBuild.State("x", false, -1, -1, "not a file or folder", -1));
        List<LastBuild.State> cacheStates = List.of(new LastBuild.State("guides/é.bin", false, 3, 4, "(dev=1,ino=2)", 420));
        BuildCache.Key key = new BuildCache.Key(1, 2);
        String listing = "content/ü/index.md:3:1: warning[G0411]: ...\n  3 | ünïcödé \uD83D\uDE00\n    | ^\n".repeat(3_000);
        new LastBuild(key, 5, 6, List.of(), List.of("dräft.md"), output, cacheStates, output.get(3), listing).write(cache, "generator");

        LastBuild read = LastBuild.read(cache, "generator", key);
        assertEquals(output, read.output());
        assertEquals(cacheStates, read.cache());
        assertEquals(output.get(3), read.nginx());
        assertEquals(List.of("dräft.md"), read.draftsLeftOut());
        assertEquals(listing, read.listing());

        new LastBuild(key, 5, 6, List.of(), List.of(), output, cacheStates, null, null).write(cache, "generator");
        assertNull(LastBuild.read(cache, "generator", key).listing(), "no listing kept: made again when printed");
    }

    @Test
    void a_record_with_another_key_is_not_read_past_its_head_and_a_long_head_is_read_whole() throws Exception {
        List<LastBuild.State> output = List.of(LastBuild.State.folder(""), new LastBuild.State("index.html", false, 3, 4, "(dev=1,ino=2)", 420));
        BuildCache.Key key = new BuildCache.Key(7, 8);
        new LastBuild(key, 1, 1, List.of(), List.of(), output, List.of(), null, "listing\n".repeat(10_000)).write(cache, "generator");
        Path record = cache.resolve(LastBuild.FILE);
        byte[] whole = java.nio.file.Files.readAllBytes(record);
        // Its body damaged past the head: a build with another key never reads that far, one with this key is told.
        byte[] damaged = whole.clone();
        damaged[damaged.length - 100] ^= 0x20;
        java.nio.file.Files.write(record, damaged);
        assertNull(LastBuild.read(cache, "generator", new BuildCache.Key(7, 9)));
        assertThrows(java.io.IOException.class, () -> LastBuild.read(cache, "generator", key));
        assertNull(LastBuild.read(cache, "another generator", key));

        // A generator whose name takes more than the head read first (a long path): the whole record decides.
        String longName = "/very/long/path/".repeat(400) + "generator-all.jar 22372548 1764540000000";
        new LastBuild(key, 1, 1, List.of(), List.of(), output, List.of(), null, null).write(cache, longName);
        assertEquals(output, LastBuild.read(cache, longName, key).output());
        assertNull(LastBuild.read(cache, longName, new BuildCache.Key(7, 9)));
    }

    @Test
    void states_encoded_ahead_are_recorded_once_each_as_if_the_output_were_stated_whole() throws Exception {
        Path out = cache.resolve("encoded").resolve("site");
        java.util.Set<String> files = new java.util.TreeSet<>(site(out));
        // Files of the guide whose states are encoded ahead, beside its pages: at its top and in a folder of their own.
        for (String other : List.of("lifting/photo.png", "lifting/images/diagram.png")) {
            java.nio.file.Files.createDirectories(out.resolve(other).getParent());
            java.nio.file.Files.writeString(out.resolve(other), other);
            files.add(other);
        }
        // The lifting guide's pages encoded with the folders holding them, as a reused guide's are when found unchanged.
        List<String> pages = List.of("lifting/index.html", "lifting/basics/index.html", "lifting/basics/index.html.gz", "lifting/recovery/index.html");
        java.util.Set<String> pageFolders = java.util.Set.of("lifting", "lifting/basics", "lifting/recovery");
        LastBuild.Encoder encoder = new LastBuild.Encoder();
        pages.forEach(page -> encoder.add(LastBuild.State.of(page, out.resolve(page))));
        pageFolders.forEach(folder -> encoder.add(LastBuild.State.folder(folder)));
        LastBuild.Encoded lifting = encoder.done(true);
        java.util.Map<String, LastBuild.Encoded> encoded = new java.util.HashMap<>();
        pages.forEach(page -> encoded.put(page, lifting));

        List<LastBuild.State> rest = LastBuild.states(out, files, true, file -> null, encoded, pageFolders::contains);
        BuildCache.Key key = new BuildCache.Key(3, 4);
        new LastBuild(key, 1, 1, List.of(), List.of(), rest, List.of(), null, null).write(cache, "generator", List.of(lifting));
        List<LastBuild.State> read = LastBuild.read(cache, "generator", key).output();

        List<LastBuild.State> whole = LastBuild.states(out, files, true);
        assertEquals(whole.size(), read.size(), "each file and folder once");
        assertEquals(new java.util.HashSet<>(whole), new java.util.HashSet<>(read));
        assertTrue(LastBuild.intact(out, read, true));
        java.nio.file.Files.writeString(out.resolve("lifting/basics/stray.html"), "mine");
        assertFalse(LastBuild.intact(out, read, true), "a file added in an encoded folder is seen");
    }

    /** A site of two guides, the cache's shape beside it: folders of folders, files at every depth. */
    private static java.util.Set<String> site(Path folder) throws Exception {
        java.util.Set<String> files = new java.util.TreeSet<>(List.of("index.html", "404.html", "lifting/index.html", "lifting/basics/index.html",
                "lifting/basics/index.html.gz", "lifting/recovery/index.html", "running/index.html", "running/a/b/index.html"));
        for (String file : files) {
            java.nio.file.Files.createDirectories(folder.resolve(file).getParent());
            java.nio.file.Files.writeString(folder.resolve(file), file);
        }
        return files;
    }

    @Test
    void the_walk_finds_every_change_a_check_by_whole_paths_finds() throws Exception {
        List<java.util.function.Consumer<Path>> changes = List.of(
                out -> io(() -> java.nio.file.Files.writeString(out.resolve("stray.html"), "mine")),
                out -> io(() -> java.nio.file.Files.writeString(out.resolve("lifting/basics/stray.html"), "mine")),
                out -> io(() -> java.nio.file.Files.createDirectories(out.resolve("running/a/b/c"))),
                out -> io(() -> java.nio.file.Files.delete(out.resolve("lifting/basics/index.html.gz"))),
                out -> io(() -> java.nio.file.Files.delete(out.resolve("index.html"))),
                out -> io(() -> java.nio.file.Files.writeString(out.resolve("running/a/b/index.html"), "changed, longer")),
                out -> io(() -> java.nio.file.Files.setPosixFilePermissions(out.resolve("lifting/index.html"),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))),
                out -> io(() -> { // a page's folder replaced by a link to a copy of it
                    Path copy = out.resolveSibling("copy");
                    java.nio.file.Files.createDirectories(copy);
                    java.nio.file.Files.move(out.resolve("lifting/recovery"), copy.resolve("recovery"));
                    java.nio.file.Files.createSymbolicLink(out.resolve("lifting/recovery"), copy.resolve("recovery"));
                }),
                out -> io(() -> { // a guide's folder replaced by a link to a copy of it
                    Path copy = out.resolveSibling("copy");
                    java.nio.file.Files.createDirectories(copy);
                    java.nio.file.Files.move(out.resolve("running"), copy.resolve("running"));
                    java.nio.file.Files.createSymbolicLink(out.resolve("running"), copy.resolve("running"));
                }),
                out -> io(() -> { // a page replaced by a link to itself moved aside: same bytes, not the same file
                    java.nio.file.Files.move(out.resolve("lifting/index.html"), out.resolveSibling("page.html"));
                    java.nio.file.Files.createSymbolicLink(out.resolve("lifting/index.html"), out.resolveSibling("page.html"));
                }),
                out -> io(() -> { // a folder replaced by a FIFO: never opened (it would wait for a writer)
                    deleteTree(out.resolve("running/a"));
                    new ProcessBuilder("mkfifo", out.resolve("running/a").toString()).start().waitFor();
                }),
                out -> io(() -> { // a file replaced by a folder
                    java.nio.file.Files.delete(out.resolve("404.html"));
                    java.nio.file.Files.createDirectories(out.resolve("404.html"));
                }),
                out -> io(() -> { // the output itself replaced by a link to a copy
                    Path copy = out.resolveSibling("copy");
                    java.nio.file.Files.move(out, copy);
                    java.nio.file.Files.createSymbolicLink(out, copy);
                }));
        for (int i = -1; i < changes.size(); i++) {
            Path root = cache.resolve("case-" + i);
            Path out = root.resolve("site");
            java.util.Set<String> files = site(out);
            List<LastBuild.State> states = LastBuild.states(out, files, true);
            assertTrue(LastBuild.intact(out, states, true), "as recorded");
            if (i >= 0) {
                changes.get(i).accept(out);
                assertFalse(LastBuild.intactByPaths(out, states, true), "change " + i + " is a change");
                assertFalse(LastBuild.intact(out, states, true), "change " + i + " is seen");
            }
            // The cache's shape: no state of the folder itself, and its record and content states not listed.
            Path cacheFolder = root.resolve("cache");
            java.util.Set<String> cacheFiles = site(cacheFolder);
            java.nio.file.Files.writeString(cacheFolder.resolve(LastBuild.FILE), "the record");
            java.nio.file.Files.writeString(cacheFolder.resolve(BuildCache.CONTENT_STATES), "states");
            List<LastBuild.State> cacheStates = LastBuild.states(cacheFolder, cacheFiles, false);
            assertTrue(LastBuild.intact(cacheFolder, cacheStates, false));
            if (i >= 0 && i < 7) {
                changes.get(i).accept(cacheFolder);
                assertFalse(LastBuild.intact(cacheFolder, cacheStates, false), "change " + i + " is seen in the cache");
            }
        }
        // A record of another shape (a folder's file without its folder's state) is checked path by path.
        Path out = cache.resolve("other").resolve("site");
        java.util.Set<String> files = site(out);
        List<LastBuild.State> states = new ArrayList<>(LastBuild.states(out, files, true));
        states.removeIf(state -> state.path().equals("lifting/basics"));
        assertFalse(LastBuild.intact(out, states, true), "the folder is there, unrecorded: listed in its parent");
        assertEquals(LastBuild.intactByPaths(out, states, true), LastBuild.intact(out, states, true));
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (var walk = java.nio.file.Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    /** A state made from one stat (content.UnixStat) is the one made from the JDK's attributes: the next build compares them. */
    @Test
    void a_state_from_a_stat_equals_the_state_from_the_attributes_of_the_same_file() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(cache.resolve("page.html"), "<p>page</p>");
        java.nio.file.Path folder = java.nio.file.Files.createDirectory(cache.resolve("folder"));
        java.nio.file.Path fifo = cache.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (String mode : new String[] {"rw-r--r--", "rw-------", "rwxr-x--x", "---------", "rwxrwxrwx", "r--r--r--"}) {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
            java.nio.file.Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
            for (java.nio.file.Path path : new java.nio.file.Path[] {file, folder, fifo}) {
                assertEquals(LastBuild.State.of("x", path), LastBuild.State.of("x", org.healthguides.content.UnixStat.of(path)), path + " " + mode);
            }
        }
    }
}
