package org.healthguides.output;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The modes everything the tool creates is made with: folders 0755, files 0644. A web server's worker runs as
 * another user than the person who built the site, so it must be able to read every file and enter every folder;
 * Files.createTempDirectory's 0700 made nginx answer 403 to everything. The modes are given at creation, so the
 * umask can still make them stricter (never looser), as it does for mkdir and touch.
 */
public final class PublicModes {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** For Files.createDirectory/createDirectories/createTempDirectory; empty where there are no POSIX modes. */
    public static final FileAttribute<?>[] FOLDER = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))}
            : new FileAttribute<?>[0];

    /** For Files.newByteChannel/FileChannel.open/createFile; empty where there are no POSIX modes. */
    public static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))}
            : new FileAttribute<?>[0];

    private PublicModes() {
    }
}
