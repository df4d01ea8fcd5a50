package org.healthguides.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.healthguides.diagnostics.Problem;

/**
 * A translation is of one review of the original: when the original has been reviewed since, the translation may
 * miss a changed sign or step, so the build warns (an error with --strict) until a translator has caught up.
 */
public final class TranslationReview {
    private TranslationReview() {
    }

    public static List<Problem> check(Guide original, Guide translation) {
        List<Problem> problems = new ArrayList<>();
        LocalDate reviewed = original.meta().reviewed();
        LocalDate from = translation.translation().translatedFromReviewed();
        int line = translation.translation().translatedFromReviewedLine();
        if (from == null) {
            problems.add(Problem.warning(translation.displayPath(), line,
                    "translation has no 'translated_from_reviewed' date, so nobody can tell whether it is up to date",
                    "add 'translated_from_reviewed: " + (reviewed == null ? "YYYY-MM-DD" : reviewed)
                            + "', the 'reviewed' date of the original it was translated from"));
        } else if (reviewed != null && from.isBefore(reviewed)) {
            problems.add(Problem.warning(translation.displayPath(), line,
                    "translation out of date: the original was reviewed on " + reviewed + ", after the version of " + from
                            + " this translation was made from",
                    "bring the translation up to date with " + original.displayPath() + ", then set 'translated_from_reviewed: " + reviewed + "'"));
        } else if (reviewed != null && from.isAfter(reviewed)) {
            problems.add(Problem.warning(translation.displayPath(), line,
                    "'translated_from_reviewed' " + from + " is after the original's 'reviewed' date " + reviewed,
                    "set it to the 'reviewed' date of the original the translation was made from"));
        }
        return problems;
    }
}
