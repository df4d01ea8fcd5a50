package org.healthguides.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceExcerptTest {

    @Test
    void the_caret_sits_under_the_column() {
        assertEquals(List.of("  12 | See [how to lift](techniqe.md) first.", "     |                   ^"),
                SourceExcerpt.excerpt(12, "See [how to lift](techniqe.md) first.", 19).lines());
    }

    @Test
    void without_a_column_only_the_line_is_shown() {
        assertEquals(List.of("  3 | title: x"), SourceExcerpt.excerpt(3, "title: x", 0).lines());
    }

    @Test
    void tabs_widen_to_four_spaces_and_the_caret_follows() {
        SourceExcerpt.Excerpt excerpt = SourceExcerpt.excerpt(1, "\t- item", 4);
        assertEquals("    - item", excerpt.text());
        assertEquals(7, excerpt.caret(), "column 4 is the 'i' after a tab and '- '");
    }

    @Test
    void control_characters_never_reach_the_terminal() {
        SourceExcerpt.Excerpt excerpt = SourceExcerpt.excerpt(1, "a\u001b[31mred\u0007 \u202eb", 2);
        assertEquals("a?[31mred? ?b", excerpt.text());
        assertEquals(2, excerpt.caret());
    }

    @Test
    void a_long_line_is_shown_as_a_window_around_the_column() {
        String line = "x".repeat(5000) + "[link](nowhere.md)" + "y".repeat(5000);
        SourceExcerpt.Excerpt excerpt = SourceExcerpt.excerpt(1, line, 5008);
        assertTrue(excerpt.text().length() <= SourceExcerpt.WIDTH + 2, excerpt.text());
        assertTrue(excerpt.text().startsWith("…") && excerpt.text().endsWith("…"), excerpt.text());
        assertEquals('(', excerpt.text().charAt(excerpt.caret() - 2));
        assertEquals('n', excerpt.text().charAt(excerpt.caret() - 1));
    }

    @Test
    void the_line_is_read_from_the_file_the_problem_names(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("page.md");
        Files.writeString(file, "\uFEFF---\ntitle: \"Open\n---\n");
        Problem problem = Problem.error(Code.INVALID_YAML, file.toString(), 2, "invalid YAML", "").atColumn(8);
        assertEquals(List.of("  2 | title: \"Open", "    |        ^"), new SourceExcerpt().of(problem).orElseThrow().lines());
        assertTrue(new SourceExcerpt().of(Problem.error(Code.INVALID_YAML, file.toString(), 9, "past the end", "")).isEmpty());
        assertTrue(new SourceExcerpt().of(Problem.error(Code.INVALID_YAML, folder.resolve("gone.md").toString(), 1, "gone", "")).isEmpty());
    }

    @Test
    void a_line_is_taken_from_the_bytes_as_string_lines_splits_the_whole_text() {
        String[] texts = {"", "a", "a\n", "a\nb", "a\n\nb\n", "a\r\nb\rc\n\rd", "\uFEFFfirst\nsecond", "\n\n", "\r\n", "x\r",
                "ŵ ŷ\nالعربية\r\n😀 end", "caf\u00e9\n\u2028 sep\n"};
        for (String text : texts) {
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.util.List<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
            for (int number = 1; number <= lines.size() + 2; number++) {
                assertEquals(number <= lines.size() ? lines.get(number - 1) : null, SourceExcerpt.line(bytes, number),
                        "line " + number + " of " + text.replace("\n", "\\n").replace("\r", "\\r"));
            }
        }
        byte[] badByte = {'a', '\n', (byte) 0xC3, 'b', '\n', 'c'};
        assertEquals(new String(badByte, java.nio.charset.StandardCharsets.UTF_8).lines().toList().get(1), SourceExcerpt.line(badByte, 2),
                "a broken byte is shown as the whole text's decoding shows it");
    }

    @Test
    void a_line_of_a_text_the_build_read_is_split_as_string_lines_splits_it() {
        String[] texts = {"", "a", "a\n", "a\nb", "a\n\nb\n", "a\r\nb\rc\n\rd", "\n\n", "\r\n", "x\r", "ŵ ŷ\nالعربية\r\n😀 end"};
        for (String text : texts) {
            List<String> lines = text.lines().toList();
            for (int number = 1; number <= lines.size() + 2; number++) {
                assertEquals(number <= lines.size() ? lines.get(number - 1) : null, SourceExcerpt.line(text, number), text + " " + number);
            }
        }
    }

    @Test
    void the_text_the_build_read_is_used_and_a_file_it_did_not_read_is_read_from_disk(@TempDir Path folder) throws IOException {
        Path read = folder.resolve("read.md");
        Path other = folder.resolve("other.md");
        // On disk with a byte order mark and Windows line ends; the build's text has neither, and the same lines.
        Files.writeString(read, "\uFEFFtitle: on disk\r\nsecond on disk\r\n");
        Files.writeString(other, "first\nsecond of other\n");
        SourceExcerpt excerpts = new SourceExcerpt(file -> file.equals(read.toString()) ? "title: as read\nsecond as read\n" : null);
        assertEquals("second as read", excerpts.of(Problem.warning(Code.LINK_LEADS_NOWHERE, read.toString(), 2, "m", "f")).orElseThrow().text());
        assertEquals("second of other", excerpts.of(Problem.warning(Code.LINK_LEADS_NOWHERE, other.toString(), 2, "m", "f")).orElseThrow().text());
        assertEquals("second on disk", new SourceExcerpt().of(Problem.warning(Code.LINK_LEADS_NOWHERE, read.toString(), 2, "m", "f")).orElseThrow().text());
        assertTrue(excerpts.of(Problem.warning(Code.LINK_LEADS_NOWHERE, read.toString(), 3, "m", "f")).isEmpty(), "no line 3");
    }
}
