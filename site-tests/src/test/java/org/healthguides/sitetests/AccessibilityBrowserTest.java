package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
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
        chromium.phone();
        chromium.colorScheme(scheme);
        chromium.open(page);
        List<String> violations = AxeCore.violations(chromium);
        assertTrue(violations.isEmpty(), "/" + page + " at 360 px in " + scheme + ": " + violations.size()
                + " axe-core violation(s):\n  " + String.join("\n  ", violations));
    }
}
