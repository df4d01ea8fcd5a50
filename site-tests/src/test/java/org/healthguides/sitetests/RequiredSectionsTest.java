package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredSectionsTest {

    static List<String> sections() {
        return BuiltSite.SECTIONS;
    }

    @ParameterizedTest
    @MethodSource("sections")
    void everySectionHasItsOwnPageWithOneHeadingAndContent(String slug) {
        Document page = BuiltSite.section(slug);
        assertEquals(1, page.select("h1").size(), slug + ": exactly one h1");
        Element main = page.selectFirst("main");
        assertTrue(main != null && main.select(".content p").size() >= 2, slug + ": has body text");
    }

    @Test
    void guideIndexListsTheFiveSectionsInOrder() {
        Document index = BuiltSite.guideIndex();
        assertEquals("How to prevent lower back pain when deadlifting", index.selectFirst("h1").text());
        List<String> hrefs = index.select("nav.guide-contents a").eachAttr("href");
        assertEquals(List.of("benefits/", "muscles/", "technique/", "injuries/", "recovery/"), hrefs);
    }

    @Test
    void homePageListsTheGuide() {
        Document home = BuiltSite.page("");
        assertFalse(home.select("main a[href=" + BuiltSite.GUIDE + "/]").isEmpty(), "home links to the guide");
        assertTrue(BuiltSite.text(home.selectFirst("main")).contains("how to prevent lower back pain when deadlifting"));
    }

    @Test
    void guideIndexCarriesTheIntroductionAndTheSummary() {
        Document index = BuiltSite.guideIndex();
        assertFalse(index.select("h2:containsOwn(Summary)").isEmpty(), "the summary heading");
        assertTrue(index.select("h2:containsOwn(The lowdown)").isEmpty(), "'The lowdown' is called Summary");
        String text = BuiltSite.text(index.selectFirst("main"));
        assertTrue(text.contains("sore"), "the summary says new lifters may feel sore");
    }

    @Test
    void wholeGuidePageHoldsEverySectionOnce() {
        Document whole = BuiltSite.wholeGuide();
        for (String slug : BuiltSite.SECTIONS) {
            String title = BuiltSite.section(slug).selectFirst("h1").text();
            long count = whole.select("h2").stream().filter(h -> h.text().equals(title)).count();
            assertEquals(1, count, "whole guide has the section heading '" + title + "' once");
        }
        assertEquals(1, whole.select("h1").size());
    }
}
