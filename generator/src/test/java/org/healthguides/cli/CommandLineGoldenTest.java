package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.healthguides.testing.Snapshots;
import org.healthguides.testing.Txtar;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the command line prints, kept as golden files: each case in src/test/resources/golden/cli/*.txtar is the
 * test fixture's site with the case's {@code content/…} and {@code templates/…} sections written over it, the
 * {@code args} to run ($CONTENT, $TEMPLATES and $OUT name the fixture's folders), and the {@code exit} code,
 * {@code stdout} and {@code stderr} expected, with the fixture's folder left out of paths and timings as N.
 * Change the output, run with -Dsnapshots=overwrite, and read the diff.
 */
class CommandLineGoldenTest {
    private static final Path CASES = Path.of("src/test/resources/golden/cli");

    static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList();
            assertFalse(found.isEmpty(), "no cases in " + CASES);
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prints_what_its_golden_file_says(Path file, @TempDir Path root) {
        Txtar txtar = Txtar.read(file);
        Fixture fixture = new Fixture(root);
        txtar.writeFiles("content/", fixture.content);
        txtar.writeFiles("templates/", fixture.templates);
        String[] args = Arrays.stream(txtar.files().getOrDefault("args", "").strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.replace("$CONTENT", fixture.content.toString())
                        .replace("$TEMPLATES", fixture.templates.toString())
                        .replace("$OUT", fixture.out.toString()))
                .toArray(String[]::new);
        GuideRun run = GuideRun.guide(args);
        Snapshots.assertSection(file, "exit", run.exit() + "\n");
        Snapshots.assertSection(file, "stdout", normalised(run.out(), root));
        Snapshots.assertSection(file, "stderr", normalised(run.err(), root));
    }

    private static String normalised(String output, Path root) {
        return output.replace(root + "/", "").replaceAll("\\b\\d+ ms\\b", "N ms").replace("(Java " + Runtime.version() + ")", "(Java N)");
    }
}
