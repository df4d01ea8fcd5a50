package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built folder works as it is on any static host: no JavaScript, no outside requests, cacheable assets, .gz copies. */
class StaticHostingTest {
    private static final Set<String> TEXT = Set.of("html", "css", "xml", "txt", "svg", "json");

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    static List<Path> files() {
        Path root = BuiltSite.root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void noJavaScriptOnAnyPage(String path) {
        Document page = BuiltSite.page(path);
        for (Element script : page.select("script")) {
            assertEquals("application/ld+json", script.attr("type"), path + ": only JSON-LD scripts: " + script);
        }
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(a -> {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), path + ": event handler " + a + " on " + element.tagName());
                assertFalse(a.getValue().trim().toLowerCase().startsWith("javascript:"), path + ": " + a);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void nothingIsLoadedFromAnotherSite(String path) {
        Document page = BuiltSite.page(path);
        for (Element element : page.select("link[href], img[src], script[src], source[src], source[srcset], img[srcset],"
                + " iframe, embed, object, video, audio, style")) {
            if (element.tagName().equals("link") && element.attr("rel").equals("canonical")) {
                assertTrue(element.attr("href").startsWith(SearchAndPreviewTest.baseUrl()), path + ": " + element);
                continue;
            }
            for (String attribute : List.of("href", "src", "srcset", "data")) {
                String value = element.attr(attribute).trim().toLowerCase();
                assertFalse(value.startsWith("http:") || value.startsWith("https:") || value.startsWith("//"),
                        path + ": outside request " + element);
            }
            assertFalse(element.tagName().equals("style") && element.data().contains("@import"), path + ": " + element);
        }
    }

    @Test
    void stylesheetsLoadNothingFromOutside() throws IOException {
        for (Path file : files()) {
            if (extension(file).equals("css")) {
                String css = Files.readString(file);
                assertFalse(css.contains("@import"), file + ": @import");
                assertFalse(css.matches("(?s).*url\\(\\s*['\"]?(https?:)?//.*"), file + ": url() to another site");
            }
        }
    }

    @Test
    void assetsAreNamedByTheirContentHash() throws Exception {
        List<Path> assets = files().stream().filter(f -> f.getParent().getFileName().toString().equals("static"))
                .filter(f -> !f.toString().endsWith(".gz")).toList();
        assertEquals(Set.of("css", "svg"), Set.copyOf(assets.stream().map(StaticHostingTest::extension).toList()), assets.toString());
        for (Path asset : assets) {
            String name = asset.getFileName().toString();
            assertTrue(name.matches("[a-z-]+\\.[0-9a-f]{8}\\.[a-z]+"), name);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(asset))).substring(0, 8);
            assertEquals(hash, name.split("\\.")[1], name + " is named by its SHA-256");
        }
        String stylesheet = BuiltSite.page("").selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.matches("\\./static/style\\.[0-9a-f]{8}\\.css"), stylesheet);
    }

    @Test
    void everyTextFileHasAnIdenticalGzipCopyBesideIt() throws IOException {
        int checked = 0;
        for (Path file : files()) {
            if (!TEXT.contains(extension(file))) {
                continue;
            }
            Path gz = file.resolveSibling(file.getFileName() + ".gz");
            assertTrue(Files.isRegularFile(gz), "missing " + gz);
            byte[] compressed = Files.readAllBytes(gz);
            assertEquals(0, compressed[3], gz + ": no file name in the gzip header");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                assertArrayEquals(Files.readAllBytes(file), in.readAllBytes(), gz + " holds " + file.getFileName());
            }
            checked++;
        }
        assertTrue(checked >= 13, "pages, stylesheet, favicon, sitemap and robots.txt: " + checked);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void eachPageWithItsStylesheetIsUnder50KbUncompressed(String path) throws IOException {
        Path html = BuiltSite.root().resolve(path.endsWith(".html") ? path : path + "index.html");
        Document page = BuiltSite.page(path);
        long bytes = Files.size(html);
        for (Element sheet : page.select("link[rel=stylesheet]")) {
            Path css = html.getParent().resolve(sheet.attr("href").replaceFirst("^/health/", BuiltSite.root() + "/")).normalize();
            bytes += Files.size(css);
        }
        // The whole guide is every section on one page, for printing; the limit is for each section page.
        long limit = path.endsWith("whole-guide/") ? 150 * 1024 : 50 * 1024;
        assertTrue(bytes < limit, path + ": " + bytes + " bytes of HTML and CSS");
    }

    @Test
    void notFoundPageLinksFromTheBasePathSoItWorksAtAnyDepth() {
        Document page = BuiltSite.page("404.html");
        List<String> urls = page.select("a[href], link[href]:not([rel=canonical])").eachAttr("href").stream()
                .filter(u -> !u.startsWith("#")).toList();
        assertFalse(urls.isEmpty());
        for (String url : urls) {
            assertTrue(url.startsWith("/health/"), "404.html link " + url + " does not start at the base path");
            String sitePath = url.substring("/health/".length());
            Path target = BuiltSite.root().resolve(sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
            assertTrue(Files.isRegularFile(target), url + " leads to " + target);
        }
    }

    @Test
    void printStylesheetDropsNavigationKeepsCalloutBordersAndShowsLinkTargets() throws IOException {
        Path css = files().stream().filter(f -> f.getFileName().toString().matches("style\\.[0-9a-f]{8}\\.css")).findFirst().orElseThrow();
        String text = Files.readString(css, StandardCharsets.UTF_8);
        int print = text.indexOf("@media print");
        assertTrue(print >= 0, "a print stylesheet");
        String printRules = text.substring(text.indexOf('{', print) + 1);
        for (String hidden : List.of(".breadcrumb", ".pagination", ".guide-contents", ".on-this-page", ".skip-link")) {
            assertTrue(ruleFor(printRules, hidden).matches("(?s).*display:\\s*none.*"), hidden + " hidden in print");
        }
        assertTrue(printRules.matches("(?s).*\\.callout[^{]*\\{[^}]*border:[^}]*solid.*"), "callouts keep a border");
        assertTrue(printRules.contains("a[href^=\"http\"]") && printRules.contains("attr(href)"), "external link targets printed");
    }

    /** The declarations of the first rule (in a flat list of rules) whose selector list names the selector. */
    private static String ruleFor(String css, String selector) {
        int at = 0;
        while (true) {
            int open = css.indexOf('{', at);
            int close = css.indexOf('}', open);
            if (open < 0 || close < 0) {
                return "";
            }
            String selectors = css.substring(at, open);
            if (List.of(selectors.split(",")).stream().anyMatch(s -> s.trim().equals(selector))) {
                return css.substring(open + 1, close);
            }
            at = close + 1;
        }
    }
}
