package org.healthguides.content;

/**
 * The word every placeholder of the scaffold {@code guide new} writes holds (org/healthguides/scaffold/), in
 * capitals; {@code site.ScaffoldPlaceholders} lets none be published. The build cache keeps whether each file holds
 * it ({@link SourceFile#holdsScaffoldMarker}), so a file whose text a rebuild never decodes need not be read again to
 * be searched, and an up-to-date build searches nothing.
 */
public final class ScaffoldMarker {
    public static final String WORD = "PLACEHOLDER";

    private ScaffoldMarker() {
    }

    /** How far the search may move on when a letter ends the window it looks at (see {@link #in(String)}). */
    private static final int[] SHIFT = new int[128];

    static {
        java.util.Arrays.fill(SHIFT, WORD.length());
        for (int i = 0; i < WORD.length() - 1; i++) {
            SHIFT[WORD.charAt(i)] = WORD.length() - 1 - i;
        }
    }

    /**
     * {@code text.contains(WORD)}, looking at about one letter in eleven (Horspool's search: a window's last letter
     * that is not in the word moves it on by the word's length). The launcher's C1 compiler does not turn
     * String.contains into the processor's string instructions, and every published file is searched on every build
     * (60 MB at 10,000 pages: about 4% of an edit rebuild's CPU).
     */
    public static boolean in(String text) {
        int length = WORD.length();
        char last = WORD.charAt(length - 1);
        for (int end = length - 1; end < text.length(); ) {
            char c = text.charAt(end);
            if (c == last && text.startsWith(WORD, end - length + 1)) {
                return true;
            }
            end += c < SHIFT.length ? SHIFT[c] : length;
        }
        return false;
    }
}
