package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
