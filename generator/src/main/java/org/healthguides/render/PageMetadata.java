package org.healthguides.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.healthguides.content.Language;
import org.healthguides.content.SiteSettings;
import org.healthguides.site.Guide;
import org.healthguides.site.Site;

/**
 * What search engines and link previews read about a page: its canonical address, description, Open Graph
 * type and structured data (JSON-LD: a MedicalWebPage, and the guide it belongs to as an Article).
 *
 * @param url             the page's absolute address, or null when the base URL has no host (base_url "/")
 * @param description     the page's description, else its guide's, else the site's
 * @param openGraphType   "article" for a guide's pages, "website" otherwise
 * @param openGraphLocale the language as Open Graph writes it ("en_GB")
 * @param indexable       false for the 404 page and drafts, which search engines should not list
 * @param lastReviewed    ISO date the guide was last reviewed (the latest of all guides for the home page), or null
 * @param jsonLd          JSON text, safe to place inside {@code <script type="application/ld+json">} as it is
 * @param language        the page's language tag, for {@code <html lang>}
 * @param direction       "rtl" for a language written right to left, else "ltr", for {@code <html dir>}
 * @param alternates      the same page in every language it exists in, this one included (marked current), in the
 *                        order of {@code languages:}; empty when it exists in one language only
 * @param defaultUrl      the default language's version, for {@code hreflang="x-default"}; null without alternates
 */
public record PageMetadata(String url, String description, String openGraphType, String openGraphLocale,
                           boolean indexable, String lastReviewed, String jsonLd, String language, String direction,
                           List<Alternate> alternates, String defaultUrl) {

    /**
     * One language version of a page.
     *
     * @param language the tag, for {@code hreflang} and {@code lang}
     * @param name     what the language calls itself ("Cymraeg"), for the language switcher
     * @param href     its absolute address, or its address relative to this page when the base URL is only a path
     * @param link     its address relative to this page, for the switcher
     * @param sitePath its site path, for the sitemap
     * @param current  whether it is this page
     */
    public record Alternate(String language, String name, String href, String link, String sitePath, boolean current) {
        /** "rtl" or "ltr": the name of a language written the other way round keeps its own direction ({@code dir}). */
        public String direction() {
            return new Language(language).direction();
        }
    }

    /** The page's language versions by hreflang, then x-default, as absolute addresses (for the sitemap); empty when none. */
    public Map<String, String> hreflangUrls() {
        if (alternates.isEmpty() || url == null) {
            return Map.of();
        }
        Map<String, String> urls = new LinkedHashMap<>();
        alternates.forEach(alternate -> urls.put(alternate.language(), alternate.href()));
        urls.put("x-default", defaultUrl);
        return java.util.Collections.unmodifiableMap(urls);
    }

    public static PageMetadata of(Site site, Page page) {
        return of(site, guideOf(site, page).orElse(null), page);
    }

    /**
     * The same, for a caller that knows the page's guide: finding it costs a scan of the site's guides, which
     * for every page of a large site adds up (2,000 guides, 14,000 pages).
     *
     * @param pageGuide the guide the page belongs to, or null for the home and 404 pages
     */
    public static PageMetadata of(Site site, Guide pageGuide, Page page) {
        SiteSettings settings = site.settings();
        Optional<Guide> guide = Optional.ofNullable(pageGuide);
        Language language = new Language(pageGuide != null ? pageGuide.language() : site.languageOfPath(page.path()));
        List<Alternate> alternates = alternates(site, pageGuide, page, language.tag());
        String defaultUrl = alternates.stream().filter(a -> settings.isDefaultLanguage(a.language())).map(Alternate::href)
                .findFirst().orElse(null);
        boolean indexable = !(page instanceof Page.NotFound) && !isDraft(page);
        String url = indexable ? absoluteUrl(settings, page.path()) : null;
        SiteSettings words = site.settingsIn(language.tag());
        String description = firstNonEmpty(page.description(), guide.map(g -> g.meta().description()).orElse(""),
                words.description());
        LocalDate reviewed = guide.isPresent() ? guide.get().meta().reviewed()
                : listsEveryGuide(page) ? latestReview(site, language.tag()) : null;
        String lastReviewed = reviewed == null ? null : reviewed.toString();

        Map<String, Object> webPage = new LinkedHashMap<>();
        webPage.put("@context", "https://schema.org");
        webPage.put("@type", "MedicalWebPage");
        webPage.put("name", page instanceof Page.Home ? words.title() : page.title());
        webPage.put("description", description);
        putIfPresent(webPage, "url", url);
        putIfPresent(webPage, "lastReviewed", lastReviewed);
        guide.map(g -> g.meta().reviewedBy()).ifPresent(reviewer -> webPage.put("reviewedBy", person(reviewer)));
        webPage.put("inLanguage", language.tag());
        List<Map<String, Object>> about = guide.map(g -> List.of(thing(g.title())))
                .orElseGet(() -> listsEveryGuide(page) ? site.guidesIn(language.tag()).stream().map(g -> thing(g.title())).toList() : List.of());
        if (!about.isEmpty()) {
            webPage.put("about", about.size() == 1 ? about.get(0) : about);
        }
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("@type", "MedicalAudience");
        audience.put("audienceType", "Patient");
        webPage.put("audience", audience);
        guide.ifPresent(g -> webPage.put(page instanceof Page.Section ? "isPartOf" : "mainEntity", article(settings, words, g)));

        return new PageMetadata(url, description, guide.isPresent() ? "article" : "website",
                language.openGraphLocale(), indexable, lastReviewed, JsonText.of(webPage), language.tag(), language.direction(),
                alternates, defaultUrl);
    }

    /**
     * The page in each language it exists in: the home page in every listed language; a guide's page, its
     * whole-guide page and its sections in each language the guide, and that section, is translated into.
     */
    private static List<Alternate> alternates(Site site, Guide pageGuide, Page page, String language) {
        SiteSettings settings = site.settings();
        if (settings.languages().size() < 2 || page instanceof Page.NotFound) {
            return List.of();
        }
        String prefix = settings.pathPrefix(language);
        String basePath = page.path().startsWith(prefix) ? page.path().substring(prefix.length()) : page.path();
        List<Alternate> alternates = new ArrayList<>();
        for (String other : settings.languages()) {
            if (pageGuide != null && !existsIn(site, pageGuide.slug(), basePath, other)) {
                continue;
            }
            String path = settings.pathPrefix(other) + basePath;
            String absolute = absoluteUrl(settings, path);
            String link = org.healthguides.content.UrlPath.relative(page.path(), path);
            alternates.add(new Alternate(other, new Language(other).ownName(), absolute == null ? link : absolute, link, path,
                    other.equals(language)));
        }
        return alternates.size() < 2 ? List.of() : List.copyOf(alternates);
    }

    /** Whether the guide's page at basePath ("g/", "g/whole-guide/", "g/recovery/") exists in a language. */
    private static boolean existsIn(Site site, String slug, String basePath, String language) {
        Optional<Guide> guide = site.guide(slug, language);
        if (guide.isEmpty()) {
            return false;
        }
        String rest = basePath.substring(Math.min(basePath.length(), slug.length() + 1));
        if (rest.isEmpty() || rest.equals(Guide.WHOLE_GUIDE_SLUG + "/")) {
            return true;
        }
        return guide.get().section(rest.substring(0, rest.length() - 1)).isPresent();
    }

    /** The guide as a schema.org Article: what every page of the guide is part of. */
    /** @param words the settings as the guide's language shows them, for the publisher's name */
    private static Map<String, Object> article(SiteSettings settings, SiteSettings words, Guide guide) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "Article");
        article.put("headline", guide.title());
        article.put("description", guide.meta().description());
        putIfPresent(article, "url", absoluteUrl(settings, guide.path()));
        article.put("inLanguage", guide.language());
        if (guide.meta().reviewed() != null) {
            article.put("dateModified", guide.meta().reviewed().toString());
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", words.title());
        article.put("publisher", publisher);
        return article;
    }

    /** The absolute address of a site path, or null when the base URL is only a path. */
    public static String absoluteUrl(SiteSettings settings, String sitePath) {
        return settings.baseUrl().startsWith("/") ? null : settings.baseUrl() + sitePath;
    }

    private static Optional<Guide> guideOf(Site site, Page page) {
        if (!(page instanceof Page.GuideIndex || page instanceof Page.Section || page instanceof Page.WholeGuide)) {
            return Optional.empty();
        }
        return site.allGuides().stream().filter(g -> page.path().startsWith(g.path())).findFirst();
    }

    /** The home page and the A to Z are about every guide, and as new as the newest review. */
    private static boolean listsEveryGuide(Page page) {
        return page instanceof Page.Home || page instanceof Page.AToZ;
    }

    /** The newest review among the guides in the page's language: a Welsh home page is about the Welsh guides. */
    private static LocalDate latestReview(Site site, String language) {
        return site.guidesIn(language).stream().map(g -> g.meta().reviewed()).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
    }

    /** A draft page: its guide view says so (see PagePlan). */
    private static boolean isDraft(Page page) {
        GuideView view = page instanceof Page.GuideIndex p ? p.guide()
                : page instanceof Page.Section p ? p.guide()
                : page instanceof Page.WholeGuide p ? p.guide() : null;
        return view != null && view.draft();
    }

    /** The reviewing clinician as a schema.org Person with their role as jobTitle. */
    private static Map<String, Object> person(org.healthguides.content.GuideMeta.Reviewer reviewer) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", reviewer.name());
        person.put("jobTitle", reviewer.role());
        return person;
    }

    private static Map<String, Object> thing(String name) {
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("@type", "Thing");
        thing.put("name", name);
        return thing;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String firstNonEmpty(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                present.add(value);
            }
        }
        return present.isEmpty() ? "" : present.get(0);
    }
}
