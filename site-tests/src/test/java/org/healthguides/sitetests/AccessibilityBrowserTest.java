package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** axe-core finds no WCAG 2.2 A or AA violation on any page, in the light or the dark colour scheme. */
class AccessibilityBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    static Stream<Arguments> pagesInBothSchemes() {
        return BuiltSite.htmlPages().stream()
                .flatMap(page -> Stream.of(Arguments.of(page, "light"), Arguments.of(page, "dark")));
    }

    @ParameterizedTest(name = "/{0} ({1})")
    @MethodSource("pagesInBothSchemes")
    void axeFindsNoWcagViolation(String page, String scheme) {
        chromium.desktop();
        chromium.colorScheme(scheme);
        chromium.open(page);
        String actual = chromium.script("return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'");
        assertTrue(scheme.equals(actual), "the page sees the " + scheme + " scheme, not " + actual);
        List<String> violations = AxeCore.violations(chromium);
        assertTrue(violations.isEmpty(), "/" + page + " in " + scheme + ": " + violations.size()
                + " axe-core violation(s):\n  " + String.join("\n  ", violations));
    }

    @ParameterizedTest(name = "/{0} on a phone ({1})")
    @MethodSource("pagesInBothSchemes")
    void axeFindsNoWcagViolationOnAPhone(String page, String scheme) {
        for (int width : new int[] {ChromiumSession.PHONE_WIDTH, 320}) {
            chromium.viewport(width, ChromiumSession.PHONE_HEIGHT, true);
            chromium.colorScheme(scheme);
            chromium.open(page);
            List<String> violations = AxeCore.violations(chromium);
            assertTrue(violations.isEmpty(), "/" + page + " at " + width + " px in " + scheme + ": " + violations.size()
                    + " axe-core violation(s):\n  " + String.join("\n  ", violations));
        }
    }

    /** The check itself can fail: axe-core, run this way, does see a grey-on-white paragraph. */
    @Test
    void axeReportsALowContrastParagraph() {
        chromium.desktop();
        chromium.colorScheme("light");
        chromium.open(BuiltSite.GUIDE + "/technique/");
        chromium.script("document.querySelector('main .content p').style.color = '#b0b0b0'");
        List<String> violations = AxeCore.violations(chromium);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("color-contrast ")), "axe-core saw: " + violations);
    }

    /** The dark runs really look at the dark colours: the page background is darker than in the light scheme. */
    @Test
    void theDarkSchemeDarkensThePage() {
        chromium.desktop();
        chromium.colorScheme("light");
        chromium.open(BuiltSite.GUIDE + "/");
        double light = brightness(chromium.script("return getComputedStyle(document.body).backgroundColor"));
        chromium.colorScheme("dark");
        double dark = brightness(chromium.script("return getComputedStyle(document.body).backgroundColor"));
        assertTrue(dark < 60 && light > 200, "body background brightness: light " + light + ", dark " + dark);
    }

    private static double brightness(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return (Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]) + Integer.parseInt(parts[2])) / 3.0;
    }
}
