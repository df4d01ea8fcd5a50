package org.healthguides.sitetests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test class, driven by Selenium, looking at the built site served over HTTP.
 *
 * <p>The browser tests run only when the Maven profile "browser" sets browser.tests=required (CI does);
 * otherwise every test class using this prints why it was skipped. When they are required and Chromium or its
 * driver is missing, they fail: CI must never pass without having looked at the site in a browser.
 * Selenium is given both binaries explicitly, so Selenium Manager never downloads a browser or a driver.
 */
final class ChromiumSession implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 800;
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;

    private static final boolean REQUIRED = "required".equals(System.getProperty("browser.tests", "off"));
    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    // Selenium warns that it has no CDP bindings for this Chromium; the tests use raw CDP commands only.
    private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    /** The folder it serves: the site built from the real content, unless a test gives another (a fixture site). */
    private final java.util.function.Supplier<Path> root;
    private SiteServer server;
    private ChromeDriver driver;
    private Path profileDir;
    private String media = "screen";
    private String scheme = "light";

    ChromiumSession() {
        this(BuiltSite::root);
    }

    ChromiumSession(java.util.function.Supplier<Path> root) {
        this.root = root;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (REQUIRED) {
            return ConditionEvaluationResult.enabled("browser.tests=required");
        }
        String message = "BROWSER TESTS SKIPPED (" + context.getDisplayName() + "): they run with "
                + "`mvn verify -Pbrowser`, which needs the Debian packages chromium and chromium-driver";
        if (context.getTestMethod().isEmpty()) {
            System.out.println("\n*** " + message + " ***\n");
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException("browser tests: " + binary + " not found; install Chromium with "
                        + "`apt-get install chromium chromium-driver` (or run without -Pbrowser to skip them)");
            }
        }
        server = new SiteServer(root.get());
        profileDir = Files.createTempDirectory("chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the background-networking flags Chromium hangs on this closed network; --no-sandbox because CI is root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--force-device-scale-factor=1", "--lang=en-GB",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--user-data-dir=" + profileDir);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads a page by its site path ("" for the home page, "guide/section/", "404.html"). */
    void open(String sitePath) {
        driver.get(server.base().resolve(sitePath).toString());
    }

    String url(String sitePath) {
        return server.base().resolve(sitePath).toString();
    }

    /** Makes the page think it is on a screen of this size (mobile: honour the viewport meta, as phones do). */
    void viewport(int width, int height, boolean mobile) {
        cdp("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        // Overlay scrollbars, as on phones and macOS: the page gets the whole width, and screenshots show all of it.
        cdp("Emulation.setScrollbarsHidden", Map.of("hidden", true));
    }

    void phone() {
        viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
    }

    void desktop() {
        viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    /** "light" or "dark": what the reader's system asks for, through prefers-color-scheme. */
    void colorScheme(String scheme) {
        this.scheme = scheme;
        emulateMedia();
    }

    /** "print" or "screen" (CSS @media print and screen), keeping the colour scheme. */
    void media(String media) {
        this.media = media;
        emulateMedia();
    }

    private void emulateMedia() {
        cdp("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... args) {
        return (T) driver.executeScript(script, args);
    }

    WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    Map<String, Object> cdp(String command, Map<String, Object> params) {
        return driver.executeCdpCommand(command, params);
    }

    /** A PNG of the whole page, not just the viewport, under site-tests/target/screenshots/. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> metrics = cdp("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return write(name + ".png", Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** The current page printed to A4 by Chromium, as a reader's "Print" or "Save as PDF" would. */
    Path printToPdf(String name) {
        Map<String, Object> pdf = cdp("Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true,
                "paperWidth", 8.27, "paperHeight", 11.69));
        return write(name + ".pdf", Base64.getDecoder().decode((String) pdf.get("data")));
    }

    private static Path write(String fileName, byte[] bytes) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName), e);
        }
    }
}
