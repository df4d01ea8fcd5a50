package org.healthguides.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Large and odd input: deep nesting and very long lines are reported at their line instead of overflowing the
 * stack or hanging. Rendering runs on a thread with a small stack (256 KB) so a recursion the limits miss shows
 * up here rather than only on someone else's machine; the timeout is a hang guard, not a speed test.
 */
class MarkdownLimitsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private final MarkdownRenderer renderer = new MarkdownRenderer(Map.of("urgent", new WarningKind("urgent", "Urgent advice", "See a doctor:")));

    private RenderedMarkdown renderOnSmallStack(String body) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(renderer.render(MarkdownSource.onItsOwnPage("content/g/deep.md", "g/deep.md", body, 5)));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("rendering threw " + e, e);
        }
        return (RenderedMarkdown) result.get();
    }

    static Stream<Arguments> tooDeepOrTooLong() {
        StringBuilder indentedList = new StringBuilder("intro\n\n");
        for (int level = 0; level < 1000; level++) {
            indentedList.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        StringBuilder quotes = new StringBuilder("intro\n\n");
        for (int level = 1; level <= 1000; level++) {
            quotes.append(">".repeat(level)).append(" quote\n");
        }
        return Stream.of(
                Arguments.of("1,000 nested lists by indentation", indentedList.toString(), 7 + 32, "nested"),
                Arguments.of("1,000 nested quotes, one per line", quotes.toString(), 7 + 32, "nested"),
                Arguments.of("1,000 quotes on one line", "ok\n\n" + "> ".repeat(1000) + "deep\n", 7, "nested"),
                Arguments.of("1,000 bullet markers on one line", "ok\n\n" + "- ".repeat(1000) + "deep\n", 7, "nested"),
                Arguments.of("1,000 numbered markers on one line", "ok\n\n" + "1. ".repeat(1000) + "deep\n", 7, "nested"),
                Arguments.of("1,000 levels of emphasis", "ok\n\n" + "*".repeat(1000) + "a" + "*".repeat(1000) + "\n", 7, "run of"),
                Arguments.of("1,000 levels of underscores", "ok\n\n" + "_".repeat(1000) + "a" + "_".repeat(1000) + "\n", 7, "run of"),
                Arguments.of("a 100,000-character line of links", "ok\n\n" + "[a](b.md) ".repeat(10_000) + "\n", 7, "100,000 characters"),
                Arguments.of("a 100,000-character line of words", "ok\n\n" + "word ".repeat(20_000) + "\n", 7, "100,000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeepOrTooLong")
    void is_reported_at_its_line_without_overflowing_or_hanging(String name, String body, int line, String phrase) {
        RenderedMarkdown rendered = assertTimeoutPreemptively(HANG_GUARD, () -> renderOnSmallStack(body));
        assertEquals(1, rendered.problems().size(), rendered.problems().toString());
        Problem problem = rendered.problems().get(0);
        assertTrue(problem.isError());
        assertEquals("content/g/deep.md", problem.file());
        assertEquals(line, problem.line(), problem.toString());
        assertTrue(problem.message().contains(phrase), problem.toString());
        assertTrue(problem.fix() != null && !problem.fix().isEmpty(), "says what to do: " + problem);
    }

    /** Every punctuation character repeated into a long line (under the line limit) parses within the bounds. */
    @Test
    void long_runs_of_any_punctuation_render_or_are_reported_without_overflowing() {
        String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        for (char c : punctuation.toCharArray()) {
            for (String line : List.of(String.valueOf(c).repeat(19_000), (c + " ").repeat(9_000), (c + "a").repeat(9_000))) {
                RenderedMarkdown rendered = assertTimeoutPreemptively(HANG_GUARD, () -> renderOnSmallStack("## Start\n\n" + line + "\n"),
                        "character " + c);
                for (Problem problem : rendered.problems()) {
                    assertTrue(problem.line() >= 5, problem.toString());
                }
            }
        }
    }

    @Test
    void ordinary_nesting_is_allowed() throws InterruptedException {
        RenderedMarkdown rendered = renderOnSmallStack("""
                - one
                  - two
                    - three
                      > quoted *with **strong [a link](#x)***
                """);
        assertEquals(List.of(), rendered.problems().stream().filter(Problem::isError).toList());
        assertTrue(rendered.html().contains("<strong>"), rendered.html());
    }

    @Test
    void a_five_megabyte_section_renders_every_paragraph() throws InterruptedException {
        String paragraph = "Keep the bar close to your shins and your back flat, as the [technique](#step-1) says.\n\n";
        int count = 5 * 1024 * 1024 / paragraph.length();
        RenderedMarkdown rendered = assertTimeoutPreemptively(HANG_GUARD, () -> renderOnSmallStack("## Step 1\n\n" + paragraph.repeat(count)));
        assertEquals(List.of(), rendered.problems());
        assertEquals(count, rendered.html().split("<p>", -1).length - 1);
        assertEquals(count, rendered.links().size());
    }

    @Test
    void a_run_of_markers_counts_the_spaces_between_them_and_ends_at_anything_else() {
        int most = MarkdownLimits.MAX_MARKER_RUN;
        // After a word, so that the markers do not also open list levels.
        assertTrue(MarkdownLimits.check("word" + " *".repeat(most) + "\n", "f.md", 4).isEmpty());
        assertTrue(MarkdownLimits.check("*".repeat(most) + "a" + "_".repeat(most) + "\n", "f.md", 4).isEmpty());
        var tooLong = MarkdownLimits.check("fine\nword" + " -".repeat(most + 1) + "\nfine", "f.md", 4);
        assertTrue(tooLong.isPresent());
        assertEquals(5, tooLong.get().line(), "the second line of a body starting on line 4");
        assertTrue(tooLong.get().message().contains("run of " + (most + 1)), tooLong.get().message());
    }

    /**
     * The scan reads the text as Latin-1 bytes: a character above Latin-1 is one '?' there, and a pair of surrogates
     * (an emoji) still counts as the two characters it is, so a line's length is the same as in characters.
     */
    @Test
    void characters_beyond_latin_1_count_as_what_they_are() {
        int most = MarkdownLimits.MAX_LINE_LENGTH;
        String emoji = "\uD83D\uDE00"; // two characters
        assertTrue(MarkdownLimits.check("fine\n" + emoji.repeat(most / 2) + "\n", "f.md", 1).isEmpty());
        var tooLong = MarkdownLimits.check("fine\n" + emoji.repeat(most / 2) + "\u00e9\n", "f.md", 1);
        assertTrue(tooLong.isPresent());
        assertTrue(tooLong.get().message().contains(String.format(java.util.Locale.ROOT, "%,d characters", most + 1)), tooLong.get().message());
        // Text beyond Latin-1 (Welsh, Urdu, a dash) is text: it ends a run of markers and a line's indentation.
        assertTrue(MarkdownLimits.check("word" + " *".repeat(60) + "\u2014" + " *".repeat(60) + "\n", "f.md", 1).isEmpty());
        assertTrue(MarkdownLimits.check("word" + " *".repeat(60) + "\u00a0" + " *".repeat(60) + "\n", "f.md", 1).isEmpty());
        assertTrue(MarkdownLimits.check("word" + " *".repeat(120) + "\n", "f.md", 1).isPresent());
    }

    /** The scan's line starts and '|' are what LineIndex and a search of the text find, for any text within the bounds. */
    @org.junit.jupiter.api.Test
    void the_scan_finds_the_lines_and_the_pipe() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("", "\n", "a", "a\n", "\n\nb|c\n", "| A |\n|---|\n",
                "é漢字😀\n|\r\nx", "- a\n  - b\n\n> q|\n"));
        for (Object[] body : FinishedHtmlTest.bodies()) {
            texts.add((String) body[1]);
        }
        java.util.Random random = new java.util.Random(5);
        String pieces = "ab \n\n|-*_>1.(]\té";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            MarkdownLimits.Scan scan = MarkdownLimits.scan(text, "x.md", 3);
            if (scan.problem() != null) {
                continue;
            }
            assertEquals(text.indexOf('|') >= 0, scan.hasPipe(), text);
            LineIndex found = new LineIndex(scan.lineStarts(), 3);
            LineIndex searched = new LineIndex(text, 3);
            for (int offset = 0; offset <= text.length(); offset++) {
                assertEquals(searched.lineAt(offset), found.lineAt(offset), text + " at " + offset);
                assertEquals(searched.columnAt(offset), found.columnAt(offset), text + " at " + offset);
            }
        }
    }
    /** The word test of the scan's fast path: plain exactly when none of its eight bytes is one the scan counts. */
    @Test
    void a_word_is_plain_when_no_byte_of_it_counts() {
        java.util.Random random = new java.util.Random(17);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[8];
            for (int i = 0; i < 8; i++) {
                // Mostly letters and spaces, with any byte at all among them.
                int kind = random.nextInt(4);
                bytes[i] = (byte) (kind == 0 ? random.nextInt(256) : kind == 1 ? ' ' : 'a' + random.nextInt(26));
            }
            if (n < 256 * 8) {
                java.util.Arrays.fill(bytes, (byte) 'e');
                bytes[n / 256] = (byte) (n % 256); // every byte value at every place
            }
            boolean counted = false;
            for (byte b : bytes) {
                int c = b & 0xff;
                counted |= c < ' ' || (c > ' ' && c <= '-') || c == '_' || c == '|';
            }
            long word = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(!counted, MarkdownLimits.plain(word), java.util.Arrays.toString(bytes));
        }
    }

    /** The scan eight bytes at a time finds what the scan one byte at a time (before it, kept here) found, at any alignment. */
    @Test
    void the_scan_finds_what_a_scan_byte_by_byte_finds() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (Object[] body : FinishedHtmlTest.bodies()) {
            texts.add((String) body[1]);
        }
        texts.addAll(FinishedHtmlTest.hostile());
        java.util.Random random = new java.util.Random(23);
        String[] pieces = {"a", "word ", " ", "  ", "\n", "\n\n", "|", "-", "*", "_", "- ", "* ", "> ", "1. ", "](", "]", "(", ",", ".", "\t", "\r",
                "é", "\u2014", "\u00a0", "漢", "\ud83d\ude00", "abcdefgh", "        ", "********", "- - - - ", "_ _ _ _ ", "[a](b) "};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(n % 10 == 0 ? 400 : 60);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        // Bounds met at every alignment: a run of markers, a long line, many openers, deep nesting.
        for (int shift = 0; shift < 9; shift++) {
            String lead = "x".repeat(shift);
            texts.add(lead + " *".repeat(50) + "*\n");
            texts.add(lead + " *".repeat(51) + "\n");
            texts.add(lead + "ab ".repeat(6_667) + "\n" + lead + "ab ".repeat(6_666) + "ab\n");
            texts.add(lead + "[a](".repeat(1_001) + "\n");
            texts.add("  ".repeat(shift * 5) + "- x\n" + lead + "> ".repeat(33) + "q\n");
        }
        for (String text : texts) {
            MarkdownLimits.Scan scan = MarkdownLimits.scan(text, "x.md", 3);
            MarkdownLimits.Scan byByte = scanByteByByte(text, "x.md", 3);
            assertEquals(byByte.problem(), scan.problem(), text);
            if (byByte.problem() == null) {
                assertEquals(java.util.Arrays.toString(byByte.lineStarts()), java.util.Arrays.toString(scan.lineStarts()), text);
                assertEquals(byByte.hasPipe(), scan.hasPipe(), text);
            }
        }
    }

    /** MarkdownLimits.scan as it was before it read eight bytes at a time. */
    private static MarkdownLimits.Scan scanByteByByte(String bodyText, String displayPath, int bodyLine) {
        byte[] body = MarkdownLimits.latin1(bodyText);
        int[] lineStarts = new int[64];
        int lines = 1;
        boolean pipe = false;
        int line = bodyLine;
        int start = 0;
        int paragraphOpeners = 0;
        int paragraphLine = line;
        while (start <= body.length) {
            int end = start;
            int run = 0;
            int markers = 0;
            int openers = 0;
            boolean blank = true;
            while (end < body.length) {
                char c = (char) (body[end] & 0xff);
                if (c > '-' && c != '_' && c != '|') {
                    markers = 0;
                    blank = false;
                    end++;
                    continue;
                }
                if (c == '\n') {
                    break;
                }
                if (c == '*' || c == '_' || c == '-') {
                    markers++;
                    if (markers > run) {
                        run = markers;
                    }
                } else if (c != ' ') {
                    markers = 0;
                    pipe |= c == '|';
                    if (c == '(' && end > start && body[end - 1] == ']') {
                        openers++;
                    }
                }
                if (c > ' ') {
                    blank = false;
                }
                end++;
            }
            if (end - start > MarkdownLimits.MAX_LINE_LENGTH) {
                return new MarkdownLimits.Scan(Problem.error(org.healthguides.diagnostics.Code.LINE_TOO_LONG, displayPath, line,
                        String.format(java.util.Locale.ROOT, "this line is %,d characters long; at most %,d are allowed", end - start, MarkdownLimits.MAX_LINE_LENGTH),
                        "break it into paragraphs with an empty line between them"), null, false);
            }
            int depth = MarkdownLimits.nesting(body, start, end);
            if (depth > MarkdownLimits.MAX_NESTING) {
                return new MarkdownLimits.Scan(Problem.error(org.healthguides.diagnostics.Code.NESTED_TOO_DEEP, displayPath, line,
                        "this line is nested " + depth + " levels deep in lists, quotes or indentation; at most " + MarkdownLimits.MAX_NESTING + " are allowed",
                        "flatten the list or quote; readers cannot follow more than a few levels anyway"), null, false);
            }
            if (run > MarkdownLimits.MAX_MARKER_RUN) {
                return new MarkdownLimits.Scan(Problem.error(org.healthguides.diagnostics.Code.MARKER_RUN_TOO_LONG, displayPath, line,
                        "this line has a run of " + run + " '*', '_' or '-' characters; at most " + MarkdownLimits.MAX_MARKER_RUN + " are allowed",
                        "use '---' on its own line for a rule and one or two '*' for emphasis"), null, false);
            }
            if (blank) {
                paragraphOpeners = 0;
                paragraphLine = line + 1;
            } else {
                paragraphOpeners += openers;
                if (paragraphOpeners > MarkdownLimits.MAX_LINK_OPENERS) {
                    return new MarkdownLimits.Scan(Problem.error(org.healthguides.diagnostics.Code.TOO_MANY_LINK_OPENERS, displayPath, paragraphLine,
                            String.format(java.util.Locale.ROOT, "this paragraph has more than %,d links or '](' openers", MarkdownLimits.MAX_LINK_OPENERS),
                            "split it into paragraphs with an empty line between them, or close each link with ')'"), null, false);
                }
            }
            if (end < body.length) {
                if (lines == lineStarts.length) {
                    lineStarts = java.util.Arrays.copyOf(lineStarts, lines * 2);
                }
                lineStarts[lines++] = end + 1;
            }
            start = end + 1;
            line++;
        }
        return new MarkdownLimits.Scan(null, java.util.Arrays.copyOf(lineStarts, lines), pipe);
    }
}
