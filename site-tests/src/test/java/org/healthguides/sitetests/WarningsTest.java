package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every warning the guide must carry is published as a care-card callout that states its level in words. */
class WarningsTest {

    private static Element calloutContaining(Document page, String kind, String phrase) {
        for (Element callout : page.select("section.callout--" + kind)) {
            if (BuiltSite.text(callout).contains(phrase.toLowerCase())) {
                return callout;
            }
        }
        return null;
    }

    @Test
    void redFlagSignsAreAnUrgentCalloutListingEverySign() {
        Element callout = calloutContaining(BuiltSite.section("recovery"), "urgent", "sharp night pain");
        assertNotNull(callout, "urgent callout with the red-flag signs on the recovery page");
        List<String> signs = List.of(
                "sharp pain in your lower back",   // sharp pain straight away
                "muscle spasms or cramping",
                "pins and needles, tingling or numbness",
                "difficulty bending, walking or standing",
                "bruising and swelling",
                "sharp night pain",
                "several days");
        Elements items = callout.select("li");
        assertEquals(signs.size(), items.size(), "one list item per sign, kept as list markup");
        for (String sign : signs) {
            assertTrue(BuiltSite.text(callout).contains(sign), "red-flag sign missing: " + sign);
        }
        assertTrue(BuiltSite.text(callout.selectFirst(".callout__heading")).contains("see a doctor straight away"));
    }

    @Test
    void severeOrShootingPainSaysContactAProfessionalNow() {
        Element callout = calloutContaining(BuiltSite.guideIndex(), "urgent", "shooting");
        assertNotNull(callout, "urgent callout about shooting pain on the guide index");
        String text = BuiltSite.text(callout);
        assertTrue(text.contains("severe"));
        assertTrue(text.contains("straight away"));
        assertTrue(text.contains("doctor") || text.contains("health professional"));
    }

    @Test
    void whoShouldNotDeadliftIsACalloutNamingTheRisksAndWhoToAsk() {
        Element callout = calloutContaining(BuiltSite.section("injuries"), "non-urgent", "back surgery");
        assertNotNull(callout, "callout on who should take advice first, on the injuries page");
        String text = BuiltSite.text(callout);
        for (String phrase : List.of("back surgery", "lower back injury from deadlifting", "another kind of injury",
                "physiotherapist", "strength coach", "doctor")) {
            assertTrue(text.contains(phrase), "missing: " + phrase);
        }
    }

    @Test
    void iceSafetySaysToPutAClothBetweenIceAndSkin() {
        Element callout = calloutContaining(BuiltSite.section("recovery"), "caution", "cloth");
        assertNotNull(callout, "caution callout about ice on the recovery page");
        assertTrue(BuiltSite.text(callout).contains("skin"));
    }

    @Test
    void doNotTrainThroughPainIsACaution() {
        Element callout = calloutContaining(BuiltSite.section("recovery"), "caution", "train through pain");
        assertNotNull(callout);
        assertTrue(BuiltSite.text(callout).contains("pain-free"));
    }

    static List<String> guidePages() {
        return BuiltSite.htmlPages().stream().filter(p -> p.startsWith(BuiltSite.GUIDE)).toList();
    }

    @ParameterizedTest
    @MethodSource("guidePages")
    void everyCalloutIsALabelledRegionThatStatesItsLevelInWords(String path) {
        for (Element callout : BuiltSite.page(path).select("section.callout")) {
            String labelledBy = callout.attr("aria-labelledby");
            assertFalse(labelledBy.isEmpty(), path + ": callout has aria-labelledby");
            Element heading = callout.getElementById(labelledBy);
            assertNotNull(heading, path + ": callout heading #" + labelledBy + " is inside the callout");
            assertTrue(heading.tagName().matches("h[2-6]"), path + ": callout heading is a heading element");
            Element label = heading.selectFirst(".callout__label");
            assertNotNull(label, path + ": level stated in text");
            assertTrue(label.text().endsWith(":") && label.text().length() > 3, path + ": level label '" + label.text() + "'");
        }
    }

    @Test
    void wholeGuideKeepsEveryCalloutOfEverySection() {
        int separate = BuiltSite.guideIndex().select("section.callout").size();
        for (String slug : BuiltSite.SECTIONS) {
            separate += BuiltSite.section(slug).select("section.callout").size();
        }
        assertEquals(separate, BuiltSite.wholeGuide().select("section.callout").size());
        assertTrue(separate >= 6, "the guide has at least six callouts, found " + separate);
    }
}
