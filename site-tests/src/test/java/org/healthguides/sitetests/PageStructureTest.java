package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The accessibility hooks every page needs, checked in the HTML (the browser checks live in their own tests). */
class PageStructureTest {

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void languageTitleAndViewportAreSet(String path) {
        Document page = BuiltSite.page(path);
        assertEquals("en-GB", page.selectFirst("html").attr("lang"), path);
        assertFalse(page.title().isBlank(), path + ": title");
        assertNotNull(page.selectFirst("meta[name=viewport]"), path + ": viewport");
        assertNotNull(page.selectFirst("meta[charset]"), path + ": charset");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void skipLinkComesFirstAndLeadsToMain(String path) {
        Document page = BuiltSite.page(path);
        Element first = page.body().select("a[href], button, input, select, textarea, [tabindex]").first();
        assertNotNull(first, path);
        assertTrue(first.hasClass("skip-link"), path + ": first focusable is the skip link, found " + first);
        Element main = page.getElementById(first.attr("href").substring(1));
        assertNotNull(main, path + ": skip link target");
        assertEquals("main", main.tagName(), path);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void landmarksAndOneHeadingLevelAtATime(String path) {
        Document page = BuiltSite.page(path);
        assertEquals(1, page.select("main").size(), path + ": one main");
        assertEquals(1, page.select("body > header").size(), path + ": header landmark");
        assertEquals(1, page.select("body > footer").size(), path + ": footer landmark");
        assertEquals(1, page.select("h1").size(), path + ": one h1");
        int previous = 1;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            assertTrue(level <= previous + 1, path + ": heading '" + heading.text() + "' skips from h" + previous);
            previous = level;
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void idsAreUniqueAndEveryNavigationIsNamed(String path) {
        Document page = BuiltSite.page(path);
        Set<String> seen = new HashSet<>();
        for (Element withId : page.select("[id]")) {
            assertTrue(seen.add(withId.id()), path + ": duplicate id " + withId.id());
        }
        List<Element> navs = page.select("nav");
        if (navs.size() > 1) {
            for (Element nav : navs) {
                assertTrue(nav.hasAttr("aria-label") || nav.hasAttr("aria-labelledby"), path + ": unnamed " + nav.className());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void linksMakeSenseOutOfContextAndImagesHaveAlt(String path) {
        Document page = BuiltSite.page(path);
        for (Element link : page.select("a[href]")) {
            String name = link.hasAttr("aria-label") ? link.attr("aria-label") : link.text();
            assertFalse(name.isBlank(), path + ": link without a name " + link);
            assertFalse(name.trim().matches("(?i)click here|here|read more|more"), path + ": vague link '" + name + "'");
        }
        for (Element image : page.select("img")) {
            assertTrue(image.hasAttr("alt"), path + ": image without alt");
        }
    }
}
