package org.healthguides.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.healthguides.content.GuideMeta;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * Health content must be checked again by a date it states. A guide without review dates, reviewed in the
 * future, or past its next review is published with a warning (an error under --strict), so that it is
 * reviewed, not forgotten.
 */
public final class ReviewSchedule implements Check {
    private static final String OVERDUE = " was due for review on ";

    /** Whether this is the warning for a guide past its next_review (which --allow-overdue keeps a warning under --strict). */
    public static boolean isOverdue(Problem problem) {
        return !problem.isError() && problem.message().startsWith("guide '") && problem.message().contains(OVERDUE);
    }

    @Override
    public List<Problem> check(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        for (Guide guide : site.guides()) {
            problems.addAll(check(guide, context.today()));
        }
        return problems;
    }

    /** @param today the build's date, from the injected clock */
    public static List<Problem> check(Guide guide, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        GuideMeta meta = guide.meta();
        if (meta.reviewed() == null || meta.nextReview() == null) {
            problems.add(Problem.warning(Code.NO_REVIEW_DATE, guide.displayPath(), meta.reviewed() == null ? meta.reviewedLine() : meta.nextReviewLine(),
                    "guide '" + guide.slug() + "' has no " + (meta.reviewed() == null ? "'reviewed'" : "'next_review'") + " date",
                    "add 'reviewed: YYYY-MM-DD' and 'next_review: YYYY-MM-DD'; every page shows them"));
            return problems;
        }
        if (meta.reviewed().isAfter(today)) {
            problems.add(Problem.warning(Code.REVIEWED_IN_FUTURE, guide.displayPath(), meta.reviewedLine(),
                    "guide '" + guide.slug() + "' says it was reviewed on " + meta.reviewed() + ", which is after today (" + today + ")",
                    "set 'reviewed' to the date the review was done"));
        }
        if (today.isAfter(meta.nextReview())) {
            problems.add(Problem.warning(Code.REVIEW_OVERDUE, guide.displayPath(), meta.nextReviewLine(),
                    "guide '" + guide.slug() + "'" + OVERDUE + meta.nextReview() + " (today is " + today + ")",
                    "review the guide, then set 'reviewed' to today and 'next_review' to the next date"));
        }
        return problems;
    }
}
