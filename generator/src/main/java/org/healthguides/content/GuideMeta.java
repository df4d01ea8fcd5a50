package org.healthguides.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * A guide's front matter (its {@code index.md}): what it is called and its content contract.
 *
 * @param requiredSections     section slugs the guide must have
 * @param requiredSectionsLine where they are declared, for messages
 * @param reviewed             may be null until an editor adds it (the build warns)
 * @param nextReview           may be null until an editor adds it (the build warns)
 * @param maxGrade             the highest Flesch–Kincaid grade a section may read at before the build warns
 * @param reviewedLine         where reviewed is written (the top of the file when it is not), for messages
 * @param nextReviewLine       where next_review is written (the top of the file when it is not), for messages
 * @param weight               where the guide comes in lists (lower first); null when not set, which sorts after every weight
 * @param keywords             other words a reader may look the guide up by in the A to Z ("sciatica", "slipped disc")
 * @param aliases              old addresses of the guide's page, each redirected to it
 * @param changes              what changed in the guide's advice, newest first
 * @param reviewedBy           the clinician who signed the guide off, or null until one has
 * @param draft                {@code draft: true}: left out of a published build (see docs/writing.md)
 */
public record GuideMeta(String slug, String title, String description, LocalDate reviewed, LocalDate nextReview,
                        List<String> requiredSections, int requiredSectionsLine, List<RequiredWarning> requiredWarnings,
                        double maxGrade, int reviewedLine, int nextReviewLine, Integer weight,
                        List<String> keywords, List<Alias> aliases, List<Change> changes, Reviewer reviewedBy, boolean draft) {

    /** Who reviewed a guide: shown on every page of it and in its structured data. */
    public record Reviewer(String name, String role) {
        private static final Set<String> KEYS = Set.of("name", "role");

        /** 'reviewed_by: { name, role }' as a guide or a translation writes it, or null when there is none. */
        static Reviewer read(FieldReader reader, String whoseName) {
            FieldReader reviewer = reader.mapping("reviewed_by", KEYS, "{ name: Jo Bloggs, role: Physiotherapist }");
            if (reviewer == null) {
                return null;
            }
            String name = reviewer.requiredText("name", whoseName);
            return new Reviewer(name, reviewer.requiredText("role", "their clinical role, e.g. Physiotherapist or GP"));
        }
    }

    public static final String INDEX_FILE = "index.md";
    public static final String DRAFT_KEY = "draft";
    /** The name by which a required warning points at the guide's own page. */
    public static final String INDEX_SECTION = "index";
    /** A reading age of about 13 to 14: what plain-English health writing aims at or below. */
    public static final double DEFAULT_MAX_GRADE = 8;
    private static final Set<String> KEYS = Set.of("title", "description", "reviewed", "next_review",
            "required_sections", "required_warnings", "max_grade", "weight", "keywords", "aliases", "changes", "reviewed_by", "draft");
    private static final Set<String> WARNING_KEYS = Set.of("name", "kind", "section", "mentions");
    private static final Set<String> CHANGE_KEYS = Set.of("date", "summary");

    /** The newest change, or null when none is listed. */
    public Change latestChange() {
        return changes.isEmpty() ? null : changes.get(0);
    }

    /**
     * The same guide, contract and place in lists under a translation's title, description and keywords. The
     * original's old addresses stay the original's, and its change summaries, written in its language, are not shown
     * on the translation's pages. The reviewer is the translation's own (null until a clinician has checked it), and
     * it is a draft when the original or the translation is.
     */
    public GuideMeta translated(TranslationMeta translation) {
        return new GuideMeta(slug, translation.title(), translation.description(), reviewed, nextReview, requiredSections,
                requiredSectionsLine, requiredWarnings, maxGrade, reviewedLine, nextReviewLine, weight, translation.keywords(),
                List.of(), List.of(), translation.reviewedBy(), draft || translation.draft());
    }

    public static GuideMeta read(String slug, SourceFile file, FrontMatter frontMatter) throws ContentErrors {
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(frontMatter.fields(), file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the guide's title, its page heading");
        String description = reader.text("description", "");
        LocalDate reviewed = reader.date("reviewed");
        LocalDate nextReview = reader.date("next_review");
        if (reviewed != null && nextReview != null && !nextReview.isAfter(reviewed)) {
            problems.add(Problem.error(Code.REVIEW_DATES_OUT_OF_ORDER, file.displayPath(), reader.line("next_review"), "'next_review' is not after 'reviewed'",
                    "set next_review to a date after " + reviewed));
        }
        Double maxGrade = reader.decimal("max_grade");
        if (maxGrade != null && (maxGrade < 1 || maxGrade > 30)) {
            problems.add(Problem.error(Code.MAX_GRADE_OUT_OF_RANGE, file.displayPath(), reader.line("max_grade"), "'max_grade' must be between 1 and 30, found " + maxGrade,
                    "write a school grade, for example 'max_grade: 8'"));
        }
        Reviewer reviewedBy = Reviewer.read(reader, "the reviewing clinician's name, as it should appear on every page");
        boolean draft = reader.bool("draft");
        List<String> sections = reader.textList("required_sections");
        Integer weight = reader.integer("weight", false);
        List<String> keywords = reader.phraseList("keywords");
        List<RequiredWarning> warnings = new ArrayList<>();
        for (FieldReader warning : reader.mappingList("required_warnings", WARNING_KEYS)) {
            String name = warning.requiredText("name", "what the warning is about, used in messages");
            String kind = warning.requiredText("kind", "the warning kind, e.g. urgent");
            String section = warning.requiredText("section", "the section slug it must appear in, or 'index'");
            YamlNode mentionsNode = warning.node("mentions");
            if (mentionsNode != null && mentionsNode.value() instanceof Map<?, ?>) {
                // One list per language: { en-GB: [...], cy: [...] }.
                Map<String, List<String>> byLanguage = new LinkedHashMap<>();
                FieldReader perLanguage = new FieldReader(mentionsNode.asMap(), file.displayPath(), mentionsNode.line(),
                        mentionsNode.asMap().keySet(), problems);
                for (String language : mentionsNode.asMap().keySet()) {
                    byLanguage.put(language, perLanguage.textList(language));
                }
                warnings.add(new RequiredWarning(name, kind, section, List.of(), warning.fallbackLine(),
                        java.util.Collections.unmodifiableMap(byLanguage)));
            } else {
                warnings.add(new RequiredWarning(name, kind, section, warning.textList("mentions"), warning.fallbackLine()));
            }
        }
        List<Alias> aliases = reader.aliases("aliases");
        List<Change> changes = new ArrayList<>();
        for (FieldReader change : reader.mappingList("changes", CHANGE_KEYS)) {
            int before = problems.size();
            LocalDate date = change.date("date");
            boolean dateMissing = date == null && problems.size() == before;
            String summary = change.requiredText("summary", "what changed in the advice, in one line for readers");
            if (dateMissing) {
                problems.add(Problem.error(Code.MISSING_KEY, file.displayPath(), change.line("date"), "a change needs its 'date'",
                        "write '- date: 2026-11-24' followed by 'summary: …', indented"));
            } else if (date == null) {
                continue;
            } else if (summary.contains("\n")) {
                problems.add(Problem.error(Code.WRONG_TYPE, file.displayPath(), change.line("summary"), "a change's 'summary' is one line",
                        "shorten it to one sentence; the guide's text holds the details"));
            } else {
                changes.add(new Change(date, summary, change.fallbackLine()));
            }
        }
        changes.sort(java.util.Comparator.comparing(Change::date).reversed());
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return new GuideMeta(slug, title, description, reviewed, nextReview, sections, reader.line("required_sections"),
                List.copyOf(warnings), maxGrade == null ? DEFAULT_MAX_GRADE : maxGrade,
                reader.line("reviewed"), reader.line("next_review"), weight, keywords, aliases, List.copyOf(changes), reviewedBy, draft);
    }
}
