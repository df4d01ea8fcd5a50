package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

/** The ./guide launcher on a machine that lacks a tool says which one and how to install it, not a shell error. */
class LauncherTest {

    private static Path repo() {
        return Path.of(System.getProperty("repo.dir")).toAbsolutePath().normalize();
    }

    @Test
    void without_maven_the_first_run_says_how_to_install_it() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("guide-launcher");
        try {
            // A copy of the launcher with no generator jar beside it (a first run), and a PATH without mvn.
            Path guide = folder.resolve("guide");
            Files.copy(repo().resolve("guide"), guide);
            Path bin = Files.createDirectories(folder.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("dirname"), Path.of(which("dirname")));
            ProcessBuilder builder = new ProcessBuilder(which("bash"), guide.toString(), "--version").redirectErrorStream(true);
            builder.environment().put("PATH", bin.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals("guide: Maven (mvn) is needed to build the generator the first time: apt-get install maven\n", output);
            assertEquals(2, process.exitValue());
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    private static String which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(tool + " not found on PATH");
    }
}
