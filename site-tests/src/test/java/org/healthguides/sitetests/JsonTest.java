package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser must itself reject what is not JSON, or the JSON-LD checks prove nothing. */
class JsonTest {
    @Test
    void parsesObjectsArraysStringsNumbersAndLiterals() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u003c/\\\"y\\n\"} ");
        assertEquals(Map.of("a", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null),
                "b", "x</\"y\n"), value);
        assertEquals(List.of(), Json.parse("[]"));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : List.of("", "{", "{a:1}", "{'a':1}", "[1,]", "{\"a\":1,}", "[01]", "\"tab\there\"", "[1] x",
                "{\"a\":1,\"a\":2}", "\"\\x\"", "NaN", "tru")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
