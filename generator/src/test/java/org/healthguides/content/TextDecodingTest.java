package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void bom_and_crlf_decode_to_the_same_text_as_plain_utf8() {
        byte[] plain = "---\ntitle: Ré\n---\n".getBytes(StandardCharsets.UTF_8);
        byte[] windows = "\uFEFF---\r\ntitle: Ré\r\n---\r\n".getBytes(StandardCharsets.UTF_8);
        var a = assertInstanceOf(TextDecoding.Decoded.class, TextDecoding.decode(plain, "f.md"));
        var b = assertInstanceOf(TextDecoding.Decoded.class, TextDecoding.decode(windows, "f.md"));
        assertEquals(a.text(), b.text());
    }

    @Test
    void latin1_file_is_rejected_naming_the_byte_offset_and_line() {
        byte[] latin1 = "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        var invalid = assertInstanceOf(TextDecoding.Invalid.class, TextDecoding.decode(latin1, "content/g/a.md"));
        assertEquals(2, invalid.problem().line());
        assertTrue(invalid.problem().message().contains("byte offset 14"), invalid.problem().message());
        assertTrue(invalid.problem().message().contains("0xE9"), invalid.problem().message());
    }

    @Test
    void ascii_files_decode_as_utf8_does_with_a_bom_and_crlf_too() {
        String text = "---\ntitle: Rest\n---\nKeep the bar close.\n";
        var plain = assertInstanceOf(TextDecoding.Decoded.class, TextDecoding.decode(text.getBytes(StandardCharsets.US_ASCII), "f.md"));
        assertEquals(text, plain.text());
        byte[] windows = "\uFEFF---\r\ntitle: Rest\r\n---\r\nKeep the bar close.\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(text, assertInstanceOf(TextDecoding.Decoded.class, TextDecoding.decode(windows, "f.md")).text());
    }

    @Test
    void the_file_bytes_are_said_to_be_the_text_exactly_when_they_are_its_utf8() {
        String[] texts = {"", "plain ascii\n", "Ré ŵ العربية 😀\n", "\uFEFFwith a mark\n", "crlf\r\nline\r\n", "cr\ronly", "Ré\r\n",
                "\uFEFFRé\n", "a\u2028b\u0085c\n"};
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            var decoded = assertInstanceOf(TextDecoding.Decoded.class, TextDecoding.decode(bytes, "f.md"));
            boolean same = java.util.Arrays.equals(bytes, decoded.text().getBytes(StandardCharsets.UTF_8));
            assertEquals(same, decoded.bytesAreText(), text);
        }
    }
}
