package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** The three care-card levels, as NHS.UK names their routes, most serious first. */
    private static final List<String> LEVELS = List.of("emergency", "urgent", "non-urgent");

    /**
     * Every sign the guide gives, by the level it belongs to: NHS.UK's four signs of cauda equina syndrome, the
     * source article's six signs, daily pain, and shooting or severe pain. Each phrase is distinctive enough to
     * be found only where the sign is meant.
     */
    private static final Map<String, String> SIGNS = new LinkedHashMap<>();
    static {
        SIGNS.put("numbness or tingling around your genitals or bottom", "emergency");
        SIGNS.put("difficulty peeing", "emergency");
        SIGNS.put("loss of bladder or bowel control", "emergency");
        SIGNS.put("pain, weakness or numbness in both legs", "emergency");
        SIGNS.put("sharp pain in your lower back during or just after a lift", "urgent");
        SIGNS.put("shooting", "urgent");
        SIGNS.put("severe", "urgent");
        SIGNS.put("pins and needles, tingling or numbness shooting down one of your legs", "urgent");
        SIGNS.put("difficulty bending, walking or standing up straight", "urgent");
        SIGNS.put("sharp pain at night", "urgent");
        SIGNS.put("back pain that affects you every day", "non-urgent");
        SIGNS.put("several days and is not getting better", "non-urgent");
        SIGNS.put("muscle spasms or cramping", "non-urgent");
        SIGNS.put("bruising and swelling", "non-urgent");
    }

    private static Element onlyCallout(Document page, String kind, String what) {
        Elements callouts = page.select("section.callout--" + kind);
        assertEquals(1, callouts.size(), what + ": one " + kind + " care card");
        return callouts.first();
    }

    private static String heading(Element callout) {
        return BuiltSite.text(callout.selectFirst(".callout__heading"));
    }

    @Test
    void emergencyCardSaysCall999OrGoToAAndEForTheFourSignsOfCaudaEquina() {
        Element card = onlyCallout(BuiltSite.section("recovery"), "emergency", "recovery");
        assertTrue(heading(card).startsWith("immediate action required: call 999 or go to a&e if"), heading(card));
        List<String> items = card.select("li").eachText().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(4, items.size(), "the four signs, kept as list markup: " + items);
        assertTrue(items.get(0).contains("numbness or tingling around your genitals or bottom"), items.get(0));
        assertTrue(items.get(1).contains("difficulty peeing"), items.get(1));
        assertTrue(items.get(2).contains("loss of bladder or bowel control"), items.get(2));
        assertTrue(items.get(3).contains("pain, weakness or numbness in both legs"), items.get(3));
        assertTrue(BuiltSite.text(card).contains("cauda equina syndrome"));
        assertNotNull(card.selectFirst("a.footnote-ref"), "the signs are cited to their source, NHS.UK");
    }

    @Test
    void urgentAndNonUrgentCardsNameTheRouteAsNhsUkDoes() {
        Document recovery = BuiltSite.section("recovery");
        assertTrue(heading(onlyCallout(recovery, "urgent", "recovery"))
                .startsWith("urgent advice: ask for an urgent gp appointment or call 111 if"));
        assertTrue(heading(onlyCallout(recovery, "non-urgent", "recovery")).startsWith("non-urgent advice: see a gp if"));
        assertTrue(heading(onlyCallout(BuiltSite.guideIndex(), "urgent", "guide index"))
                .startsWith("urgent advice: ask for an urgent gp appointment or call 111 if"));
        for (String page : WarningsTest.guidePages()) {
            for (Element card : BuiltSite.page(page).select("section.callout--urgent, section.callout--emergency")) {
                assertFalse(heading(card).contains("straight away"), page + ": a level's heading names its route: " + heading(card));
            }
        }
    }

    @Test
    void theEmergencyCardComesFirstAndTheIntroductionLinksToIt() {
        Document recovery = BuiltSite.section("recovery");
        List<String> order = recovery.select("section.callout--emergency, section.callout--urgent, section.callout--non-urgent")
                .eachAttr("data-kind");
        assertEquals(List.of("emergency", "urgent", "non-urgent"), order.subList(order.indexOf("emergency"), order.size()));
        Element link = BuiltSite.guideIndex().selectFirst("main a[href$=#emergency-signs]");
        assertNotNull(link, "the introduction links to the emergency signs");
        assertTrue(BuiltSite.text(link).contains("999"), "the link says what the signs are for: " + link.text());
        assertEquals("recovery/#emergency-signs", link.attr("href"));
        Element target = recovery.getElementById("emergency-signs");
        assertNotNull(target, "the link's target exists");
        Element next = target.nextElementSibling();
        assertNotNull(next);
        assertTrue(next.is("section.callout--emergency"), "the emergency card is right under the linked heading, not " + next);
    }

    /** Each sign sits at exactly one level across the whole guide, whatever page it is repeated on. */
    @Test
    void everySignSitsAtExactlyOneLevel() {
        List<String> pages = new ArrayList<>();
        pages.add(BuiltSite.GUIDE + "/");
        BuiltSite.SECTIONS.forEach(slug -> pages.add(BuiltSite.GUIDE + "/" + slug + "/"));
        SIGNS.forEach((sign, level) -> {
            Set<String> levels = new TreeSet<>();
            for (String page : pages) {
                for (String kind : LEVELS) {
                    for (Element card : BuiltSite.page(page).select("section.callout--" + kind)) {
                        if (BuiltSite.text(card).contains(sign)) {
                            levels.add(kind);
                        }
                    }
                }
            }
            assertEquals(Set.of(level), levels, "'" + sign + "' is at exactly one level");
        });
    }

    /** A sign that sends people to a doctor is not also something to treat at home. */
    @Test
    void noSignIsAlsoTreatedAtHome() {
        Document recovery = BuiltSite.section("recovery");
        StringBuilder homeCare = new StringBuilder();
        Element heading = recovery.getElementById("treating-mild-pain-at-home");
        assertNotNull(heading);
        for (Element next = heading.nextElementSibling(); next != null && !next.is("h2"); next = next.nextElementSibling()) {
            homeCare.append(BuiltSite.text(next)).append(' ');
        }
        Element doList = recovery.getElementById("do");
        assertNotNull(doList);
        homeCare.append(BuiltSite.text(doList.nextElementSibling()));
        String text = homeCare.toString();
        assertTrue(text.contains("ice") && text.contains("heat"), "found the home-care advice: " + text);
        for (String sign : List.of("spasm", "cramp", "bruis", "swelling", "numb", "tingling", "pins and needles", "night")) {
            assertFalse(text.contains(sign), "home-care advice mentions '" + sign + "', a sign that needs a doctor: " + text);
        }
        assertFalse(text.contains("rest for"), "rest means time off lifting, not bed rest");
        assertTrue(text.contains("days off lifting"), text);
    }

    @Test
    void severeOrShootingPainIsUrgentOnTheGuideIndex() {
        Element callout = calloutContaining(BuiltSite.guideIndex(), "urgent", "shooting");
        assertNotNull(callout, "urgent callout about shooting pain on the guide index");
        String text = BuiltSite.text(callout);
        assertTrue(text.contains("severe"));
        assertTrue(text.contains("111"));
    }

    @Test
    void textAfterACareCardHasAHeadingOfItsOwn() {
        for (String page : guidePages()) {
            for (Element card : BuiltSite.page(page).select("main section.callout")) {
                Element next = card.nextElementSibling();
                assertTrue(next == null || next.is("h2, h3, h4, section.callout, section.references, div.review-dates, footer, nav"),
                        page + ": after the card '" + heading(card) + "' comes " + (next == null ? "" : next.outerHtml()));
            }
        }
    }

    @Test
    void whoShouldNotDeadliftIsACalloutNamingTheRisksAndWhoToAsk() {
        Element callout = calloutContaining(BuiltSite.section("injuries"), "non-urgent", "back surgery");
        assertNotNull(callout, "callout on who should take advice first, on the injuries page");
        String text = BuiltSite.text(callout);
        for (String phrase : List.of("back surgery", "lower back injury from deadlifting", "another kind of injury",
                "surgeon", "gp", "physiotherapist")) {
            assertTrue(text.contains(phrase), "missing: " + phrase);
        }
        assertFalse(text.contains("coach"), "after surgery a surgeon, GP or physiotherapist decides, not a coach: " + text);
        assertTrue(BuiltSite.text(BuiltSite.section("injuries").selectFirst("main")).contains("strength coach can help you with your technique"));
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
