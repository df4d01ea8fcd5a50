package org.healthguides.content;

import java.nio.charset.StandardCharsets;

/**
 * A text file of the content folder: its path and its text, decoded from UTF-8 with line endings normalised to
 * {@code \n} and a byte order mark removed.
 *
 * <p>A file the loader read holds its bytes until its text is first asked for ({@link ContentLoader#loadUndecoded}):
 * a build with the cache fingerprints those bytes, and one that finds nothing changed needs no text at all (decoding
 * 86 MB at 10,000 pages was a fifth of such a build). The text is always that of the very bytes read, never of the
 * file read again. Whether the bytes are UTF-8 is checked by {@link ContentLoader#decoded} before the site is built.
 */
public final class SourceFile {
    private final String path;
    private final String displayPath;
    /** The text once decoded (or as given); null until then. */
    private volatile String text;
    /** The file's bytes until they are decoded; null after. */
    private byte[] bytes;

    /**
     * @param path        path inside the content folder, with {@code /} separators ("deadlift/technique.md")
     * @param displayPath path as the editor typed it on the command line ("content/deadlift/technique.md"), for messages
     * @param text        the file's text; a UTF-8 byte order mark is removed and CRLF becomes LF
     */
    public SourceFile(String path, String displayPath, String text) {
        this.path = java.util.Objects.requireNonNull(path);
        this.displayPath = java.util.Objects.requireNonNull(displayPath);
        this.text = java.util.Objects.requireNonNull(text);
    }

    private SourceFile(String path, String displayPath, byte[] bytes) {
        this.path = path;
        this.displayPath = displayPath;
        this.bytes = bytes;
    }

    /** A file as read, its bytes decoded when its text is first asked for. */
    static SourceFile undecoded(String path, String displayPath, byte[] bytes) {
        return new SourceFile(path, displayPath, bytes);
    }

    public String path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    /**
     * The file's text, decoded now if it was not yet.
     *
     * @throws IllegalStateException if its bytes are not UTF-8 (the loader reports such a file and leaves it out)
     */
    public String text() {
        String decoded = text;
        if (decoded != null) {
            return decoded;
        }
        if (decode() instanceof TextDecoding.Invalid invalid) {
            throw new IllegalStateException(invalid.problem().toString());
        }
        return text;
    }

    /** Decodes the bytes read, once: the text, or the problem naming the first byte that is not UTF-8. */
    synchronized TextDecoding.Result decode() {
        if (text != null) {
            return new TextDecoding.Decoded(text, false);
        }
        TextDecoding.Result result = TextDecoding.decode(bytes, displayPath);
        if (result instanceof TextDecoding.Decoded decoded) {
            text = decoded.text();
            bytes = null; // the text holds what is needed from now on
        }
        return result;
    }

    /** Whether the text has been decoded (or was given): to tell which files a build read beyond their bytes. */
    public boolean isDecoded() {
        return text != null;
    }

    /**
     * The bytes the file was read from, while its text is not decoded; else its text as UTF-8 (which are the bytes
     * read unless the file had a byte order mark or carriage returns).
     */
    public synchronized byte[] bytes() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }

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

    /** Equal when path, display path and text are (as when this was a record); decodes both. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SourceFile file && path.equals(file.path) && displayPath.equals(file.displayPath))) {
            return false;
        }
        boolean mine = decode() instanceof TextDecoding.Decoded;
        boolean theirs = file.decode() instanceof TextDecoding.Decoded;
        return mine && theirs ? text.equals(file.text) : mine == theirs && java.util.Arrays.equals(bytes(), file.bytes());
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + displayPath.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[path=" + path + ", displayPath=" + displayPath + "]";
    }
}
