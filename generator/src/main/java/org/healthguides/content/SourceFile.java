package org.healthguides.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * A text file of the content folder: its path and its text, decoded from UTF-8 with line endings normalised to
 * {@code \n} and a byte order mark removed.
 *
 * <p>A file the loader read without decoding it ({@link ContentLoader#loadUndecoded}) keeps only the fingerprint of
 * its bytes (and, once the build cache tells it, whether they hold the {@link ScaffoldMarker}): a build with the cache that finds nothing changed needs
 * no text at all, and an edit rebuild only that of the files that changed (decoding 86 MB at 10,000 pages was a fifth
 * of an unchanged rebuild, and holding it made every young collection copy it). Its text is read again when first
 * asked for, and used only if those bytes have the same fingerprint: the text is always that of the bytes the build
 * fingerprinted, or the file is reported as changed while the build read it. Whether the bytes are UTF-8 is checked
 * by {@link ContentLoader#decoded} before the site is built.
 */
public final class SourceFile {
    private final String path;
    private final String displayPath;
    /** The text once decoded (or as given); null until then. */
    private volatile String text;
    /**
     * The content folder the file is read again from (its {@link #path} in it) while its text is not decoded; null for a
     * file given its text. The folder, shared by every file, not a path of each: 12,000 paths at 10,000 pages (two
     * objects each) lived to the end of a build for the one or two files an edit rebuild reads again.
     */
    private final Path root;
    /** {@link #fingerprint(byte[], int)} of the bytes read; null for a file given its text, until asked for. */
    private byte[] fingerprint;
    /** Whether the text holds {@link ScaffoldMarker#WORD}: null until searched, or told by the build cache. */
    private volatile Boolean marker;

    /**
     * @param path        path inside the content folder, with {@code /} separators ("deadlift/technique.md")
     * @param displayPath path as the editor typed it on the command line ("content/deadlift/technique.md"), for messages
     * @param text        the file's text; a UTF-8 byte order mark is removed and CRLF becomes LF
     */
    public SourceFile(String path, String displayPath, String text) {
        this.path = java.util.Objects.requireNonNull(path);
        this.displayPath = java.util.Objects.requireNonNull(displayPath);
        this.text = java.util.Objects.requireNonNull(text);
        this.root = null;
    }

    private SourceFile(String path, String displayPath, String text, Path root, byte[] bytes, int length) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
        this.root = root;
        this.fingerprint = fingerprint(bytes, length);
    }

    private SourceFile(String path, String displayPath, Path root, byte[] fingerprint) {
        this.path = path;
        this.displayPath = displayPath;
        this.root = root;
        this.fingerprint = fingerprint;
    }

    /**
     * A file not read now: its stat data are those of the bytes the last build read with this fingerprint (see
     * {@link FileStates}); read from {@code root} when its text is needed, and used only if it still has that
     * fingerprint (the record's array, never changed: not copied).
     */
    static SourceFile fingerprinted(String path, String displayPath, Path root, byte[] fingerprint) {
        return new SourceFile(path, displayPath, root, fingerprint);
    }

    /** A file read from {@code path} in {@code root}, its first {@code length} bytes in {@code bytes} (a buffer the caller reuses). */
    static SourceFile undecoded(String path, String displayPath, Path root, byte[] bytes, int length) {
        return new SourceFile(path, displayPath, null, root, bytes, length);
    }

    /** A file read and decoded at once: its text, and the fingerprint of the bytes it was decoded from. */
    static SourceFile decoded(String path, String displayPath, Path root, byte[] bytes, int length, String text) {
        return new SourceFile(path, displayPath, text, root, bytes, length);
    }

    public String path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    /**
     * The file's text, read again and decoded now if it was not yet.
     *
     * @throws Unreadable if its bytes are not UTF-8, or are no longer those fingerprinted when it was first read
     *                    (the loader reports a file that is not UTF-8 and leaves it out, so that one is not asked for)
     */
    public String text() {
        String decoded = text;
        if (decoded != null) {
            return decoded;
        }
        if (decode() instanceof TextDecoding.Invalid invalid) {
            throw new Unreadable(invalid.problem());
        }
        return text;
    }

    /** Each thread's buffer for a file read again: its bytes are decoded at once. */
    private static final ThreadLocal<ReadBuffer> READ_AGAIN = ThreadLocal.withInitial(ReadBuffer::new);

    /** Decodes the file, once: its text, or the problem (not UTF-8 at a byte, changed or gone since it was read). */
    synchronized TextDecoding.Result decode() {
        if (text != null) {
            return new TextDecoding.Decoded(text, false);
        }
        ReadBuffer read;
        Path location = root.resolve(path);
        try {
            // Never opened unless it is still an ordinary file of the same size: a FIFO put in its place would block.
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || attributes.size() != java.nio.ByteBuffer.wrap(fingerprint).getInt(0)) {
                return changed();
            }
            read = READ_AGAIN.get().read(location);
        } catch (IOException e) {
            return changed();
        }
        if (!java.util.Arrays.equals(fingerprint(read.bytes(), read.length()), fingerprint)) {
            return changed();
        }
        TextDecoding.Result result = TextDecoding.decode(read.bytes(), read.length(), displayPath);
        if (result instanceof TextDecoding.Decoded decoded) {
            text = decoded.text();
        }
        return result;
    }

    private TextDecoding.Invalid changed() {
        return new TextDecoding.Invalid(Problem.error(Code.FILE_UNREADABLE, displayPath, 0,
                "this file changed (or went) while the build was reading the content", "build again once it is saved"));
    }

    /** Whether the text has been decoded (or was given). */
    public boolean isDecoded() {
        return text != null;
    }

    /**
     * The fingerprint of the bytes the file was read from (their length, CRC32 and CRC32C; for a file given its text,
     * of the text's UTF-8): the same fingerprint, the same text. Not to be changed by the caller.
     */
    public synchronized byte[] fingerprint() {
        if (fingerprint == null) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            fingerprint = fingerprint(utf8, utf8.length);
        }
        return fingerprint;
    }

    /**
     * Whether the file's text holds {@link ScaffoldMarker#WORD}: searched once (the file decoded if it was not), or as
     * the build cache knows it of these very bytes (see {@link ContentLoader#decoded(ContentTree, java.util.function.Function)}).
     *
     * @throws Unreadable as {@link #text()}
     */
    public boolean holdsScaffoldMarker() {
        Boolean known = marker;
        if (known == null) {
            known = ScaffoldMarker.in(text());
            marker = known;
        }
        return known;
    }

    /** What the build cache knows of a file whose bytes the last build decoded and split without a problem. */
    public record Known(boolean holdsScaffoldMarker) {
    }

    /** Told what the build cache knows of these bytes: they are UTF-8, and whether their text holds the marker. */
    void know(Known known) {
        marker = known.holdsScaffoldMarker();
    }

    /**
     * Two different CRCs and the length, not a cryptographic hash: only to tell an edited file from the one read before
     * (nobody gains by forging one: they could edit the content). Both CRCs are compiled to the processor's own
     * instructions even by C1 (and the interpreter); MD5 is not, and hashing 60 MB of sources with it was a tenth of a
     * rebuild.
     */
    public static byte[] fingerprint(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        crcC.update(bytes, 0, length);
        return java.nio.ByteBuffer.allocate(16).putInt(length).putInt((int) crc.getValue()).putLong(crcC.getValue()).array();
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

    /** Equal when path, display path and text are (as when this was a record); reads both if they are not decoded. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SourceFile file && path.equals(file.path) && displayPath.equals(file.displayPath))) {
            return false;
        }
        boolean mine = decode() instanceof TextDecoding.Decoded;
        boolean theirs = file.decode() instanceof TextDecoding.Decoded;
        return mine && theirs ? text.equals(file.text) : mine == theirs && java.util.Arrays.equals(fingerprint(), file.fingerprint());
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + displayPath.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[path=" + path + ", displayPath=" + displayPath + "]";
    }

    /** A file's text asked for when it cannot be had: its problem, to be reported like any other. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        // Only this constructor: a parallel stream rethrows this very exception, not a copy without its problem.
        Unreadable(Problem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
