package org.healthguides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/architecture.md, read from the sources: every reference to another of our packages
 * in a main source file (imports, static imports and names written out in full) must point to a package the
 * file's own package may depend on. A new package fails this test until it is given its place here and in the doc.
 */
class ArchitectureTest {
    /** Used by every package; they use none of ours but each other. */
    static final List<String> FOUNDATION = List.of("diagnostics", "readability");
    /** The stages, in data-flow order: each may use those before it, never one after. */
    static final List<String> STAGES = List.of("content", "markdown", "site", "render", "output", "links");
    /** What runs the stages, in order: each may use every stage and the ones before it; no stage uses them. */
    static final List<String> DRIVERS = List.of("report", "pipeline", "serve", "cli");

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "healthguides");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.healthguides\\.([a-z]+)\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** The layer and position of a package: foundation first, then the stages in order, then the drivers. */
    static int rank(String pkg) {
        if (FOUNDATION.contains(pkg)) {
            return 0;
        }
        if (STAGES.contains(pkg)) {
            return 1 + STAGES.indexOf(pkg);
        }
        if (DRIVERS.contains(pkg)) {
            return 1 + STAGES.size() + DRIVERS.indexOf(pkg);
        }
        return -1;
    }

    /** Why {@code from} may not use {@code to}, or null when it may. */
    static String violation(String from, String to) {
        if (from.equals(to)) {
            return null;
        }
        if (rank(from) < 0 || rank(to) < 0) {
            return "package '" + (rank(from) < 0 ? from : to) + "' has no place in the layering: add it to ArchitectureTest and docs/architecture.md";
        }
        if (FOUNDATION.contains(from) && !FOUNDATION.contains(to)) {
            return "'" + from + "' is used by every stage, so it may not use '" + to + "'";
        }
        if (FOUNDATION.contains(to) || rank(to) < rank(from)) {
            return null;
        }
        return "'" + from + "' may not use '" + to + "', which comes after it";
    }

    /** Every package our code in {@code source} names, comments left out. */
    static Set<String> references(String source) {
        Set<String> packages = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(""));
        while (matcher.find()) {
            packages.add(matcher.group(1));
        }
        return packages;
    }

    @Test
    void no_package_uses_one_of_a_later_stage() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String from = SOURCES.relativize(file).getName(0).toString();
                for (String to : references(Files.readString(file))) {
                    String problem = violation(from, to);
                    if (problem != null) {
                        problems.add(SOURCES.relativize(file) + ": " + problem);
                    }
                }
            }
        }
        assertTrue(files > 50, "read only " + files + " files from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), problems);
    }

    @Test
    void every_package_has_its_place() throws IOException {
        try (Stream<Path> folders = Files.list(SOURCES)) {
            List<String> unplaced = folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).filter(p -> rank(p) < 0).sorted().toList();
            assertEquals(List.of(), unplaced, "add each package to ArchitectureTest and docs/architecture.md");
        }
    }

    @Test
    void the_rule_catches_a_stage_reaching_down_and_a_name_written_in_full() {
        assertEquals(Set.of("diagnostics", "output", "site"), references("""
                package org.healthguides.render;
                import org.healthguides.output.JsonText;
                import static org.healthguides.diagnostics.Problem.error;
                // org.healthguides.links.LinkChecker is only mentioned here
                /* and org.healthguides.cli.Main here */
                class X { Object y = new org.healthguides.site.Site(null, null, null); }
                """));
        assertTrue(violation("render", "output").contains("comes after it"));
        assertTrue(violation("content", "pipeline").contains("comes after it"));
        assertTrue(violation("diagnostics", "content").contains("used by every stage"));
        assertTrue(violation("pipeline", "serve").contains("comes after it"));
        assertTrue(violation("site", "governance").contains("no place"));
        assertEquals(null, violation("links", "content"));
        assertEquals(null, violation("content", "readability"));
        assertEquals(null, violation("cli", "pipeline"));
    }
}
