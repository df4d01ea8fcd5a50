package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8OutputTest {
    private static final String TEXT = "<p>Page \u00b7 caf\u00e9 \u2013 \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 end</p>";

    @Test
    void the_bytes_are_those_of_the_whole_text_encoded_at_once_however_it_is_written_in_pieces() {
        byte[] expected = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= TEXT.length(); cut++) {
            Utf8Output strings = Utf8Output.reused();
            strings.write(TEXT.substring(0, cut));
            strings.write(TEXT, cut, TEXT.length() - cut);
            assertArrayEquals(expected, strings.toByteArray(), "strings cut at " + cut);

            Utf8Output chars = Utf8Output.reused();
            chars.write(TEXT.toCharArray(), 0, cut);
            for (char c : TEXT.substring(cut).toCharArray()) {
                chars.write(c);
            }
            assertArrayEquals(expected, chars.toByteArray(), "characters cut at " + cut);
        }
    }

    @Test
    void a_lone_surrogate_becomes_a_question_mark_as_in_string_encoding() {
        for (String text : new String[] {"a\ud83db", "a\ude00b", "end\ud83d", "\ude00start"}) {
            Utf8Output output = Utf8Output.reused();
            output.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), output.toByteArray(), text);
        }
    }

    @Test
    void the_buffer_grows_past_its_first_size() {
        String long_ = "\u00b7x".repeat(40_000);
        Utf8Output output = Utf8Output.reused();
        output.write(long_.toCharArray(), 0, long_.length());
        output.write(long_);
        assertArrayEquals((long_ + long_).getBytes(StandardCharsets.UTF_8), output.toByteArray());
    }

    @Test
    void a_long_piece_is_encoded_as_string_encoding_does_whatever_it_holds() {
        // Long pieces take the Latin-1 copy when it is their ASCII: a '?' of the text is ASCII, the '?' Latin-1
        // encoding puts for a character outside it is not, nor is a Latin-1 letter above ASCII.
        String plain = "<p>Is it safe? Ask a GP &amp; check.</p>\n".repeat(20);
        String[] odd = {"", "?", "\u00e9", "\u00b7", "\u2013", "\u0645", "\ud83d\ude00", "\ud83d", "\ude00", "\u00ff?", "?\u0100"};
        java.util.Random random = new java.util.Random(15);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder(plain);
            for (int i = random.nextInt(4); i > 0; i--) {
                text.insert(random.nextInt(text.length() + 1), odd[random.nextInt(odd.length)]);
            }
            String piece = text.toString();
            Utf8Output output = Utf8Output.reused();
            output.write("<main>");
            output.write(piece);
            int offset = random.nextInt(40);
            output.write(piece, offset, piece.length() - offset);
            assertArrayEquals(("<main>" + piece + piece.substring(offset)).getBytes(StandardCharsets.UTF_8), output.toByteArray(), piece);
        }
        org.junit.jupiter.api.Assertions.assertTrue(plain.length() >= Utf8Output.LONG_PIECE, "the test's pieces take the long way");
    }
}
