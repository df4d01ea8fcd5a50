package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cold build without leaflets starts in the JVM, seen from its class loading log: first uses that cost every
 * small build CPU for nothing (docs/performance.md, "Start-up (100 pages)") must not come back unnoticed.
 */
class StartUpTest {
    @TempDir
    Path folder;

    @Test
    void a_build_without_leaflets_starts_neither_java_util_logging_nor_the_security_providers_nor_jsoups_parser() throws Exception {
        Path log = folder.resolve("classes.log");
        Path site = folder.resolve("site");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), "org.healthguides.cli.Main",
                "build", "--no-pdf", "--content", Path.of("..", "content").toString(), "--templates", Path.of("..", "templates").toString(),
                "--out", site.toString());
        Process build = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(build.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, build.waitFor(), err);
        String classes = Files.readString(log);
        // The log is whole, and the build did what would start them before: FreeMarker ran, static files (the
        // favicon.svg among them) were checked and named by their SHA-256, the build cache and the last build's record
        // were written through temporary files.
        assertTrue(classes.contains(" freemarker.template.Configuration "), "FreeMarker not loaded: is the log complete?");
        assertTrue(classes.contains(" org.healthguides.output.ContentHash "));
        assertTrue(Files.exists(site.resolve("static")) && Files.list(site.resolve("static")).anyMatch(f -> f.toString().matches(".*\\.[0-9a-f]{8}\\.css")));
        assertTrue(classes.contains(" org.healthguides.output.TemporaryFile "));
        assertFalse(classes.contains(" java.util.logging.LogManager "), "java.util.logging started (FreeMarker's logger?)");
        assertFalse(classes.contains(" java.security.Security "), "Java's security properties read");
        assertFalse(classes.contains(" sun.security.jca.Providers "), "Java's security providers started (MessageDigest, SecureRandom?)");
        assertFalse(classes.contains(" java.security.SecureRandom "), "SecureRandom used (Files.createTempFile?)");
        // The favicon is checked (its name is hashed above) by PlainSvg's quick look, without jsoup's tokeniser.
        assertTrue(classes.contains(" org.healthguides.content.PlainSvg "));
        assertFalse(classes.contains(" org.jsoup.parser.Tokeniser "), "jsoup's parser started (the favicon's check?)");
    }
}
