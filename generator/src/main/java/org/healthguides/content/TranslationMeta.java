package org.healthguides.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * The front matter of a guide's translated index ({@code index.cy.md}): the guide's title and description in that
 * language, and which review of the original it translates. The content contract and the review dates stay the
 * original's.
 *
 * @param translatedFromReviewed the original's {@code reviewed} date the translator worked from; null when not given
 */
public record TranslationMeta(String language, String title, String description, LocalDate translatedFromReviewed,
                              int translatedFromReviewedLine, List<String> keywords) {

    private static final Set<String> KEYS = Set.of("title", "description", "translated_from_reviewed", "keywords");

    public static TranslationMeta read(String language, SourceFile file, FrontMatter frontMatter) throws ContentErrors {
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(frontMatter.fields(), file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the guide's title in this language");
        String description = reader.text("description", "");
        LocalDate from = reader.date("translated_from_reviewed");
        // The A to Z words of this language: a translation never borrows the original's keywords.
        List<String> keywords = reader.phraseList("keywords");
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return new TranslationMeta(language, title, description, from, reader.line("translated_from_reviewed"), keywords);
    }
}
