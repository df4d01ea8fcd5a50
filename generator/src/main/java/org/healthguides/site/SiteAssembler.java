package org.healthguides.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthguides.content.ContentTree;
import org.healthguides.content.FrontMatter;
import org.healthguides.content.GuideFiles;
import org.healthguides.content.GuideMeta;
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

    /**
     * @param contentRoot how the content folder is named in messages
     */
    public SiteAssembler(SiteSettings settings, MarkdownRenderer markdown, String contentRoot) {
        this.settings = settings;
        this.markdown = markdown;
        this.contentRoot = contentRoot;
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
        List<Guide> guides = tree.guides().parallelStream()
                .map(files -> assembleGuide(files, problems))
                .filter(java.util.Objects::nonNull)
                .sorted(Guide.LIST_ORDER)
                .toList();
        Site unchecked = new Site(settings, guides, List.of());
        for (Check check : checks) {
            problems.addAll(check.check(unchecked, context));
        }
        List<Problem> sorted = problems.stream().sorted(Problem.BY_LOCATION).toList();
        if (sorted.stream().anyMatch(Problem::isError)) {
            throw new ContentErrors(sorted);
        }
        return new Site(settings, guides, sorted);
    }

    private Guide assembleGuide(GuideFiles files, List<Problem> problems) {
        GuideMeta meta = null;
        FrontMatter indexFrontMatter = null;
        try {
            indexFrontMatter = FrontMatter.parse(files.index());
            meta = GuideMeta.read(files.slug(), files.index(), indexFrontMatter);
        } catch (ContentErrors e) {
            problems.addAll(e.problems());
        } catch (StackOverflowError e) {
            problems.add(tooDeep(files.index()));
            meta = null;
        }
        List<SectionPage> sections = files.sections().parallelStream()
                .map(file -> assembleSection(file, problems))
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
            introduction = render(MarkdownSource.onItsOwnPage(index.displayPath(), index.path(),
                    indexFrontMatter.body(), indexFrontMatter.bodyLine()), problems);
        } catch (StackOverflowError e) {
            problems.add(tooDeep(index));
            return null;
        }
        RenderedMarkdown introductionWhole = MovedContent.movedTo(introduction, guidePath, guidePath + Guide.WHOLE_GUIDE_SLUG + "/");
        return new Guide(meta, guidePath, index.displayPath(), introduction, introductionWhole, sections, files.assets(),
                introduction.reading());
    }

    private SectionPage assembleSection(SourceFile file, List<Problem> problems) {
        try {
            FrontMatter frontMatter = FrontMatter.parse(file);
            SectionMeta meta;
            try {
                meta = SectionMeta.read(file, frontMatter);
            } catch (ContentErrors e) {
                // Still check the body, so one run lists the front matter's problems and the Markdown's.
                render(MarkdownSource.onItsOwnPage(file.displayPath(), file.path(), frontMatter.body(), frontMatter.bodyLine()), problems);
                throw e;
            }
            if (meta.slug().equals(Guide.WHOLE_GUIDE_SLUG)) {
                problems.add(Problem.error(Code.RESERVED_NAME, file.displayPath(), 0, "'" + Guide.WHOLE_GUIDE_SLUG + "' is reserved for the page with every section",
                        "rename the file"));
                return null;
            }
            RenderedMarkdown content = render(MarkdownSource.onItsOwnPage(file.displayPath(), file.path(),
                    frontMatter.body(), frontMatter.bodyLine()), problems);
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

    private RenderedMarkdown render(MarkdownSource source, List<Problem> problems) {
        RenderedMarkdown rendered = markdown.render(source);
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
