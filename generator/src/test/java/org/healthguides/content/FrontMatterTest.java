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

    /**
     * Plain "key: value" lines are read without snakeyaml-engine ({@link PlainYaml}): whenever that
     * reading answers, it is snakeyaml-engine's answer, values, lines and columns; for anything it cannot vouch for it
     * answers null. Random front matter from lines that are plain, nearly plain and not plain at all.
     */
    @Test
    void plain_lines_read_without_snakeyaml_as_snakeyaml_reads_them() throws ContentErrors {
        String[] keys = {"title", "order", "description", "null", "Null", "draft", "x_y", "next-review", "_a", "a1", "true", "t"};
        String[] separators = {": ", ": ", ": ", ":", ":  ", " : ", ":\t", ": \t"};
        // The first twenty are plain; the rest are not, or are plain only to YAML's eye.
        String[] values = {"Back pain", "5", "2026-11-24", "null", "Null", "true", "A&E", "don't", "what?", "a!", "a=b", "a_b",
                "a;b", "a/b", "yes", "3 + 4", "Rest, ice and (gentle) movement.", "x...", "a - b", "[back pain, lower back pain, deadlift]",
                "[a, null, 5]",
                "~", "a  b", "x:y", "x: y", "a #b", "a# b", "(note)", "[x]", "\"q\"", "'q'", "- x", "ends ", "caf\u00e9", "x,y", "-5",
                ".5", "&a", "*a", "!a", "%x", "@x", "`x", "|", "a|b", ">", "a>b", "_a", "a&b *c !d", "...", "---", "a ---", "1:30",
                "a\u00a0b", "", "[]", "[a]", "[a,b]", "[ a, b ]", "[a, ]", "[a, [b]]", "[\"a\", b]", "[a, b] x", "[a:b]", "[a, b",
                "[a #b]", "[a  b, c]", "[a, b]]", "[-a]", "[a, ~]", "[a, 'b']", "[a, {b: c}]", "[, a]", "[a,, b]", "[a ,b]", "[A&E, don't]",
                "[\"999\", \"A&E\", shooting]", "[\"null\", \"\", \" x \", \"a: b # c\"]", "[\"a\\nb\"]", "[\"a\" , b]", "[\"a\"b]", "[\"a, b\"]",
                "[\"caf\u00e9\"]", "\"quoted\"", "[\"a\",\"b\"]", "[\"unclosed]"};
        String[] otherLines = {"", "# a comment", "  - item", "- item", "list:\n  - a\n  - b", "key: [a, b]", "key: {a: b}",
                "  indented: x", "---", "...", "key: |\n  text", "? complex", "&anchor key: x", "title: x # note", "title: 'x'"};
        java.util.Random random = new java.util.Random(1130);
        int plain = 0;
        int listsOfKeys = 0;
        for (int n = 0; n < 40_000; n++) {
            StringBuilder yaml = new StringBuilder();
            int lines = 1 + random.nextInt(5);
            for (int i = 0; i < lines; i++) {
                if (random.nextInt(12) == 0) {
                    yaml.append(otherLines[random.nextInt(otherLines.length)]);
                } else if (random.nextInt(4) == 0) {
                    // A list of sets of keys, mostly written as guides write them.
                    String[] itemStarts = {"- ", "   - ", "  -  ", "  -"};
                    String[] itemKeys = {"   ", "     ", "      ", "  "};
                    String[] quotedLists = {"[\"999\", \"A&E\", shooting]", "[\"null\", \"\", \" x \", \"a: b # c\"]", "[towel, cloth]"};
                    yaml.append(keys[random.nextInt(keys.length)]).append(random.nextInt(16) == 0 ? ": " : ":");
                    for (int item = 0, items = 1 + random.nextInt(3); item < items; item++) {
                        int firstKey = random.nextInt(keys.length);
                        for (int key = 0, itemSize = 1 + random.nextInt(3); key < itemSize; key++) {
                            boolean usual = random.nextInt(10) != 0;
                            String indent = key == 0 ? (usual ? "  - " : itemStarts[random.nextInt(itemStarts.length)])
                                    : (usual ? "    " : itemKeys[random.nextInt(itemKeys.length)]);
                            String value = random.nextInt(10) == 0 ? values[random.nextInt(values.length)]
                                    : random.nextInt(3) == 0 ? quotedLists[random.nextInt(quotedLists.length)] : values[random.nextInt(20)];
                            yaml.append('\n').append(indent).append(keys[(firstKey + key) % keys.length])
                                    .append(random.nextInt(10) == 0 ? separators[random.nextInt(separators.length)] : ": ").append(value);
                        }
                    }
                } else {
                    yaml.append(keys[random.nextInt(keys.length)]).append(separators[random.nextInt(separators.length)])
                            .append(values[random.nextInt(random.nextBoolean() ? 20 : values.length)]);
                }
                if (i < lines - 1 || random.nextInt(4) != 0) {
                    yaml.append('\n');
                }
            }
            String text = yaml.toString();
            int firstLine = random.nextInt(2);
            java.util.Map<String, YamlNode> read = PlainYaml.mapping(text, firstLine);
            if (read != null) {
                plain++;
                listsOfKeys += read.values().stream().anyMatch(v -> v.value() instanceof java.util.List<?> items && !items.isEmpty()
                        && ((YamlNode) items.get(0)).value() instanceof java.util.Map<?, ?>) ? 1 : 0;
                assertEquals(FrontMatter.parseWithSnakeYaml(text, "content/g/x.md", firstLine), read, text);
                assertEquals(read, FrontMatter.parseYamlMapping(text, "content/g/x.md", firstLine), text);
            }
        }
        assertTrue(plain > 1_500, "only " + plain + " of the random front matters were plain");
        assertTrue(listsOfKeys > 200, "only " + listsOfKeys + " plain front matters held a list of sets of keys");
        // The guide's sections: title, order and the rest as plain lines.
        assertEquals(java.util.Map.of("title", new YamlNode("Technique", 2, 1), "order", new YamlNode("3", 3, 1)),
                PlainYaml.mapping("title: Technique\norder: 3\n", 1));
        // A guide's required warnings: each item's line and column are those of its first key.
        assertEquals(java.util.Map.of("w", new YamlNode(java.util.List.of(new YamlNode(java.util.Map.of(
                        "name", new YamlNode("ice safety", 3, 5), "mentions", new YamlNode(java.util.List.of(new YamlNode("towel", 4, 16),
                                new YamlNode("A&E", 4, 23)), 4, 5)), 3, 5)), 2, 1)),
                PlainYaml.mapping("w:\n  - name: ice safety\n    mentions: [towel, \"A&E\"]\n", 1));
        assertEquals(java.util.Map.of("keywords", new YamlNode(java.util.List.of(new YamlNode("back pain", 2, 12), new YamlNode("deadlift", 2, 23)), 2, 1)),
                PlainYaml.mapping("keywords: [back pain, deadlift]\n", 1));
    }
}
