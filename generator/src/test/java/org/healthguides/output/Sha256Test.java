package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void the_standards_test_vectors() {
        // FIPS 180-4's examples (one block, two blocks) and the empty input.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    @Test
    void the_same_digest_as_the_jdks_for_every_length_around_the_block_and_padding_edges() throws Exception {
        Random random = new Random(42);
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bytes), Sha256.digest(bytes), "length " + length);
        }
        byte[] large = new byte[3 * 1024 * 1024 + 7];
        random.nextBytes(large);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(large), Sha256.digest(large));
        byte[] ones = new byte[1000];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(ones), Sha256.digest(ones));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
