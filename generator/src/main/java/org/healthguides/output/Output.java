package org.healthguides.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a built site's files go. One pipeline writes every file through this; the three commands differ only in
 * the implementation they pass: {@link SiteWriter} stages them on disk ({@code build}), {@link DiscardedOutput}
 * drops them ({@code check}) and {@link MemoryOutput} keeps them for the preview ({@code serve}).
 * Implementations are called from several threads at once.
 */
public interface Output {

    /** Writes a file at a site path ("lifting/basics/index.html"). */
    void write(String sitePath, byte[] bytes);

    /**
     * Writes the first {@code length} bytes of {@code buffer} as a file: a page rendered into a buffer its thread
     * reuses for the next page. An output that keeps what it is given keeps a copy (this default); {@link SiteWriter}
     * writes the buffer as it is.
     */
    default void write(String sitePath, byte[] buffer, int length) {
        write(sitePath, java.util.Arrays.copyOf(buffer, length));
    }

    /** Publishes a file as it is, read from {@code source}. */
    void copy(String sitePath, Path source);

    /**
     * Asks for a gzip copy beside each text file written from now on (the site's {@code precompress} setting). Only
     * an output that publishes files on disk writes them; the others have no use for them and ignore this.
     */
    default void writeGzipCopies(boolean on) {
    }

    /**
     * Publishes, unchanged, the file an earlier build wrote for this site path (with its .gz copy when gzip copies
     * are on). {@link SiteWriter} makes a hard link where the file system allows: no copying, no new inode.
     */
    default void reuse(String sitePath, Path previous) {
        try {
            write(sitePath, java.nio.file.Files.readAllBytes(previous));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Publishes, unchanged, a whole folder of the last build's output holding exactly these files (with their .gz
     * copies when gzip copies are on), as the last build left them. {@link SiteWriter} moves the folder into the new
     * site when it is committed; this default reuses each file.
     *
     * @param folder    a folder at the top of the site ("lifting")
     * @param previous  the last build's output folder
     * @param sitePaths the site paths of the folder's files, without .gz copies
     */
    default void adopt(String folder, Path previous, java.util.List<String> sitePaths) {
        sitePaths.forEach(sitePath -> reuse(sitePath, previous.resolve(sitePath)));
    }

    /**
     * Takes out a file written or reused earlier in this run (and its gzip copy), with the folders it leaves empty:
     * an output that keeps nothing has nothing to do.
     */
    default void discard(String sitePath) {
    }

    default void writeText(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }
}
