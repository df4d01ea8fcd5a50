package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a careless or hostile user could give that is not a content error: it must build, publish nothing it
 * should not, and change nothing outside the output. (Inputs that are errors are cases of BrokenInputTest; the
 * output folder's cases are in OutputPathTest.)
 */
class HostileInputTest {
    @TempDir
    Path root;

    @Test
    void hidden_files_and_folders_are_never_published() throws IOException {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/img/photo.png"), "png");
        Fixture.write(fixture.content.resolve("lifting/img/.git/config"), "[remote \"origin\"]\n\turl = https://token@example.org/\n");
        Fixture.write(fixture.content.resolve("lifting/img/.hidden.png"), "png");
        Fixture.write(fixture.content.resolve("lifting/.secrets/key.png"), "png");
        Fixture.write(fixture.templates.resolve("static/.git/config"), "[core]\n");
        Fixture.write(fixture.templates.resolve("static/.DS_Store"), "x");
        Map<String, String> content = GuideRun.fingerprint(fixture.content);

        GuideRun build = GuideRun.on(fixture, "build", "--strict");

        assertEquals(0, build.exit(), build.err());
        Map<String, String> site = GuideRun.fingerprint(fixture.out);
        assertTrue(site.containsKey("lifting/img/photo.png"), site.keySet().toString());
        assertTrue(site.keySet().stream().noneMatch(path -> path.contains("/.") && !path.equals(".guide-site")), site.keySet().toString());
        assertFalse(site.keySet().stream().anyMatch(path -> path.contains("config") || path.contains("DS_Store")), site.keySet().toString());
        assertEquals(content, GuideRun.fingerprint(fixture.content), "the content is unchanged");
    }

    @Test
    void the_next_build_removes_staging_folders_a_killed_build_left_but_not_a_running_ones() throws Exception {
        Fixture fixture = new Fixture(root);
        assertEquals(0, GuideRun.on(fixture, "build").exit());
        // A process that has ended stands for a build killed with kill -9: its id is no longer running.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long dead = ended.pid();
        Path staleStaging = root.resolve(".out.building-" + dead + "-123456");
        Path staleOld = root.resolve(".out.old-" + dead + "-987654");
        Path running = root.resolve(".out.building-" + ProcessHandle.current().pid() + "-555");
        Path someoneElses = root.resolve(".other.building-" + dead + "-1");
        for (Path folder : new Path[] {staleStaging, staleOld, running, someoneElses}) {
            Fixture.write(folder.resolve("index.html"), "half a site");
        }

        GuideRun build = GuideRun.on(fixture, "build");

        assertEquals(0, build.exit(), build.err());
        assertFalse(Files.exists(staleStaging), "a killed build's staging folder is removed");
        assertFalse(Files.exists(staleOld), "a killed build's old site is removed");
        assertTrue(Files.exists(running), "a running build's staging folder stays");
        assertTrue(Files.exists(someoneElses), "another output's folder stays");
    }

    /**
     * An unreadable image or guide folder is a content error naming it (exit 1), not an internal error. Run in a
     * separate JVM: as root (as CI runs) it drops the capabilities that let root read any file, so the file modes
     * count as they do for an editor.
     */
    @Test
    void unreadable_images_and_guide_folders_are_content_errors_naming_them() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/bar.png"), "png");
        Fixture.write(fixture.content.resolve("knee/index.md"), Fixture.INDEX.replace("Lifting guide", "Knee guide"));
        Path image = fixture.content.resolve("lifting/bar.png");
        Path folder = fixture.content.resolve("knee");
        Files.setPosixFilePermissions(image, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            List<String> command = new java.util.ArrayList<>();
            if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
                command.addAll(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-dac_override,-dac_read_search"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    "org.healthguides.cli.Main", "build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                    "--out", fixture.out.toString(), "--today", "2027-01-15"));
            Process build = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(build.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(1, build.waitFor(), err);
            assertTrue(err.contains(image + ": error[G0204]: cannot read this file"), err);
            assertTrue(err.contains(folder + ": error[G0204]: cannot read this folder"), err);
            assertFalse(err.contains("internal error") || err.contains("\tat "), err);
            assertFalse(Files.exists(fixture.out), "nothing was published");
        } finally {
            Files.setPosixFilePermissions(image, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
