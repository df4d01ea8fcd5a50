package org.healthguides.content;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches of byte arrays that read eight bytes at a time (one {@code long}) and look at single bytes only in a word
 * that holds a match. The launcher runs C1 alone, which compiles a loop over single bytes as written (a bounds check,
 * a load and a compare per byte) and has no intrinsic for the JDK's own scans ({@code String.getBytes}'s check for
 * non-ASCII bytes); this is about ten times faster on a page of HTML under C1. Used where every page's bytes are read:
 * encoding pages to UTF-8 and finding their ids.
 */
public final class ByteScan {
    /** Little-endian, so the lowest set bit of a word's mask is its first matching byte. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /**
     * The text's UTF-8 bytes when it is all ASCII (they are then its Latin-1 bytes, which Java copies without
     * encoding), else null. String's UTF-8 encoder checks for ASCII one byte at a time; this checks the copy eight at a
     * time. A '?' of the text is told from the '?' Latin-1 encoding writes for a character outside Latin-1 by looking
     * at the text: the first such character is where the first stand-in is, since every character before it took one
     * byte (and a surrogate pair, which becomes one '?', makes the copy shorter than the text).
     */
    public static byte[] asciiBytes(String text) {
        byte[] latin1 = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int length = latin1.length;
        if (length != text.length()) {
            return null;
        }
        for (int at = indexOfNonAsciiOr(latin1, (byte) '?', 0, length); at >= 0; at = indexOfNonAsciiOr(latin1, (byte) '?', at + 1, length)) {
            if (latin1[at] < 0 || text.charAt(at) != '?') {
                return null;
            }
        }
        return latin1;
    }

    /** The index of the first byte equal to {@code value} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, byte value, int from, int to) {
        long pattern = (value & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            // A zero byte of the word is a match. This finds whether there is one (a borrow can mark a byte above the
            // first zero, never one below it), and the bytes are then looked at one by one.
            if (((word - ONES) & ~word & HIGHS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that is not ASCII (0x80 or above) or equals
     * {@code value}, or -1.
     */
    public static int indexOfNonAsciiOr(byte[] bytes, byte value, int from, int to) {
        long pattern = (value & 0xffL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i);
            long equal = word ^ pattern;
            if (((word | ((equal - ONES) & ~equal)) & HIGHS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b == value) {
                return i;
            }
        }
        return -1;
    }
}
