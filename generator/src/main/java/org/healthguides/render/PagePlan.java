package org.healthguides.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import org.healthguides.content.Change;
import org.healthguides.content.GuideMeta;
import org.healthguides.content.Language;
import org.healthguides.content.SiteSettings;
import org.healthguides.content.UrlPath;
import org.healthguides.markdown.Heading;
import org.healthguides.markdown.NestedContent;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.readability.ReadingStats;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;
import org.healthguides.site.Site;

/**
 * Decides which pages the site has and what each shows: navigation, previous/next, contents, "on this page".
 * Every URL is relative to the page it appears on, so the site works from any base path; only 404.html,
 * which a host serves at any depth, links from the base path.
 */
public final class PagePlan {
    public static final String NOT_FOUND_PATH = "404.html";

    private PagePlan() {
    }

    public static List<Page> pagesOf(Site site) {
        return pagesOf(site, language -> Map.of());
    }

    /** @param words each language's string table, for the words of pages that have no content of their own (A to Z, 404) */
    public static List<Page> pagesOf(Site site, Function<String, Map<String, String>> words) {
        List<Page> pages = new ArrayList<>(homes(site));
        pages.addAll(aToZs(site, words));
        // Guides are planned in parallel: nesting every section for the whole-guide page is the costly part.
        site.allGuides().parallelStream().map(guide -> pagesOf(site, guide)).toList().forEach(pages::addAll);
        pages.addAll(notFounds(site, words));
        return pages;
    }

    /** The home page: every guide. */
    public static Page home(Site site) {
        return home(site, site.settings().language());
    }

    /** The home page of each language: the default language's at the root, the others' at "cy/", "ur/". */
    public static List<Page> homes(Site site) {
        return site.languages().stream().map(language -> home(site, language)).toList();
    }

    /** A language's home page: every guide in that language. */
    public static Page home(Site site, String language) {
        String home = site.settings().pathPrefix(language);
        SiteSettings words = site.settingsIn(language);
        return new Page.Home(home, words.title(), words.description(), UrlPath.toRoot(home),
                guideLinks(site, language, home));
    }

    /** The "Health A to Z" page: every guide and section by title and keyword. */
    public static Page aToZ(Site site) {
        return aToZ(site, site.settings().language(), Map.of());
    }

    /** The A to Z of each language: the default language's at "a-to-z/", the others' at "cy/a-to-z/". */
    public static List<Page> aToZs(Site site) {
        return aToZs(site, language -> Map.of());
    }

    /** @param words each language's string table (templates/i18n/&lt;tag&gt;.yaml), for the page's title and alphabet */
    public static List<Page> aToZs(Site site, Function<String, Map<String, String>> words) {
        return aToZs(site, words, AToZIndex::sorted);
    }

    /** @param sorting sorts each language's entries (the build cache's, which keeps the last build's result) */
    public static List<Page> aToZs(Site site, Function<String, Map<String, String>> words, AToZIndex.Sorting sorting) {
        return site.languages().stream().map(language -> aToZ(site, language, words.apply(language), sorting)).toList();
    }

    /**
     * A language's A to Z: its guides and their sections under the letters of its alphabet, sorted as the language
     * sorts. The title and description are the language's words (structured data repeats them); a table without
     * them (templates with no i18n folder) gets English's.
     */
    public static Page aToZ(Site site, String language, Map<String, String> words) {
        return aToZ(site, language, words, AToZIndex::sorted);
    }

    private static Page aToZ(Site site, String language, Map<String, String> words, AToZIndex.Sorting sorting) {
        String path = site.settings().pathPrefix(language) + AToZIndex.PATH;
        String alphabet = words.get(StringTables.ALPHABET);
        return new Page.AToZ(path, words.getOrDefault("a_to_z", "Health A to Z"),
                words.getOrDefault("a_to_z_description", site.settings().isDefaultLanguage(language)
                        ? "Every guide and every part of a guide, from A to Z." : ""),
                UrlPath.toRoot(path),
                sorting.sort(AToZIndex.entries(site.guidesIn(language), new Language(language), path), new Language(language),
                        alphabet == null ? AToZIndex.LATIN : StringTables.letters(alphabet)));
    }

    /** The page a host serves for any address it does not have. */
    public static Page notFound(Site site) {
        return notFound(site, Map.of());
    }

    /** @param words the default language's string table, for the page's title */
    public static Page notFound(Site site, Map<String, String> words) {
        return notFound(site, site.settings().language(), words);
    }

    /**
     * The "Page not found" page of each language: the default language's at "404.html", the others' at
     * "cy/404.html", so a host can answer a mistyped Welsh address in Welsh (docs/publishing.md).
     */
    public static List<Page> notFounds(Site site, Function<String, Map<String, String>> words) {
        return site.languages().stream().map(language -> notFound(site, language, words.apply(language))).toList();
    }

    /**
     * A language's 404 page. A host serves it at any depth, so its links start at the base path; it links to its
     * language's home page and to the other languages' home pages (a reader who lands on the wrong one).
     */
    public static Page notFound(Site site, String language, Map<String, String> words) {
        SiteSettings settings = site.settings();
        String prefix = settings.pathPrefix(language);
        List<PageMetadata.Alternate> homes = settings.languages().size() < 2 ? List.of() : settings.languages().stream()
                .map(other -> {
                    String home = settings.basePath() + settings.pathPrefix(other);
                    return new PageMetadata.Alternate(other, new Language(other).ownName(), home, home, settings.pathPrefix(other),
                            other.equals(language));
                })
                .toList();
        return new Page.NotFound(prefix + NOT_FOUND_PATH, words.getOrDefault("not_found_title", "Page not found"), "",
                settings.basePath(), settings.basePath() + prefix, homes, guideLinks(site, language, null));
    }

    /**
     * One guide's pages: its own page, one per section and the whole guide on one page. A build plans and renders
     * guide by guide, so only one guide's pages are held at a time.
     */
    public static List<Page> pagesOf(Site site, Guide guide) {
        Guide original = guide.isTranslation() ? site.guide(guide.slug(), site.settings().language()).orElse(guide) : guide;
        return pagesOf(guide, original, new Language(guide.language()));
    }

    /** The templates {@link #pagesOf(Site)} renders, in the order of their first page, without planning the pages. */
    public static List<String> templatesOf(Site site) {
        List<String> names = new ArrayList<>();
        names.add(Page.Home.TEMPLATE);
        names.add(Page.AToZ.TEMPLATE);
        if (!site.guides().isEmpty()) {
            names.add(Page.GuideIndex.TEMPLATE);
            if (site.guides().stream().anyMatch(guide -> !guide.sections().isEmpty())) {
                names.add(Page.Section.TEMPLATE);
            }
            names.add(Page.WholeGuide.TEMPLATE);
        }
        names.add(Page.NotFound.TEMPLATE);
        return names;
    }

    /** @param original the guide itself, or the original a translation is of: its sections make the contents */
    private static List<Page> pagesOf(Guide guide, Guide original, Language language) {
        List<Page> pages = new ArrayList<>();
        GuideMeta meta = guide.meta();
        ReviewDates review = reviewDates(meta, language);
        ChangeView change = latestChange(meta, language);
        pages.add(new Page.GuideIndex(guide.path(), meta.title(), meta.description(), UrlPath.toRoot(guide.path()),
                guideView(guide, original, guide.path(), null, review, change), content("", meta.title(), guide.introduction(), guide.introductionReading())));
        List<SectionPage> sections = guide.sections();
        for (int i = 0; i < sections.size(); i++) {
            SectionPage section = sections.get(i);
            String from = section.path();
            PageLink previous = i == 0 ? null : link(sections.get(i - 1), from);
            PageLink next = i == sections.size() - 1 ? null : link(sections.get(i + 1), from);
            pages.add(new Page.Section(from, section.title(), section.meta().description(), UrlPath.toRoot(from),
                    guideView(guide, original, from, section, review, change), content("", section.title(), section.content(), section.reading()),
                    previous, next));
        }
        String whole = guide.wholeGuidePath();
        List<ContentView> nested = sections.stream()
                .map(s -> content(s.slug(), s.title(), NestedContent.nest(s.content(), s.slug() + "--"), s.reading()))
                .toList();
        pages.add(new Page.WholeGuide(whole, meta.title(), meta.description(), UrlPath.toRoot(whole),
                guideView(guide, original, whole, null, review, change), content("", meta.title(), guide.introductionWhole(), guide.introductionReading()),
                nested));
        return pages;
    }

    /**
     * In a translation the contents list every section of the original: a section not translated yet is listed
     * with its original's title and a link to it, marked with the original's language, never replaced by it.
     */
    private static GuideView guideView(Guide guide, Guide original, String from, SectionPage current, ReviewDates review, ChangeView change) {
        List<PageLink> contents = original.sections().stream()
                .map(s -> guide == original ? new PageLink(s.title(), UrlPath.relative(from, s.path()), s.meta().description(), s == current)
                        : guide.section(s.slug())
                                .map(t -> new PageLink(t.title(), UrlPath.relative(from, t.path()), t.meta().description(), t == current))
                                .orElseGet(() -> new PageLink(s.title(), UrlPath.relative(from, s.path()), s.meta().description(), false,
                                        original.language())))
                .toList();
        boolean draft = guide.meta().draft()
                || (current != null ? current.meta().draft()
                        : from.equals(guide.wholeGuidePath()) && guide.sections().stream().anyMatch(s -> s.meta().draft()));
        return new GuideView(guide.title(), guide.meta().description(), UrlPath.relative(from, guide.path()),
                UrlPath.relative(from, guide.wholeGuidePath()), contents, review, guide.totalReading().readingMinutes(), change, null, draft);
    }

    private static ContentView content(String id, String title, RenderedMarkdown markdown, ReadingStats reading) {
        int topLevel = markdown.headings().stream().mapToInt(Heading::level).min().orElse(2);
        List<Heading> onThisPage = markdown.headings().stream().filter(h -> h.level() == topLevel).toList();
        return new ContentView(id, title, markdown.html(), onThisPage, markdown.references(), reading.readingMinutes());
    }

    private static PageLink link(SectionPage section, String from) {
        return new PageLink(section.title(), UrlPath.relative(from, section.path()), section.meta().description(), false);
    }

    /** Every guide, in list order; from null means "from anywhere", for 404.html, so links start at the base path. */
    private static List<GuideEntry> guideLinks(Site site, String language, String from) {
        Language locale = new Language(language);
        return site.guidesIn(language).stream()
                .map(g -> new GuideEntry(g.title(), from == null ? site.settings().basePath() + g.path() : UrlPath.relative(from, g.path()),
                        g.meta().description(), reviewDates(g.meta(), locale)))
                .toList();
    }

    /** Where a guide's leaflet is published: in its folder, named after it ("g/g.pdf"). */
    public static String leafletPath(Guide guide) {
        return guide.path() + guide.slug() + ".pdf";
    }

    /** A guide's printable leaflet, made from its whole-guide page (the same content, the same links). */
    public static Page.Leaflet leaflet(Site site, Guide guide, Page.WholeGuide whole) {
        String absolute = PageMetadata.absoluteUrl(site.settings(), guide.path());
        String address = absolute != null ? absolute : site.settings().basePath() + guide.path();
        return new Page.Leaflet(leafletPath(guide), whole.title(), whole.description(), whole.root(), whole.guide(),
                whole.introduction(), whole.sections(), address);
    }

    /**
     * The same pages with a link to the guide's leaflet on every page that shows the guide's links.
     *
     * @param leafletPath the leaflet's site path ("g/g.pdf")
     */
    public static List<Page> withDownload(List<Page> pages, String leafletPath, int pageCount, long bytes) {
        return pages.stream().map(page -> {
            String url = UrlPath.relative(page.path(), leafletPath);
            if (page instanceof Page.GuideIndex p) {
                return (Page) new Page.GuideIndex(p.path(), p.title(), p.description(), p.root(),
                        p.guide().withDownload(Download.of(url, pageCount, bytes)), p.content());
            }
            if (page instanceof Page.Section p) {
                return new Page.Section(p.path(), p.title(), p.description(), p.root(),
                        p.guide().withDownload(Download.of(url, pageCount, bytes)), p.content(), p.previous(), p.next());
            }
            if (page instanceof Page.WholeGuide p) {
                return new Page.WholeGuide(p.path(), p.title(), p.description(), p.root(),
                        p.guide().withDownload(Download.of(url, pageCount, bytes)), p.introduction(), p.sections());
            }
            return page;
        }).toList();
    }

    /** The dates in the page's language, as it writes a date in full ("24 November 2026", "24 Tachwedd 2026"). */
    private static ReviewDates reviewDates(GuideMeta meta, Language language) {
        if (meta.reviewed() == null || meta.nextReview() == null) {
            return null;
        }
        GuideMeta.Reviewer reviewer = meta.reviewedBy();
        return new ReviewDates(meta.reviewed().toString(), language.longDate(meta.reviewed()),
                meta.nextReview().toString(), language.longDate(meta.nextReview()),
                reviewer == null ? null : reviewer.name(), reviewer == null ? null : reviewer.role());
    }

    private static ChangeView latestChange(GuideMeta meta, Language language) {
        Change latest = meta.latestChange();
        if (latest == null) {
            return null;
        }
        return new ChangeView(latest.date().toString(), language.longDate(latest.date()), latest.summary());
    }

    static String iso(LocalDate date) {
        return date.toString();
    }
}
