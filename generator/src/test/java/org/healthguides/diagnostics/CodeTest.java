package org.healthguides.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CodeTest {

    @Test
    void every_code_is_a_G_and_four_digits_used_once_with_its_three_explanations() {
        Set<String> seen = new HashSet<>();
        for (Code code : Code.values()) {
            assertTrue(code.id().matches("G\\d{4}"), code.id());
            assertTrue(seen.add(code.id()), code.id() + " is given to two problems");
            assertTrue(!code.title().isBlank() && !code.meaning().isBlank() && !code.why().isBlank() && !code.fix().isBlank(), code.id());
        }
    }

    @Test
    void codes_are_found_by_id_in_any_case() {
        assertEquals(Code.LINK_LEADS_NOWHERE, Code.byId("g0107").orElseThrow());
        assertTrue(Code.byId("G9999").isEmpty());
    }

    /** A code nobody reports would be documented for nothing; a renamed constant would leave its old text behind. */
    @Test
    void every_code_but_the_default_is_reported_somewhere_in_the_generator() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Code.java")).toList();
            List<String> texts = new ArrayList<>();
            for (Path file : java) {
                texts.add(Files.readString(file));
            }
            sources = String.join("\n", texts);
        }
        String unused = Stream.of(Code.values()).filter(code -> code != Code.UNCLASSIFIED)
                .filter(code -> !sources.contains("Code." + code.name()))
                .map(Code::name).collect(Collectors.joining(", "));
        assertEquals("", unused, "codes no problem uses");
    }

    /**
     * Every problem the generator reports has a code, so editors can look it up. A new problem without one: add a
     * constant to Code.java in its group (next free number), report it with Problem.error(Code.X, …), and run the
     * tests with -Dsnapshots=overwrite to add it to docs/errors.md.
     */
    @Test
    void every_problem_the_generator_reports_is_given_a_code() throws IOException {
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("(Problem\\.(?:error|warning)\\(|new Problem\\()\\s*(?!Code\\.)");
        List<String> uncoded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("diagnostics")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (call.matcher(lines.get(i)).find()) {
                        uncoded.add(file + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), uncoded, "problems reported without a code: add one to diagnostics/Code.java in its group, "
                + "report it with Problem.error(Code.X, …) and run the tests with -Dsnapshots=overwrite for docs/errors.md");
    }

    @Test
    void a_problem_prints_its_code_and_one_without_a_code_prints_as_before() {
        assertEquals("content/g/a.md:3:7: error[G0107]: link 'x.md' leads nowhere — did you mean 'y.md'?",
                Problem.error(Code.LINK_LEADS_NOWHERE, "content/g/a.md", 3, "link 'x.md' leads nowhere", "did you mean 'y.md'?").atColumn(7).toString());
        assertEquals("content/g/a.md:3: warning: something", Problem.warning("content/g/a.md", 3, "something", "").toString());
        assertEquals("content/g/a.md: error[G0208]: file is empty", Problem.error(Code.FILE_EMPTY, "content/g/a.md", 0, "file is empty", null).toString());
    }
}
