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
