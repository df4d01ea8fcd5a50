package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteScanTest {
    /** The searches written out one byte at a time: what ByteScan must agree with. */
    private static int plainIndexOf(byte[] bytes, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int plainIndexOfNonAsciiOr(byte[] bytes, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0 || bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void finds_what_a_loop_over_single_bytes_finds_at_every_place_and_alignment() {
        Random random = new Random(15);
        byte[] interesting = {0, 1, '=', '"', '?', 0x3e, 0x7f, (byte) 0x80, (byte) 0xbd, (byte) 0xff, 'a', ' '};
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(40);
            byte[] bytes = new byte[length];
            // Mostly one plain letter, with a few bytes of interest and neighbours of them (where a borrow between a
            // word's bytes could mislead the eight-byte test).
            for (int i = 0; i < length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? interesting[random.nextInt(interesting.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = length == 0 ? 0 : random.nextInt(length + 1);
            int to = from + random.nextInt(length - from + 1);
            byte value = interesting[random.nextInt(interesting.length)];
            assertEquals(plainIndexOf(bytes, value, from, to), ByteScan.indexOf(bytes, value, from, to), "indexOf " + round);
            assertEquals(plainIndexOfNonAsciiOr(bytes, value, from, to), ByteScan.indexOfNonAsciiOr(bytes, value, from, to),
                    "indexOfNonAsciiOr " + round);
        }
    }

    @Test
    void a_match_at_either_end_of_a_word_and_none_at_all() {
        byte[] bytes = "abcdefghijklmnopqrstuvwx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = 0; at < bytes.length; at++) {
            byte[] copy = bytes.clone();
            copy[at] = '=';
            assertEquals(at, ByteScan.indexOf(copy, (byte) '=', 0, copy.length));
            assertEquals(-1, ByteScan.indexOf(copy, (byte) '=', at + 1, copy.length));
            copy[at] = (byte) 0xc3;
            assertEquals(at, ByteScan.indexOfNonAsciiOr(copy, (byte) '?', 0, copy.length));
        }
        assertEquals(-1, ByteScan.indexOfNonAsciiOr(bytes, (byte) '?', 0, bytes.length));
    }

    @Test
    void ascii_bytes_are_those_of_ascii_text_and_there_are_none_for_other_text() {
        String plain = "Is it safe? Ask a GP & check.";
        String[] odd = {"?", "\u00e9", "\u00b7", "\u2013", "\u0645", "\ud83d\ude00", "\ud83d", "\ude00", "\u00ff?", "?\u0100", "\u007f"};
        java.util.Random random = new java.util.Random(15);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder(plain.repeat(random.nextInt(4)));
            for (int i = random.nextInt(3); i > 0; i--) {
                text.insert(random.nextInt(text.length() + 1), odd[random.nextInt(odd.length)]);
            }
            String value = text.toString();
            boolean ascii = value.chars().allMatch(c -> c < 0x80);
            byte[] bytes = ByteScan.asciiBytes(value);
            if (ascii) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes, value);
            } else {
                org.junit.jupiter.api.Assertions.assertNull(bytes, value);
            }
        }
    }
}
