package org.healthguides.diagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line a problem points at, as rustc and Hugo show it under the message: the line's text and, when the
 * column is known, a caret under it. Lines are read from the files as they are on disk when the problems are
 * shown; one instance reads each file once.
 */
public final class SourceExcerpt {
    /** Longer lines are shown as a window around the column, so a 20,000-character line stays one screen line. */
    static final int WIDTH = 100;
    private static final long LARGEST_FILE = 8L << 20;

    /** Each file's bytes, read once: only the lines problems point at are decoded (2,500 files' warnings at 10,000 pages). */
    private final Map<String, byte[]> files = new HashMap<>();
    /** The text of a file as the build read it, by the path problems name it; null for a file it did not read. */
    private final java.util.function.Function<String, String> readTexts;
    /** A line known without the file's text (file, line number), asked first; null when not known. */
    private final KnownLines knownLines;

    /** Lines a build knows without reading their files (see {@code pipeline.ExcerptLines}). */
    @FunctionalInterface
    public interface KnownLines {
        KnownLines NONE = (file, number) -> null;

        /** Line {@code number} (1-based) of {@code file}, by the path problems name it, or null when it is not known. */
        String line(String file, int number);
    }

    /** Lines read from the files on disk. */
    public SourceExcerpt() {
        this(file -> null);
    }

    /**
     * Lines taken from the text the build read where it has it (the same lines: its text is decoded without a byte
     * order mark, with its line ends made {@code \n}), from the file on disk otherwise: a 10,000-page build's 2,500
     * warnings read their files again after every build.
     */
    public SourceExcerpt(java.util.function.Function<String, String> readTexts) {
        this(readTexts, KnownLines.NONE);
    }

    /** As {@link #SourceExcerpt(java.util.function.Function)}, with the lines in {@code knownLines} taken as they are. */
    public SourceExcerpt(java.util.function.Function<String, String> readTexts, KnownLines knownLines) {
        this.readTexts = readTexts;
        this.knownLines = knownLines;
    }

    /** One excerpt: the line number, the text shown and where the caret goes in it (0: no caret). */
    public record Excerpt(int line, String text, int caret) {

        /** The two lines printed under a problem in the terminal: {@code "  12 | text"} and the caret line. */
        public List<String> lines() {
            String number = Integer.toString(line);
            String gutter = " ".repeat(number.length());
            String first = "  " + number + " | " + text;
            if (caret == 0) {
                return List.of(first);
            }
            return List.of(first, "  " + gutter + " | " + " ".repeat(caret - 1) + "^");
        }
    }

    /** The excerpt for a problem, or empty when it has no line or the line cannot be read. */
    public Optional<Excerpt> of(Problem problem) {
        if (problem.line() <= 0) {
            return Optional.empty();
        }
        String line = knownLines.line(problem.file(), problem.line());
        if (line == null) {
            String text = readTexts.apply(problem.file());
            line = text != null ? line(text, problem.line()) : line(files.computeIfAbsent(problem.file(), SourceExcerpt::read), problem.line());
        }
        if (line == null) {
            return Optional.empty();
        }
        return Optional.of(excerpt(problem.line(), line, problem.column()));
    }

    /** Tabs become spaces and control characters become '?', so the caret lines up and no escape reaches the terminal. */
    static Excerpt excerpt(int lineNumber, String raw, int column) {
        StringBuilder shown = new StringBuilder(Math.min(raw.length(), WIDTH * 2));
        int caret = 0;
        int[] codePoints = raw.codePoints().toArray();
        for (int i = 0, charIndex = 0; i < codePoints.length; i++) {
            if (column > 0 && charIndex + 1 == column) {
                caret = shown.length() + 1;
            }
            int c = codePoints[i];
            if (c == '\t') {
                shown.append("    ");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
                shown.append('?');
            } else {
                shown.appendCodePoint(c);
            }
            charIndex += Character.charCount(c);
        }
        if (column > 0 && caret == 0) {
            caret = shown.length() + 1; // the column just past the end: something is missing there
        }
        String text = shown.toString().stripTrailing();
        if (text.length() <= WIDTH) {
            return new Excerpt(lineNumber, text, caret);
        }
        int anchor = caret == 0 ? 0 : caret - 1;
        int from = Math.max(0, Math.min(anchor - WIDTH / 2, text.length() - WIDTH));
        int to = Math.min(text.length(), from + WIDTH);
        String window = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        int shifted = caret == 0 ? 0 : caret - from + (from > 0 ? 1 : 0);
        return new Excerpt(lineNumber, window, shifted);
    }

    private static byte[] read(String file) {
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path) || Files.size(path) > LARGEST_FILE) {
                return new byte[0];
            }
            return Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // the excerpt is a help; a file that cannot be read again still has its message
        }
    }

    /**
     * Line {@code number} (1-based) of the UTF-8 text in {@code bytes} as {@link String#lines} splits it (at
     * {@code \n}, {@code \r} or {@code \r\n}; no empty line after a last line break), without a byte order mark;
     * null when there is no such line. Both break characters are single bytes that never occur inside a UTF-8
     * sequence, so the bytes are split first and only the one line is decoded.
     */
    static String line(byte[] bytes, int number) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        for (int line = 1; line < number; line++) {
            int end = lineEnd(bytes, start);
            if (end == bytes.length) {
                return null;
            }
            start = end + (bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n' ? 2 : 1);
        }
        if (start >= bytes.length) {
            return null;
        }
        return new String(bytes, start, lineEnd(bytes, start) - start, StandardCharsets.UTF_8);
    }

    /** Line {@code number} (1-based) of {@code text} as {@link String#lines} splits it; null when there is no such line. */
    public static String line(String text, int number) {
        int start = 0;
        for (int line = 1; line < number; line++) {
            int end = lineEnd(text, start);
            if (end == text.length()) {
                return null;
            }
            start = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return start >= text.length() ? null : text.substring(start, lineEnd(text, start));
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
    }
}
