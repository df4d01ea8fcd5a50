package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Texts read from an entry are those written, whichever earlier text a short one is shared with. */
class EntryReaderTest {
    private static EntryReader written(List<String> texts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        return new EntryReader(bytes.toByteArray());
    }

    private static String read(EntryReader in) throws Exception {
        return in.readUtf8(in.readInt());
    }

    @Test
    void every_text_reads_back_as_written() throws Exception {
        List<String> texts = new ArrayList<>();
        // "Aa" and "BB" (and "AaAa", "BBBB", "AaBB") have the same String hash: they share a slot, never a String.
        String[] samples = {"", "title", "Aa", "BB", "AaAa", "BBBB", "AaBB", "en-GB", "ünïcödé", "日本語", "emoji \uD83D\uDE00",
                "x".repeat(64), "x".repeat(65), "y".repeat(63) + "é", "fn-1", "fnref-1", "\u007f", "tab\there", "title"};
        for (int round = 0; round < 50; round++) {
            for (String sample : samples) {
                texts.add(sample);
                texts.add(sample + round);
            }
        }
        for (int i = 0; i < 20_000; i++) {
            texts.add("heading-" + i); // more than the slots: clashes replace each other
        }
        EntryReader in = written(texts);
        for (String text : texts) {
            assertEquals(text, read(in));
        }
        assertEquals(-1, in.read());
    }

    @Test
    void a_short_ascii_text_read_again_is_the_same_string() throws Exception {
        EntryReader first = written(List.of("description", "en-GB"));
        EntryReader second = written(List.of("description", "en-GB"));
        String description = read(first);
        String language = read(first);
        assertSame(description, read(second));
        assertSame(language, read(second));
    }
}
