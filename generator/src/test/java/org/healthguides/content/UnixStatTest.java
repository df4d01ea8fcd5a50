package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stat read from the JDK's own class (as the jar runs it, and as these tests run: both open sun.nio.fs) gives what
 * the public {@code unix} attribute view gives, for each kind of entry the loader and the output's folders meet.
 */
class UnixStatTest {
    @TempDir
    Path root;

    @Test
    void the_direct_stat_is_used_here_as_in_the_jar() {
        assertTrue(UnixStat.direct(), "sun.nio.fs is opened to the tests (pom.xml's argLine) as to the jar (its manifest's Add-Opens)");
    }

    @Test
    void every_kind_of_entry_is_stated_as_the_attribute_view_states_it() throws Exception {
        Path file = Files.writeString(root.resolve("page.md"), "text");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_234_567_890_123L));
        Path folder = Files.createDirectory(root.resolve("folder"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(root.resolve("link.md"), file);
        Path fifo = root.resolve("fifo.md");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        for (Path path : new Path[] {file, folder, link, fifo, root, relative}) {
            UnixStat stat = UnixStat.of(path);
            assertNotNull(stat, path.toString());
            assertEquals(UnixStat.viaView(path), stat, path.toString());
        }
        UnixStat ofFile = UnixStat.of(file);
        assertTrue(ofFile.isRegularFile());
        assertEquals(4, ofFile.size());
        assertEquals(1_234_567_890_123_000_000L, ofFile.modified());
        assertTrue(UnixStat.of(folder).isFolder());
        assertEquals(0700, UnixStat.of(folder).permissions());
        assertFalse(UnixStat.of(link).isRegularFile(), "the link itself, not followed");
        assertFalse(UnixStat.of(fifo).isRegularFile() || UnixStat.of(fifo).isFolder());
        assertNull(UnixStat.of(root.resolve("missing.md")));
        assertNull(UnixStat.viaView(root.resolve("missing.md")));
        assertNull(UnixStat.of(file.resolve("below-a-file")), "not a folder on the way: cannot be stated");
    }

    @Test
    void a_change_made_in_place_moves_the_change_time() throws Exception {
        Path file = Files.writeString(root.resolve("page.md"), "text");
        UnixStat before = UnixStat.of(file);
        FileTime time = Files.getLastModifiedTime(file);
        for (int i = 0; i < 200 && UnixStat.of(file).changed() == before.changed(); i++) {
            Thread.sleep(5);
            Files.writeString(file, "tex" + (char) ('a' + i % 26));
            Files.setLastModifiedTime(file, time);
        }
        UnixStat after = UnixStat.of(file);
        assertEquals(before.size(), after.size());
        assertEquals(before.modified(), after.modified(), "the modification time put back");
        assertTrue(after.changed() > before.changed(), "the change time moved");
        assertEquals(before.inode(), after.inode());
    }
}
