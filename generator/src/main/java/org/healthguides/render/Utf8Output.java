package org.healthguides.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.healthguides.content.ByteScan;

/**
 * A template's output encoded to UTF-8 as it is written, into a buffer each rendering thread reuses. The same bytes
 * as collecting the page in a string and calling {@code getBytes(UTF_8)} on it, without the string: one character
 * outside ASCII anywhere in a page (the review dates' '·') sent that call through its character-by-character path
 * for the whole page; here only the piece holding it takes that path, and the page's content HTML is copied.
 */
final class Utf8Output extends Writer {
    private static final ThreadLocal<Utf8Output> PER_THREAD = ThreadLocal.withInitial(Utf8Output::new);

    private byte[] bytes = new byte[32 * 1024];
    private int size;
    /** A high surrogate written last, waiting for its low half (pieces are not expected to split a pair, but may). */
    private char pendingHigh;

    private Utf8Output() {
    }

    /** This thread's buffer, emptied. */
    static Utf8Output reused() {
        Utf8Output output = PER_THREAD.get();
        output.size = 0;
        output.pendingHigh = 0;
        return output;
    }

    /** The bytes written so far, as a new array. */
    byte[] toByteArray() {
        flushPending();
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written so far, in this buffer itself: valid until the thread's next {@link #reused()}. */
    TemplateRenderer.PageBytes inPlace() {
        flushPending();
        return new TemplateRenderer.PageBytes(bytes, size);
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (pendingHigh == 0 && !Character.isHighSurrogate(text.charAt(offset + length - 1))) {
            String piece = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
            if (length >= LONG_PIECE) {
                // A long piece (a page's content HTML) is nearly always ASCII, whose UTF-8 is its Latin-1 copy. String's
                // UTF-8 encoder checks for that one byte at a time, which under C1 cost as much as the rest of writing the
                // page; ByteScan checks the copy eight bytes at a time.
                byte[] ascii = ByteScan.asciiBytes(piece);
                if (ascii != null) {
                    ensure(ascii.length);
                    System.arraycopy(ascii, 0, bytes, size, ascii.length);
                    size += ascii.length;
                    return;
                }
            }
            // String's own encoder: a plain copy for ASCII text, and compiled code otherwise.
            byte[] encoded = piece.getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        char[] chars = new char[length];
        text.getChars(offset, offset + length, chars, 0);
        write(chars, 0, length);
    }

    /** Pieces at least this long are checked for ASCII eight bytes at a time (shorter ones are not worth the copy). */
    static final int LONG_PIECE = 256;

    @Override
    public void write(int c) {
        char[] one = {(char) c};
        write(one, 0, 1);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        ensure(length * 3 + 4);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    putCodePoint(Character.toCodePoint(high, c));
                    continue;
                }
                bytes[size++] = '?';
            }
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[size++] = '?'; // as String.getBytes writes a lone surrogate
            } else {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }

    private void putCodePoint(int codePoint) {
        bytes[size++] = (byte) (0xf0 | codePoint >> 18);
        bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
        bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
        bytes[size++] = (byte) (0x80 | codePoint & 0x3f);
    }

    private void flushPending() {
        if (pendingHigh != 0) {
            ensure(1);
            bytes[size++] = '?';
            pendingHigh = 0;
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
