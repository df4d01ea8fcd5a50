package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole-page screenshots under site-tests/target/screenshots/ for people to look at after every run
 * (the printed whole guide, as PDF and PNG, comes from PrintBrowserTest). Not committed.
 */
class ScreenshotsBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "phone-home,              360,  light, ''",
        "phone-guide,             360,  light, deadlift-lower-back-pain/",
        "phone-technique,         360,  light, deadlift-lower-back-pain/technique/",
        "phone-recovery,          360,  light, deadlift-lower-back-pain/recovery/",
        "phone-dark-recovery,     360,  dark,  deadlift-lower-back-pain/recovery/",
        "phone-dark-guide,        360,  dark,  deadlift-lower-back-pain/",
        "desktop-guide,           1280, light, deadlift-lower-back-pain/",
        "desktop-recovery,        1280, light, deadlift-lower-back-pain/recovery/",
        "desktop-dark-recovery,   1280, dark,  deadlift-lower-back-pain/recovery/",
        "phone-404,               360,  light, 404.html",
        "phone-a-to-z,            360,  light, a-to-z/",
        "desktop-a-to-z,          1280, light, a-to-z/",
        "desktop-dark-a-to-z,     1280, dark,  a-to-z/",
        "desktop-home,            1280, light, ''",
        "desktop-technique,       1280, light, deadlift-lower-back-pain/technique/",
        "desktop-dark-technique,  1280, dark,  deadlift-lower-back-pain/technique/",
        "tablet-technique,        1024, light, deadlift-lower-back-pain/technique/",
    })
    void screenshot(String name, int width, String scheme, String page) throws IOException {
        chromium.viewport(width, width < 1000 ? ChromiumSession.PHONE_HEIGHT : ChromiumSession.DESKTOP_HEIGHT, width < 1000);
        chromium.colorScheme(scheme);
        chromium.open(page);
        Path png = chromium.screenshot(name);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 0, 24);
        assertEquals(0x89504E47, header.getInt(0), png + " is a PNG");
        assertEquals(width, header.getInt(16), png + " is as wide as the screen: the page does not overflow it");
        assertTrue(header.getInt(20) >= 400, png + " shows the page");
    }
}
