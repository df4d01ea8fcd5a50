package org.healthguides.markdown;

import java.util.Arrays;

/**
 * Line numbers of offsets in one Markdown body, by binary search over the line starts. Flexmark's own
 * {@code getLineNumber} scans the text from the start on every call, which makes a large file quadratic.
 */
final class LineIndex {
    private final int[] lineStarts;
    private final int firstLine;

    /**
     * @param firstLine the file line of the text's first line
     */
    LineIndex(String text, int firstLine) {
        int[] starts = new int[64];
        int count = 1;
        // String.indexOf, not charAt in a loop: a call per character under the launcher's C1 compiler.
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.firstLine = firstLine;
    }

    /** @param lineStarts where each line of the text starts, the first at 0 (as {@link MarkdownLimits.Scan} finds them) */
    LineIndex(int[] lineStarts, int firstLine) {
        this.lineStarts = lineStarts;
        this.firstLine = firstLine;
    }

    /** The column (1-based) of the character at {@code offset} of the text on its line. */
    int columnAt(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int index = Math.max(0, found >= 0 ? found : -found - 2);
        return offset - lineStarts[index] + 1;
    }

    /** The file line holding the character at {@code offset} of the text. */
    int lineAt(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int index = found >= 0 ? found : -found - 2;
        return firstLine + Math.max(0, index);
    }
}
