package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Everything works from the keyboard alone, and the reader can always see where the focus is. */
class KeyboardBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    private static final String GUIDE = BuiltSite.GUIDE + "/";

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    @BeforeEach
    void desktopInLight() {
        chromium.desktop();
        chromium.colorScheme("light");
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void theSkipLinkComesFirstAndMovesFocusToMain(String page) {
        chromium.open(page);
        WebElement first = tab();
        assertEquals("Skip to main content", first.getText().trim(), "/" + page + ": the first Tab lands on the skip link");
        Map<String, Object> box = chromium.script(
                "const r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height, top: r.top, left: r.left};",
                first);
        assertTrue(number(box, "left") >= 0 && number(box, "top") >= 0 && number(box, "w") >= 24 && number(box, "h") >= 24,
                "/" + page + ": the focused skip link is on screen and at least 24 x 24 px: " + box);

        press(Keys.ENTER);
        assertTrue(chromium.driver().getCurrentUrl().endsWith("#main-content"), chromium.driver().getCurrentUrl());
        assertEquals("main", chromium.activeElement().getTagName(), "/" + page + ": focus moved to <main>");
        WebElement next = tab();
        assertTrue((Boolean) chromium.script("return arguments[0].closest('main') !== null", next),
                "/" + page + ": the Tab after the skip link stays in main, on " + next.getText());
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void focusIsVisibleOnEveryFocusableElement(String page) {
        chromium.open(page);
        List<String> invisible = new ArrayList<>();
        int visited = 0;
        WebElement firstFocused = null;
        // Tab through the whole page, as a keyboard user would, and look at each focused element.
        for (int i = 0; i < 300; i++) {
            WebElement focused = tab();
            Map<String, Object> look = chromium.script("""
                    const el = arguments[0], s = getComputedStyle(el), r = el.getBoundingClientRect();
                    return {body: el === document.body, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                            inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
                            name: el.tagName.toLowerCase() + ' "' + el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40) + '"'};
                    """, focused);
            if ((Boolean) look.get("body") || focused.equals(firstFocused)) {
                break;
            }
            if (visited == 0) {
                firstFocused = focused;
            }
            visited++;
            if ("none".equals(look.get("outline")) || number(look, "width") < 2 || !(Boolean) look.get("inView")) {
                invisible.add(look.get("name") + " (outline " + look.get("outline") + " " + look.get("width")
                        + " px, on screen: " + look.get("inView") + ")");
            }
        }
        long focusable = ((Number) chromium.script("return document.querySelectorAll('a[href], button, input, select, textarea').length")).longValue();
        assertTrue(visited >= focusable, "/" + page + ": Tab reached " + visited + " of " + focusable + " links and controls");
        assertTrue(invisible.isEmpty(), "/" + page + ": focus is not visible on " + invisible);
    }

    @Test
    void theHeaderLeadsToTheAToZAndItsLettersToTheirEntriesByKeyboard() {
        chromium.open(GUIDE + "technique/");
        tabTo("header nav a[href='../../a-to-z/']");
        press(Keys.ENTER);
        assertEquals(chromium.url("a-to-z/"), chromium.driver().getCurrentUrl());
        tabTo("nav.a-to-z-index a[href='#letter-h']");
        press(Keys.ENTER);
        assertTrue(chromium.driver().getCurrentUrl().endsWith("#letter-h"), chromium.driver().getCurrentUrl());
        Number top = chromium.script("return document.getElementById('letter-h').getBoundingClientRect().top");
        assertTrue(top.doubleValue() > -2 && top.doubleValue() < 100, "the H entries are at the top of the screen: " + top);
        WebElement next = tab();
        assertEquals("letter-h", chromium.script(
                "const s = arguments[0].closest('section.a-to-z-letter'); return s ? s.querySelector('h2').id : null", next),
                "the next Tab is on the first H entry, not back at the top: " + next.getText());
    }

    @Test
    void onAWideScreenTabGoesThroughTheContentsColumnBeforeTheText() {
        chromium.open(GUIDE + "technique/");
        WebElement link = tabTo("nav.guide-contents a, nav.on-this-page a");
        assertEquals("../benefits/", link.getAttribute("href").endsWith("/benefits/") ? "../benefits/" : link.getAttribute("href"),
                "the guide's contents come before On this page in the Tab order");
        Map<String, Object> order = chromium.script("""
                const side = document.querySelector('.guide-layout__side').getBoundingClientRect();
                const r = arguments[0].getBoundingClientRect();
                return {inSide: r.left >= side.left && r.right <= side.right};
                """, link);
        assertEquals(Boolean.TRUE, order.get("inSide"), "the first contents link is in the side column");
    }

    @Test
    void theContentsListOpensASectionByKeyboard() {
        chromium.open(GUIDE);
        tabTo("nav.guide-contents a[href='technique/']");
        press(Keys.ENTER);
        assertEquals(chromium.url(GUIDE + "technique/"), chromium.driver().getCurrentUrl());
        assertEquals(BuiltSite.section("technique").selectFirst("h1").text(),
                chromium.driver().findElement(org.openqa.selenium.By.tagName("h1")).getText());
    }

    @Test
    void theWholeGuideContentsJumpToTheSectionByKeyboard() {
        chromium.open(GUIDE + "whole-guide/");
        WebElement link = tabTo("nav.guide-contents li:nth-child(3) a[href^='#']");
        String fragment = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#'));
        press(Keys.ENTER);
        assertTrue(chromium.driver().getCurrentUrl().endsWith(fragment), chromium.driver().getCurrentUrl());
        assertTargetIsOnScreen(fragment);
    }

    @Test
    void onThisPageJumpsToTheHeadingByKeyboard() {
        chromium.open(GUIDE + "recovery/");
        List<WebElement> links = chromium.driver().findElements(org.openqa.selenium.By.cssSelector("nav.on-this-page a"));
        assertTrue(links.size() >= 2, "recovery has an 'On this page' list");
        String href = links.get(links.size() - 1).getAttribute("href");
        String fragment = href.substring(href.indexOf('#'));
        tabTo("nav.on-this-page a[href='" + fragment + "']");
        press(Keys.ENTER);
        assertTrue(chromium.driver().getCurrentUrl().endsWith(fragment), chromium.driver().getCurrentUrl());
        assertTargetIsOnScreen(fragment);
    }

    @Test
    void previousAndNextWorkByKeyboard() {
        chromium.open(GUIDE + "technique/");
        tabTo("nav.pagination a[rel=next]");
        press(Keys.ENTER);
        assertEquals(chromium.url(GUIDE + "injuries/"), chromium.driver().getCurrentUrl(), "next from technique");
        tabTo("nav.pagination a[rel=prev]");
        press(Keys.ENTER);
        assertEquals(chromium.url(GUIDE + "technique/"), chromium.driver().getCurrentUrl(), "previous from injuries");
    }

    private void assertTargetIsOnScreen(String fragment) {
        Boolean onScreen = chromium.script("""
                const r = document.getElementById(decodeURIComponent(arguments[0].slice(1))).getBoundingClientRect();
                return r.top >= -1 && r.top < innerHeight;""", fragment);
        assertTrue(onScreen, fragment + " is scrolled into view");
    }

    /** Presses Tab until the focused element matches the selector: proof that it can be reached by keyboard. */
    private WebElement tabTo(String selector) {
        for (int i = 0; i < 200; i++) {
            WebElement focused = tab();
            if ((Boolean) chromium.script("return arguments[0].matches(arguments[1])", focused, selector)) {
                return focused;
            }
        }
        return fail("Tab never reached " + selector + " on " + chromium.driver().getCurrentUrl());
    }

    private WebElement tab() {
        press(Keys.TAB);
        return chromium.activeElement();
    }

    private void press(Keys key) {
        new Actions(chromium.driver()).sendKeys(key).perform();
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
