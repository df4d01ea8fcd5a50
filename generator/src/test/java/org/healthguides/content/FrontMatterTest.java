package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static SourceFile file(String text) {
        return new SourceFile("g/technique.md", "content/g/technique.md", text);
    }

    private static Problem onlyProblem(String text) {
        ContentErrors errors = assertThrows(ContentErrors.class, () -> FrontMatter.parse(file(text)));
        assertEquals(1, errors.problems().size(), errors.problems().toString());
        return errors.problems().get(0);
    }

    @Test
    void splits_fields_and_body_and_knows_where_the_body_starts() throws ContentErrors {
        FrontMatter parsed = FrontMatter.parse(file("---\ntitle: Technique\norder: 3\n---\n## Trunk\n"));
        assertEquals("Technique", parsed.fields().get("title").value());
        assertEquals(3, parsed.fields().get("order").line());
        assertEquals("## Trunk\n", parsed.body());
        assertEquals(5, parsed.bodyLine());
    }

    @Test
    void unterminated_front_matter_is_reported_at_line_one() {
        Problem problem = onlyProblem("---\ntitle: Technique\n\n## Trunk\n");
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("not closed"), problem.message());
    }

    @Test
    void invalid_yaml_is_reported_at_the_parsers_line_and_column() {
        Problem problem = onlyProblem("---\ntitle: Technique\norder: [3\n---\nbody\n");
        assertEquals("content/g/technique.md", problem.file());
        assertTrue(problem.line() >= 3, problem.toString());
        assertTrue(problem.column() > 0, problem.toString());
        assertTrue(problem.message().startsWith("invalid YAML"), problem.message());
    }

    @Test
    void an_unclosed_quote_is_reported_at_the_opening_quote_not_at_the_end_of_the_front_matter() {
        for (String quote : new String[] {"\"", "'"}) {
            Problem problem = onlyProblem("---\ntitle: Technique\ndescription: " + quote + "Lift with a flat back\norder: 3\nreviewed: 2026-11-24\n---\nbody\n");
            assertEquals(3, problem.line(), problem.toString());
            assertEquals(14, problem.column(), "the column of the opening quote: " + problem);
            assertEquals(Code.INVALID_YAML, problem.code());
            assertTrue(problem.message().contains("never closed"), problem.message());
        }
    }

    @Test
    void a_key_given_twice_is_an_error_naming_both_lines() {
        Problem problem = onlyProblem("---\ntitle: A\norder: 1\ntitle: B\n---\n");
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("first on line 2"), problem.message());
    }

    @Test
    void empty_file_and_missing_front_matter_say_what_to_add() {
        assertTrue(onlyProblem("  \n").message().contains("empty"));
        assertTrue(onlyProblem("## Trunk\n").message().contains("does not start with front matter"));
    }

    @Test
    void the_closing_line_is_three_dashes_or_dots_with_trailing_blanks_allowed() throws ContentErrors {
        assertEquals("body\n", FrontMatter.parse(file("---\ntitle: A\n--- \t\nbody\n")).body());
        assertEquals("body\n", FrontMatter.parse(file("---\ntitle: A\n...\nbody\n")).body());
        assertEquals("", FrontMatter.parse(file("---\ntitle: A\n---")).body(), "closed on the last line, without a line break");
        assertEquals(4, FrontMatter.parse(file("---\ntitle: A\n---\n")).bodyLine());
        FrontMatter block = FrontMatter.parse(file("---\ntitle: |\n  ----\n   ---\n---\nbody\n"));
        assertEquals("----\n ---\n", block.fields().get("title").value(), "four dashes or an indented fence do not close it");
        assertEquals("body\n", block.body());
        assertEquals(Code.FRONT_MATTER_NOT_CLOSED, onlyProblem("---\ntitle: A\n-- -\n").code());
        assertEquals(Code.FRONT_MATTER_NOT_CLOSED, onlyProblem("---\ntitle: A\n---x\n").code());
    }

    /** The "key: value" reader without snakeyaml gives what snakeyaml's parse gives, or declines. */
    @Test
    void flat_front_matter_reads_as_snakeyaml_does() throws ContentErrors {
        java.util.Map<String, YamlNode> section = FrontMatter.flatMapping("title: What causes it\norder: 2\ndescription: Each start, load (pack) short.\n", 1);
        assertEquals(java.util.List.of("title", "order", "description"), java.util.List.copyOf(section.keySet()));
        assertEquals(new YamlNode("Each start, load (pack) short.", 4, 1), section.get("description"));
        String[] keys = {"title", "order", "description", "a_b2", "Title", "_x", "title ", "ti-tle", "x"};
        String[] values = {"A", "plain words", "2", "2026-11-24", "null", "Null", "~", "true", "it's", "a: b", "a #b", "a#b", "#c",
                "'q'", "\"q\"", "[a, b]", "{a: b}", "- x", "a - b", "-x", "x  y", "x ", " x", "", "&a x", "*a", "!t x", "x!",
                "%x", "@x", "`x", "a, b", "(a)", "? x", "x?", "|", ">", "a/b", "a+b=c", "\tx", "x\ty", "café", "1.5", ".5", "x,", "x\r"};
        String[] separators = {": ", ":  ", ":", " : ", ":\t"};
        java.util.Random random = new java.util.Random(15);
        int flat = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder yaml = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            for (int i = 0; i < lines; i++) {
                int pick = random.nextInt(40);
                if (pick == 0) {
                    yaml.append('\n'); // blank line
                } else if (pick == 1) {
                    yaml.append("# comment\n");
                } else if (pick == 2) {
                    yaml.append("  continued words\n");
                } else if (pick == 3) {
                    yaml.append("list:\n  - a\n");
                } else {
                    yaml.append(keys[random.nextInt(pick < 20 ? 3 : keys.length)])
                            .append(separators[pick < 30 ? 0 : random.nextInt(separators.length)])
                            .append(values[random.nextInt(pick < 15 ? 4 : values.length)]).append('\n');
                }
            }
            String text = random.nextInt(10) == 0 ? yaml.toString().trim() : yaml.toString();
            java.util.Map<String, YamlNode> fast = FrontMatter.flatMapping(text, 1);
            if (fast == null) {
                continue;
            }
            flat++;
            java.util.Map<String, YamlNode> slow = FrontMatter.parseWithSnakeyaml(text, "f.md", 1);
            assertEquals(java.util.List.copyOf(slow.entrySet()), java.util.List.copyOf(fast.entrySet()), text);
        }
        assertTrue(flat > 2_000, "only " + flat + " read without snakeyaml");
    }
}
