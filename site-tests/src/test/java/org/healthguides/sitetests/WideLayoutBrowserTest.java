package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guide's pages as a reader sees them: on a wide screen the contents sit in a column beside the text and stay
 * in view while the text scrolls (CSS only: the pages have no script); on a phone they are near the top.
 */
class WideLayoutBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    private static final String GUIDE = BuiltSite.GUIDE + "/";

    @ParameterizedTest(name = "/{0} at {1} px")
    @CsvSource({
        "deadlift-lower-back-pain/injuries/,    1024",
        "deadlift-lower-back-pain/technique/,   1024",
        "deadlift-lower-back-pain/technique/,   1280",
        "deadlift-lower-back-pain/recovery/,    1280",
        "deadlift-lower-back-pain/whole-guide/, 1280",
    })
    void wideScreensShowTheContentsBesideTheTextAndKeepThemInViewWhileScrolling(String page, int width) {
        chromium.viewport(width, ChromiumSession.DESKTOP_HEIGHT, false);
        chromium.colorScheme("light");
        chromium.open(page);
        assertEquals(0L, ((Number) chromium.script("return document.querySelectorAll('script:not([type=\"application/ld+json\"])').length")).longValue(),
                "no script on the page");
        Map<String, Number> before = chromium.script("""
                const side = document.querySelector('.guide-layout__side').getBoundingClientRect();
                const body = document.querySelector('.guide-layout__body').getBoundingClientRect();
                const h1 = document.querySelector('h1').getBoundingClientRect();
                return {sideRight: side.right, sideTop: side.top, sideBottom: side.bottom, bodyLeft: body.left,
                        bodyTop: body.top, bodyBottom: body.bottom, h1Left: h1.left, pageHeight: document.documentElement.scrollHeight};
                """);
        assertTrue(before.get("sideRight").doubleValue() <= before.get("bodyLeft").doubleValue(),
                "/" + page + ": the contents column ends before the text starts: " + before);
        assertTrue(before.get("sideTop").doubleValue() < before.get("bodyBottom").doubleValue()
                && before.get("sideBottom").doubleValue() > before.get("bodyTop").doubleValue(), "side by side: " + before);
        assertTrue(before.get("h1Left").doubleValue() >= before.get("bodyLeft").doubleValue() - 1, "the heading is over the text column");
        assertTrue(before.get("pageHeight").doubleValue() > 2 * ChromiumSession.DESKTOP_HEIGHT, "a page long enough to scroll");

        chromium.script("window.scrollTo(0, document.documentElement.scrollHeight * 0.6)");
        Map<String, Number> after = chromium.script("""
                const nav = document.querySelector('nav.guide-contents').getBoundingClientRect();
                return {top: nav.top, bottom: nav.bottom, height: innerHeight, scrolled: scrollY};
                """);
        assertTrue(after.get("scrolled").doubleValue() > ChromiumSession.DESKTOP_HEIGHT, "scrolled down: " + after);
        assertTrue(after.get("top").doubleValue() >= 0 && after.get("bottom").doubleValue() <= after.get("height").doubleValue(),
                "/" + page + ": the contents stay in view after scrolling down: " + after);
    }

    @Test
    void onThisPageIsAtTheTopOfTheTextColumn() {
        chromium.desktop();
        chromium.open(GUIDE + "technique/");
        Map<String, Number> r = chromium.script("""
                const list = document.querySelector('nav.on-this-page').getBoundingClientRect();
                const body = document.querySelector('.guide-layout__body').getBoundingClientRect();
                const side = document.querySelector('.guide-layout__side').getBoundingClientRect();
                return {listTop: list.top, bodyTop: body.top, listLeft: list.left, sideRight: side.right};
                """);
        assertTrue(Math.abs(r.get("listTop").doubleValue() - r.get("bodyTop").doubleValue()) < 2, "first in the text column: " + r);
        assertTrue(r.get("listLeft").doubleValue() > r.get("sideRight").doubleValue(), "in the text column, not the side: " + r);
    }

    @ParameterizedTest(name = "/{0}")
    @ValueSource(strings = {"deadlift-lower-back-pain/technique/", "deadlift-lower-back-pain/recovery/", "deadlift-lower-back-pain/"})
    void phonesShowTheContentsOnTheFirstScreen(String page) {
        chromium.phone();
        chromium.open(page);
        Number top = chromium.script("return document.querySelector('nav.guide-contents').getBoundingClientRect().top");
        assertTrue(top.doubleValue() < ChromiumSession.PHONE_HEIGHT * 0.75, "/" + page + ": the contents start at " + top + " px");
    }

    @Test
    void onAPhoneTheUrgentCardOfTheGuidesFirstPageIsWithinTwoScreens() {
        chromium.phone();
        chromium.open(GUIDE);
        Number top = chromium.script("return document.querySelector('.callout--urgent, .callout--emergency').getBoundingClientRect().top");
        assertTrue(top.doubleValue() < 2 * ChromiumSession.PHONE_HEIGHT, "the first care card starts at " + top + " px");
    }

    @Test
    void touchScreensShowNoHeadingAnchorsUntilFocused() {
        chromium.phone();
        chromium.open(GUIDE + "technique/");
        List<Object> opacities = chromium.script(
                "return [...document.querySelectorAll('.heading-anchor')].map(a => getComputedStyle(a).opacity)");
        assertTrue(!opacities.isEmpty() && opacities.stream().allMatch("0"::equals), "heading anchors shown: " + opacities);
    }

    @Test
    void previousAndNextArrowsSitOnTheLineOfTheirLabel() {
        chromium.phone();
        chromium.open(GUIDE + "technique/");
        Map<String, Object> r = chromium.script("""
                const label = document.querySelector('a[rel=prev] .pagination__label');
                const next = document.querySelector('a[rel=next] .pagination__label');
                return {prevLines: label.getClientRects().length, prevHeight: label.getBoundingClientRect().height,
                        lineHeight: parseFloat(getComputedStyle(label).lineHeight),
                        prevArrow: getComputedStyle(label, '::before').content, nextArrow: getComputedStyle(next, '::after').content,
                        linkBefore: getComputedStyle(label.parentElement, '::before').content};
                """);
        assertTrue(String.valueOf(r.get("prevArrow")).contains("\u2190"), "the arrow is on the label: " + r);
        assertTrue(String.valueOf(r.get("nextArrow")).contains("\u2192"), r.toString());
        assertEquals("none", r.get("linkBefore"), "nothing before the label on a line of its own");
        assertTrue(((Number) r.get("prevHeight")).doubleValue() <= ((Number) r.get("lineHeight")).doubleValue() + 1,
                "\"\u2190 Previous\" fits on one line: " + r);
    }

    @Test
    void doAndDontListsShowTicksAndCrossesThatScreenReadersSkip() {
        chromium.phone();
        chromium.open(GUIDE + "recovery/");
        Map<String, Object> r = chromium.script("""
                const tick = getComputedStyle(document.querySelector('ul.do-list > li'), '::before');
                const cross = getComputedStyle(document.querySelector('ul.dont-list > li'), '::before');
                return {tick: tick.content, cross: cross.content, listStyle: getComputedStyle(document.querySelector('ul.do-list')).listStyleType};
                """);
        assertTrue(String.valueOf(r.get("tick")).contains("\u2714"), "a tick: " + r);
        assertTrue(String.valueOf(r.get("cross")).contains("\u2718"), "a cross: " + r);
        assertTrue(String.valueOf(r.get("tick")).contains("/ \"\""), "with empty alternative text, so it is not read out: " + r);
        assertEquals("none", r.get("listStyle"), "no bullet as well as the tick");
    }
}
