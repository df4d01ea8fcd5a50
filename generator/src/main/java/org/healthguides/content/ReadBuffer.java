package org.healthguides.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A whole file's bytes, read into an array that its owner (one per thread) reads the next file into: for bytes that
 * are decoded or parsed at once and then dropped. At 10,000 pages the content's and the build cache's files were
 * 110 MB of arrays that each lived a moment, on every rebuild (a sixth of its allocation, so young collections).
 * Files larger than {@link #KEPT} get an array of their own, so a long-running preview does not hold a large one.
 */
public final class ReadBuffer {
    /** The largest array kept for the next file. */
    static final int KEPT = 1 << 20;

    private byte[] bytes = new byte[16 * 1024];
    private int length;

    /** Reads {@code file} whole; its bytes are {@link #bytes()} up to {@link #length()} until the next read. */
    public ReadBuffer read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] into = bytes;
            int read = 0;
            while (true) {
                if (read == into.length) {
                    if (into.length >= Integer.MAX_VALUE - 16) {
                        throw new IOException("file too large: more than " + into.length + " bytes");
                    }
                    into = java.util.Arrays.copyOf(into, (int) Math.min(Integer.MAX_VALUE - 16L, into.length * 2L));
                }
                int room = into.length - read;
                int n = channel.read(ByteBuffer.wrap(into, read, room));
                if (n < 0) {
                    break;
                }
                read += n;
                // A file's read gives less than asked for only at its end: no call for its size, none more to find the
                // end (12,000 files at 10,000 pages: 24,000 system calls fewer on every build).
                if (n < room) {
                    break;
                }
            }
            if (into != bytes && into.length <= KEPT) {
                bytes = into;
            }
            length = read;
            return into == bytes ? this : detached(into, read);
        }
    }

    private static ReadBuffer detached(byte[] bytes, int length) {
        ReadBuffer own = new ReadBuffer();
        own.bytes = bytes;
        own.length = length;
        return own;
    }

    /** The array holding the last file read; only its first {@link #length()} bytes are the file's. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }
}
