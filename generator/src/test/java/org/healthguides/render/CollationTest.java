package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.healthguides.content.Language;
import org.junit.jupiter.api.Test;

class CollationTest {
    @Test
    void a_collator_made_ahead_sorts_as_the_language_does() {
        Collation.prepare("cy");
        assertTrue(Collation.isMade("cy"));
        // Welsh: "ch" is a letter after every other "c", "ll" one after "l".
        List<String> words = new ArrayList<>(List.of("chwarae", "cyw", "llaw", "lwc", "cae"));
        words.sort(Collation.of(new Language("cy")));
        assertEquals(List.of("cae", "cyw", "chwarae", "lwc", "llaw"), words);
    }

    @Test
    void a_collator_made_ahead_is_the_one_later_uses_copy() {
        Collation.prepare("en-GB");
        assertTrue(Collation.isMade("en-GB"));
        List<String> words = new ArrayList<>(List.of("Zebra", "apple", "Éclair", "eagle"));
        words.sort(Collation.of(new Language("en-GB")));
        assertEquals(List.of("apple", "eagle", "Éclair", "Zebra"), words);
    }

    @Test
    void a_tag_that_is_not_a_language_is_left_for_the_string_tables_check_to_report() {
        Collation.prepare("not a tag!");
        assertFalse(Collation.isMade("not a tag!"));
    }
}
