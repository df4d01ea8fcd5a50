package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ./guide launcher: on a machine that lacks a tool it says which one and how to install it, not a shell error;
 * it runs the Java of JAVA_HOME, else of the PATH, with the class-data archive on Java 17 to 24 and an AOT cache,
 * trained once on the project's own content, on Java 25 and newer. Those are checked with a stand-in java (a script
 * that records its arguments) beside a copy of the launcher, so they run on any JDK, CI's 17 included.
 */
class LauncherTest {

    /** When the copy's jar was built: an hour ago, so that what the launcher writes now is newer. */
    private static final Instant JAR_TIME = Instant.now().minusSeconds(3600);

    /** A copy of the launcher with a generator jar newer than its (absent) sources, its archive, and two stand-in JDKs. */
    private Path folder;

    @BeforeEach
    void launcher_copy() throws IOException {
        folder = Files.createTempDirectory("guide-launcher-java");
        Files.copy(repo().resolve("guide"), folder.resolve("guide"));
        Path target = Files.createDirectories(folder.resolve("generator/target"));
        Files.createDirectories(folder.resolve("content"));
        Files.createDirectories(folder.resolve("templates"));
        age(Files.writeString(target.resolve("generator-all.jar"), "jar"), 0);
        age(Files.writeString(target.resolve("generator-all.jsa"), "archive"), 10);
        jdk("jdk-25", "25.0.1");
        jdk("jdk-17", "17.0.15");
    }

    @AfterEach
    void delete_copy() throws IOException {
        PathUtils.deleteDirectory(folder);
    }

    /**
     * A stand-in JDK: its bin/java appends its arguments as one line to calls.log; given -XX:AOTCacheOutput it writes
     * that file, as the JVM does when a training run exits (unless TRAINING=fails), and otherwise exits with EXIT.
     */
    private void jdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(folder.resolve(name).resolve("bin"));
        Files.writeString(folder.resolve(name).resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/bash\n"
                + "printf '%s\\n' \"$*\" >>\"" + folder.resolve("calls.log") + "\"\n"
                + "for arg in \"$@\"; do\n"
                + "  case \"$arg\" in -XX:AOTCacheOutput=*) [ \"${TRAINING:-}\" = fails ] && exit 1; echo cache >\"${arg#*=}\"; exit 0 ;; esac\n"
                + "done\n"
                + "exit \"${EXIT:-0}\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path age(Path file, long secondsAfterJar) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(JAR_TIME.plusSeconds(secondsAfterJar)));
        return file;
    }

    private record Run(int exit, String output, List<List<String>> calls) {}

    /** Runs the launcher copy with these environment changes (a null value removes the variable). */
    private Run guide(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return guideIn(null, env, args);
    }

    /** Runs the launcher copy in this working folder (null: the test's own). */
    private Run guideIn(Path workingDirectory, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = folder.resolve("calls.log");
        Files.deleteIfExists(log);
        String[] command = new String[args.length + 2];
        command[0] = which("bash");
        command[1] = folder.resolve("guide").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("GUIDE_JAVA_OPTS");
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        List<List<String>> calls = Files.exists(log)
                ? Files.readAllLines(log).stream().map(line -> Arrays.asList(line.split(" "))).toList() : List.of();
        return new Run(process.exitValue(), output, calls);
    }

    private Map<String, String> javaHome(String jdk) {
        return Map.of("JAVA_HOME", folder.resolve(jdk).toString());
    }

    private Path cache() {
        return folder.resolve("generator/target/aot/" + folder.resolve("jdk-25").toString().replaceAll("[^A-Za-z0-9.-]", "_") + "-25.0.1.aot");
    }

    private List<String> userRun(String... tail) {
        Path target = folder.resolve("generator/target");
        List<String> expected = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m",
                "-XX:AOTCache=" + cache(), "-Xlog:aot=off", "-Xlog:cds=off", "-jar", target.resolve("generator-all.jar").toString()));
        expected.addAll(List.of(tail));
        return expected;
    }

    @Test
    void java_17_runs_with_the_class_data_archive_as_before() throws IOException, InterruptedException {
        // java on the PATH, no JAVA_HOME: exactly the flags the launcher always passed, and no AOT cache made.
        Run run = guide(Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH")), "build", "--no-pdf");
        assertEquals(0, run.exit(), run.output());
        assertEquals("", run.output());
        Path target = folder.resolve("generator/target");
        assertEquals(List.of(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-Xshare:auto",
                "-XX:SharedArchiveFile=" + target.resolve("generator-all.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", target.resolve("generator-all.jar").toString(), "build", "--no-pdf")), run.calls());
        assertFalse(Files.exists(target.resolve("aot")));
    }

    @Test
    void java_home_comes_before_the_path() throws IOException, InterruptedException {
        age(Files.createDirectories(cache().getParent()), 0);
        age(Files.writeString(cache(), "cache"), 10);
        Run run = guide(Map.of("JAVA_HOME", folder.resolve("jdk-25").toString(), "PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH")),
                "--version");
        assertEquals(List.of(userRun("--version")), run.calls());

        Run missing = guide(Map.of("JAVA_HOME", folder.resolve("no-such-jdk").toString()), "--version");
        assertEquals(2, missing.exit());
        assertEquals("guide: JAVA_HOME is '" + folder.resolve("no-such-jdk") + "', which has no bin/java: point it at Java 17 or newer, or unset it\n",
                missing.output());
        assertEquals(List.of(), missing.calls());
    }

    /** The PATH's java is often a link (/usr/bin/java to /etc/alternatives to the JDK): its version is the JDK's. */
    @Test
    void a_java_on_the_path_that_links_to_a_jdk_has_that_jdks_version() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(folder.resolve("usr/bin"));
        Files.createSymbolicLink(bin.resolve("java"), folder.resolve("jdk-25/bin/java"));
        Run run = guide(Map.of("PATH", bin + ":" + System.getenv("PATH")), "--version");
        assertEquals(0, run.exit(), run.output());
        assertEquals(2, run.calls().size(), run.calls().toString());
        assertEquals(userRun("--version"), run.calls().get(1));
    }

    /**
     * Java 25 without a cache: one training build of the project's content/ writes it (under a temporary name,
     * renamed when complete), then the command runs with it. The command itself (here --help) never trains.
     */
    @Test
    void java_25_trains_a_cache_once_on_the_projects_content_then_uses_it() throws IOException, InterruptedException {
        Run first = guide(javaHome("jdk-25"), "--help");
        assertEquals(0, first.exit(), first.output());
        assertEquals("guide: training a start-up cache for Java 25.0.1 (a build of content/, once per generator and Java)...\n", first.output());
        assertEquals(2, first.calls().size(), first.calls().toString());
        List<String> training = first.calls().get(0);
        // The launcher's flags without -Xshare (which the JVM refuses beside the AOT options), then the build.
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m"), training.subList(0, 3));
        assertTrue(training.get(3).matches("-XX:AOTCacheOutput=" + java.util.regex.Pattern.quote(cache().toString()) + "\\.[0-9]+\\.tmp"),
                training.get(3));
        assertEquals(List.of("-Xlog:aot=off", "-Xlog:cds=off", "-jar", folder.resolve("generator/target/generator-all.jar").toString(),
                "build", "--content", folder.resolve("content").toString(), "--templates", folder.resolve("templates").toString(), "--out"),
                training.subList(4, 14));
        assertEquals(15, training.size(), training.toString());
        assertFalse(Files.exists(Path.of(training.get(14)).getParent()), "the training's site is deleted: " + training.get(14));
        assertEquals(userRun("--help"), first.calls().get(1));
        assertEquals("cache\n", Files.readString(cache()));
        try (var left = Files.list(cache().getParent())) {
            assertEquals(List.of(cache()), left.toList(), "only the cache is left, no temporary file");
        }

        Run second = guide(javaHome("jdk-25"), "build");
        assertEquals("", second.output());
        assertEquals(List.of(userRun("build")), second.calls());
    }

    /**
     * A command with --no-pdf runs from a cache of its own, trained by a build of content/ with --no-pdf (a cache loads
     * all its classes as the JVM starts: the leaflet's are dead weight there); the leaflet's cache is left as it was.
     */
    @Test
    void java_25_trains_a_cache_of_its_own_for_commands_with_no_pdf() throws IOException, InterruptedException {
        age(Files.createDirectories(cache().getParent()), 0);
        age(Files.writeString(cache(), "leaflet cache"), 10);
        Path noPdf = Path.of(cache().toString().replaceFirst("\\.aot$", "-no-pdf.aot"));
        Run first = guide(javaHome("jdk-25"), "build", "--no-pdf", "--out", "site");
        assertEquals(0, first.exit(), first.output());
        assertEquals("guide: training a start-up cache for Java 25.0.1 (a build of content/ with --no-pdf, once per generator and Java)...\n",
                first.output());
        assertEquals(2, first.calls().size(), first.calls().toString());
        List<String> training = first.calls().get(0);
        assertTrue(training.get(3).matches("-XX:AOTCacheOutput=" + java.util.regex.Pattern.quote(noPdf.toString()) + "\\.[0-9]+\\.tmp"),
                training.get(3));
        assertEquals(List.of("-Xlog:aot=off", "-Xlog:cds=off", "-jar", folder.resolve("generator/target/generator-all.jar").toString(),
                "build", "--no-pdf", "--content", folder.resolve("content").toString(), "--templates", folder.resolve("templates").toString(),
                "--out"), training.subList(4, 15));
        assertEquals(16, training.size(), training.toString());
        List<String> expected = new java.util.ArrayList<>(userRun("build", "--no-pdf", "--out", "site"));
        expected.set(3, "-XX:AOTCache=" + noPdf);
        assertEquals(expected, first.calls().get(1));
        assertEquals("cache\n", Files.readString(noPdf));
        assertEquals("leaflet cache", Files.readString(cache()));

        // Each kind of command then runs from its own cache, trained once.
        Run second = guide(javaHome("jdk-25"), "check", "--no-pdf");
        assertEquals("", second.output());
        List<String> check = new java.util.ArrayList<>(userRun("check", "--no-pdf"));
        check.set(3, "-XX:AOTCache=" + noPdf);
        assertEquals(List.of(check), second.calls());
        Run third = guide(javaHome("jdk-25"), "build");
        assertEquals("", third.output());
        assertEquals(List.of(userRun("build")), third.calls());
    }

    @Test
    void java_25_trains_again_when_the_jar_is_newer_than_its_cache() throws IOException, InterruptedException {
        age(Files.createDirectories(cache().getParent()), 0);
        age(Files.writeString(cache(), "old cache"), -10);
        Run run = guide(javaHome("jdk-25"), "build");
        assertEquals(2, run.calls().size(), run.calls().toString());
        assertTrue(run.calls().get(0).stream().anyMatch(arg -> arg.startsWith("-XX:AOTCacheOutput=" + cache())));
        assertEquals(userRun("build"), run.calls().get(1));
        assertEquals("cache\n", Files.readString(cache()));
    }

    /** A failing command is the user's: it neither trains nor changes the cache, and its exit code is returned. */
    @Test
    void a_failing_command_with_a_fresh_cache_only_runs_the_command() throws IOException, InterruptedException {
        age(Files.createDirectories(cache().getParent()), 0);
        age(Files.writeString(cache(), "cache"), 10);
        Map<String, String> env = new java.util.HashMap<>(javaHome("jdk-25"));
        env.put("EXIT", "1");
        Run run = guide(env, "build", "--content", "nowhere");
        assertEquals(1, run.exit());
        assertEquals(List.of(userRun("build", "--content", "nowhere")), run.calls());
        assertEquals("cache", Files.readString(cache()));
    }

    /** Without a cache, a command that fails still gets its own exit code; the cache comes from the training alone. */
    @Test
    void a_failing_command_without_a_cache_is_not_the_training() throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(javaHome("jdk-25"));
        env.put("EXIT", "1");
        Run run = guide(env, "check", "--strict");
        assertEquals(1, run.exit(), run.output());
        assertEquals(2, run.calls().size(), run.calls().toString());
        assertTrue(run.calls().get(0).contains("build"), run.calls().get(0).toString());
        assertFalse(run.calls().get(0).contains("check"), run.calls().get(0).toString());
        assertEquals(userRun("check", "--strict"), run.calls().get(1));
        assertEquals("cache\n", Files.readString(cache()));
    }

    /**
     * A training that fails only means no cache: the command runs as on Java 17 (the archive, which the JVM checks
     * and ignores when another JVM made it), and the training is not tried again until the jar changes.
     */
    @Test
    void a_failed_training_runs_the_command_without_a_cache_and_is_not_retried_until_the_jar_changes()
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(javaHome("jdk-25"));
        env.put("TRAINING", "fails");
        Run first = guide(env, "build");
        assertEquals(0, first.exit(), first.output());
        assertEquals("guide: training a start-up cache for Java 25.0.1 (a build of content/, once per generator and Java)...\n"
                + "guide: could not make the start-up cache; running without it\n", first.output());
        assertEquals(2, first.calls().size(), first.calls().toString());
        Path target = folder.resolve("generator/target");
        List<String> withArchive = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m",
                "-XX:SharedArchiveFile=" + target.resolve("generator-all.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", target.resolve("generator-all.jar").toString(), "build");
        assertEquals(withArchive, first.calls().get(1));
        assertFalse(Files.exists(cache()));

        Run second = guide(env, "build");
        assertEquals("", second.output());
        assertEquals(List.of(withArchive), second.calls());

        // A new generator: everything the failed training left is older than the jar.
        try (var left = Files.list(cache().getParent())) {
            for (Path file : left.toList()) {
                age(file, -10);
            }
        }
        env.remove("TRAINING");
        Run third = guide(env, "build");
        assertEquals(2, third.calls().size(), third.calls().toString());
        assertEquals(userRun("build"), third.calls().get(1));
    }

    /** A content folder with this many Markdown files, ten to a guide folder, and a file that is not Markdown. */
    private Path site(String name, int markdownFiles) throws IOException {
        Path content = Files.createDirectories(folder.resolve(name));
        Files.writeString(content.resolve("site.yaml"), "title: Test\n");
        for (int i = 0; i < markdownFiles; i++) {
            Path guide = Files.createDirectories(content.resolve("guide-" + (i / 10)));
            Files.writeString(guide.resolve("section-" + i + ".md"), "");
        }
        return content;
    }

    private List<String> java17Run(List<String> small, String... tail) {
        Path target = folder.resolve("generator/target");
        List<String> expected = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-Xshare:auto"));
        expected.addAll(small);
        expected.addAll(List.of("-XX:SharedArchiveFile=" + target.resolve("generator-all.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", target.resolve("generator-all.jar").toString()));
        expected.addAll(List.of(tail));
        return expected;
    }

    private static final List<String> SMALL = List.of("-XX:C1MaxInlineSize=20");
    /** A tiny site's flags: those of a small site, and a young generation its whole build fits in. */
    private static final List<String> TINY = List.of("-XX:C1MaxInlineSize=20", "-Xmn96m");

    /**
     * A build or check of a small site (fewer than 1,000 Markdown files) gets C1 with less inlining; a larger one, the
     * preview server and other commands keep the usual flags; the content folder is read from --content DIR,
     * --content=DIR (the last one given wins) or the default content/ of the working folder.
     */
    @Test
    void a_small_sites_build_gets_the_small_site_flags_and_a_large_one_the_usual() throws IOException, InterruptedException {
        Map<String, String> path = Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH"));
        String small = site("small", 999).toString();
        String large = site("large", 1000).toString();

        Run smallBuild = guide(path, "build", "--no-pdf", "--content", small);
        assertEquals(0, smallBuild.exit(), smallBuild.output());
        assertEquals("", smallBuild.output());
        assertEquals(List.of(java17Run(SMALL, "build", "--no-pdf", "--content", small)), smallBuild.calls());
        assertEquals(List.of(java17Run(SMALL, "check", "--content=" + small)), guide(path, "check", "--content=" + small).calls());
        assertEquals(List.of(java17Run(List.of(), "build", "--content", large)), guide(path, "build", "--content", large).calls());
        assertEquals(List.of(java17Run(List.of(), "check", "--content=" + large)), guide(path, "check", "--content=" + large).calls());
        assertEquals(List.of(java17Run(List.of(), "build", "--content", small, "--content=" + large)),
                guide(path, "build", "--content", small, "--content=" + large).calls());
        assertEquals(List.of(java17Run(SMALL, "build", "--content=" + large, "--out", "site", "--content", small)),
                guide(path, "build", "--content=" + large, "--out", "site", "--content", small).calls());

        // The default content folder is the working folder's content/: the copy's own, with two files, is tiny.
        site("content", 2);
        assertEquals(List.of(java17Run(TINY, "build")), guideIn(folder, path, "build").calls());
        assertEquals(List.of(java17Run(List.of(), "build")), guideIn(folder.resolve("large"), path, "build").calls());

        // The preview rebuilds many times, and other commands compile little: the usual flags.
        assertEquals(List.of(java17Run(List.of(), "serve", "--content", small)), guide(path, "serve", "--content", small).calls());
        assertEquals(List.of(java17Run(List.of(), "report", "--content", small)), guide(path, "report", "--content", small).calls());
    }

    /**
     * A site far over 1,000 Markdown files: the count stops reading at the 1,000th name, and find, still writing
     * (400 KB of names here, more than a pipe holds), is ended by SIGPIPE. That must not end the launcher (it did,
     * silently, with exit code 141, under pipefail).
     */
    @Test
    void a_site_of_thousands_of_files_is_counted_without_ending_the_launcher() throws IOException, InterruptedException {
        Map<String, String> path = Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH"));
        String large = site("large", 4000).toString();

        Run build = guide(path, "build", "--no-pdf", "--content", large);
        assertEquals(0, build.exit(), build.output());
        assertEquals("", build.output());
        assertEquals(List.of(java17Run(List.of(), "build", "--no-pdf", "--content", large)), build.calls());
    }

    /**
     * A build or check of a tiny site (fewer than 200 Markdown files) also gets a young generation of 96 MB, which its
     * whole build fits in; from 200 files on, the small site's flags alone.
     */
    @Test
    void a_tiny_sites_build_also_gets_a_young_generation_it_fits_in() throws IOException, InterruptedException {
        Map<String, String> path = Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH"));
        String tiny = site("tiny", 199).toString();
        String small = site("small", 200).toString();
        assertEquals(List.of(java17Run(TINY, "build", "--content", tiny)), guide(path, "build", "--content", tiny).calls());
        assertEquals(List.of(java17Run(TINY, "check", "--content=" + tiny)), guide(path, "check", "--content=" + tiny).calls());
        assertEquals(List.of(java17Run(SMALL, "build", "--content", small)), guide(path, "build", "--content", small).calls());
        assertEquals(List.of(java17Run(List.of(), "serve", "--content", tiny)), guide(path, "serve", "--content", tiny).calls());
    }

    @Test
    void guide_java_opts_replaces_every_flag_of_the_launcher_on_a_small_site_too() throws IOException, InterruptedException {
        String small = site("small", 3).toString();
        Run run = guide(Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH"), "GUIDE_JAVA_OPTS", "-Xmx1g -XX:+UseParallelGC"),
                "build", "--content", small);
        Path target = folder.resolve("generator/target");
        assertEquals(List.of(List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:SharedArchiveFile=" + target.resolve("generator-all.jsa"), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", target.resolve("generator-all.jar").toString(), "build", "--content", small)), run.calls());
    }

    /** A content folder that is not there is the generator's to report: the launcher says nothing and passes on its exit code. */
    @Test
    void a_missing_content_folder_is_left_to_the_generator() throws IOException, InterruptedException {
        Map<String, String> env = Map.of("PATH", folder.resolve("jdk-17/bin") + ":" + System.getenv("PATH"), "EXIT", "1");
        String missing = folder.resolve("no-such-content").toString();
        for (String[] args : new String[][] {{"build", "--content", missing}, {"check", "--content=" + missing}, {"build", "--content"}}) {
            Run run = guide(env, args);
            assertEquals(1, run.exit(), run.output());
            assertEquals("", run.output());
            assertEquals(List.of(java17Run(List.of(), args)), run.calls());
        }
    }

    /** On Java 25 the small-site flags go on the command, never on the AOT training (which builds the project's content/). */
    @Test
    void java_25_trains_with_the_usual_flags_and_runs_a_small_site_with_the_small_ones() throws IOException, InterruptedException {
        String small = site("small", 5).toString();
        Run run = guide(javaHome("jdk-25"), "build", "--content", small);
        assertEquals(2, run.calls().size(), run.calls().toString());
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m"), run.calls().get(0).subList(0, 3));
        assertFalse(run.calls().get(0).contains("-XX:C1MaxInlineSize=20"), run.calls().get(0).toString());
        assertFalse(run.calls().get(0).contains("-Xmn96m"), run.calls().get(0).toString());
        List<String> expected = new java.util.ArrayList<>(userRun("build", "--content", small));
        expected.addAll(3, TINY);
        assertEquals(expected, run.calls().get(1));
    }

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

    /**
     * The jar opens the JDK's file-system package to itself (its manifest's Add-Opens, which java -jar honours): the
     * loader and the build cache then read each stat's change time without the attribute view's map (content.UnixStat).
     */
    @Test
    void the_jar_opens_the_jdks_stat_to_the_generator() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(repo().resolve("generator/target/generator-all.jar").toFile())) {
            assertEquals("java.base/sun.nio.fs", jar.getManifest().getMainAttributes().getValue("Add-Opens"));
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
