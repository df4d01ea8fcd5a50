package org.healthguides.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A new, empty file to be written and then renamed over the real one. Not Files.createTempFile: its random names
 * come from SecureRandom, whose first use seeds it and starts Java's security providers, 5-15 ms of CPU on every
 * cold build for a name nobody else guesses at (these files are made in the tool's own folders: the build cache, the
 * output's parent). As there, the file is made new (never an existing one opened) with the modes given; the name is
 * the prefix, a number from the clock (base 36) and the suffix, and a name that exists is never reused.
 */
public final class TemporaryFile {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Mode 0600, what Files.createTempFile gives; empty where there are no POSIX modes. */
    public static final FileAttribute<?>[] OWNER_ONLY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];

    private TemporaryFile() {
    }

    /** A new file "prefix" + a number + "suffix" in the folder, made with the attributes given. */
    public static Path create(Path folder, String prefix, String suffix, FileAttribute<?>... attributes) throws IOException {
        return create(folder, prefix, suffix, System.nanoTime(), attributes);
    }

    /** As above, trying numbers from {@code first} on. */
    static Path create(Path folder, String prefix, String suffix, long first, FileAttribute<?>... attributes) throws IOException {
        for (long number = first; ; number++) {
            try {
                return Files.createFile(folder.resolve(prefix + Long.toUnsignedString(number, 36) + suffix), attributes);
            } catch (FileAlreadyExistsException e) {
                // Another build's, or an old one's: the next number.
            }
        }
    }
}
