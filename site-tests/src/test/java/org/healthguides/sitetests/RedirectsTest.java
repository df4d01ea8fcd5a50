package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Pages' old addresses (aliases in the guide's front matter) lead to the pages: an HTML page at each for any host,
 * _redirects for Netlify and Cloudflare Pages, redirects.nginx.conf beside the site for nginx (NginxServedSiteTest
 * serves it). All three list the same redirects.
 */
class RedirectsTest {
    /** The aliases site-tests/src/fixture/FixtureContent adds to its copy of the guide: the guide's and the technique section's. */
    private static final Map<String, String> EXPECTED = Map.of(
            "deadlifting-and-back-pain/", BuiltSite.GUIDE + "/",
            BuiltSite.GUIDE + "/deadlift-technique/", BuiltSite.GUIDE + "/technique/");

    @Test
    void theRedirectsFileListsEveryAliasOfTheContent() {
        assertEquals(EXPECTED, BuiltSite.redirects());
    }

    @Test
    void eachOldAddressHasAPageThatSendsBrowsersAndSearchEnginesToTheNewOne() {
        for (Map.Entry<String, String> redirect : BuiltSite.redirects().entrySet()) {
            Document old = BuiltSite.page(redirect.getKey());
            String target = "https://site.test/" + redirect.getValue();
            String refresh = old.selectFirst("meta[http-equiv=refresh]").attr("content");
            assertTrue(refresh.startsWith("0; url="), refresh);
            assertEquals(target, java.net.URI.create(old.location()).resolve(refresh.substring("0; url=".length())).toString(),
                    redirect.getKey() + " refreshes to the page");
            assertEquals(SearchAndPreviewTest.baseUrl() + redirect.getValue(), old.selectFirst("link[rel=canonical]").attr("href"));
            assertEquals("noindex", old.selectFirst("meta[name=robots]").attr("content"));
            Element link = old.selectFirst("main a[href]");
            assertEquals(target, link.absUrl("href"), redirect.getKey() + " links to the page");
            assertEquals(BuiltSite.page(redirect.getValue()).selectFirst("h1").text(), link.text());
            assertTrue(Files.isRegularFile(BuiltSite.root().resolve(redirect.getValue() + "index.html")), "the page exists");
        }
    }

    @Test
    void oldAddressesAreNotInTheSitemap() throws IOException {
        String sitemap = Files.readString(BuiltSite.root().resolve("sitemap.xml"));
        for (String old : BuiltSite.redirects().keySet()) {
            assertFalse(sitemap.contains(SearchAndPreviewTest.baseUrl() + old + "<"), old + " is in the sitemap");
        }
        for (String page : BuiltSite.redirects().values()) {
            assertTrue(sitemap.contains("<loc>" + SearchAndPreviewTest.baseUrl() + page + "</loc>"), page + " is in the sitemap");
        }
    }

    @Test
    void theNginxIncludeBesideTheSiteHasTheSameRedirectsAndIsNotPublished() throws IOException {
        Path include = BuiltSite.root().toAbsolutePath().normalize().resolveSibling("redirects.nginx.conf");
        String text = Files.readString(include);
        String basePath = java.net.URI.create(SearchAndPreviewTest.baseUrl()).getPath();
        List<String> locations = new ArrayList<>();
        for (Map.Entry<String, String> redirect : BuiltSite.redirects().entrySet()) {
            String from = basePath + redirect.getKey();
            String to = basePath + redirect.getValue();
            locations.add("location = " + from + " { return 301 " + to + "; }");
            locations.add("location = " + from.substring(0, from.length() - 1) + " { return 301 " + to + "; }");
        }
        assertEquals(locations.stream().sorted().toList(), text.lines().filter(l -> l.startsWith("location")).sorted().toList(), text);
        assertTrue(text.lines().allMatch(l -> l.startsWith("#") || l.startsWith("location = ")), text);
        assertFalse(Files.exists(BuiltSite.root().resolve("redirects.nginx.conf")));
    }
}
