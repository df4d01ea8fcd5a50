package org.healthguides.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.readability.ReadingStats;

/**
 * Warns about a guide's pages whose prose reads above the guide's {@code max_grade}: readers of health
 * information need plain words and short sentences, and a long, dense page is the first thing to fix.
 */
public final class ReadingLevel implements GuideCheck {

    /** An original's pages: its own text alone. */
    @Override
    public List<Problem> checkGuide(Guide guide, org.healthguides.content.GuideFiles folder, org.healthguides.content.SiteSettings settings,
                                    CheckContext context) {
        return check(guide);
    }

    /** The translations' pages (those not in English are skipped by check(guide)). */
    @Override
    public List<Problem> checkRest(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        for (Guide guide : site.translations()) {
            problems.addAll(check(guide));
        }
        return problems;
    }

    /** Flesch–Kincaid is a formula for English: a guide in another language is not scored with it. */
    public static boolean measures(Guide guide) {
        return new org.healthguides.content.Language(guide.language()).isEnglish();
    }

    public static List<Problem> check(Guide guide) {
        List<Problem> problems = new ArrayList<>();
        if (!measures(guide)) {
            return problems;
        }
        check(guide, "the introduction", guide.displayPath(), guide.introductionReading(), problems);
        for (SectionPage section : guide.sections()) {
            check(guide, "section '" + section.slug() + "'", section.displayPath(), section.reading(), problems);
        }
        return problems;
    }

    private static void check(Guide guide, String what, String file, ReadingStats stats, List<Problem> problems) {
        // Compared as shown, to one decimal, so "8.0" never warns against a max_grade of 8.
        double grade = Math.round(stats.fleschKincaidGrade() * 10) / 10.0;
        double max = guide.meta().maxGrade();
        if (grade > max) {
            problems.add(Problem.warning(Code.READING_LEVEL_TOO_HIGH, file, 0, String.format(Locale.ROOT,
                            "%s reads at grade %.1f (Flesch–Kincaid), above max_grade %s of guide '%s'", what, grade,
                            formatGrade(max), guide.slug()),
                    String.format(Locale.ROOT, "use shorter sentences (now %.1f words on average) and plainer words; "
                            + "'guide report' shows each page's numbers", stats.averageSentenceLength())));
        }
    }

    static String formatGrade(double grade) {
        return grade == Math.rint(grade) ? String.valueOf((long) grade) : String.valueOf(grade);
    }
}
