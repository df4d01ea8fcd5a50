package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders of a reused guide proven unchanged by their stat data ({@link FolderStates}) instead of being listed: an
 * edit rebuild trusts the page folders the build before it listed, and every change made to one by hand since (an
 * entry added or removed, with or without its modification time put back, a chmod, the folder replaced by another, by
 * a link or by a FIFO) is still seen, the output always a cold build's. The racy window's clock is moved an hour ahead
 * (a test cannot set a folder's ctime back): the folders the builds make are then as old as the window asks.
 */
class TrustedFoldersTest {
    private static final long SECOND = 1_000_000_000L;
    /** An hour from now: every folder made during the test is older than the racy window. */
    private static final LongSupplier HOUR_AHEAD = () -> (System.currentTimeMillis() + 3_600_000L) * 1_000_000L;

    @TempDir
    Path root;
    private Fixture fixture;
    private Path cold;
    private final List<String> notes = new ArrayList<>();
    private int edits;

    @BeforeEach
    void twoGuides() {
        fixture = new Fixture(root);
        fixture.addRunningGuide();
        cold = root.resolve("cold");
    }

    private BuildOptions options(Path out) {
        return new BuildOptions(fixture.content, fixture.templates, out, null, false, false, Fixture.CLOCK).withPdf(false);
    }

    /** Builds with the cache and this clock, and cold into another folder; asserts both hold the same; returns the cache used. */
    private BuildCache build(LongSupplier clock) throws Exception {
        SiteBuild cached = new SiteBuild(options(fixture.out), clock);
        BuildReport report = cached.run(true, notes::add);
        new SiteBuild(options(cold)).run(false, note -> { });
        assertEquals(tree(cold), tree(fixture.out), "a build with the cache publishes a cold build's files, folders and modes");
        return report.upToDate() ? null : cached.lastCache();
    }

    /** One section of the running guide edited (the lifting guide's pages reused), then built. */
    private BuildCache edited() throws Exception {
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Edit " + ++edits + "."));
        return build(HOUR_AHEAD);
    }

    /** Every file and folder: its kind and mode, and each file's bytes (hashed), by path. */
    private static Map<String, String> tree(Path folder) throws Exception {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = attributes.isDirectory() ? "folder" : attributes.isRegularFile()
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))) : "other";
                tree.put(folder.relativize(path).toString(), kind + " " + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return tree;
    }

    /** The lifting guide's folders in the output: its own and its pages'. */
    private int guideFolders() throws IOException {
        try (Stream<Path> walk = Files.walk(fixture.out.resolve("lifting"))) {
            return (int) walk.filter(Files::isDirectory).count();
        }
    }

    private Object inode(String path) throws IOException {
        return Files.readAttributes(fixture.out.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /**
     * Waits until a change made now gets a later ctime than {@code folder}'s (the kernel stamps changes with a coarse
     * clock, a few ms a tick): a change within the same tick as the folder's last one is what the racy window is for,
     * and the hour-ahead clock turns that window off.
     */
    private void afterTick(Path folder) throws Exception {
        long changed = FolderStates.stat(folder).changed();
        Path probe = root.resolve("probe");
        for (int i = 0; i < 1000; i++) {
            Files.writeString(probe, "tick");
            if (FolderStates.stat(probe).changed() > changed) {
                Files.delete(probe);
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the file system's ctime does not move");
    }

    /** Edits and builds until every folder of the lifting guide is trusted again (two builds after it was rewritten). */
    private void allTrusted() throws Exception {
        for (int i = 0; i < 3; i++) {
            BuildCache cache = edited();
            if (cache.foldersTrusted() == guideFolders()) {
                assertEquals(0, cache.foldersListed(), "none listed: the guide's own folder too stays where it is (SiteWriter.commitInPlace)");
                return;
            }
        }
        throw new AssertionError("the lifting guide's folders were never trusted");
    }

    @Test
    void page_folders_listed_by_one_edit_rebuild_are_trusted_by_the_next_and_the_record_leaves_it_up_to_date() throws Exception {
        build(HOUR_AHEAD);
        int folders = guideFolders();
        assertTrue(folders >= 4, "the guide's, basics, recovery, the whole guide: " + folders);
        Object lifting = inode("lifting");
        BuildCache first = edited();
        assertEquals(0, first.foldersTrusted(), "no record yet");
        assertEquals(folders, first.foldersListed());
        assertTrue(Files.isRegularFile(root.resolve("out.cache").resolve(BuildCache.FOLDER_STATES)));
        BuildCache second = edited();
        assertEquals(folders, second.foldersTrusted(), "each folder stated, not listed");
        assertEquals(0, second.foldersListed(), "the guide's own folder too: published in place by the last build, its ctime unchanged");
        assertEquals(lifting, inode("lifting"), "and still taken whole");
        FileTime written = Files.getLastModifiedTime(root.resolve("out.cache").resolve(BuildCache.FOLDER_STATES));
        assertEquals(folders, edited().foldersTrusted());
        assertEquals(written, Files.getLastModifiedTime(root.resolve("out.cache").resolve(BuildCache.FOLDER_STATES)),
                "nothing new to trust: the record is not written again");
        assertEquals(null, build(HOUR_AHEAD), "an unchanged build is up to date, the record beside the cache's other files");
        assertEquals(List.of(), notes);
    }

    @Test
    void an_entry_added_to_or_removed_from_a_trusted_folder_by_hand_is_seen_even_with_its_modification_time_put_back() throws Exception {
        build(HOUR_AHEAD);
        int folders = guideFolders();
        allTrusted();
        Path basics = fixture.out.resolve("lifting/basics");

        // A file dropped in: the folder is listed, not moved (it would carry the file along), its pages linked.
        afterTick(basics);
        Files.writeString(basics.resolve("notes.txt"), "by hand");
        BuildCache cache = edited();
        assertTrue(cache.foldersTrusted() < folders, "not trusted (the walk stops at the first folder not as expected)");
        assertFalse(Files.exists(basics.resolve("notes.txt")));
        allTrusted();

        // The same, with the folder's modification time put back (as rsync -a and cp -a do): only its ctime tells.
        FileTime time = Files.getLastModifiedTime(basics);
        afterTick(basics);
        Files.writeString(basics.resolve("notes.txt"), "by hand");
        Files.setLastModifiedTime(basics, time);
        assertEquals(time, Files.getLastModifiedTime(basics));
        assertTrue(edited().foldersTrusted() < folders);
        assertFalse(Files.exists(basics.resolve("notes.txt")));
        allTrusted();

        // A file added and removed again, the time put back: the same names, listed all the same (its ctime moved).
        Object lifting = inode("lifting");
        time = Files.getLastModifiedTime(basics);
        afterTick(basics);
        Files.writeString(basics.resolve("notes.txt"), "by hand");
        Files.delete(basics.resolve("notes.txt"));
        Files.setLastModifiedTime(basics, time);
        cache = edited();
        assertEquals(folders - 1, cache.foldersTrusted());
        assertEquals(1, cache.foldersListed());
        assertEquals(lifting, inode("lifting"), "it holds its pages alone: taken whole");
        allTrusted();

        // A .gz copy removed by hand (the page's own check sees it first: the guide rendered again).
        afterTick(basics);
        Files.delete(basics.resolve("index.html.gz"));
        edited();
        assertTrue(Files.isRegularFile(basics.resolve("index.html.gz")));
        assertEquals(List.of(), notes);
    }

    @Test
    void a_trusted_folder_chmodded_or_replaced_by_another_folder_a_link_or_a_fifo_is_seen() throws Exception {
        build(HOUR_AHEAD);
        int folders = guideFolders();
        allTrusted();
        Path basics = fixture.out.resolve("lifting/basics");

        // chmod 0700: a web server's worker could not read it; a cold build makes it 0755.
        afterTick(basics);
        Files.setPosixFilePermissions(basics, PosixFilePermissions.fromString("rwx------"));
        assertTrue(edited().foldersTrusted() < folders);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(basics)));
        allTrusted();
        // chmod and back: the same mode, a new ctime: listed.
        afterTick(basics);
        Files.setPosixFilePermissions(basics, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(basics, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(folders - 1, edited().foldersTrusted());
        allTrusted();

        // Another folder in its place holding the same pages (hard links: the same size, time and mode) and a file more,
        // its modification time the recorded one's: another inode, listed.
        FileTime time = Files.getLastModifiedTime(basics);
        Path other = root.resolve("other");
        Files.createDirectory(other);
        Files.setPosixFilePermissions(other, Files.getPosixFilePermissions(basics));
        try (Stream<Path> files = Files.list(basics)) {
            for (Path file : files.toList()) {
                Files.createLink(other.resolve(file.getFileName()), file);
            }
        }
        Files.writeString(other.resolve("notes.txt"), "by hand");
        Files.setLastModifiedTime(other, time);
        Path aside = root.resolve("aside");
        Files.move(basics, aside);
        Files.move(other, basics);
        assertTrue(edited().foldersTrusted() < folders);
        assertFalse(Files.exists(basics.resolve("notes.txt")));
        allTrusted();

        // A link to a copy in its place: not trusted (the link is stated, not its folder), never published as a link.
        Path elsewhere = root.resolve("elsewhere");
        Files.move(basics, elsewhere);
        Files.createSymbolicLink(basics, elsewhere);
        Map<String, String> outside = tree(elsewhere);
        assertTrue(edited().foldersTrusted() < folders);
        assertFalse(Files.isSymbolicLink(basics));
        assertEquals(outside, tree(elsewhere), "nothing changed through the link");
        allTrusted();

        // A FIFO in its place: stated, never opened (that would wait for a writer); the guide rendered again.
        Files.move(basics, root.resolve("gone"));
        Process fifo = new ProcessBuilder("mkfifo", basics.toString()).start();
        assertEquals(0, fifo.waitFor());
        edited();
        assertTrue(Files.isDirectory(basics, LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), notes);
    }

    @Test
    void folders_changed_within_the_racy_window_are_not_recorded_and_a_damaged_or_other_record_is_never_trusted() throws Exception {
        build(HOUR_AHEAD);
        int folders = guideFolders();
        // Now is 1 s after the newest of the lifting guide's folders changed: each is inside the window, none recorded.
        long newest = 0;
        try (Stream<Path> walk = Files.walk(fixture.out.resolve("lifting"))) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                newest = Math.max(newest, FolderStates.stat(folder).changed());
            }
        }
        long now = newest + SECOND;
        Fixture.write(fixture.content.resolve("running/basics.md"), Fixture.BASICS.replace("Keep the bar close.", "Inside the window."));
        BuildCache inside = build(() -> now);
        assertEquals(0, inside.foldersTrusted());
        Path record = root.resolve("out.cache").resolve(BuildCache.FOLDER_STATES);
        assertFalse(Files.exists(record), "nothing a later build could trust: no record written");
        assertEquals(0, edited().foldersTrusted(), "so the next build lists them all, and records them");
        assertEquals(folders, edited().foldersTrusted());

        // Damaged: a one-line note, every folder listed, and the record written again.
        byte[] good = Files.readAllBytes(record);
        Files.write(record, java.util.Arrays.copyOf(good, good.length / 2));
        assertEquals(0, edited().foldersTrusted());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("note: the output folders' states kept in the build cache in ") && notes.get(0).endsWith("; listing every folder"),
                notes.get(0));
        notes.clear();
        allTrusted();

        // Another generator's record (the same folders): ignored without a word.
        FolderStates mine = FolderStates.read(Files.readAllBytes(record), BuildCache.generatorIdentity());
        Files.write(record, mine.write("another generator"));
        assertEquals(0, edited().foldersTrusted());
        allTrusted();
        assertEquals(List.of(), notes);
    }
}
