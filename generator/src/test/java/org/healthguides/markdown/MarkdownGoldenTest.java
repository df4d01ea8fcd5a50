package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Problem;
import org.healthguides.testing.Snapshots;
import org.healthguides.testing.Txtar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown stage's output for whole inputs, kept as golden files: each case in
 * src/test/resources/golden/markdown/*.txtar has an {@code input.md} section (the body of content/g/page.md,
 * starting on line 5) and the {@code html} and {@code problems} it gives. Change the stage, run with
 * -Dsnapshots=overwrite, and read the diff.
 */
class MarkdownGoldenTest {
    private static final Path CASES = Path.of("src/test/resources/golden/markdown");
    private static final Map<String, WarningKind> KINDS = Map.of(
            "urgent", new WarningKind("urgent", "Urgent advice", "See a doctor straight away if:"),
            "caution", new WarningKind("caution", "Important", "Important"));

    static List<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList();
            assertFalse(found.isEmpty(), "no cases in " + CASES);
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renders_as_its_golden_file_says(Path file) {
        String input = Txtar.read(file).files().get("input.md");
        RenderedMarkdown rendered = new MarkdownRenderer(KINDS).render(
                MarkdownSource.onItsOwnPage("content/g/page.md", "g/page.md", input, 5));
        Snapshots.assertSection(file, "html", rendered.html().endsWith("\n") ? rendered.html() : rendered.html() + "\n");
        String problems = rendered.problems().stream().sorted(Problem.BY_LOCATION).map(p -> p + "\n").collect(Collectors.joining());
        Snapshots.assertSection(file, "problems", problems);
    }
}
