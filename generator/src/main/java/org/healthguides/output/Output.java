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

    /** Publishes a file as it is, read from {@code source}. */
    void copy(String sitePath, Path source);

    default void writeText(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }
}
