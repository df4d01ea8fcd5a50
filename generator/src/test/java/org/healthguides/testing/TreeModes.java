package org.healthguides.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Asserts that every folder in a tree is 0755 and every file 0644, as a web server worker running as another user
 * needs (less only where this process's umask takes bits away, as it does for mkdir).
 */
public final class TreeModes {
    private TreeModes() {
    }

    /** Checks the root and everything under it; returns how many files and folders were checked. */
    public static int assertPublic(Path root) throws IOException {
        Set<PosixFilePermission> allowed = umaskAllows(root);
        Set<PosixFilePermission> folder = intersect(PosixFilePermissions.fromString("rwxr-xr-x"), allowed);
        Set<PosixFilePermission> file = intersect(PosixFilePermissions.fromString("rw-r--r--"), allowed);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                Set<PosixFilePermission> wanted = Files.isDirectory(path) ? folder : file;
                if (!mode.equals(wanted)) {
                    wrong.add(root.relativize(path) + " is " + PosixFilePermissions.toString(mode) + ", wanted " + PosixFilePermissions.toString(wanted));
                }
                checked++;
            }
        }
        assertEquals(List.of(), wrong, "modes under " + root);
        return checked;
    }

    /** What this process's umask lets a new folder have: mkdir with 0777 and read what it got. */
    private static Set<PosixFilePermission> umaskAllows(Path near) throws IOException {
        Path probe = Files.createTempDirectory(near.toAbsolutePath().getParent(), ".umask-probe-");
        try {
            Files.delete(probe);
            Files.createDirectory(probe);
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static Set<PosixFilePermission> intersect(Set<PosixFilePermission> a, Set<PosixFilePermission> b) {
        Set<PosixFilePermission> both = EnumSet.noneOf(PosixFilePermission.class);
        both.addAll(a);
        both.retainAll(b);
        return both;
    }
}
