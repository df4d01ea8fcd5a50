package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The browser tests (*BrowserTest) are compiled and run only with {@code -Pbrowser}, which brings Selenium; without
 * it this is the one line saying they were skipped. With it, it checks they were compiled, so the profile cannot
 * silently lose them.
 */
class BrowserProfileTest {
    private static final List<String> BROWSER_TESTS = List.of("AccessibilityBrowserTest", "KeyboardBrowserTest",
            "LayoutBrowserTest", "LiveReloadBrowserTest", "PrintBrowserTest", "ScreenshotsBrowserTest");

    @Test
    void the_browser_tests_run_with_the_browser_profile() {
        if (!"required".equals(System.getProperty("browser.tests", "off"))) {
            String why = "BROWSER TESTS SKIPPED: they run with `mvn verify -Pbrowser`, which needs the Debian packages chromium and chromium-driver";
            System.out.println("*** " + why + " ***");
            Assumptions.abort(why);
        }
        for (String test : BROWSER_TESTS) {
            assertDoesNotThrow(() -> Class.forName("org.healthguides.sitetests." + test), test + " was not compiled");
        }
    }
}
