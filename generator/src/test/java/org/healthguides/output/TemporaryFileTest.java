package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFileTest {
    @TempDir
    Path folder;

    @Test
    void a_new_empty_file_with_the_prefix_and_suffix_and_the_modes_given() throws Exception {
        Path file = TemporaryFile.create(folder, "last-build", ".tmp", TemporaryFile.OWNER_ONLY);
        assertEquals(folder, file.getParent());
        String name = file.getFileName().toString();
        assertTrue(name.matches("last-build[0-9a-z]+\\.tmp"), name);
        assertEquals(0, Files.size(file));
        // 0600 as Files.createTempFile made it; the site's own files 0644.
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path shared = TemporaryFile.create(folder, ".nginx.", ".tmp", PublicModes.FILE);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    @Test
    void a_name_that_exists_is_skipped_and_the_file_there_left_as_it_was() throws Exception {
        long first = 1_000_000;
        for (long n = first; n < first + 5; n++) {
            Files.writeString(folder.resolve("a-to-z" + Long.toUnsignedString(n, 36) + ".tmp"), "theirs " + n, StandardCharsets.UTF_8);
        }
        // A symbolic link at the next name is not followed either (its target stays absent).
        Files.createSymbolicLink(folder.resolve("a-to-z" + Long.toUnsignedString(first + 5, 36) + ".tmp"), folder.resolve("elsewhere"));
        Path mine = TemporaryFile.create(folder, "a-to-z", ".tmp", first, TemporaryFile.OWNER_ONLY);
        assertEquals(folder.resolve("a-to-z" + Long.toUnsignedString(first + 6, 36) + ".tmp"), mine);
        assertEquals(0, Files.size(mine));
        for (long n = first; n < first + 5; n++) {
            assertEquals("theirs " + n, Files.readString(folder.resolve("a-to-z" + Long.toUnsignedString(n, 36) + ".tmp")));
        }
        assertTrue(Files.notExists(folder.resolve("elsewhere")));
    }

    @Test
    void many_in_a_row_all_new() throws Exception {
        Set<Path> made = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertTrue(made.add(TemporaryFile.create(folder, "content-states", ".tmp")));
        }
        try (var files = Files.list(folder)) {
            assertEquals(500, files.count());
        }
    }
}
