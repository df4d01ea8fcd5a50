package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writes_nested_maps_lists_and_scalars_in_order() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("@type", "Article");
        value.put("count", 3);
        value.put("draft", false);
        value.put("missing", null);
        value.put("tags", List.of("a", "b"));
        value.put("empty", Map.of());
        assertEquals("{\"@type\":\"Article\",\"count\":3,\"draft\":false,\"missing\":null,\"tags\":[\"a\",\"b\"],\"empty\":{}}",
                JsonText.of(value));
    }

    @Test
    void quotes_backslashes_and_control_characters_are_escaped() {
        assertEquals("\"say \\\"hi\\\" \\\\ a\\nb\\tc\\u0001\"", JsonText.of("say \"hi\" \\ a\nb\tc\u0001"));
    }

    @Test
    void text_cannot_close_the_script_element_or_open_a_comment() {
        String json = JsonText.of(Arrays.asList("</script><script>alert(1)</script>", "<!-- x -->", "a & b", "\u2028"));
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains(">"), json);
        assertFalse(json.contains("&"), json);
        assertEquals("[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",\"\\u003c!-- x --\\u003e\","
                + "\"a \\u0026 b\",\"\\u2028\"]", json);
    }

    @Test
    void unknown_types_are_refused_rather_than_written_with_toString() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.of(List.of(new Object())));
    }

    /** The escaping written out a character at a time, as JsonText wrote it before it appended runs. */
    private static String plainlyEscaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                        ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Test
    void every_string_is_escaped_as_one_character_at_a_time() {
        String odd = "\"\\\n\r\t\u0000\u001f <>&'/=?\u007f\u00e9\u2028\u2029\u2013\ud83d\ude00\ud83d";
        java.util.Random random = new java.util.Random(15);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(random.nextInt(3) == 0 ? odd.charAt(random.nextInt(odd.length())) : (char) ('a' + random.nextInt(26)));
            }
            String value = text.toString();
            assertEquals(plainlyEscaped(value), JsonText.of(value), value);
            assertEquals("[" + plainlyEscaped(value) + "]", JsonText.of(java.util.List.of(new StringBuilder(value))), value);
        }
    }
}
