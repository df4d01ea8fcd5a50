package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.content.FileStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust decision of {@link FolderStates} with stat data made by hand (a test cannot set a folder's ctime): a folder
 * is trusted only with the recorded identity, times, mode and names, and only when its ctime was older than the racy
 * window when it was recorded; and the record reads back as written, or not at all.
 */
class FolderStatesTest {
    private static final long SECOND = 1_000_000_000L;
    /** When the recording build began its walk. */
    private static final long WALK = 1_800_000_000L * SECOND;
    private static final int FOLDER_0755 = 0040755;
    private static final String PAGE = FolderStates.names(List.of("index.html.gz", "index.html"));

    private static FolderStates.Stat stat(long device, long inode, long changed, long modified, int mode) {
        return new FolderStates.Stat(new FolderStates.Id(device, inode), changed, modified, mode);
    }

    /** A record made as a build makes it: the walk's window, then each folder stated before it was listed. */
    private static FolderStates recorded(FolderStates.Stat... folders) {
        FolderStates recording = new FolderStates(WALK - FileStates.MARGIN, new HashMap<>());
        for (FolderStates.Stat folder : folders) {
            FolderStates.State state = recording.recordable(folder, PAGE);
            if (state != null) {
                recording.folders().put(folder.id(), state);
            }
        }
        return recording;
    }

    @Test
    void names_are_kept_sorted_each_ended_by_a_slash() {
        assertEquals("index.html/index.html.gz/", PAGE);
        assertEquals("", FolderStates.names(List.of()));
        // No name holds a slash, so no two lists read alike.
        assertEquals("a/b/", FolderStates.names(List.of("b", "a")));
        assertFalse(FolderStates.names(List.of("a", "b")).equals(FolderStates.names(List.of("ab"))));
        assertFalse(FolderStates.names(List.of("a")).equals(FolderStates.names(List.of("a", ""))));
    }

    @Test
    void a_folder_unchanged_since_it_was_recorded_outside_the_window_is_trusted_and_any_change_is_not() {
        long old = WALK - 60 * SECOND;
        FolderStates.Stat folder = stat(64, 1234, old, old - SECOND, FOLDER_0755);
        FolderStates record = recorded(folder);
        assertNotNull(record.trusted(folder, PAGE), "the same folder, unchanged, an hour after");

        assertNull(record.trusted(stat(64, 1234, old + 1, old - SECOND, FOLDER_0755), PAGE), "an entry added or removed: a new ctime");
        assertNull(record.trusted(stat(64, 1234, old, old, FOLDER_0755), PAGE), "another modification time (FAT: no ctime kept on disk)");
        assertNull(record.trusted(stat(64, 1234, old + 1, old - SECOND, 0040700), PAGE), "chmod: mode and ctime");
        assertNull(record.trusted(stat(64, 1234, old, old - SECOND, 0040700), PAGE), "another mode, even with the same times");
        assertNull(record.trusted(stat(64, 1234, old, old - SECOND, 0120777), PAGE), "a symbolic link in its place");
        assertNull(record.trusted(stat(64, 1234, old, old - SECOND, 0010644), PAGE), "a FIFO in its place");
        assertNull(record.trusted(stat(64, 9999, old, old - SECOND, FOLDER_0755), PAGE), "another folder put in its place (another inode)");
        assertNull(record.trusted(stat(65, 1234, old, old - SECOND, FOLDER_0755), PAGE), "the same inode number on another file system");
        assertNull(record.trusted(folder, FolderStates.names(List.of("index.html"))), "asked to hold other names than it held");
        assertNull(record.trusted(null, PAGE), "no unix view: listed");
    }

    @Test
    void a_folder_changed_inside_the_racy_window_is_never_recorded_nor_trusted() {
        // Changed 1 s before the walk began: an entry added later within the same timestamp tick would leave its ctime as it is.
        FolderStates.Stat recent = stat(64, 1, WALK - SECOND, WALK - SECOND, FOLDER_0755);
        FolderStates.Stat atEdge = stat(64, 2, WALK - FileStates.MARGIN, WALK - FileStates.MARGIN, FOLDER_0755);
        FolderStates.Stat during = stat(64, 3, WALK + SECOND, WALK + SECOND, FOLDER_0755);
        FolderStates.Stat old = stat(64, 4, WALK - FileStates.MARGIN - 1, 0, FOLDER_0755);
        FolderStates record = recorded(recent, atEdge, during, old);
        assertEquals(Map.of(old.id(), new FolderStates.State(old.changed(), old.modified(), old.mode(), PAGE)), record.folders());
        assertNull(record.trusted(recent, PAGE));
        assertNull(record.trusted(atEdge, PAGE));
        assertNull(record.trusted(during, PAGE));
        assertNotNull(record.trusted(old, PAGE));

        // A record whose window is earlier than a state it holds (never written so, but read from a file) trusts nothing of it.
        FolderStates forged = new FolderStates(old.changed(), record.folders());
        assertNull(forged.trusted(old, PAGE));
    }

    @Test
    void a_file_system_without_inodes_or_ctimes_has_every_folder_listed() {
        long old = WALK - 60 * SECOND;
        FolderStates.Stat noInode = stat(64, 0, old, old, FOLDER_0755);
        FolderStates.Stat noCtime = stat(64, 7, 0, old, FOLDER_0755);
        FolderStates record = recorded(noInode, noCtime);
        assertTrue(record.folders().isEmpty());
        FolderStates forged = new FolderStates(WALK, Map.of(noInode.id(), new FolderStates.State(old, old, FOLDER_0755, PAGE),
                noCtime.id(), new FolderStates.State(0, old, FOLDER_0755, PAGE)));
        assertNull(forged.trusted(noInode, PAGE));
        assertNull(forged.trusted(noCtime, PAGE));
    }

    @Test
    void a_newer_record_is_worth_writing_only_when_it_trusts_a_folder_the_last_does_not() {
        long old = WALK - 60 * SECOND;
        FolderStates.Stat a = stat(64, 1, old, old, FOLDER_0755);
        FolderStates.Stat b = stat(64, 2, old, old, FOLDER_0755);
        FolderStates last = recorded(a, b);
        assertFalse(last.staleBeside(recorded(a, b)));
        assertFalse(last.staleBeside(recorded(a)), "a folder gone: the old record lists no more folders for it");
        assertTrue(FolderStates.NONE.staleBeside(recorded(a)));
        assertTrue(last.staleBeside(recorded(a, b, stat(64, 3, old, old, FOLDER_0755))));
        assertTrue(last.staleBeside(recorded(a, stat(64, 2, old + 1, old, FOLDER_0755))), "b changed and recorded again");
        assertFalse(FolderStates.NONE.staleBeside(recorded(stat(64, 5, WALK, WALK, FOLDER_0755))), "nothing trustable: not written");
    }

    @TempDir
    Path folder;

    @Test
    void the_record_reads_back_as_written_and_a_damaged_or_other_one_is_never_trusted() throws IOException {
        Map<FolderStates.Id, FolderStates.State> folders = new HashMap<>();
        String[] lists = {PAGE, FolderStates.names(List.of("ünïcödé", "日本語", "index.html")), ""};
        for (int i = 0; i < 12_000; i++) {
            folders.put(new FolderStates.Id(64 + i % 3, 1_000_000L + i), new FolderStates.State(WALK - i * SECOND, Long.MAX_VALUE - i, FOLDER_0755, lists[i % 3]));
        }
        FolderStates written = new FolderStates(WALK, folders);
        byte[] bytes = written.write("generator");
        FolderStates read = FolderStates.read(bytes, "generator");
        assertEquals(written.trustedBefore(), read.trustedBefore());
        assertEquals(folders, read.folders());

        assertNull(FolderStates.read(bytes, "another generator"), "another version's record: ignored");
        for (int cut : new int[] {10, bytes.length / 2, bytes.length - 1}) {
            assertThrows(IOException.class, () -> FolderStates.read(java.util.Arrays.copyOf(bytes, cut), "generator"), "cut at " + cut);
        }
        byte[] flipped = bytes.clone();
        flipped[flipped.length - 30] ^= 0x01;
        assertThrows(IOException.class, () -> FolderStates.read(flipped, "generator"), "a bit flipped: the CRC32");
        Files.write(folder.resolve("x"), bytes);
        assertEquals(folders, FolderStates.read(Files.readAllBytes(folder.resolve("x")), "generator").folders());
    }

    @Test
    void a_real_folder_is_stated_without_following_a_link() throws IOException {
        Path real = Files.createDirectory(folder.resolve("real"));
        FolderStates.Stat stat = FolderStates.stat(real);
        assertNotNull(stat, "Linux has the unix view");
        assertTrue(stat.folder());
        assertTrue(stat.changed() > 0 && stat.id().inode() != 0);
        Path link = Files.createSymbolicLink(folder.resolve("link"), real);
        assertFalse(FolderStates.stat(link).folder(), "the link itself, not its folder");
        assertNull(FolderStates.stat(folder.resolve("missing")));
    }
}
