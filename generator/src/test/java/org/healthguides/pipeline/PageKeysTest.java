package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.render.GuideEntry;
import org.healthguides.render.Page;
import org.healthguides.render.ReviewDates;
import org.junit.jupiter.api.Test;

/** A site page's key: every value its template is given, so any change to one is another key. */
class PageKeysTest {
    private static BuildCache.Key key(Object... values) {
        KeyDigest digest = new KeyDigest();
        for (Object value : values) {
            PageKeys.update(digest, value);
        }
        return digest.key();
    }

    private static Page.Home home(List<GuideEntry> guides) {
        return new Page.Home("", "Guides", "Health guides", "./", guides);
    }

    private static GuideEntry entry(String title, String reviewer) {
        return new GuideEntry(title, "lifting/", "How to lift.", new ReviewDates("2026-11-24", "24 November 2026", null, null, reviewer, "Physio"));
    }

    @Test
    void equal_records_give_one_key_and_any_component_changed_another() {
        assertEquals(key(home(List.of(entry("Lifting", "Alex")))), key(home(List.of(entry("Lifting", "Alex")))));
        BuildCache.Key key = key(home(List.of(entry("Lifting", "Alex"))));
        assertNotEquals(key, key(home(List.of(entry("Lifting", "Sam")))), "a component three records deep");
        assertNotEquals(key, key(home(List.of(entry("Lifting", null)))), "null is not a text");
        assertNotEquals(key(home(List.of(entry("Lifting", "")))), key(home(List.of(entry("Lifting", null)))), "nor is an empty text");
        assertNotEquals(key, key(home(List.of(entry("Lifting", "Alex"), entry("Running", "Alex")))), "a guide added");
        assertNotEquals(key(home(List.of(entry("A", "x"), entry("B", "x")))), key(home(List.of(entry("B", "x"), entry("A", "x")))), "the order");
    }

    @Test
    void texts_are_told_apart_by_their_lengths_and_values_by_their_kinds() {
        assertNotEquals(key("ab", "c"), key("a", "bc"));
        assertNotEquals(key(List.of("a"), List.of()), key(List.of(), List.of("a")));
        assertNotEquals(key(1), key(1L));
        assertNotEquals(key(true), key(false));
        Map<String, String> first = new LinkedHashMap<>();
        first.put("a", "1");
        first.put("b", "2");
        Map<String, String> second = new LinkedHashMap<>();
        second.put("b", "2");
        second.put("a", "1");
        assertNotEquals(key(first), key(second), "a map in the order a template lists it");
    }

    @Test
    void a_value_of_a_kind_it_does_not_know_makes_no_key() {
        assertThrows(PageKeys.NotKeyable.class, () -> key(new StringBuilder("x")));
        assertThrows(PageKeys.NotKeyable.class, () -> key(List.of(new Object())));
    }
}
