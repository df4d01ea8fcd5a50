package org.healthguides.sitetests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The fixture site in three languages (site-tests/src/test/fixtures/multilingual: English, Welsh, and Urdu written
 * right to left; test data, never published), built with the real templates by the command line, as a user runs it.
 * The real templates hold only the English string table, so the build gets a copy of them with the fixture's
 * Welsh and Urdu tables beside it.
 */
final class MultilingualSite {
    static final String BASE_URL = "https://example.org/health/";
    static final String TODAY = "2026-11-25";
    private static Path built;

    private MultilingualSite() {
    }

    static Path repo() {
        return Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    }

    static Path fixture() {
        return repo().resolve("site-tests/src/test/fixtures/multilingual");
    }

    static Path work() {
        return repo().resolve("site-tests/target/multilingual");
    }

    /** Built once per test run, strictly: any warning (an out-of-date translation, a missing string) fails it. */
    static synchronized Path root() {
        if (built == null) {
            Path templates = templatesWithFixtureTables(work().resolve("templates"));
            Path out = work().resolve("site");
            Run run = guide("build", "--strict", "--today", TODAY, "--content", fixture().resolve("content").toString(),
                    "--templates", templates.toString(), "--out", out.toString(), "--base-url", BASE_URL);
            if (run.exit() != 0) {
                throw new IllegalStateException("the multilingual fixture site did not build:\n" + run.err());
            }
            built = out;
        }
        return built;
    }

    static Document page(String sitePath) {
        Path file = root().resolve(sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", BASE_URL + sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every HTML page of the fixture site, as site paths. */
    static List<String> htmlPages() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the real templates with the fixture's Welsh and Urdu string tables added. */
    static Path templatesWithFixtureTables(Path into) {
        copyTree(repo().resolve("templates"), into);
        copyTree(fixture().resolve("i18n"), into.resolve("i18n"));
        return into;
    }

    /** A copy of the fixture's content, for a test to break. */
    static Path contentCopy(Path into) {
        copyTree(fixture().resolve("content"), into);
        return into;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int exit, String out, String err) {
    }

    /** The generator's command line in its own JVM, with this test run's class path. */
    static Run guide(String... args) {
        return guideInJvm(List.of(), args);
    }

    /** The same, with options for the JVM ("-verbose:class"). */
    static Run guideInJvm(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.healthguides.cli.Main"));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("guide-err", ".txt");
            Path out = Files.createTempFile("guide-out", ".txt");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
            int exit = process.waitFor();
            Run run = new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(err);
            Files.delete(out);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
