package org.healthguides.content;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date written as {@code YYYY-MM-DD}, read as {@link LocalDate#parse(CharSequence)} reads it. Text of that shape
 * has its digits read directly: java.time's formatter (its parse context, its resolved fields) was most of reading a
 * kept guide's dates, and an edit rebuild at 10,000 pages reads ~6,000 of them, mostly in code not compiled yet.
 * Anything else, an impossible date included, goes to {@link LocalDate#parse}, which returns or throws what it always did.
 */
public final class IsoDate {
    private IsoDate() {
    }

    public static LocalDate parse(CharSequence text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // 2026-02-30: LocalDate.parse below throws the DateTimeParseException callers expect
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits from {@code from} to {@code to} make, or -1 if any is not one. */
    private static int digits(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
