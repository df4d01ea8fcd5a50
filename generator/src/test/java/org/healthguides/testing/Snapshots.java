package org.healthguides.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: a test compares what the code makes with a file kept in the repository. Run the tests with
 * {@code -Dsnapshots=overwrite} to write what the code makes now into those files instead, then review the
 * change with {@code git diff} and commit it.
 */
public final class Snapshots {
    private Snapshots() {
    }

    public static boolean overwriting() {
        return "overwrite".equals(System.getProperty("snapshots"));
    }

    /** Fails unless {@code file} holds {@code actual}; with -Dsnapshots=overwrite, writes it there. */
    public static void assertFile(Path file, String actual) {
        try {
            if (overwriting()) {
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(actual)) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, actual, StandardCharsets.UTF_8);
                }
                return;
            }
            String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(expected, actual, file + " differs from what the code makes now; if the change is intended, "
                    + "run the tests with -Dsnapshots=overwrite and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the case's section {@code name} holds {@code actual}; with -Dsnapshots=overwrite, rewrites the case file. */
    public static void assertSection(Path caseFile, String name, String actual) {
        Txtar txtar = Txtar.read(caseFile);
        if (overwriting()) {
            Txtar updated = txtar.with(name, actual);
            if (!updated.equals(txtar)) {
                assertFile(caseFile, updated.format());
            }
            return;
        }
        assertEquals(txtar.files().getOrDefault(name, ""), actual, caseFile + ", section '" + name + "', differs from what the "
                + "code makes now; if the change is intended, run the tests with -Dsnapshots=overwrite and review the diff");
    }
}
