package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The right-to-left (Urdu) pages of the multilingual fixture site in Chromium: accessible, and mirrored. */
class LanguagesBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession(MultilingualSite::root);

    static Stream<Arguments> rightToLeftPages() {
        return MultilingualSite.htmlPages().stream().filter(page -> page.startsWith("ur/"))
                .flatMap(page -> Stream.of(Arguments.of(page, "light"), Arguments.of(page, "dark")));
    }

    @ParameterizedTest(name = "/{0} ({1})")
    @MethodSource("rightToLeftPages")
    void axeFindsNoWcagViolationOnARightToLeftPage(String page, String scheme) {
        for (boolean phone : List.of(false, true)) {
            if (phone) {
                chromium.phone();
            } else {
                chromium.desktop();
            }
            chromium.colorScheme(scheme);
            chromium.open(page);
            assertEquals("rtl", chromium.script("return getComputedStyle(document.body).direction"), page);
            List<String> violations = AxeCore.violations(chromium);
            assertTrue(violations.isEmpty(), "/" + page + (phone ? " on a phone" : "") + " in " + scheme + ": " + violations.size()
                    + " axe-core violation(s):\n  " + String.join("\n  ", violations));
        }
    }

    /** The stylesheet is written in logical properties, so the layout mirrors: list indents and the header swap sides. */
    @Test
    void theLayoutMirrorsRightToLeft() {
        chromium.desktop();
        chromium.colorScheme("light");
        chromium.open("ur/lifting/recovery/");
        assertEquals("0px", chromium.script("return getComputedStyle(document.querySelector('.callout__content ul')).paddingLeft"));
        assertEquals("24px", chromium.script("return getComputedStyle(document.querySelector('.callout__content ul')).paddingRight"));
        Number titleRight = (Number) chromium.script("return document.querySelector('.site-header__title').getBoundingClientRect().right");
        Number switcherRight = (Number) chromium.script("return document.querySelector('.language-switcher').getBoundingClientRect().right");
        assertTrue(titleRight.doubleValue() > switcherRight.doubleValue(), "the site title is on the right, the switcher to its left");
        chromium.open("lifting/recovery/");
        assertEquals("24px", chromium.script("return getComputedStyle(document.querySelector('.callout__content ul')).paddingLeft"),
                "and left to right in English");
    }

    @Test
    void aScreenshotOfAnUrduPage() throws IOException {
        chromium.viewport(ChromiumSession.PHONE_WIDTH, ChromiumSession.PHONE_HEIGHT, true);
        chromium.colorScheme("light");
        chromium.open("ur/lifting/recovery/");
        Path png = chromium.screenshot("phone-urdu-recovery");
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 0, 24);
        assertEquals(0x89504E47, header.getInt(0), png + " is a PNG");
        assertEquals(ChromiumSession.PHONE_WIDTH, header.getInt(16), png + " is as wide as the screen: the page does not overflow it");
        assertTrue(header.getInt(20) >= 400, png + " shows the page");
    }
}
