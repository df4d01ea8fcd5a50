package org.healthguides.markdown;

import java.util.Optional;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * Bounds checked on the raw text before Flexmark sees it. The parser and renderer recurse once per level of
 * nesting (and Java's regex engine once per repeated marker), so a file with a thousand nested lists or a
 * line of ten thousand asterisks would overflow the stack or take minutes; no guide needs anything close.
 */
final class MarkdownLimits {
    /** Levels of lists, quotes and indentation one line may be nested in. */
    static final int MAX_NESTING = 32;
    /** Emphasis and rule markers ({@code * _ -}) in one unbroken run, spaces between them included. */
    static final int MAX_MARKER_RUN = 100;
    /** Characters in one line. Flexmark's inline parser copies the rest of a paragraph for each link it matches,
     *  so a single line of 100,000 characters full of links takes many seconds; wrapped text has no such line. */
    static final int MAX_LINE_LENGTH = 20_000;
    /** Link openers ({@code ](}) in one paragraph. Flexmark scans to the paragraph's end for each one it cannot
     *  close, so 32,000 of them on short lines took 100 s (16,000: 20 s); 1,000 take a few milliseconds. */
    static final int MAX_LINK_OPENERS = 1_000;

    private MarkdownLimits() {
    }

    /** The first line that goes past a bound, as an error, or empty when the body is within bounds. */
    static Optional<Problem> check(String bodyText, String displayPath, int bodyLine) {
        return Optional.ofNullable(scan(bodyText, displayPath, bodyLine).problem());
    }

    /**
     * What the one pass over the body finds besides the bounds, so nothing reads the body again for it: where its
     * lines start (for {@link LineIndex}) and whether it holds a '|' (without one, no table: see MarkdownRenderer).
     *
     * @param problem the first line that goes past a bound, or null
     */
    record Scan(Problem problem, int[] lineStarts, boolean hasPipe) {
    }

    static Scan scan(String bodyText, String displayPath, int bodyLine) {
        byte[] body = latin1(bodyText);
        int[] lineStarts = new int[64];
        int lines = 1;
        boolean pipe = false;
        int line = bodyLine;
        int start = 0;
        int paragraphOpeners = 0;
        int paragraphLine = line;
        while (start <= body.length) {
            // One pass finds the line's end, its longest run of markers, and its link openers.
            int end = start;
            int run = 0;
            int markers = 0;
            int openers = 0;
            boolean blank = true;
            while (end < body.length) {
                // Eight bytes at a time while they hold only spaces and letters, digits and marks above '-' but for '_'
                // and '|' (most of any prose): such bytes only end a run of markers and make the line not blank.
                if (end + 8 <= body.length) {
                    long word = (long) LONGS.get(body, end);
                    if (plain(word)) {
                        if (word != SPACES) {
                            markers = 0;
                            blank = false;
                        }
                        end += 8;
                        continue;
                    }
                }
                // Else these eight bytes one at a time.
                int stop = Math.min(end + 8, body.length);
                boolean lineEnd = false;
                for (; end < stop; end++) {
                    char c = (char) (body[end] & 0xff);
                    // Letters and digits first, with one comparison: '_' is the only marker above '-' ('|' is noted below).
                    if (c > '-' && c != '_' && c != '|') {
                        markers = 0;
                        blank = false;
                        continue;
                    }
                    if (c == '\n') {
                        lineEnd = true;
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
                }
                if (lineEnd) {
                    break;
                }
            }
            if (end - start > MAX_LINE_LENGTH) {
                return new Scan(Problem.error(Code.LINE_TOO_LONG, displayPath, line,
                        String.format(java.util.Locale.ROOT, "this line is %,d characters long; at most %,d are allowed", end - start, MAX_LINE_LENGTH),
                        "break it into paragraphs with an empty line between them"), null, false);
            }
            int depth = nesting(body, start, end);
            if (depth > MAX_NESTING) {
                return new Scan(Problem.error(Code.NESTED_TOO_DEEP, displayPath, line,
                        "this line is nested " + depth + " levels deep in lists, quotes or indentation; at most " + MAX_NESTING + " are allowed",
                        "flatten the list or quote; readers cannot follow more than a few levels anyway"), null, false);
            }
            if (run > MAX_MARKER_RUN) {
                return new Scan(Problem.error(Code.MARKER_RUN_TOO_LONG, displayPath, line,
                        "this line has a run of " + run + " '*', '_' or '-' characters; at most " + MAX_MARKER_RUN + " are allowed",
                        "use '---' on its own line for a rule and one or two '*' for emphasis"), null, false);
            }
            if (blank) {
                paragraphOpeners = 0;
                paragraphLine = line + 1;
            } else {
                paragraphOpeners += openers;
                if (paragraphOpeners > MAX_LINK_OPENERS) {
                    return new Scan(Problem.error(Code.TOO_MANY_LINK_OPENERS, displayPath, paragraphLine,
                            String.format(java.util.Locale.ROOT, "this paragraph has more than %,d links or '](' openers", MAX_LINK_OPENERS),
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
        return new Scan(null, java.util.Arrays.copyOf(lineStarts, lines), pipe);
    }

    /** Little-endian or not, a word's bytes are only tested all together. */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOWS = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = ' ' * ONES;

    /**
     * Whether none of the eight bytes of this word is one the scan counts: none below ' ' (a line end, a tab), none from
     * '!' to '-' (markers '*' and '-', the '(' of an opener, ','), no '_' and no '|'. Bytes from 0x80 (text beyond ASCII)
     * are plain. The tests for bytes below a value, between two and equal to one are the exact ones of "Bit Twiddling
     * Hacks" (Sean Eron Anderson): a borrow or carry can mark a wrong byte only where a byte before it matched.
     */
    static boolean plain(long word) {
        long below = (word - ' ' * ONES) & ~word;
        long low = word & LOWS;
        long between = (((127 + '-' + 1) * ONES - low) & ~word & (low + (127 - ' ') * ONES));
        long underscore = word ^ ('_' * ONES);
        long bar = word ^ ('|' * ONES);
        return ((below | between | ((underscore - ONES) & ~underscore) | ((bar - ONES) & ~bar)) & HIGHS) == 0;
    }

    /**
     * The text as Latin-1 bytes, one for each character, every character above Latin-1 as '?', which the scan above
     * treats as it treats them (text that is no marker, indent or line break), so its findings are the same. Scanned as
     * an array: String.charAt on text with non-Latin characters is slow under the launcher's C1; and for a Latin-1
     * string (nearly every page) this is one array copy, where a char array would widen every character.
     */
    static byte[] latin1(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (bytes.length == text.length()) {
            return bytes;
        }
        // The encoder wrote one '?' for a pair of surrogates, which would shorten the line; one byte for each character.
        bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = c <= 0xff ? (byte) c : (byte) '?';
        }
        return bytes;
    }

    /**
     * An upper bound on how deeply a line is nested: every two columns of leading indentation may open a list
     * level, and every '>' or list marker at the start of the line opens one more.
     */
    static int nesting(byte[] text, int start, int end) {
        int depth = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            char c = (char) (text[i] & 0xff);
            if (c == ' ' || c == '\t') {
                if (depth == 0) {
                    columns += c == ' ' ? 1 : 4 - columns % 4;
                }
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && text[i + 1] == ' ') {
                depth++;
                i += 2;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') {
                    j++;
                }
                if (j + 1 < end && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ') {
                    depth++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth + columns / 2;
    }
}
