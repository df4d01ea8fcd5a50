package org.healthguides.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.healthguides.content.GuideMeta;
import org.healthguides.content.RequiredWarning;
import org.healthguides.content.WarningKind;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;
import org.healthguides.markdown.Callout;

/**
 * Enforces what a guide's front matter says it must contain: its required sections, and its required
 * warnings as callouts of the right kind that mention every listed phrase.
 */
public final class ContentContract implements GuideCheck {

    /** An original against its own contract: its own files alone. */
    @Override
    public List<Problem> checkGuide(Guide guide, org.healthguides.content.GuideFiles folder, org.healthguides.content.SiteSettings settings,
                                    CheckContext context) {
        return check(guide, settings.warningKinds(), context.contentRoot(), brokenSections(folder == null ? List.of() : List.of(folder), guide),
                settings.language());
    }

    /** Every translation against its original's contract; and a required section in draft, which reads the site's drafts. */
    @Override
    public List<Problem> checkRest(Site site, CheckContext context) {
        List<Problem> problems = new ArrayList<>();
        // Each guide's folder looked up by name once: a scan of every folder per guide took a tenth of a rebuild at 2,000
        // guides. Only for the translations: a site without any needs none.
        Map<String, List<org.healthguides.content.GuideFiles>> folders = new java.util.HashMap<>();
        if (!site.translations().isEmpty()) {
            context.tree().guides().forEach(files -> folders.computeIfAbsent(files.slug(), slug -> new ArrayList<>()).add(files));
        }
        // Every translation, against the original's contract in its own language.
        for (Guide guide : site.translations()) {
            problems.addAll(check(guide, site.settings().warningKinds(), context.contentRoot(),
                    brokenSections(folders.getOrDefault(guide.slug(), List.of()), guide), site.settings().language()));
        }
        for (Guide guide : site.allGuides()) {
            for (Draft draft : site.drafts()) {
                if (draft.leftOut() && !draft.guide() && draft.pagePath().startsWith(guide.path())
                        && guide.meta().requiredSections().contains(draft.slug())) {
                    // A translation's required section in draft: the translation would be published without it.
                    problems.add(guide.isTranslation()
                            ? Problem.error(Code.REQUIRED_SECTION_IS_DRAFT, draft.displayPath(), 0, what(guide) + " requires section '"
                                    + draft.slug() + "', but its translation is a draft, so the published translation would be without it",
                            "finish it and remove 'draft: true', or mark " + guide.displayPath() + " 'draft: true' to hold back the whole translation")
                            : Problem.error(Code.REQUIRED_SECTION_IS_DRAFT, guide.displayPath(), guide.meta().requiredSectionsLine(),
                            "guide '" + guide.slug() + "' requires section '" + draft.slug() + "', but " + draft.displayPath()
                                    + " is a draft, so the published guide would be without it",
                            "finish it and remove 'draft: true' from " + draft.displayPath() + ", or build with --drafts to preview"));
                }
            }
        }
        return problems;
    }

    /** Section files of the guide (in its language) that exist (and may be unreadable) but did not become sections. */
    private static java.util.Set<String> brokenSections(List<org.healthguides.content.GuideFiles> folders, Guide guide) {
        java.util.Set<String> broken = new java.util.HashSet<>();
        folders.forEach(files -> {
            if (guide.isTranslation()) {
                files.translations().getOrDefault(guide.language(), List.of()).stream()
                        .map(file -> org.healthguides.content.Language.translationFileName(file.path().substring(file.path().lastIndexOf('/') + 1)))
                        .flatMap(Optional::stream)
                        .map(org.healthguides.content.Language.TranslationFileName::stem)
                        .filter(stem -> !stem.equals("index"))
                        .forEach(broken::add);
            } else {
                files.sectionNames().forEach(broken::add);
            }
        });
        guide.sections().forEach(section -> broken.remove(section.slug()));
        return broken;
    }

    public static List<Problem> check(Guide guide, Map<String, WarningKind> kinds, String contentRoot) {
        return check(guide, kinds, contentRoot, java.util.Set.of());
    }

    /**
     * @param brokenSections slugs of section files that exist but could not be read; their own errors are
     *                       reported, so they are not reported again as missing
     */
    public static List<Problem> check(Guide guide, Map<String, WarningKind> kinds, String contentRoot, java.util.Set<String> brokenSections) {
        return check(guide, kinds, contentRoot, brokenSections, guide.language());
    }

    /**
     * The contract checked on a guide in any language. A translation must have every required section (an optional
     * section may stay untranslated) and every required warning, mentioning the phrases listed for its language.
     *
     * @param defaultLanguage the site's default language, whose phrases a plain {@code mentions: [...]} list gives
     */
    public static List<Problem> check(Guide guide, Map<String, WarningKind> kinds, String contentRoot, java.util.Set<String> brokenSections,
                                      String defaultLanguage) {
        List<Problem> problems = new ArrayList<>();
        GuideMeta meta = guide.meta();
        String suffix = fileSuffix(guide);
        for (String required : meta.requiredSections()) {
            if (findSection(guide, required).isEmpty() && !required.equals(GuideMeta.INDEX_SECTION) && !brokenSections.contains(required)) {
                problems.add(Problem.error(Code.MISSING_REQUIRED_SECTION, guide.displayPath(), guide.isTranslation() ? 0 : meta.requiredSectionsLine(),
                        what(guide) + " is missing required section '" + required + "'",
                        "create " + contentRoot + "/" + guide.slug() + "/" + required + suffix + " with a title"
                                + (guide.isTranslation() ? " (a required section must be translated)" : " and an order")));
            }
        }
        for (RequiredWarning warning : meta.requiredWarnings()) {
            if (brokenSections.contains(warning.section())) {
                continue;
            }
            Optional<List<String>> mentions = warning.mentionsIn(guide.language(), defaultLanguage);
            if (mentions.isEmpty()) {
                // Without its own list a translation could drop a red flag and no check would notice.
                problems.add(Problem.error(Code.MENTIONS_FOR_LANGUAGE, guide.isTranslation() ? originalDisplayPath(guide) : guide.displayPath(), warning.line(),
                        "required care card '" + warning.name() + "' has no 'mentions' for language '" + guide.language() + "'",
                        "give the phrases per language: 'mentions: { " + defaultLanguage + ": [...], " + guide.language()
                                + ": [...] }', each list in its language"));
                continue;
            }
            checkWarning(guide, warning, mentions.get(), kinds, contentRoot).ifPresent(problems::add);
        }
        return problems;
    }

    /** "guide 'x'" or "the 'cy' translation of guide 'x'", for messages. */
    private static String what(Guide guide) {
        return guide.isTranslation() ? "the '" + guide.language() + "' translation of guide '" + guide.slug() + "'" : "guide '" + guide.slug() + "'";
    }

    private static String fileSuffix(Guide guide) {
        return guide.isTranslation() ? "." + guide.language() + ".md" : ".md";
    }

    /** The original's index.md beside a translation's index.cy.md: where the contract is written. */
    private static String originalDisplayPath(Guide guide) {
        String path = guide.displayPath();
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + GuideMeta.INDEX_FILE;
    }

    private static Optional<Problem> checkWarning(Guide guide, RequiredWarning warning, List<String> mentions, Map<String, WarningKind> kinds,
                                                  String contentRoot) {
        if (!kinds.containsKey(warning.kind())) {
            return Optional.of(Problem.error(Code.REQUIRED_CARE_CARD_UNKNOWN_KIND, guide.displayPath(), warning.line(),
                    "required care card '" + warning.name() + "' names unknown kind '" + warning.kind() + "'",
                    Suggestions.didYouMean(warning.kind(), kinds.keySet())));
        }
        String file;
        List<Callout> callouts;
        if (warning.section().equals(GuideMeta.INDEX_SECTION)) {
            file = guide.displayPath();
            callouts = guide.introduction().callouts();
        } else {
            Optional<SectionPage> section = findSection(guide, warning.section());
            if (section.isEmpty()) {
                return Optional.of(Problem.error(Code.REQUIRED_CARE_CARD_NO_SECTION, guide.displayPath(), guide.isTranslation() ? 0 : warning.line(),
                        what(guide) + " requires care card '" + warning.name() + "' in section '" + warning.section()
                                + "', which does not exist",
                        "create " + contentRoot + "/" + guide.slug() + "/" + warning.section() + fileSuffix(guide)
                                + (guide.isTranslation() ? "" : " or correct 'section'")));
            }
            file = section.get().displayPath();
            callouts = section.get().content().callouts();
        }
        List<Callout> ofKind = callouts.stream().filter(c -> c.kind().equals(warning.kind())).toList();
        if (ofKind.isEmpty()) {
            return Optional.of(Problem.error(Code.MISSING_REQUIRED_CARE_CARD, file, 0,
                    what(guide) + " is missing required care card '" + warning.name() + "' (kind '" + warning.kind() + "')",
                    "add a block starting '!!! " + warning.kind() + "'" + mentionsHint(mentions)));
        }
        Callout closest = ofKind.stream()
                .max(Comparator.comparingLong(c -> mentions.stream().filter(c::mentions).count()))
                .orElseThrow();
        List<String> missing = mentions.stream().filter(m -> !closest.mentions(m)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problem.error(Code.CARE_CARD_MISSING_MENTION, file, closest.line(),
                "required care card '" + warning.name() + "' does not mention: " + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()),
                "put each back into this " + warning.kind() + " care card; the guide's front matter requires them"
                        + (guide.isTranslation() ? " in '" + guide.language() + "'" : "")));
    }

    private static String mentionsHint(List<String> mentions) {
        return mentions.isEmpty() ? "" : " that mentions: " + String.join(", ", mentions);
    }

    private static Optional<SectionPage> findSection(Guide guide, String slug) {
        // A loop, not a stream: asked for every required care card of every guide on each build (a stream, a
        // spliterator and a lambda each time were ~5 MB of an edit rebuild's garbage at 10,000 pages).
        for (SectionPage section : guide.sections()) {
            if (section.slug().equals(slug)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
