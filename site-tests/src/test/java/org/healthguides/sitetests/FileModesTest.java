package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The built site is readable by a web server worker running as another user: every folder 0755, every file 0644
 * (less only where the build's umask takes bits away). The build ran in Maven with this JVM's umask.
 */
class FileModesTest {
    @Test
    void everyBuiltFolderIs0755AndEveryFile0644() throws IOException {
        Path root = BuiltSite.root();
        Set<PosixFilePermission> allowed = umaskAllows(root.toAbsolutePath().getParent());
        Set<PosixFilePermission> folder = within("rwxr-xr-x", allowed);
        Set<PosixFilePermission> file = within("rw-r--r--", allowed);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                Set<PosixFilePermission> wanted = Files.isDirectory(path) ? folder : file;
                if (!mode.equals(wanted)) {
                    wrong.add("/" + root.relativize(path) + " is " + PosixFilePermissions.toString(mode));
                }
                checked++;
            }
        }
        assertEquals(List.of(), wrong, "folders should be " + PosixFilePermissions.toString(folder) + ", files " + PosixFilePermissions.toString(file));
        assertTrue(checked > 20, "the whole site was walked: " + checked);
    }

    /** What this process's umask lets a new folder keep of 0777 (mkdir, then read its mode). */
    static Set<PosixFilePermission> umaskAllows(Path near) throws IOException {
        Path probe = Files.createTempDirectory(near, ".umask-probe-");
        try {
            Files.delete(probe);
            Files.createDirectory(probe);
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static Set<PosixFilePermission> within(String mode, Set<PosixFilePermission> allowed) {
        Set<PosixFilePermission> both = EnumSet.copyOf(PosixFilePermissions.fromString(mode));
        both.retainAll(allowed);
        return both;
    }
}
