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
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("file too large: " + size + " bytes");
            }
            // One byte more than its size, so the read that finds the end needs no larger array.
            byte[] into = size + 1 <= bytes.length ? bytes : new byte[(int) size + 1];
            int read = 0;
            while (true) {
                if (read == into.length) {
                    into = java.util.Arrays.copyOf(into, Math.min(Integer.MAX_VALUE - 16, into.length * 2));
                }
                int n = channel.read(ByteBuffer.wrap(into, read, into.length - read));
                if (n < 0) {
                    break;
                }
                read += n;
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
