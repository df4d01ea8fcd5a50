package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link IsoDate#parse} returns what {@link LocalDate#parse} returns, and throws what it throws. */
class IsoDateTest {
    /** The date, or the exception's class and message. */
    private static String outcome(java.util.function.Function<String, LocalDate> parse, String text) {
        try {
            return String.valueOf(parse.apply(text));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void assertSame(String text) {
        assertEquals(outcome(LocalDate::parse, text), outcome(IsoDate::parse, text), text);
    }

    @Test
    void every_day_of_four_centuries_and_the_ends_of_the_range() {
        for (LocalDate day = LocalDate.of(1800, 1, 1); day.isBefore(LocalDate.of(2200, 1, 1)); day = day.plusDays(1)) {
            assertEquals(day, IsoDate.parse(day.toString()));
        }
        for (String text : List.of("0000-01-01", "9999-12-31", "+10000-01-01", "-0001-12-31", "2024-02-29")) {
            assertSame(text);
        }
    }

    @Test
    void what_is_not_a_date_fails_as_it_did() {
        for (String text : List.of("2026-02-30", "2023-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-24", "2026/11/24",
                "2026-11-24 ", " 2026-11-24", "26-11-2024", "", "2026-11-2x", "２０２６-11-24", "٢٠٢٦-11-24", "2026-11-24T10:00",
                "20261124", "2026--1-24", "+026-11-24", "2026-+1-24")) {
            assertSame(text);
        }
    }

    @Test
    void random_texts_of_the_shape_fail_or_parse_as_they_did() {
        Random random = new Random(15);
        String alphabet = "0123456789-+/ a٣";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            char[] text = "2026-11-24".toCharArray();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(new String(text));
        }
        texts.forEach(IsoDateTest::assertSame);
    }
}
