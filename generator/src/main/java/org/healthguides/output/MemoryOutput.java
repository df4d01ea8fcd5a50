package org.healthguides.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site held in memory for the preview: file bytes by site path. A file published as it is (an image) is read
 * again only when its size or modification time changed since the last build that used it, so a rebuild after
 * a one-section edit reads no images.
 */
public final class MemoryOutput implements Output {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<Path, StoredFile> known;
    private final Map<Path, StoredFile> used = new ConcurrentHashMap<>();

    private record StoredFile(FileTime modified, long size, byte[] bytes) {
    }

    private MemoryOutput(Map<Path, StoredFile> known) {
        this.known = known;
    }

    public MemoryOutput() {
        this(Map.of());
    }

    /** An empty site for the next build, which reuses the files this one read when they have not changed. */
    public MemoryOutput next() {
        return new MemoryOutput(Map.copyOf(used));
    }

    @Override
    public void write(String sitePath, byte[] bytes) {
        files.put(sitePath, bytes);
    }

    @Override
    public void copy(String sitePath, Path source) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
            StoredFile stored = known.get(source);
            if (stored == null || !stored.modified().equals(attributes.lastModifiedTime()) || stored.size() != attributes.size()) {
                stored = new StoredFile(attributes.lastModifiedTime(), attributes.size(), Files.readAllBytes(source));
            }
            used.put(source, stored);
            files.put(sitePath, stored.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file written so far, by site path. */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }
}
