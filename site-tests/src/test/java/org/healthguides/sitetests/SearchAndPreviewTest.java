package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What search engines and link previews read: canonical, description, Open Graph, Twitter card, JSON-LD, sitemap. */
class SearchAndPreviewTest {
    private static final String REVIEWED = "2026-11-24";

    static String baseUrl() {
        String url = System.getProperty("site.base.url");
        assertNotNull(url, "site.base.url is not set: run these tests through Maven");
        return url;
    }

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    static List<String> indexablePages() {
        return pages().stream().filter(p -> !p.equals("404.html")).toList();
    }

    private static String meta(Document page, String attribute, String name) {
        Element element = page.selectFirst("head meta[" + attribute + "=" + name + "]");
        return element == null ? null : element.attr("content");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonLd(Document page, String path) {
        Elements scripts = page.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), path + ": one JSON-LD block");
        Object parsed = Json.parse(scripts.first().data());
        assertTrue(parsed instanceof Map, path + ": JSON-LD is an object");
        return (Map<String, Object>) parsed;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageHasADescriptionOpenGraphAndTwitterCardTagsAndAFavicon(String path) {
        Document page = BuiltSite.page(path);
        String description = meta(page, "name", "description");
        assertTrue(description != null && description.length() > 20, path + ": meta description");
        assertEquals(page.title(), meta(page, "property", "og:title"), path);
        assertEquals(description, meta(page, "property", "og:description"), path);
        assertEquals("Strong Back Guides", meta(page, "property", "og:site_name"), path);
        assertEquals("en_GB", meta(page, "property", "og:locale"), path);
        assertEquals(path.startsWith(BuiltSite.GUIDE) ? "article" : "website", meta(page, "property", "og:type"), path);
        assertEquals("summary", meta(page, "name", "twitter:card"), path);
        assertEquals(page.title(), meta(page, "name", "twitter:title"), path);
        assertEquals(description, meta(page, "name", "twitter:description"), path);
        Element icon = page.selectFirst("head link[rel=icon]");
        assertNotNull(icon, path + ": favicon link");
        assertEquals("image/svg+xml", icon.attr("type"));
        assertTrue(icon.attr("href").matches("(\\.\\./)*(\\./)?(/health/)?static/favicon\\.[0-9a-f]{8}\\.svg"), icon.attr("href"));
    }

    @ParameterizedTest
    @MethodSource("indexablePages")
    void everyIndexablePageHasItsCanonicalAddressUnderTheBaseUrl(String path) {
        Document page = BuiltSite.page(path);
        String expected = baseUrl() + path;
        assertEquals(List.of(expected), page.select("head link[rel=canonical]").eachAttr("href"), path);
        assertEquals(expected, meta(page, "property", "og:url"), path);
        assertTrue(page.select("meta[name=robots]").isEmpty(), path + " is not noindex");
    }

    @Test
    void notFoundPageIsNotIndexedAndHasNoCanonicalAddress() {
        Document page = BuiltSite.page("404.html");
        assertEquals("noindex", meta(page, "name", "robots"));
        assertTrue(page.select("link[rel=canonical], meta[property=og:url]").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("pages")
    @SuppressWarnings("unchecked")
    void everyPageDescribesItselfAsAMedicalWebPageInJsonLd(String path) {
        Document page = BuiltSite.page(path);
        Map<String, Object> ld = jsonLd(page, path);
        assertEquals("https://schema.org", ld.get("@context"));
        assertEquals("MedicalWebPage", ld.get("@type"));
        assertEquals(meta(page, "name", "description"), ld.get("description"), path);
        assertEquals("en-GB", ld.get("inLanguage"));
        assertEquals(Map.of("@type", "MedicalAudience", "audienceType", "Patient"), ld.get("audience"));
        // The home page's heading says what it lists ("Guides"), as the site's name is in the header: it is named after the site.
        assertEquals(path.isEmpty() ? page.selectFirst(".site-header__title").text() : page.selectFirst("h1").text(), ld.get("name"),
                path + ": name is the page heading");
        if (path.equals("404.html")) {
            return;
        }
        assertEquals(baseUrl() + path, ld.get("url"), path);
        assertEquals(REVIEWED, ld.get("lastReviewed"), path);
        assertNotNull(ld.get("about"), path + ": about");
        if (path.startsWith(BuiltSite.GUIDE)) {
            assertEquals(Map.of("@type", "Thing", "name", "How to prevent lower back pain when deadlifting"), ld.get("about"));
            Object article = ld.get(path.equals(BuiltSite.GUIDE + "/") || path.endsWith("whole-guide/") ? "mainEntity" : "isPartOf");
            assertTrue(article instanceof Map, path + ": the guide as an Article");
            Map<String, Object> guide = (Map<String, Object>) article;
            assertEquals("Article", guide.get("@type"));
            assertEquals("How to prevent lower back pain when deadlifting", guide.get("headline"));
            assertEquals(baseUrl() + BuiltSite.GUIDE + "/", guide.get("url"));
            assertEquals(REVIEWED, guide.get("dateModified"));
        }
    }

    @Test
    void sitemapListsEveryIndexablePageUnderTheBaseUrlWithItsReviewDate() throws IOException {
        String xml = Files.readString(BuiltSite.root().resolve("sitemap.xml"));
        assertTrue(xml.contains("xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""), xml);
        Matcher entry = Pattern.compile("<url><loc>([^<]+)</loc><lastmod>([^<]+)</lastmod></url>").matcher(xml);
        java.util.Set<String> listed = new java.util.TreeSet<>();
        while (entry.find()) {
            listed.add(entry.group(1));
            assertEquals(REVIEWED, entry.group(2), entry.group(1));
        }
        java.util.Set<String> expected = new java.util.TreeSet<>();
        indexablePages().forEach(p -> expected.add(baseUrl() + p));
        assertEquals(expected, listed);
    }

    @Test
    void robotsTxtPointsToTheSitemap() throws IOException {
        List<String> lines = Files.readAllLines(BuiltSite.root().resolve("robots.txt"));
        assertTrue(lines.contains("User-agent: *"), lines.toString());
        assertTrue(lines.contains("Sitemap: " + baseUrl() + "sitemap.xml"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Disallow: /")), lines.toString());
    }
}
