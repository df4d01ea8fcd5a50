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

    /**
     * The class-data archive made at package time must hold a build's classes, not only the first few: an output
     * folder left in target/ by an older version once ended the training run early, and every cold start was slower
     * without a word. Built with the archive as ./guide passes it, Flexmark's and FreeMarker's classes come from it.
     */
    @Test
    void the_class_data_archive_serves_the_classes_of_a_build() throws IOException, InterruptedException {
        Path target = repo().resolve("generator/target");
        Path folder = Files.createTempDirectory("guide-archive");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + target.resolve("generator-all.jsa"),
                    "-Xlog:class+load=info", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", target.resolve("generator-all.jar").toString(),
                    "build", "--no-pdf", "--content", repo().resolve("content").toString(), "--templates", repo().resolve("templates").toString(),
                    "--out", folder.resolve("site").toString()).redirectErrorStream(true);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            for (String name : new String[] {"com.vladsch.flexmark.parser.Parser", "freemarker.template.Configuration",
                    "org.healthguides.pipeline.Pipeline"}) {
                assertTrue(output.contains(name + " source: shared objects file"), name + " is not in the archive:\n"
                        + output.lines().filter(line -> line.contains(name + " ")).findFirst().orElse("(not loaded)"));
            }
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
