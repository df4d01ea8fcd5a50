package org.healthguides.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing prints every problem in the order given, each followed by its own file's line, whatever files they share. */
class ProblemListingTest {
    @TempDir
    Path folder;

    @Test
    void problems_of_many_files_are_listed_in_the_given_order_each_with_its_own_line() throws IOException {
        List<Problem> problems = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        String newline = System.lineSeparator();
        for (int i = 0; i < 300; i++) {
            // Files shared by several problems, out of order: the listing must not regroup them.
            Path file = folder.resolve("f" + (i * 7 % 40) + ".md");
            if (!Files.exists(file)) {
                StringBuilder text = new StringBuilder();
                for (int line = 1; line <= 20; line++) {
                    text.append(file.getFileName()).append(" line ").append(line).append('\n');
                }
                Files.writeString(file, text);
            }
            int line = i % 23; // lines 0 (none), 1-20 and past the end (none shown)
            Problem problem = Problem.warning(Code.LINK_LEADS_NOWHERE, file.toString(), line, "problem " + i, "fix " + i);
            problems.add(problem);
            expected.append(problem).append(newline);
            if (line >= 1 && line <= 20) {
                expected.append("  ").append(line).append(" | ").append(file.getFileName()).append(" line ").append(line).append(newline);
            }
        }
        problems.add(Problem.error(Code.BAD_BASE_URL, "--base-url", 0, "not a file", "fix it"));
        expected.append(problems.get(problems.size() - 1)).append(newline);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProblemListing.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), problems);
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8));
    }
}
