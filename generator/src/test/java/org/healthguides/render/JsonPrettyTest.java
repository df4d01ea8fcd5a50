package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The indented form, read back by a YAML 1.2 parser (JSON is a subset of it). */
class JsonPrettyTest {
    private static Object parse(String json) {
        return new Load(LoadSettings.builder().build()).loadFromString(json);
    }

    @Test
    void strings_are_escaped_so_any_text_survives_a_round_trip() {
        String nasty = "quote \" backslash \\ slash / newline \n tab \t bell \u0007 nul \u0000 line sep \u2028 é ✓ 😀";
        String json = JsonText.pretty(nasty);
        assertEquals("\"quote \\\" backslash \\\\ slash / newline \\n tab \\t bell \\u0007 nul \\u0000 line sep \\u2028 é ✓ 😀\"\n", json);
        assertEquals(nasty, parse(json));
    }

    @Test
    void objects_keep_their_key_order_and_nest() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of(2.5, true, "x"));
        value.put("empty", Map.of());
        value.put("none", null);
        value.put("whole", 3.0);
        String json = JsonText.pretty(value);
        assertEquals("""
                {
                  "b": 1,
                  "a": [
                    2.5,
                    true,
                    "x"
                  ],
                  "empty": {},
                  "none": null,
                  "whole": 3
                }
                """, json);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1);
        expected.put("a", new ArrayList<>(Arrays.asList(2.5, true, "x")));
        expected.put("empty", new LinkedHashMap<>());
        expected.put("none", null);
        expected.put("whole", 3);
        assertEquals(expected, parse(json));
    }

    @Test
    void numbers_json_cannot_hold_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.pretty(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonText.pretty(List.of(new Object())));
    }
}
