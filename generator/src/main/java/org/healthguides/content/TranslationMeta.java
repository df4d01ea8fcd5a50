package org.healthguides.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * The front matter of a guide's translated index ({@code index.cy.md}): the guide's title and description in that
 * language, which review of the original it translates, and its own sign-off. The content contract and the review
 * dates stay the original's.
 *
 * @param translatedFromReviewed the original's {@code reviewed} date the translator worked from; null when not given
 * @param reviewedBy             the clinician who checked this translation against the original, or null until one has
 * @param draft                  {@code draft: true}: the translation is left out of a published build, even while
 *                               the original is published
 */
public record TranslationMeta(String language, String title, String description, LocalDate translatedFromReviewed,
                              int translatedFromReviewedLine, List<String> keywords, GuideMeta.Reviewer reviewedBy, boolean draft) {

    private static final Set<String> KEYS = Set.of("title", "description", "translated_from_reviewed", "keywords", "reviewed_by",
            GuideMeta.DRAFT_KEY);

    public static TranslationMeta read(String language, SourceFile file, FrontMatter frontMatter) throws ContentErrors {
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(frontMatter.fields(), file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the guide's title in this language");
        String description = reader.text("description", "");
        LocalDate from = reader.date("translated_from_reviewed");
        // The A to Z words of this language: a translation never borrows the original's keywords.
        List<String> keywords = reader.phraseList("keywords");
        // A translation is new text, so it needs a clinician's sign-off of its own (site.ClinicalSignOff).
        GuideMeta.Reviewer reviewedBy = GuideMeta.Reviewer.read(reader, "the name of the clinician who checked this translation");
        boolean draft = reader.bool(GuideMeta.DRAFT_KEY);
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return new TranslationMeta(language, title, description, from, reader.line("translated_from_reviewed"), keywords, reviewedBy, draft);
    }
}
