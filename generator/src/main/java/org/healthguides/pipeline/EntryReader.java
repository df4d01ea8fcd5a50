package org.healthguides.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataOutputStream} wrote into a byte array, as {@link java.io.DataInputStream} over a
 * {@link java.io.ByteArrayInputStream} would, without a synchronized call per byte: the build cache's 2,000 entries
 * (40 MB at 10,000 pages) are read this way on every build that is not up to date.
 */
final class EntryReader {
    private final byte[] bytes;
    /** Where the data ends in {@link #bytes} (a reused buffer may hold more). */
    private final int end;
    private int position;

    EntryReader(byte[] bytes) {
        this(bytes, bytes.length);
    }

    /** A reader of the first {@code length} bytes of {@code bytes}. */
    EntryReader(byte[] bytes, int length) {
        this.bytes = bytes;
        this.end = java.util.Objects.checkFromIndexSize(0, length, bytes.length) + length;
    }

    /** How many bytes were read so far. */
    int position() {
        return position;
    }

    /** Throws when the CRC32 of the bytes from {@code from} to the end is not {@code expected}: the file is damaged. */
    void requireCrc32(long expected, int from) throws IOException {
        java.util.zip.CRC32 checksum = new java.util.zip.CRC32();
        checksum.update(bytes, from, end - from);
        if (checksum.getValue() != expected) {
            throw new IOException("checksum mismatch");
        }
    }

    /** Bytes not read yet. */
    int available() {
        return end - position;
    }

    /** The next byte (0-255), or -1 at the end. */
    int read() {
        return position < end ? bytes[position++] & 0xff : -1;
    }

    private void need(int count) throws EOFException {
        if (count < 0 || count > end - position) {
            throw new EOFException();
        }
    }

    boolean readBoolean() throws IOException {
        need(1);
        return bytes[position++] != 0;
    }

    int readInt() throws IOException {
        need(4);
        int p = position;
        position += 4;
        return (bytes[p] & 0xff) << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8 | bytes[p + 3] & 0xff;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    /** Skips {@code length} bytes. */
    void skip(int length) throws IOException {
        need(length);
        position += length;
    }

    /** A copy of the bytes from {@code from} up to where this reader is. */
    byte[] copyFrom(int from) {
        return java.util.Arrays.copyOfRange(bytes, from, position);
    }

    /**
     * {@code length} bytes as UTF-8 text. A short ASCII text this thread read lately is returned as the same String:
     * of the ~600,000 strings in the entries at 10,000 pages only ~100,000 differ (field names, languages, dates,
     * footnote ids, the headings every guide has), and each kept copy was two more objects for every young collection
     * to copy while the entries stay alive.
     */
    String readUtf8(int length) throws IOException {
        need(length);
        int from = position;
        position += length;
        if (length > SHORT) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        int hash = 0;
        int high = 0;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
            high |= bytes[i];
        }
        if (high < 0) {
            return new String(bytes, from, length, StandardCharsets.UTF_8); // not ASCII: not looked up
        }
        int slot = (hash ^ hash >>> 13) & (recent.length - 1);
        byte[] knownBytes = recentBytes[slot];
        // Compared as bytes (String.charAt under C1 was most of this method's time).
        if (knownBytes != null && knownBytes.length == length && java.util.Arrays.equals(knownBytes, 0, length, bytes, from, from + length)) {
            return recent[slot];
        }
        String text = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        recent[slot] = text;
        recentBytes[slot] = java.util.Arrays.copyOfRange(bytes, from, from + length);
        return text;
    }

    /** Texts up to this many bytes are looked up among the recent ones. */
    private static final int SHORT = 64;
    /** Each thread's recently read short texts, by a hash of their bytes (one slot each: a clash replaces). */
    private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[4096]);
    /** The bytes of each of {@link #RECENT}'s texts, slot for slot. */
    private static final ThreadLocal<byte[][]> RECENT_BYTES = ThreadLocal.withInitial(() -> new byte[4096][]);
    private final String[] recent = RECENT.get();
    private final byte[][] recentBytes = RECENT_BYTES.get();

    /**
     * What {@link java.io.DataOutputStream} writes into, without a lock per byte: {@link java.io.ByteArrayOutputStream}'s
     * {@code write} is synchronized, and DataOutputStream calls it for every byte of a number.
     */
    static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        /** The bytes written so far are the first {@link #size()} of this array, which later writes may replace. */
        byte[] array() {
            return buf;
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(16, buf.length * 2));
            }
            buf[count++] = (byte) b;
        }

        /** {@link java.io.DataOutputStream#writeInt}'s four bytes, in one call instead of four. */
        void putInt(int value) {
            if (buf.length - count < 4) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + 4));
            }
            buf[count] = (byte) (value >>> 24);
            buf[count + 1] = (byte) (value >>> 16);
            buf[count + 2] = (byte) (value >>> 8);
            buf[count + 3] = (byte) value;
            count += 4;
        }

        /** {@link java.io.DataOutputStream#writeLong}'s eight bytes. */
        void putLong(long value) {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        /** A text as {@link BuildCache#writeString} writes it: its UTF-8 length (-1 for null), then its UTF-8 bytes. */
        void putText(String text) {
            if (text == null) {
                putInt(-1);
                return;
            }
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            putInt(bytes.length);
            write(bytes, 0, bytes.length);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length > buf.length - count) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + length));
            }
            System.arraycopy(bytes, offset, buf, count, length);
            count += length;
        }
    }
}
