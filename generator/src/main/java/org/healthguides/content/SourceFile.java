package org.healthguides.content;

/**
 * A text file of the content folder, decoded and with line endings normalised to {@code \n}.
 *
 * @param path        path inside the content folder, with {@code /} separators ("deadlift/technique.md")
 * @param displayPath path as the editor typed it on the command line ("content/deadlift/technique.md"), for messages
 * @param text        the file's text; a UTF-8 byte order mark is removed and CRLF becomes LF
 */
public record SourceFile(String path, String displayPath, String text) {

    /** The folder part of {@link #path()}: "" for a file at the top of the content folder. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name without ".md": a section's slug. */
    public String stem() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
