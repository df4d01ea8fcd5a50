package org.healthguides.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.healthguides.testing.Snapshots;
import org.junit.jupiter.api.Test;

/** docs/errors.md's table of codes is generated from {@link Code}, the source 'guide explain' prints from. */
class ErrorsDocTest {
    private static final Path DOC = Path.of("../docs/errors.md");
    private static final String START = "<!-- codes:start -->\n";
    private static final String END = "<!-- codes:end -->";

    @Test
    void the_table_of_codes_in_docs_errors_md_is_the_one_code_java_makes() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, DOC + " keeps the markers " + START.strip() + " and " + END);
        String regenerated = doc.substring(0, start + START.length()) + table() + doc.substring(end);
        Snapshots.assertFile(DOC, regenerated);
    }

    static String table() {
        StringBuilder out = new StringBuilder("| code | problem | why it matters | what to do |\n|---|---|---|---|\n");
        for (Code code : Code.values()) {
            out.append("| ").append(code.id()).append(" | **").append(cell(code.title())).append("**: ").append(cell(code.meaning()))
                    .append(" | ").append(cell(code.why())).append(" | ").append(cell(code.fix())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        // Markdown written as an example ('![](file.jpg)') must show as written, not become a link or an image.
        return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("\n", " ");
    }
}
