package org.healthguides.site;

import java.util.List;

/** Every editorial rule, in the order they were added. A new rule is one class implementing {@link Check} and one line here. */
public final class Checks {
    private Checks() {
    }

    public static List<Check> all() {
        return List.of(
                new ContentContract(),
                new ReadingLevel(),
                new ReviewSchedule(),
                new Disclaimer(),
                new AbsoluteBaseUrl(),
                new TranslationReview(),
                new Redirects());
    }
}
