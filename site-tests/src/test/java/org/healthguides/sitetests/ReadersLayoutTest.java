package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a first-time reader meets at the top of each page, in the HTML (the browser tests check how it looks). */
class ReadersLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"benefits", "technique", "recovery"})
    void aSectionPageNamesItsGuideOnceAboveTheHeadingAndHasTheContentsRightAfterIt(String slug) {
        Document page = BuiltSite.section(slug);
        Element main = page.selectFirst("main");
        String guideTitle = BuiltSite.guideIndex().selectFirst("h1").text();
        long namings = page.select("body a").stream()
                .filter(a -> a.text().equals(guideTitle) && a.closest("footer") == null).count();
        assertEquals(1, namings, "the guide's name appears once, in the breadcrumb");
        assertTrue(main.select(".guide-name").isEmpty());
        // Reading order: heading, the guide's contents, then "On this page" at the top of the text.
        List<String> order = main.select("h1, nav.guide-contents, nav.on-this-page, .content").stream()
                .map(e -> e.tagName().equals("h1") ? "h1" : e.className().split(" ")[0]).distinct().toList();
        assertEquals(List.of("h1", "guide-contents", "on-this-page", "content"), order, "/" + slug);
        assertNotNull(main.selectFirst(".guide-layout__side nav.guide-contents"), "the contents are in the side column");
        assertNotNull(main.selectFirst(".guide-layout__body > nav.on-this-page:first-child"),
                "On this page is the first thing in the text column");
    }

    @Test
    void theGuidesIntroductionIsOnePieceWithTheContentsBeforeIt() {
        Document page = BuiltSite.guideIndex();
        assertEquals(1, page.select("main .content").size(), "one block of introduction, not split by the contents");
        Element contents = page.selectFirst("main nav.guide-contents");
        Element text = page.selectFirst("main .content");
        assertTrue(contents.siblingIndex() >= 0 && page.select("main *").indexOf(contents) < page.select("main *").indexOf(text));
        assertNotNull(text.selectFirst(".callout--urgent, .callout--emergency"), "the urgent card is in the introduction");
    }

    @Test
    void theHomePageListsGuidesWithDescriptionAndReviewDateWithoutRepeatingTheSiteName() {
        Document home = BuiltSite.page("");
        String siteName = home.selectFirst(".site-header__title").text();
        assertFalse(home.selectFirst("h1").text().contains(siteName), "the site's name is in the header only");
        assertTrue(home.select("footer a[href='./'], footer a[href='']").isEmpty(), "the footer does not link to this page");
        List<Element> guides = home.select("ul.guide-list > li");
        assertFalse(guides.isEmpty());
        for (Element guide : guides) {
            assertFalse(guide.selectFirst("a").text().isBlank());
            assertFalse(guide.select("p").first().text().isBlank(), "a description");
            assertTrue(guide.selectFirst("time[datetime]") != null && guide.text().contains("Last reviewed:"), "a review date");
        }
        String disclaimer = home.selectFirst("footer .disclaimer").text();
        assertFalse(disclaimer.startsWith("This guide"), "the disclaimer fits a page that is not a guide: " + disclaimer);
    }

    @Test
    void doAndDontListsAreTickAndCrossListsThatKeepTheirWords() {
        Document page = BuiltSite.section("recovery");
        Element doList = page.selectFirst("ul.do-list");
        Element dontList = page.selectFirst("ul.dont-list");
        assertNotNull(doList, "a tick list");
        assertNotNull(dontList, "a cross list");
        assertEquals("Do", doList.previousElementSibling().ownText().strip());
        assertTrue(dontList.previousElementSibling().ownText().strip().matches("Don['’]t"));
        for (Element item : dontList.select("> li")) {
            assertTrue(item.text().toLowerCase(java.util.Locale.ROOT).startsWith("do not "),
                    "each cross item says \"do not\" in words: " + item.text());
        }
        assertFalse(doList.select("> li").isEmpty());
        Element wholeGuide = BuiltSite.wholeGuide().selectFirst("ul.dont-list");
        assertNotNull(wholeGuide, "the whole guide (and so print) has the lists too");
    }

    @Test
    void previousAndNextKeepTheirArrowsWithTheirLabels() {
        Document page = BuiltSite.section("technique");
        assertEquals("Previous", page.selectFirst("a[rel=prev] .pagination__label").text());
        assertEquals("Next", page.selectFirst("a[rel=next] .pagination__label").text());
    }
}
