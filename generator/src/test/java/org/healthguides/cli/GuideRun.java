package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;

/** Runs the command line in-process, as a test's user would, and fingerprints output folders. */
record GuideRun(int exit, String out, String err) {

    static GuideRun guide(String... args) {
        return guideIn(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), args);
    }

    /** As {@link #guide}, as if started in {@code workingDirectory} by a user whose home folder is {@code home}. */
    static GuideRun guideIn(Path workingDirectory, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The fixture's clock: review dates are checked against a fixed day, never the real one.
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Fixture.CLOCK, workingDirectory, home).run(List.of(args));
        return new GuideRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code guide build} (or check) on a fixture's folders, with extra arguments. */
    static GuideRun on(Fixture fixture, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--content", fixture.content.toString(),
                "--templates", fixture.templates.toString()));
        if (command.equals("build")) {
            args.addAll(List.of("--out", fixture.out.toString()));
        }
        args.addAll(List.of(extra));
        return guide(args.toArray(String[]::new));
    }

    /** The problem lines: everything on stderr except the summary the command adds ("guide: …") and the source excerpts. */
    List<String> problems() {
        return err.lines().filter(line -> !line.startsWith("guide:") && !EXCERPT.matcher(line).lookingAt()).toList();
    }

    /** The lines under a problem that show its source line and caret: "  12 | text", "     |   ^". */
    static final java.util.regex.Pattern EXCERPT = java.util.regex.Pattern.compile("  \\d* *\\| ");

    boolean hasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception") || err.contains("StackOverflowError") || out.contains("\tat ");
    }

    /** SHA-256 of every file under a folder, by relative path: equal maps mean byte-for-byte equal trees. */
    static Map<String, String> fingerprint(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(folder.relativize(file).toString(), HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNoLeftovers(Path root) throws IOException {
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList(),
                    "no staging folder left behind");
        }
    }
}
