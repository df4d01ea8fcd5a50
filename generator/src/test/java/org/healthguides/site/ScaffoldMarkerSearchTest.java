package org.healthguides.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The placeholder check's own search finds the marker exactly where String.contains does. */
class ScaffoldMarkerSearchTest {

    @Test
    void finds_the_marker_anywhere_and_nothing_else() {
        String marker = ScaffoldPlaceholders.MARKER;
        assertTrue(ScaffoldPlaceholders.holdsMarker(marker));
        assertTrue(ScaffoldPlaceholders.holdsMarker("x" + marker));
        assertTrue(ScaffoldPlaceholders.holdsMarker(marker + "x"));
        assertTrue(ScaffoldPlaceholders.holdsMarker("title: " + marker + " title\n"));
        assertTrue(ScaffoldPlaceholders.holdsMarker("PLACEHOLDEPLACEHOLDER"), "a near miss just before it");
        assertTrue(ScaffoldPlaceholders.holdsMarker("ŵŷ العربية " + marker), "after letters outside ASCII");
        assertFalse(ScaffoldPlaceholders.holdsMarker(""));
        assertFalse(ScaffoldPlaceholders.holdsMarker("PLACEHOLDE"));
        assertFalse(ScaffoldPlaceholders.holdsMarker("placeholder"));
        assertFalse(ScaffoldPlaceholders.holdsMarker("PLACE HOLDER"));
        assertFalse(ScaffoldPlaceholders.holdsMarker("LACEHOLDER PLACEHOLDE R"));
    }

    @Test
    void agrees_with_string_contains_on_random_texts_of_the_markers_letters() {
        Random random = new Random(15);
        String letters = "PLACEHOLDRxŵ ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (random.nextInt(8) == 0) {
                text.insert(random.nextInt(text.length() + 1), ScaffoldPlaceholders.MARKER);
            }
            String s = text.toString();
            assertEquals(s.contains(ScaffoldPlaceholders.MARKER), ScaffoldPlaceholders.holdsMarker(s), s);
        }
    }
}
