package org.healthguides.pipeline;

/**
 * The build cache's keys: MurmurHash3's x64 128-bit function (seed 0), fed in pieces like a {@code MessageDigest}.
 * A key tells the cache's entries apart and is compared with the one the last build recorded; it protects against
 * nothing (whoever could forge a collision could edit the content anyway), so a well-mixed 128-bit hash is enough.
 * MD5 was used before: its compression function is not turned into processor instructions by the C1 compiler the
 * launcher runs, and the ~30,000 keys of a rebuild at 10,000 pages cost about 45 ms of its main thread with it.
 * The same bytes in one call or in many give the same digest. Not thread-safe: one per thread.
 */
final class KeyDigest {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long h1;
    private long h2;
    private long length;
    /** Bytes not yet making a whole 16-byte block. */
    private final byte[] tail = new byte[16];
    private int tailLength;

    /** Starts again, as if new. */
    void reset() {
        h1 = 0;
        h2 = 0;
        length = 0;
        tailLength = 0;
    }

    void update(byte b) {
        tail[tailLength++] = b;
        length++;
        if (tailLength == 16) {
            block(tail, 0);
            tailLength = 0;
        }
    }

    void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    void update(byte[] bytes, int offset, int count) {
        length += count;
        if (tailLength > 0) {
            int taken = Math.min(16 - tailLength, count);
            System.arraycopy(bytes, offset, tail, tailLength, taken);
            tailLength += taken;
            offset += taken;
            count -= taken;
            if (tailLength < 16) {
                return;
            }
            block(tail, 0);
            tailLength = 0;
        }
        for (; count >= 16; offset += 16, count -= 16) {
            block(bytes, offset);
        }
        System.arraycopy(bytes, offset, tail, 0, count);
        tailLength = count;
    }

    /** The 16 bytes of the digest of everything given since the last reset (h1 then h2, each little-endian); then resets. */
    byte[] digest() {
        finish();
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (h1 >>> (8 * i));
            out[8 + i] = (byte) (h2 >>> (8 * i));
        }
        reset();
        return out;
    }

    /** The digest as a key (h1, h2), without making bytes of it first; then resets. */
    BuildCache.Key key() {
        finish();
        BuildCache.Key key = new BuildCache.Key(h1, h2);
        reset();
        return key;
    }

    /** The tail and the length mixed in: h1 and h2 are the digest. */
    private void finish() {
        long k1 = 0;
        long k2 = 0;
        for (int i = tailLength - 1; i >= 8; i--) {
            k2 ^= (tail[i] & 0xffL) << ((i - 8) * 8);
        }
        if (tailLength > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
            k1 ^= (tail[i] & 0xffL) << (i * 8);
        }
        if (tailLength > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = mix(h1);
        h2 = mix(h2);
        h1 += h2;
        h2 += h1;
    }

    private void block(byte[] bytes, int offset) {
        long k1 = littleEndian(bytes, offset);
        long k2 = littleEndian(bytes, offset + 8);
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long littleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL) | (bytes[offset + 1] & 0xffL) << 8 | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24 | (bytes[offset + 4] & 0xffL) << 32 | (bytes[offset + 5] & 0xffL) << 40
                | (bytes[offset + 6] & 0xffL) << 48 | (bytes[offset + 7] & 0xffL) << 56;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
