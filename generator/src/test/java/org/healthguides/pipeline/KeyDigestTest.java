package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cache's key function is MurmurHash3 x64 128 (seed 0), whatever pieces its bytes come in. */
class KeyDigestTest {
    private static String hex(String text) {
        KeyDigest digest = new KeyDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void gives_murmur3_x64_128_of_known_texts() {
        // Published values of MurmurHash3_x64_128 with seed 0 (as Guava's murmur3_128 prints them).
        assertEquals("00000000000000000000000000000000", hex(""));
        assertEquals("029bbd41b3a7d8cb191dae486a901e5b", hex("hello"));
        assertEquals("6c1b07bc7bbc4be347939ac4a93c437a", hex("The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void the_same_bytes_in_any_pieces_give_the_same_digest_and_digest_resets() {
        Random random = new Random(42);
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            KeyDigest whole = new KeyDigest();
            whole.update(bytes);
            byte[] expected = whole.digest();
            KeyDigest pieces = new KeyDigest();
            pieces.update((byte) 7); // thrown away by the reset below
            pieces.reset();
            for (int at = 0; at < length; ) {
                int count = Math.min(length - at, 1 + random.nextInt(19));
                if (count == 1) {
                    pieces.update(bytes[at]);
                } else {
                    pieces.update(bytes, at, count);
                }
                at += count;
            }
            assertArrayEquals(expected, pieces.digest(), "length " + length);
            whole.update(bytes); // digest() reset it: the same again
            assertArrayEquals(expected, whole.digest(), "length " + length);
        }
    }

    @Test
    void a_key_is_the_digest_as_two_longs() {
        KeyDigest digest = new KeyDigest();
        digest.update("hello".getBytes(StandardCharsets.UTF_8));
        BuildCache.Key key = digest.key();
        // h1 and h2 little-endian: 029bbd41b3a7d8cb 191dae486a901e5b
        assertEquals(0xcbd8a7b341bd9b02L, key.high());
        assertEquals(0x5b1e906a48ae1d19L, key.low());
        digest.update("hello".getBytes(StandardCharsets.UTF_8)); // key() reset it
        assertEquals(key, digest.key());
    }

    @Test
    void near_texts_get_different_keys() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(hex("guide-" + i + "/section.md"));
        }
        assertEquals(100_000, keys.size());
        assertNotEquals(hex("a\u0000"), hex("a"));
    }
}
