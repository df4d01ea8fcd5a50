package org.healthguides.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.healthguides.content.ContentTree;
import org.healthguides.content.FrontMatter;
import org.healthguides.content.GuideFiles;
import org.healthguides.content.GuideMeta;
import org.healthguides.content.Language;
import org.healthguides.content.TranslationMeta;
import org.healthguides.content.UrlPath;
import org.healthguides.diagnostics.Suggestions;
import org.healthguides.content.SectionMeta;
import org.healthguides.content.SiteSettings;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.markdown.MarkdownSource;
import org.healthguides.markdown.MovedContent;
import org.healthguides.markdown.RenderedMarkdown;

/**
 * Builds the site model from the loaded content: parses front matter, renders every Markdown body (in parallel),
 * orders sections and runs the editorial {@link Check}s it is given. Collects every problem before failing.
 */
public final class SiteAssembler {
    private final SiteSettings settings;
    private final MarkdownRenderer markdown;
    private final String contentRoot;
    private final boolean includeDrafts;
    private final Map<String, MarkdownRenderer> translatedMarkdown;
    private final Map<String, SiteSettings> languageSettings;
    private final FrontMatter.Store knownFrontMatter;
    private final KnownGuides knownGuides;

    /**
     * Guide folders assembled by an earlier build, kept whole (the build cache): a folder found there is not assembled
     * again. Only a folder without translations is kept, and only its original's model: what assembling it made from
     * its own files alone (the settings, templates and options are in the key the store finds it by).
     */
    public interface KnownGuides {
        /** The folder as an earlier build assembled it from exactly these files, settings, templates and options; or null. */
        KeptGuide find(GuideFiles files);

        /** Told of each folder without translations this build assembled without an error. */
        void keep(GuideFiles files, KeptGuide guide);

        KnownGuides NONE = new KnownGuides() {
            @Override
            public KeptGuide find(GuideFiles files) {
                return null;
            }

            @Override
            public void keep(GuideFiles files, KeptGuide guide) {
            }
        };
    }

    /**
     * What assembling a guide folder (without translations) made of it, beyond what its files' names say: its meta,
     * its introduction's and sections' Markdown results in reading order, the drafts found in it, and what the
     * {@link GuideCheck}s found about it ({@link GuideCheck#checkGuide}: from its own folder, the settings and the
     * options alone). With these the folder's {@link Guide} and problems are made again exactly as its assembly and
     * checks made them.
     */
    public record KeptGuide(GuideMeta meta, RenderedMarkdown introduction, List<SectionPage> sections, List<Draft> drafts,
                            List<Problem> findings) {
    }

    /**
     * @param contentRoot how the content folder is named in messages
     */
    public SiteAssembler(SiteSettings settings, MarkdownRenderer markdown, String contentRoot) {
        this(settings, markdown, contentRoot, true, Map.of(), Map.of(), FrontMatter.Store.NONE, KnownGuides.NONE);
    }

    private SiteAssembler(SiteSettings settings, MarkdownRenderer markdown, String contentRoot, boolean includeDrafts,
                          Map<String, MarkdownRenderer> translatedMarkdown, Map<String, SiteSettings> languageSettings,
                          FrontMatter.Store knownFrontMatter, KnownGuides knownGuides) {
        this.settings = settings;
        this.markdown = markdown;
        this.contentRoot = contentRoot;
        this.includeDrafts = includeDrafts;
        this.translatedMarkdown = translatedMarkdown;
        this.languageSettings = languageSettings;
        this.knownFrontMatter = knownFrontMatter;
        this.knownGuides = knownGuides;
    }

    /**
     * The same assembler rendering each other language's Markdown with its own renderer, which prints that
     * language's words (care-card levels and headings, from the templates' string tables); a language without
     * one uses the default language's.
     */
    public SiteAssembler withTranslatedMarkdown(Map<String, MarkdownRenderer> renderersByLanguage) {
        return new SiteAssembler(settings, markdown, contentRoot, includeDrafts, Map.copyOf(renderersByLanguage), languageSettings, knownFrontMatter, knownGuides);
    }

    /** The same assembler, giving the site each language's settings as its pages show them (see {@link Site#settingsIn}). */
    public SiteAssembler withLanguageSettings(Map<String, SiteSettings> settingsByLanguage) {
        return new SiteAssembler(settings, markdown, contentRoot, includeDrafts, translatedMarkdown, Map.copyOf(settingsByLanguage), knownFrontMatter, knownGuides);
    }

    /** The same assembler, taking the fields of front matter parsed by an earlier build from {@code known} (the build cache). */
    public SiteAssembler withKnownFrontMatter(FrontMatter.Store known) {
        return new SiteAssembler(settings, markdown, contentRoot, includeDrafts, translatedMarkdown, languageSettings, known, knownGuides);
    }

    /** The same assembler, taking guide folders an earlier build assembled from {@code known} (the build cache). */
    public SiteAssembler withKnownGuides(KnownGuides known) {
        return new SiteAssembler(settings, markdown, contentRoot, includeDrafts, translatedMarkdown, languageSettings, knownFrontMatter, known);
    }

    /**
     * @param include keep guides and sections marked {@code draft: true} (the preview, --drafts; the default); when
     *                false they are left out before their Markdown is read, so an unfinished draft never stops a build
     */
    public SiteAssembler withDrafts(boolean include) {
        return new SiteAssembler(settings, markdown, contentRoot, include, translatedMarkdown, languageSettings, knownFrontMatter, knownGuides);
    }

    /**
     * The site model with every {@link Checks check} run as the preview runs them (today's date, the published
     * address not asked for); the pipeline passes its own date and purpose to the method below.
     */
    public Site assemble(ContentTree tree) throws ContentErrors {
        return assemble(tree, Checks.all(), new CheckContext(tree, contentRoot, java.time.LocalDate.now(),
                tree.settings().displayPath(), false));
    }

    /**
     * The site model, with every problem of the content and of the given checks; throws with all of them when
     * any is an error, so one run lists everything there is to fix.
     *
     * @param context what the checks may know; its tree is this {@code tree}
     */
    public Site assemble(ContentTree tree, List<Check> checks, CheckContext context) throws ContentErrors {
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>(tree.problems()));
        List<Draft> found = Collections.synchronizedList(new ArrayList<>());
        List<GuideCheck> guideChecks = checks.stream().filter(GuideCheck.class::isInstance).map(GuideCheck.class::cast).toList();
        List<Guide> guides = tree.guides().parallelStream()
                .map(files -> assembleOrTake(files, problems, found, guideChecks, context))
                .filter(java.util.Objects::nonNull)
                .sorted(Guide.LIST_ORDER)
                .toList();
        List<Draft> originalDrafts = List.copyOf(found);
        // Translations are assembled before the checks run, so every rule sees every language; their drafts join the list.
        List<Guide> translations = assembleTranslations(tree, guides, problems, originalDrafts, found);
        List<Draft> drafts = found.stream().sorted(Comparator.comparing(Draft::displayPath)).toList();
        Site unchecked = new Site(settings, guides, List.of(), translations, languageSettings, drafts);
        // Each rule only reads the finished model: the rules run side by side, their problems kept in the rules' order. What a
        // GuideCheck finds about each original was found as it was assembled (or taken with it), above.
        checks.parallelStream()
                .map(check -> check instanceof GuideCheck perGuide ? perGuide.checkRest(unchecked, context) : check.check(unchecked, context))
                .toList().forEach(problems::addAll);
        List<Problem> sorted = problems.stream().sorted(Problem.BY_LOCATION).toList();
        if (sorted.stream().anyMatch(Problem::isError)) {
            throw new ContentErrors(sorted);
        }
        return new Site(settings, guides, sorted, translations, languageSettings, drafts);
    }

    /**
     * Every guide's translations, each checked against the original's content contract, sorted by language (as
     * listed) and title. A translation into a language not listed in site.yaml is left out with a warning.
     */
    /**
     * @param drafts the originals' drafts
     * @param found  where the translations' own drafts are added
     */
    private List<Guide> assembleTranslations(ContentTree tree, List<Guide> guides, List<Problem> problems, List<Draft> drafts, List<Draft> found) {
        Map<String, Guide> originals = new HashMap<>();
        guides.forEach(guide -> originals.put(guide.slug(), guide));
        for (GuideFiles files : tree.guides()) {
            if (!settings.isDefaultLanguage(files.slug()) && settings.languages().contains(files.slug())) {
                problems.add(Problem.error(Code.TRANSLATION_MISPLACED, files.index().displayPath(), 0, "guide folder '" + files.slug()
                                + "' has the name of language '" + files.slug() + "', whose pages live under /" + files.slug() + "/",
                        "rename the folder"));
            }
        }
        List<Guide> translations = tree.guides().parallelStream()
                .filter(files -> !files.translations().isEmpty() && originals.containsKey(files.slug()))
                .flatMap(files -> files.translations().entrySet().stream()
                        .map(entry -> assembleTranslation(originals.get(files.slug()), entry.getKey(), entry.getValue(), problems, drafts, found)))
                .filter(java.util.Objects::nonNull)
                .toList();
        return translations.stream()
                .sorted(Comparator.comparingInt((Guide g) -> settings.languages().indexOf(g.language()))
                        .thenComparing(Guide.LIST_ORDER))
                .toList();
    }

    private Guide assembleTranslation(Guide original, String language, List<SourceFile> files, List<Problem> problems, List<Draft> drafts,
                                      List<Draft> found) {
        SourceFile first = files.get(0);
        if (settings.isDefaultLanguage(language)) {
            for (SourceFile file : files) {
                problems.add(Problem.error(Code.TRANSLATION_MISPLACED, file.displayPath(), 0, "'" + language + "' is the site's default language, whose text is the original",
                        "move the text into " + baseName(file) + " or delete this file"));
            }
            return null;
        }
        if (!settings.languages().contains(language)) {
            problems.add(Problem.warning(Code.TRANSLATION_NOT_LISTED, first.displayPath(), 0, "the translation into '" + language
                            + "' is not published: '" + language + "' is not listed in 'languages' of " + SiteSettings.FILE_NAME,
                    "add it to 'languages: [" + String.join(", ", settings.languages()) + ", " + language + "]' when the translation is ready"));
            return null;
        }
        SourceFile index = files.stream().filter(f -> baseName(f).equals(GuideMeta.INDEX_FILE)).findFirst().orElse(null);
        if (index == null) {
            for (SourceFile file : files) {
                problems.add(Problem.error(Code.TRANSLATION_MISPLACED, file.displayPath(), 0, "this translation has no " + translatedName(GuideMeta.INDEX_FILE, language)
                                + " beside it, so guide '" + original.slug() + "' is not in '" + language + "'",
                        "translate the guide's " + GuideMeta.INDEX_FILE + " as " + translatedName(GuideMeta.INDEX_FILE, language) + " first"));
            }
            return null;
        }
        MarkdownRenderer renderer = translatedMarkdown.getOrDefault(language, markdown);
        String guidePath = UrlPath.pageOf(index.path());
        TranslationMeta translationMeta;
        FrontMatter indexFrontMatter;
        try {
            indexFrontMatter = FrontMatter.parse(index, knownFrontMatter);
            if (isDraft(indexFrontMatter)) {
                // A translation waits for its own sign-off: a draft one is left out while the original is published.
                found.add(new Draft(index.displayPath(), guidePath, true, !includeDrafts));
                if (!includeDrafts) {
                    return null;
                }
            }
            translationMeta = TranslationMeta.read(language, index, indexFrontMatter);
        } catch (ContentErrors e) {
            problems.addAll(e.problems());
            return null;
        }
        List<SectionPage> sections = new ArrayList<>();
        for (SourceFile file : files) {
            if (file == index) {
                continue;
            }
            String slug = baseName(file).substring(0, baseName(file).length() - ".md".length());
            Optional<SectionPage> originalSection = original.section(slug);
            if (originalSection.isEmpty() && drafts.stream().anyMatch(d -> d.leftOut() && d.pagePath().equals(original.path() + slug + "/"))) {
                continue; // the translation of a draft section waits with it
            }
            if (originalSection.isEmpty()) {
                problems.add(Problem.error(Code.TRANSLATION_MISPLACED, file.displayPath(), 0, "this translates " + baseName(file) + ", which guide '" + original.slug() + "' does not have",
                        Suggestions.didYouMean(slug, original.sections().stream().map(SectionPage::slug).toList())));
                continue;
            }
            SectionPage section = assembleTranslatedSection(file, slug, originalSection.get().meta().order(), renderer, problems, found);
            if (section != null) {
                sections.add(section);
            }
        }
        sections.sort(Comparator.comparingInt((SectionPage s) -> s.meta().order()).thenComparing(SectionPage::slug));
        RenderedMarkdown introduction = render(renderer, MarkdownSource.onItsOwnPage(index.displayPath(), index.path(), indexFrontMatter), problems);
        RenderedMarkdown introductionWhole = MovedContent.movedTo(introduction, guidePath, guidePath + Guide.WHOLE_GUIDE_SLUG + "/");
        Guide translation = new Guide(original.meta().translated(translationMeta), guidePath,
                index.displayPath(), introduction, introductionWhole, List.copyOf(sections), List.of(), introduction.reading(),
                language, translationMeta);
        return translation;
    }

    private SectionPage assembleTranslatedSection(SourceFile file, String slug, int order, MarkdownRenderer renderer, List<Problem> problems,
                                                  List<Draft> drafts) {
        try {
            FrontMatter frontMatter = FrontMatter.parse(file, knownFrontMatter);
            boolean draft = isDraft(frontMatter);
            if (draft) {
                // Left out of a published build, so the language's contents list the original instead.
                drafts.add(new Draft(file.displayPath(), UrlPath.pageOf(file.path()), false, !includeDrafts));
                if (!includeDrafts) {
                    return null;
                }
            }
            MarkdownSource source = MarkdownSource.onItsOwnPage(file.displayPath(), file.path(), frontMatter);
            SectionMeta meta;
            try {
                meta = SectionMeta.readTranslated(file, frontMatter, slug, order, draft);
            } catch (ContentErrors e) {
                render(renderer, source, problems);
                throw e;
            }
            RenderedMarkdown content = render(renderer, source, problems);
            return new SectionPage(meta, source.pagePath(), file.displayPath(), content, content.reading());
        } catch (ContentErrors e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** "recovery.cy.md" → "recovery.md". */
    private static String baseName(SourceFile file) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        return Language.translationFileName(name).map(t -> t.stem() + ".md").orElse(name);
    }

    private static String translatedName(String fileName, String language) {
        return fileName.substring(0, fileName.length() - ".md".length()) + "." + language + ".md";
    }

    /**
     * A guide folder's original: made again from what an earlier build kept of it (see {@link KnownGuides}), with the
     * same problems (its Markdown's and its {@link GuideCheck}s' findings) and drafts; else assembled and checked by
     * each {@link GuideCheck}, and kept with those findings when the folder has no translations.
     */
    private Guide assembleOrTake(GuideFiles files, List<Problem> problems, List<Draft> drafts, List<GuideCheck> guideChecks, CheckContext context) {
        boolean keepable = files.translations().isEmpty();
        KeptGuide kept = keepable ? knownGuides.find(files) : null;
        String guidePath = files.slug() + "/";
        if (kept != null) {
            // What assembleGuide adds for a folder that had no error: its Markdown's problems and its drafts; and what the
            // checks found about it, from the same files, settings and options (the key the model was found by).
            problems.addAll(kept.introduction().problems());
            kept.sections().forEach(section -> problems.addAll(section.content().problems()));
            drafts.addAll(kept.drafts());
            problems.addAll(kept.findings());
            return new Guide(kept.meta(), guidePath, files.index().displayPath(), kept.introduction(),
                    MovedContent.movedWhenRead(kept.introduction(), guidePath, guidePath + Guide.WHOLE_GUIDE_SLUG + "/"), kept.sections(),
                    files.assets(), kept.introduction().reading(), settings.language());
        }
        if (!keepable) {
            Guide guide = assembleGuide(files, problems, drafts);
            if (guide != null) {
                problems.addAll(findings(guide, files, guideChecks, context));
            }
            return guide;
        }
        // Sections are assembled side by side: these lists are shared by their threads.
        List<Problem> own = Collections.synchronizedList(new ArrayList<>());
        List<Draft> ownDrafts = Collections.synchronizedList(new ArrayList<>());
        Guide guide = assembleGuide(files, own, ownDrafts);
        problems.addAll(own);
        drafts.addAll(ownDrafts);
        if (guide != null) {
            List<Problem> findings = findings(guide, files, guideChecks, context);
            problems.addAll(findings);
            if (own.stream().noneMatch(Problem::isError)) {
                knownGuides.keep(files, new KeptGuide(guide.meta(), guide.introduction(), guide.sections(), List.copyOf(ownDrafts), findings));
            }
        }
        return guide;
    }

    /** What each {@link GuideCheck} finds about this original, in the checks' order. */
    private List<Problem> findings(Guide guide, GuideFiles files, List<GuideCheck> guideChecks, CheckContext context) {
        List<Problem> findings = new ArrayList<>();
        for (GuideCheck check : guideChecks) {
            findings.addAll(check.checkGuide(guide, files, settings, context));
        }
        return List.copyOf(findings);
    }

    private Guide assembleGuide(GuideFiles files, List<Problem> problems, List<Draft> drafts) {
        GuideMeta meta = null;
        FrontMatter indexFrontMatter = null;
        try {
            indexFrontMatter = FrontMatter.parse(files.index(), knownFrontMatter);
            if (!includeDrafts && isDraft(indexFrontMatter)) {
                // Left out whole, before anything else of it is read: an unfinished draft never stops a build.
                drafts.add(new Draft(files.index().displayPath(), files.slug() + "/", true, true));
                return null;
            }
            meta = GuideMeta.read(files.slug(), files.index(), indexFrontMatter);
        } catch (ContentErrors e) {
            problems.addAll(e.problems());
        } catch (StackOverflowError e) {
            problems.add(tooDeep(files.index()));
            meta = null;
        }
        if (meta != null && meta.draft()) {
            drafts.add(new Draft(files.index().displayPath(), files.slug() + "/", true, false));
        }
        List<SectionPage> sections = files.sections().parallelStream()
                .map(file -> assembleSection(file, problems, drafts))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingInt((SectionPage s) -> s.meta().order()).thenComparing(SectionPage::slug))
                .toList();
        checkSectionOrder(sections, problems);
        if (meta == null) {
            return null;
        }
        SourceFile index = files.index();
        String guidePath = files.slug() + "/";
        RenderedMarkdown introduction;
        try {
            introduction = render(MarkdownSource.onItsOwnPage(index.displayPath(), index.path(), indexFrontMatter), problems);
        } catch (StackOverflowError e) {
            problems.add(tooDeep(index));
            return null;
        }
        RenderedMarkdown introductionWhole = MovedContent.movedTo(introduction, guidePath, guidePath + Guide.WHOLE_GUIDE_SLUG + "/");
        return new Guide(meta, guidePath, index.displayPath(), introduction, introductionWhole, sections, files.assets(),
                introduction.reading(), settings.language());
    }

    private SectionPage assembleSection(SourceFile file, List<Problem> problems, List<Draft> drafts) {
        try {
            FrontMatter frontMatter = FrontMatter.parse(file, knownFrontMatter);
            if (isDraft(frontMatter)) {
                boolean leftOut = !includeDrafts;
                drafts.add(new Draft(file.displayPath(), org.healthguides.content.UrlPath.pageOf(file.path()), false, leftOut));
                if (leftOut) {
                    return null;
                }
            }
            SectionMeta meta;
            try {
                meta = SectionMeta.read(file, frontMatter);
            } catch (ContentErrors e) {
                // Still check the body, so one run lists the front matter's problems and the Markdown's.
                render(MarkdownSource.onItsOwnPage(file.displayPath(), file.path(), frontMatter), problems);
                throw e;
            }
            if (meta.slug().equals(Guide.WHOLE_GUIDE_SLUG)) {
                problems.add(Problem.error(Code.RESERVED_NAME, file.displayPath(), 0, "'" + Guide.WHOLE_GUIDE_SLUG + "' is reserved for the page with every section",
                        "rename the file"));
                return null;
            }
            RenderedMarkdown content = render(MarkdownSource.onItsOwnPage(file.displayPath(), file.path(), frontMatter), problems);
            return new SectionPage(meta, org.healthguides.content.UrlPath.pageOf(file.path()), file.displayPath(), content,
                    content.reading());
        } catch (ContentErrors e) {
            problems.addAll(e.problems());
            return null;
        } catch (StackOverflowError e) {
            problems.add(tooDeep(file));
            return null;
        }
    }

    /** A parser that recursed without end on this file: an error naming it, never a crash of the whole build. */
    private static Problem tooDeep(SourceFile file) {
        return Problem.error(Code.NESTED_TOO_DEEP, file.displayPath(), 0, "this file is nested too deeply to read (stack overflow)",
                "flatten the deepest lists, quotes or brackets");
    }

    /** {@code draft: true}, read before the rest of the front matter so a draft's other mistakes wait until it is built. */
    private static boolean isDraft(FrontMatter frontMatter) {
        org.healthguides.content.YamlNode draft = frontMatter.fields().get(GuideMeta.DRAFT_KEY);
        return draft != null && draft.isScalar() && ((String) draft.value()).strip().equals("true");
    }

    private RenderedMarkdown render(MarkdownSource source, List<Problem> problems) {
        return render(markdown, source, problems);
    }

    private static RenderedMarkdown render(MarkdownRenderer renderer, MarkdownSource source, List<Problem> problems) {
        RenderedMarkdown rendered = renderer.render(source);
        problems.addAll(rendered.problems());
        return rendered;
    }

    private static void checkSectionOrder(List<SectionPage> sections, List<Problem> problems) {
        Map<Integer, SectionPage> byOrder = new HashMap<>();
        for (SectionPage section : sections) {
            SectionPage other = byOrder.putIfAbsent(section.meta().order(), section);
            if (other != null) {
                problems.add(Problem.error(Code.DUPLICATE_ORDER, section.displayPath(), section.meta().orderLine(),
                        "order " + section.meta().order() + " is also used by " + other.displayPath(),
                        "give each section of a guide its own order number"));
            }
        }
    }
}
