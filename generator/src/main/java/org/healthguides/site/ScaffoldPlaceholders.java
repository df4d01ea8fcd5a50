package org.healthguides.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.healthguides.content.GuideFiles;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * Scaffolds never publish: {@code guide new} writes its placeholders with the word PLACEHOLDER (in capitals, in the
 * front matter and the body), and a guide or section that is no longer a draft must have none left. Drafts may
 * hold them: they are not published.
 */
public final class ScaffoldPlaceholders implements Check {
    /** The word every placeholder of the scaffold (org/healthguides/scaffold/) holds. */
    public static final String MARKER = "PLACEHOLDER";

    @Override
    public List<Problem> check(Site site, CheckContext context) {
        Set<String> published = new HashSet<>();
        for (Guide guide : site.guides()) {
            if (guide.meta().draft()) {
                continue;
            }
            published.add(guide.displayPath());
            guide.sections().stream().filter(s -> !s.meta().draft()).forEach(s -> published.add(s.displayPath()));
        }
        // Every published file's text searched, guide by guide in parallel (in order): 60 MB at 10,000 pages.
        return context.tree().guides().parallelStream().flatMap(files -> {
            List<Problem> problems = new ArrayList<>();
            check(files.index(), published, problems);
            files.sections().forEach(section -> check(section, published, problems));
            return problems.stream();
        }).toList();
    }

    /** How far the search may move on when a letter ends the window it looks at (see {@link #holdsMarker}). */
    private static final int[] SHIFT = new int[128];

    static {
        java.util.Arrays.fill(SHIFT, MARKER.length());
        for (int i = 0; i < MARKER.length() - 1; i++) {
            SHIFT[MARKER.charAt(i)] = MARKER.length() - 1 - i;
        }
    }

    /**
     * {@code text.contains(MARKER)}, looking at about one letter in eleven (Horspool's search: a window's last letter
     * that is not in the marker moves it on by the marker's length). The launcher's C1 compiler does not turn
     * String.contains into the processor's string instructions, and this reads every published file on every build
     * (60 MB at 10,000 pages: about 4% of an edit rebuild's CPU).
     */
    static boolean holdsMarker(String text) {
        int length = MARKER.length();
        char last = MARKER.charAt(length - 1);
        for (int end = length - 1; end < text.length(); ) {
            char c = text.charAt(end);
            if (c == last && text.startsWith(MARKER, end - length + 1)) {
                return true;
            }
            end += c < SHIFT.length ? SHIFT[c] : length;
        }
        return false;
    }

    /** {@link #holdsMarker(String)} over a file's UTF-8 bytes. */
    static boolean holdsMarker(byte[] bytes) {
        int length = MARKER.length();
        byte last = (byte) MARKER.charAt(length - 1);
        for (int end = length - 1; end < bytes.length; ) {
            byte b = bytes[end];
            if (b == last && startsWithMarker(bytes, end - length + 1)) {
                return true;
            }
            end += b >= 0 ? SHIFT[b] : length;
        }
        return false;
    }

    private static boolean startsWithMarker(byte[] bytes, int from) {
        for (int i = 0; i < MARKER.length(); i++) {
            if (bytes[from + i] != MARKER.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void check(SourceFile file, Set<String> published, List<Problem> problems) {
        // An unchanged file of an edit rebuild is not decoded (see SourceFile): its bytes are searched, which hold the
        // marker exactly when its text does (it is ASCII, and no byte of another letter's UTF-8 is).
        if (!published.contains(file.displayPath()) || !(file.isDecoded() ? holdsMarker(file.text()) : holdsMarker(file.bytes()))) {
            return;
        }
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(MARKER)) {
                problems.add(Problem.error(Code.SCAFFOLD_PLACEHOLDER, file.displayPath(), i + 1, "scaffold placeholder text is still here, and this page is not a draft",
                        "replace the " + MARKER + " text with the guide's own words, or put 'draft: true' back in the front matter"));
            }
        }
    }
}
