package org.healthguides.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.healthguides.content.RequiredWarning;
import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;

/**
 * A translation is of one review of the original: when the original has been reviewed since, the translation may
 * miss a changed sign or step, so the build warns (an error with --strict) until a translator has caught up. And
 * the phrases a care card must mention may only be given for listed languages: a misspelt tag would check nothing.
 */
public final class TranslationReview implements GuideCheck {

    /** An original's care cards' phrases per language: its front matter and the settings alone. */
    @Override
    public List<Problem> checkGuide(Guide guide, org.healthguides.content.GuideFiles folder, SiteSettings settings, CheckContext context) {
        return mentionLanguages(guide, settings);
    }

    /** Each translation against its original's review date. */
    @Override
    public List<Problem> checkRest(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        for (Guide translation : site.translations()) {
            site.guide(translation.slug(), site.settings().language())
                    .ifPresent(original -> problems.addAll(check(original, translation)));
        }
        return problems;
    }

    static List<Problem> mentionLanguages(Guide original, SiteSettings settings) {
        List<Problem> problems = new ArrayList<>();
        for (RequiredWarning warning : original.meta().requiredWarnings()) {
            for (String language : warning.mentionsByLanguage().keySet()) {
                if (!settings.languages().contains(language)) {
                    problems.add(Problem.error(Code.MENTIONS_FOR_LANGUAGE, original.displayPath(), warning.line(), "required care card '" + warning.name()
                                    + "' gives mentions for '" + language + "', which is not listed in 'languages' of " + SiteSettings.FILE_NAME,
                            Suggestions.didYouMean(language, settings.languages())));
                }
            }
        }
        return problems;
    }

    public static List<Problem> check(Guide original, Guide translation) {
        List<Problem> problems = new ArrayList<>();
        LocalDate reviewed = original.meta().reviewed();
        LocalDate from = translation.translation().translatedFromReviewed();
        int line = translation.translation().translatedFromReviewedLine();
        if (from == null) {
            problems.add(Problem.warning(Code.TRANSLATION_OUT_OF_DATE, translation.displayPath(), line,
                    "translation has no 'translated_from_reviewed' date, so nobody can tell whether it is up to date",
                    "add 'translated_from_reviewed: " + (reviewed == null ? "YYYY-MM-DD" : reviewed)
                            + "', the 'reviewed' date of the original it was translated from"));
        } else if (reviewed != null && from.isBefore(reviewed)) {
            problems.add(Problem.warning(Code.TRANSLATION_OUT_OF_DATE, translation.displayPath(), line,
                    "translation out of date: the original was reviewed on " + reviewed + ", after the version of " + from
                            + " this translation was made from",
                    "bring the translation up to date with " + original.displayPath() + ", then set 'translated_from_reviewed: " + reviewed + "'"));
        } else if (reviewed != null && from.isAfter(reviewed)) {
            problems.add(Problem.warning(Code.TRANSLATION_OUT_OF_DATE, translation.displayPath(), line,
                    "'translated_from_reviewed' " + from + " is after the original's 'reviewed' date " + reviewed,
                    "set it to the 'reviewed' date of the original the translation was made from"));
        }
        return problems;
    }
}
