package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in English, Welsh and Urdu (right to left), built from the test fixture with the real templates: each page
 * says its language and direction, links to its translations and back, prints its furniture in its language, and a
 * translation is held to the guide's contract. The fixture is test data (see its README).
 */
class LanguagesTest {
    private static final List<String> URDU_PAGES = List.of("ur/", "ur/a-to-z/", "ur/lifting/", "ur/lifting/recovery/", "ur/lifting/whole-guide/");
    private static final List<String> WELSH_PAGES = List.of("cy/", "cy/a-to-z/", "cy/lifting/", "cy/lifting/basics/", "cy/lifting/recovery/",
            "cy/lifting/whole-guide/");
    private static final List<String> ENGLISH_PAGES = List.of("", "a-to-z/", "lifting/", "lifting/basics/", "lifting/recovery/", "lifting/whole-guide/");

    @TempDir
    Path temp;

    @Test
    void theDefaultLanguageKeepsItsAddressesAndTheOthersLiveUnderTheirTag() {
        List<String> pages = MultilingualSite.htmlPages();
        List<String> expected = new ArrayList<>(List.of("404.html", "cy/404.html", "ur/404.html"));
        expected.addAll(ENGLISH_PAGES);
        expected.addAll(WELSH_PAGES);
        expected.addAll(URDU_PAGES);
        assertEquals(expected.stream().sorted().toList(), pages);
    }

    @Test
    void everyPageSaysItsLanguageAndUrduPagesRunRightToLeft() {
        for (String page : ENGLISH_PAGES) {
            Element html = MultilingualSite.page(page).selectFirst("html");
            assertEquals("en-GB", html.attr("lang"), page);
            assertFalse(html.hasAttr("dir") && html.attr("dir").equals("rtl"), page);
        }
        for (String page : WELSH_PAGES) {
            Element html = MultilingualSite.page(page).selectFirst("html");
            assertEquals("cy", html.attr("lang"), page);
            assertFalse(html.attr("dir").equals("rtl"), page);
        }
        for (String page : URDU_PAGES) {
            Element html = MultilingualSite.page(page).selectFirst("html");
            assertEquals("ur", html.attr("lang"), page);
            assertEquals("rtl", html.attr("dir"), page);
        }
        assertEquals("en-GB", MultilingualSite.page("404.html").selectFirst("html").attr("lang"));
    }

    /**
     * A mistyped Welsh address gets a Welsh "Page not found" page (docs/publishing.md): each language has one, in its
     * language and direction, with its words, linking from the base path (a host serves it at any depth) to its
     * language's home page and A to Z, and to the other languages' home pages named in their own language.
     */
    @Test
    void eachLanguageHasItsOwnNotFoundPageInItsLanguage() {
        record Expected(String path, String lang, String dir, String title, String home, String goHome, List<String> others) {
        }
        List<Expected> expected = List.of(
                new Expected("404.html", "en-GB", "", "Page not found", "/health/", "Go to the home page of Test guides",
                        List.of("cy /health/cy/ Cymraeg", "ur /health/ur/ اردو")),
                new Expected("cy/404.html", "cy", "", "Heb ddod o hyd i'r dudalen", "/health/cy/", "Mynd i hafan Canllawiau prawf",
                        List.of("en-GB /health/ English", "ur /health/ur/ اردو")),
                new Expected("ur/404.html", "ur", "rtl", "صفحہ نہیں ملا", "/health/ur/", "ٹیسٹ گائیڈز کے ہوم پیج پر جائیں",
                        List.of("en-GB /health/ English", "cy /health/cy/ Cymraeg")));
        for (Expected page : expected) {
            Document doc = MultilingualSite.page(page.path());
            Element html = doc.selectFirst("html");
            assertEquals(page.lang(), html.attr("lang"), page.path());
            assertEquals(page.dir(), html.attr("dir"), page.path());
            assertEquals(page.title(), doc.selectFirst("h1").text(), page.path());
            assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"), page.path());
            assertTrue(doc.select("link[rel=alternate][hreflang]").isEmpty(), "a 404 page is no translation of another: " + page.path());
            Element goHome = doc.selectFirst("main a[href=" + page.home() + "]");
            assertNotNull(goHome, page.path() + " links to its language's home page");
            assertEquals(page.goHome(), goHome.text(), page.path());
            assertEquals(page.home() + "a-to-z/", doc.selectFirst(".site-header__nav a").attr("href"), page.path() + " links to its A to Z");
            List<String> others = doc.select("main .language-switcher a").stream()
                    .map(a -> a.attr("hreflang") + " " + a.attr("href") + " " + a.text())
                    .toList();
            assertEquals(page.others(), others, page.path());
            for (Element other : doc.select("main .language-switcher a")) {
                assertEquals(other.attr("hreflang"), other.attr("lang"), page.path());
            }
            // Its guides are the language's own, from the base path.
            for (Element guide : doc.select(".guide-list a")) {
                assertTrue(guide.attr("href").startsWith(page.home()), page.path() + ": " + guide.attr("href"));
            }
        }
    }

    @Test
    void noNotFoundPageIsInTheSitemapAndNetlifyServesEachLanguagesOwn() throws IOException {
        String sitemap = Files.readString(MultilingualSite.root().resolve("sitemap.xml"));
        assertFalse(sitemap.contains("404"), sitemap);
        String redirects = Files.readString(MultilingualSite.root().resolve("_redirects"));
        List<String> rules = redirects.lines().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of("/health/cy/*  /health/cy/404.html  404", "/health/ur/*  /health/ur/404.html  404"), rules);
    }

    /** hreflang both ways: every alternate a page names names it back, with the same set and the English x-default. */
    @Test
    void hreflangAlternatesPointBothWaysWithAnXDefault() {
        for (String page : MultilingualSite.htmlPages()) {
            Map<String, String> alternates = alternates(MultilingualSite.page(page));
            if (page.endsWith("404.html")) {
                assertTrue(alternates.isEmpty(), page + " has no alternates");
                continue;
            }
            String self = MultilingualSite.BASE_URL + page;
            assertTrue(alternates.containsValue(self), page + " lists itself: " + alternates);
            String english = page.replaceFirst("^(cy|ur)/", "");
            assertEquals(MultilingualSite.BASE_URL + english, alternates.get("x-default"), page);
            assertEquals(MultilingualSite.BASE_URL + english, alternates.get("en-GB"), page);
            for (Map.Entry<String, String> alternate : alternates.entrySet()) {
                String otherPath = alternate.getValue().substring(MultilingualSite.BASE_URL.length());
                assertEquals(alternates, alternates(MultilingualSite.page(otherPath)),
                        page + " and its " + alternate.getKey() + " version " + otherPath + " name the same set");
            }
        }
        assertEquals(List.of("en-GB", "cy", "ur", "x-default"), List.copyOf(alternates(MultilingualSite.page("lifting/recovery/")).keySet()));
        assertEquals(List.of("en-GB", "cy", "x-default"), List.copyOf(alternates(MultilingualSite.page("lifting/basics/")).keySet()),
                "basics has no Urdu translation, so no Urdu alternate");
    }

    private static Map<String, String> alternates(Document page) {
        Map<String, String> alternates = new LinkedHashMap<>();
        for (Element link : page.select("head link[rel=alternate][hreflang]")) {
            alternates.put(link.attr("hreflang"), link.attr("href"));
        }
        return alternates;
    }

    @Test
    void theLanguageSwitcherLinksTheSamePageInTheOtherLanguagesNamedInTheirOwn() {
        Document welsh = MultilingualSite.page("cy/lifting/recovery/");
        Element switcher = welsh.selectFirst("nav.language-switcher");
        assertNotNull(switcher, "the Welsh recovery page has a language switcher");
        assertEquals("Ieithoedd", switcher.attr("aria-label"));
        List<Element> links = switcher.select("a");
        assertEquals(2, links.size(), switcher.outerHtml());
        assertEquals(List.of("English", "اردو"), links.stream().map(Element::text).toList());
        assertEquals(List.of("en-GB", "ur"), links.stream().map(a -> a.attr("lang")).toList());
        assertEquals(List.of("en-GB", "ur"), links.stream().map(a -> a.attr("hreflang")).toList());
        assertEquals(List.of("ltr", "rtl"), links.stream().map(a -> a.attr("dir")).toList(), "each name keeps its own direction");
        assertEquals(List.of("../../../lifting/recovery/", "../../../ur/lifting/recovery/"), links.stream().map(a -> a.attr("href")).toList());
        Element current = switcher.selectFirst("[aria-current]");
        assertEquals("Cymraeg", current.text());
        assertEquals("cy", current.attr("lang"));
        for (String page : ENGLISH_PAGES) {
            assertNotNull(MultilingualSite.page(page).selectFirst("nav.language-switcher a[hreflang=cy]"), page + " links to Welsh");
        }
        // A 404 page is no page in other languages: it lists the languages' home pages in its content instead.
        assertNull(MultilingualSite.page("404.html").selectFirst("header nav.language-switcher"));
    }

    @Test
    void aSectionWithoutATranslationIsAbsentAndTheContentsSaySoAndLinkToTheOriginal() {
        assertFalse(Files.exists(MultilingualSite.root().resolve("ur/lifting/basics")), "no Urdu basics page with English text in it");
        Document urdu = MultilingualSite.page("ur/lifting/");
        Element basics = urdu.selectFirst("nav.guide-contents a[href$=lifting/basics/]");
        assertNotNull(basics, urdu.select("nav.guide-contents").outerHtml());
        assertEquals("../../lifting/basics/", basics.attr("href"), "the English original");
        assertEquals("en-GB", basics.attr("lang"));
        assertEquals("en-GB", basics.attr("hreflang"));
        assertEquals("ltr", basics.attr("dir"), "an English title on an Urdu page reads left to right");
        assertEquals("Basics", basics.text());
        assertTrue(basics.parent().text().contains("ابھی ترجمہ نہیں ہوا، انگریزی میں"), basics.parent().text());
        Document whole = MultilingualSite.page("ur/lifting/whole-guide/");
        assertNull(whole.selectFirst("section#basics"), "the Urdu whole guide holds only Urdu sections");
        assertNotNull(whole.selectFirst("section#recovery"));
        assertFalse(whole.text().contains("Stand close to the box"), "never the English text");
    }

    @Test
    void eachLanguageHasItsOwnAToZOfItsOwnGuides() {
        Document welsh = MultilingualSite.page("cy/a-to-z/");
        assertEquals("cy", welsh.selectFirst("html").attr("lang"));
        assertEquals("Iechyd A i Y", welsh.selectFirst("h1").text());
        List<String> terms = welsh.select(".a-to-z-list a").stream().map(Element::text).toList();
        assertTrue(terms.containsAll(List.of("Codi bocs", "Gwella", "Y pethau sylfaenol")), terms.toString());
        assertFalse(terms.contains("Lifting a box"), "never the English titles: " + terms);
        for (Element link : welsh.select(".a-to-z-list a")) {
            String target = link.absUrl("href").substring(MultilingualSite.BASE_URL.length());
            assertTrue(target.startsWith("cy/lifting/"), link.outerHtml());
            assertTrue(Files.exists(MultilingualSite.root().resolve(target + "index.html")), target);
        }
        Element headerLink = MultilingualSite.page("cy/lifting/recovery/").selectFirst(".site-header__nav a");
        assertEquals(MultilingualSite.BASE_URL + "cy/a-to-z/", headerLink.absUrl("href"));
        List<String> urduTerms = MultilingualSite.page("ur/a-to-z/").select(".a-to-z-list a").stream().map(Element::text).toList();
        assertEquals(List.of("ڈبہ اٹھانا", "صحت یابی").stream().sorted().toList(), urduTerms.stream().sorted().toList());
    }

    /**
     * Each A to Z is indexed by its language's alphabet: Welsh letters include "Ch", "Dd", "Ll" (and not K, Q, V, X, Z);
     * Urdu's are its own letters, in Urdu's order, and Urdu terms are under them, never all under "#".
     */
    @Test
    void eachAToZIsIndexedByItsLanguagesAlphabet() {
        Document welsh = MultilingualSite.page("cy/a-to-z/");
        assertEquals(List.of("A", "B", "C", "Ch", "D", "Dd", "E", "F", "Ff", "G", "Ng", "H", "I", "J", "L", "Ll", "M", "N", "O", "P", "Ph",
                "R", "Rh", "S", "T", "Th", "U", "W", "Y"), letters(welsh), "the Welsh alphabet, from the Welsh string table");
        assertEquals(List.of("C", "G", "Y"), welsh.select("section.a-to-z-letter h2").stream().map(Element::text).toList());
        Element c = welsh.getElementById("letter-c");
        assertEquals(List.of("Codi bocs"), c.parent().select(".a-to-z-list a").stream().map(Element::text).toList());
        assertEquals("#letter-c", welsh.selectFirst("nav.a-to-z-index a").attr("href"));

        Document urdu = MultilingualSite.page("ur/a-to-z/");
        List<String> urduLetters = letters(urdu);
        assertEquals("ا", urduLetters.get(0));
        assertTrue(urduLetters.indexOf("ٹ") == urduLetters.indexOf("ت") + 1, "ٹ follows ت in Urdu: " + urduLetters);
        assertFalse(urduLetters.contains("A") || urduLetters.contains("#"), urduLetters.toString());
        Map<String, List<String>> byLetter = new LinkedHashMap<>();
        for (Element section : urdu.select("section.a-to-z-letter")) {
            byLetter.put(section.selectFirst("h2").text(), section.select(".a-to-z-list a").stream().map(Element::text).toList());
        }
        assertEquals(Map.of("ڈ", List.of("ڈبہ اٹھانا"), "ص", List.of("صحت یابی")), byLetter);
        assertEquals(List.of("ص", "ڈ").stream().sorted((a, b) -> urduLetters.indexOf(a) - urduLetters.indexOf(b)).toList(), List.copyOf(byLetter.keySet()),
                "letters in Urdu's order");
    }

    private static List<String> letters(Document aToZ) {
        return aToZ.select("nav.a-to-z-index li").stream().map(li -> li.ownText().isEmpty() ? li.child(0).ownText() : li.ownText()).toList();
    }

    /** Pages without content of their own (the A to Z) say what they are in their language, in their structured data too. */
    @Test
    void theAToZsStructuredDataIsInItsLanguageAndAboutItsGuides() {
        for (String language : List.of("cy", "ur")) {
            Document page = MultilingualSite.page(language + "/a-to-z/");
            String json = page.selectFirst("script[type=application/ld+json]").data();
            assertTrue(json.contains("\"name\":\"" + page.selectFirst("h1").text() + "\""), json);
            assertFalse(json.contains("Health A to Z") || json.contains("Lifting a box"), "never the English words: " + json);
            assertTrue(json.contains("\"about\":{\"@type\":\"Thing\",\"name\":\"" + (language.equals("cy") ? "Codi bocs" : "ڈبہ اٹھانا") + "\"}"), json);
            assertFalse(page.selectFirst("meta[name=description]").attr("content").contains("from A to Z"));
        }
        String home = MultilingualSite.page("cy/").selectFirst("script[type=application/ld+json]").data();
        assertTrue(home.contains("\"name\":\"Codi bocs\"") && !home.contains("Lifting a box"), home);
    }

    /** A draft's banner is in its page's language (only the preview and --drafts build drafts). */
    @Test
    void aDraftTranslationsBannerIsInItsLanguage() throws IOException {
        Path out = temp.resolve("out");
        MultilingualSite.Run run = buildWithTheUrduTranslationMarkedDraft("--drafts", out);
        assertEquals(0, run.exit(), run.err());
        Document urdu = Jsoup.parse(out.resolve("ur/lifting/recovery/index.html").toFile(), "UTF-8", MultilingualSite.BASE_URL + "ur/lifting/recovery/");
        Element banner = urdu.selectFirst("main .draft-banner");
        assertNotNull(banner, "the Urdu draft has the banner");
        assertTrue(banner.text().startsWith("مسودہ — شائع نہیں ہوا۔"), banner.text());
        assertEquals("draft: true", banner.selectFirst("code").text());
        assertEquals("en", banner.selectFirst("code").attr("lang"), "the front matter's words are not Urdu");
        assertFalse(banner.text().contains("Readers cannot see"), banner.text());
        assertNull(MultilingualSite.page("ur/lifting/recovery/").selectFirst(".draft-banner"), "the published Urdu page has none");
    }

    @Test
    void theSiteTitleAndFooterLeadToTheHomePageInThePagesLanguage() throws IOException {
        List<Path> pages;
        try (var files = Files.walk(MultilingualSite.root())) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        int checked = 0;
        for (Path file : pages) {
            String sitePath = MultilingualSite.root().relativize(file).toString().replace('\\', '/');
            Document page = Jsoup.parse(file.toFile(), "UTF-8", MultilingualSite.BASE_URL + sitePath);
            Element title = page.selectFirst(".site-header__title");
            if (title == null) {
                continue; // a redirect page has no header
            }
            String language = page.selectFirst("html").attr("lang");
            String home = MultilingualSite.BASE_URL + (language.equals("en-GB") ? "" : language + "/");
            // 404.html is served at any address, so its links start at the base path: resolve them from there.
            String base = sitePath.endsWith("404.html") ? MultilingualSite.BASE_URL : MultilingualSite.BASE_URL + sitePath;
            assertEquals(home, resolve(base, title.attr("href")), sitePath + ": the site title");
            Element footerHome = page.selectFirst(".site-footer__home a");
            if (footerHome == null) {
                // only a home page leaves out the link to itself
                assertEquals(home, MultilingualSite.BASE_URL + sitePath.replaceFirst("index\\.html$", ""), sitePath + " has no footer link home");
            } else {
                assertEquals(home, resolve(base, footerHome.attr("href")), sitePath + ": the footer's home link");
            }
            checked++;
        }
        assertTrue(checked > 10, "pages checked: " + checked);
    }

    private static String resolve(String base, String href) {
        return java.net.URI.create(base).resolve(href).toString();
    }

    @Test
    void eachLanguageHasItsOwnFeedLinkedFromItsPages() throws IOException {
        for (String language : List.of("cy", "ur")) {
            Document feed = Jsoup.parse(Files.readString(MultilingualSite.root().resolve(language + "/feed.xml")), "", Parser.xmlParser());
            assertEquals(language, feed.selectFirst("feed").attr("xml:lang"));
            String title = MultilingualSite.page(language + "/").selectFirst(".site-header__title").text();
            assertEquals(title, feed.selectFirst("feed > title").text(), "the site's title in " + language);
            assertEquals(title, feed.selectFirst("feed > author > name").text());
            assertFalse(feed.outerHtml().contains("Test guides") || feed.outerHtml().contains("A test site"), feed.outerHtml());
            List<String> ids = feed.select("entry > id").stream().map(Element::text).toList();
            assertEquals(List.of(MultilingualSite.BASE_URL + language + "/lifting/"), ids, language);
            Element link = MultilingualSite.page(language + "/lifting/").selectFirst("head link[type=application/atom+xml]");
            assertEquals(MultilingualSite.BASE_URL + language + "/feed.xml", link.absUrl("href"));
        }
        Document english = Jsoup.parse(Files.readString(MultilingualSite.root().resolve("feed.xml")), "", Parser.xmlParser());
        assertEquals("en-GB", english.selectFirst("feed").attr("xml:lang"));
        assertEquals(List.of(MultilingualSite.BASE_URL + "lifting/"), english.select("entry > id").stream().map(Element::text).toList());
    }

    /**
     * A leaflet per language, each in its language, linked from its pages: the Welsh one in Lato, left to right; the
     * Urdu one in Noto Naskh Arabic, right to left (its lines end at the right margin), with every red-flag sign and
     * reference as text in reading order, and no letter printed as a box (.notdef).
     */
    @Test
    void aLeafletInEachLanguageRightToLeftForUrdu() throws IOException {
        Path welsh = MultilingualSite.root().resolve("cy/lifting/lifting.pdf");
        assertTrue(Files.exists(welsh), "the Welsh leaflet");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(welsh.toFile())) {
            assertEquals("cy", pdf.getDocumentCatalog().getLanguage());
            Glyphs glyphs = Glyphs.of(pdf);
            assertTrue(glyphs.text.contains("Codi bocs") && glyphs.text.contains("Adolygwyd gan Test Fixture Reviewer"), glyphs.text);
            assertFalse(glyphs.text.contains("Lifting a box"), glyphs.text);
            assertEquals(List.of(), glyphs.missing, "no letter without a glyph");
            assertTrue(glyphs.titleLeft < 100, "a left-to-right title starts at the left margin: " + glyphs.titleLeft);
        }
        Element link = MultilingualSite.page("cy/lifting/").selectFirst(".download-link a");
        assertEquals(MultilingualSite.BASE_URL + "cy/lifting/lifting.pdf", link.absUrl("href"));
        assertTrue(link.text().startsWith("Lawrlwytho'r canllaw hwn (PDF,"), link.text());

        Path urdu = MultilingualSite.root().resolve("ur/lifting/lifting.pdf");
        assertTrue(Files.exists(urdu), "the Urdu leaflet");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(urdu.toFile())) {
            var catalog = pdf.getDocumentCatalog();
            assertEquals("ur", catalog.getLanguage(), "/Lang in the catalog");
            assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked() && catalog.getStructureTreeRoot() != null,
                    "tagged, as every leaflet");
            Glyphs glyphs = Glyphs.of(pdf);
            assertEquals(List.of(), glyphs.missing, "no Urdu letter printed as a box");
            // Joined: every letter printed in the form its neighbours call for (a presentation form), none left in
            // its nominal, unjoined form, Urdu's own letters included.
            List<String> unjoined = "ٹڈڑہھکگیےۓبتمنلرس".codePoints().mapToObj(Character::toString).filter(letter -> glyphs.raw.indexOf(letter) >= 0).toList();
            assertEquals(List.of(), unjoined, "letters left unjoined in:\n" + glyphs.raw);
            // The care card and its red-flag signs (recovery.ur.md), each a line of text in reading order, and the
            // reference: its Urdu and English words (PDFBox orders a line that mixes both directions its own way).
            for (String sign : List.of("ڈبہ اٹھانا", "فوری مشورہ:", "فوراً ڈاکٹر سے ملیں اگر آپ کو ہو:", "\nرات کو درد جو آپ کو جگا دے\n",
                    "\nٹانگوں میں سن ہونا\n", "اگر کمر میں درد ہو تو ایک دو دن آرام کریں۔", "\nحوالہ جات\n", "NHS.UK", "کمر کا درد",
                    "Back pain", "https://www.nhs.uk/conditions/back-pain/")) {
                assertTrue(glyphs.text.contains(Glyphs.normalise(sign)), "the Urdu leaflet says \"" + sign + "\":\n" + glyphs.text);
            }
            assertTrue(glyphs.fonts.contains("NotoNaskhArabic-Regular") && glyphs.fonts.stream().allMatch(f -> f.contains("Lato") || f.contains("NotoNaskhArabic")),
                    "the shipped OFL fonts: " + glyphs.fonts);
            assertTrue(glyphs.titleLeft > 595 / 2.0 && glyphs.titleRight > 520, "a right-to-left title ends at the right margin: "
                    + glyphs.titleLeft + ".." + glyphs.titleRight);
        }
        Element urduLink = MultilingualSite.page("ur/lifting/").selectFirst(".download-link a");
        assertNotNull(urduLink, "the Urdu pages link to their leaflet");
        assertEquals(MultilingualSite.BASE_URL + "ur/lifting/lifting.pdf", urduLink.absUrl("href"));
    }

    /**
     * ICU4J (12 MB, for right-to-left text) is loaded only by a build with a right-to-left leaflet: the real guide,
     * English only, makes its leaflet without it; the fixture, with its Urdu leaflet, loads it.
     */
    @Test
    void onlyARightToLeftLeafletLoadsIcu4j(@TempDir Path out) throws IOException {
        MultilingualSite.Run english = MultilingualSite.guideInJvm(List.of("-verbose:class"), "build", "--content",
                System.getProperty("content.dir", MultilingualSite.repo().resolve("content").toString()),
                "--templates", MultilingualSite.repo().resolve("templates").toString(), "--out", out.resolve("en").toString());
        assertEquals(0, english.exit(), english.err());
        assertTrue(english.out().contains("com.openhtmltopdf.pdfboxout.PdfBoxRenderer"), "the English leaflet was printed");
        assertTrue(Files.exists(out.resolve("en/deadlift-lower-back-pain/deadlift-lower-back-pain.pdf")));
        assertFalse(english.out().contains("com.ibm.icu."), "no ICU4J class for an English leaflet");
        MultilingualSite.Run urdu = MultilingualSite.guideInJvm(List.of("-verbose:class"), "build", "--today", MultilingualSite.TODAY,
                "--content", MultilingualSite.fixture().resolve("content").toString(), "--base-url", MultilingualSite.BASE_URL,
                "--templates", MultilingualSite.templatesWithFixtureTables(out.resolve("templates")).toString(), "--out", out.resolve("ur").toString());
        assertEquals(0, urdu.exit(), urdu.err());
        assertTrue(urdu.out().contains("com.ibm.icu.text.Bidi ") && urdu.out().contains("org.healthguides.render.ArabicShaper "),
                "the Urdu leaflet is ordered and joined with ICU4J");
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(MultilingualSite.root().resolve("ur/lifting/lifting.pdf")),
                Files.readAllBytes(out.resolve("ur/ur/lifting/lifting.pdf"))), "the same content gives the same Urdu leaflet, byte for byte");
    }

    /**
     * A leaflet's text as PDFBox extracts it (NFKC, as the joined Arabic letters it prints are presentation forms), the
     * characters drawn with glyph 0 (.notdef, a box), its fonts, and where the first page's title (21pt) starts and ends.
     */
    private static final class Glyphs extends org.apache.pdfbox.text.PDFTextStripper {
        String text;
        /** Each glyph's own character, in drawing order: PDFBox's text already turns presentation forms into letters. */
        final StringBuilder raw = new StringBuilder();
        final List<String> missing = new ArrayList<>();
        final java.util.Set<String> fonts = new java.util.TreeSet<>();
        float titleLeft = Float.MAX_VALUE;
        float titleRight = 0;

        static Glyphs of(org.apache.pdfbox.pdmodel.PDDocument pdf) throws IOException {
            Glyphs glyphs = new Glyphs();
            glyphs.text = normalise(glyphs.getText(pdf));
            return glyphs;
        }

        static String normalise(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "")
                    .replaceAll("[ \t]+", " ");
        }

        @Override
        protected void processTextPosition(org.apache.pdfbox.text.TextPosition position) {
            super.processTextPosition(position);
            raw.append(position.getUnicode());
            var font = position.getFont();
            fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
            if (font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font type0) {
                for (int code : position.getCharacterCodes()) {
                    try {
                        if (type0.codeToGID(code) == 0) {
                            missing.add(position.getUnicode());
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            if (getCurrentPageNo() == 1 && position.getFontSizeInPt() > 20 && !position.getUnicode().isBlank()) {
                titleLeft = Math.min(titleLeft, position.getXDirAdj());
                titleRight = Math.max(titleRight, position.getXDirAdj() + position.getWidthDirAdj());
            }
        }
    }

    /** A do and a don't list are ticks and crosses under the language's own headings ("Gwnewch", "Peidiwch"). */
    @Test
    void doAndDontListsAreFoundUnderTheLanguagesHeadings() {
        Document welsh = MultilingualSite.page("cy/lifting/basics/");
        assertEquals("cadwch y bocs yn agos", welsh.selectFirst("ul.do-list").text());
        assertEquals("â throi wrth godi", welsh.selectFirst("ul.dont-list").text());
        Document english = MultilingualSite.page("lifting/basics/");
        assertEquals("keep the box close", english.selectFirst("ul.do-list").text());
        assertEquals("twist while you lift", english.selectFirst("ul.dont-list").text());
    }

    @Test
    void furnitureDatesAndCareCardsAreInThePagesLanguage() {
        Document welsh = MultilingualSite.page("cy/lifting/recovery/");
        assertEquals("Neidio i'r prif gynnwys", welsh.selectFirst("a.skip-link").text());
        assertEquals("Ar y dudalen hon", welsh.selectFirst("#on-this-page-heading").text());
        assertEquals("Cynnwys", welsh.selectFirst("#contents-heading").text());
        assertEquals("Briwsion bara", welsh.selectFirst("nav.breadcrumb").attr("aria-label"));
        assertEquals("Hafan", welsh.selectFirst("nav.breadcrumb a").text());
        // The Welsh translation is signed off (its own reviewed_by), so the line names its reviewer and role, in Welsh.
        assertEquals("Adolygwyd gan Test Fixture Reviewer, Ffisiotherapydd, ar 24 Tachwedd 2026 · Adolygiad nesaf: 24 Tachwedd 2027",
                welsh.selectFirst("p.review-dates").text());
        assertEquals("Cyngor brys:", welsh.selectFirst(".callout--urgent .callout__label").text());
        assertEquals("Data prawf, nid cyngor meddygol. Mewn argyfwng ffoniwch 999.", welsh.selectFirst("p.disclaimer").text());
        assertTrue(welsh.selectFirst(".heading-anchor").attr("aria-label").startsWith("Dolen i'r rhan hon: "));
        assertEquals("Blaenorol Y pethau sylfaenol", welsh.selectFirst(".pagination__item--previous").text());
        Document urdu = MultilingualSite.page("ur/lifting/recovery/");
        assertEquals("فوری مشورہ:", urdu.selectFirst(".callout--urgent .callout__label").text());
        assertTrue(urdu.selectFirst("p.review-dates time").text().contains("نومبر"), urdu.selectFirst("p.review-dates").text());
        for (String page : List.of("cy/lifting/recovery/", "ur/lifting/recovery/", "cy/lifting/", "ur/")) {
            String text = MultilingualSite.page(page).text();
            for (String english : List.of("Skip to main content", "On this page", "Contents", "Page last reviewed", "Next review due",
                    "Urgent advice", "All guides on", "Reading time", "Link to this part")) {
                assertFalse(text.contains(english), page + " prints the English '" + english + "'");
            }
        }
    }

    /**
     * Right-to-left pages mirror only if the stylesheet says "start" and "end", never "left" and "right": a physical
     * property (margin-left, border-right, left:, text-align: left, float: right) would stay put in Urdu.
     */
    @Test
    void theStylesheetIsWrittenInLogicalProperties() throws IOException {
        String css = Files.readString(MultilingualSite.repo().resolve("templates/static/style.css"));
        assertEquals(List.of(), physicalProperties(css), "use margin-inline-start, inset-inline-end, text-align: start and so on");
        assertEquals(List.of("margin-left", "right:", "text-align: left", "border-right"), physicalProperties(
                ".a { margin-left: 1px; right: 0 } /* left: in a comment */ td { text-align: left; border-right: 0; inset-inline-start: 0 }"),
                "the check sees physical properties");
    }

    private static List<String> physicalProperties(String css) {
        java.util.regex.Matcher physical = java.util.regex.Pattern.compile(
                "(margin|padding|border|inset)-(left|right)\\b|(?<![\\w-])(left|right)\\s*:|(text-align|float|clear)\\s*:\\s*(left|right)")
                .matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        List<String> found = new ArrayList<>();
        while (physical.find()) {
            found.add(physical.group());
        }
        return found;
    }

    @Test
    void aLanguagesHomePageAndItsStructuredDataUseTheSiteWordsOfThatLanguage() {
        Document welsh = MultilingualSite.page("cy/");
        assertEquals("Safle prawf mewn tair iaith.", welsh.selectFirst("p.lede").text());
        assertEquals("Safle prawf mewn tair iaith.", welsh.selectFirst("meta[name=description]").attr("content"));
        String json = welsh.selectFirst("script[type=application/ld+json]").data();
        assertTrue(json.contains("\"name\":\"Canllawiau prawf\""), json);
        assertFalse(json.contains("A test site in three languages"), json);
        String guideJson = MultilingualSite.page("ur/lifting/").selectFirst("script[type=application/ld+json]").data();
        assertTrue(guideJson.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"ٹیسٹ گائیڈز\"}"), guideJson);
        assertEquals("cyfeiriad", MultilingualSite.page("cy/lifting/basics/").selectFirst(".footnote-ref .visually-hidden").text());
    }

    @Test
    void structuredDataSaysEachPagesLanguage() {
        for (String page : List.of("", "cy/lifting/recovery/", "ur/lifting/")) {
            String json = MultilingualSite.page(page).selectFirst("script[type=application/ld+json]").data();
            String language = page.startsWith("cy/") ? "cy" : page.startsWith("ur/") ? "ur" : "en-GB";
            assertTrue(json.contains("\"inLanguage\":\"" + language + "\""), page + ": " + json);
            assertEquals(language.replace('-', '_'), MultilingualSite.page(page).selectFirst("meta[property=og:locale]").attr("content"));
        }
    }

    @Test
    void theSitemapListsEveryLanguageVersionOfEachPage() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(MultilingualSite.root().resolve("sitemap.xml")), "", Parser.xmlParser());
        Map<String, Map<String, String>> byPage = new LinkedHashMap<>();
        for (Element url : sitemap.select("url")) {
            Map<String, String> alternates = new LinkedHashMap<>();
            for (Element link : url.getElementsByTag("xhtml:link")) {
                assertEquals("alternate", link.attr("rel"));
                alternates.put(link.attr("hreflang"), link.attr("href"));
            }
            byPage.put(url.selectFirst("loc").text(), alternates);
        }
        assertEquals(ENGLISH_PAGES.size() + WELSH_PAGES.size() + URDU_PAGES.size(), byPage.size(), byPage.keySet().toString());
        for (Map.Entry<String, Map<String, String>> page : byPage.entrySet()) {
            Map<String, String> alternates = page.getValue();
            assertTrue(alternates.containsValue(page.getKey()), page.getKey() + " lists itself");
            assertTrue(alternates.containsKey("x-default"), page.getKey());
            for (String other : alternates.values()) {
                assertEquals(alternates, byPage.get(other), page.getKey() + " and " + other + " list each other");
            }
            String path = page.getKey().substring(MultilingualSite.BASE_URL.length());
            assertEquals(alternates(MultilingualSite.page(path)), alternates, "the sitemap and the page agree: " + path);
        }
        assertTrue(Files.readString(MultilingualSite.root().resolve("sitemap.xml")).contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    }

    @Test
    void aMissingStringFailsTheBuildNamingTheFileAndKey() throws IOException {
        Path templates = MultilingualSite.templatesWithFixtureTables(temp.resolve("templates"));
        Path welsh = templates.resolve("i18n/cy.yaml");
        Files.writeString(welsh, Files.readString(welsh).replace("on_this_page: Ar y dudalen hon\n", ""));
        MultilingualSite.Run run = build(MultilingualSite.fixture().resolve("content"), templates, true);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains(templates.resolve("i18n").toString().replace('\\', '/') + "/cy.yaml: error[G0903]: missing key 'on_this_page'")
                || run.err().contains("/i18n/cy.yaml: error[G0903]: missing key 'on_this_page' — add 'on_this_page: …' in Cymraeg (en-GB.yaml: 'On this page')"),
                run.err());
    }

    @Test
    void aTranslationThatDropsARedFlagFailsTheBuild() throws IOException {
        Path content = MultilingualSite.contentCopy(temp.resolve("content"));
        Path recovery = content.resolve("lifting/recovery.ur.md");
        Files.writeString(recovery, Files.readString(recovery).replace("    - ٹانگوں میں سن ہونا\n", ""));
        MultilingualSite.Run run = build(content, MultilingualSite.templatesWithFixtureTables(temp.resolve("templates")), true);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("lifting/recovery.ur.md:11:1: error[G0405]: required care card 'red-flag signs' does not mention: 'سن ہونا'")
                || run.err().contains("lifting/recovery.ur.md:11: error[G0405]: required care card 'red-flag signs' does not mention: 'سن ہونا'"), run.err());
    }

    @Test
    void anOutOfDateTranslationGetsAWarningAndFailsAStrictBuild() throws IOException {
        Path content = MultilingualSite.contentCopy(temp.resolve("content"));
        Path index = content.resolve("lifting/index.cy.md");
        Files.writeString(index, Files.readString(index).replace("translated_from_reviewed: 2026-11-24", "translated_from_reviewed: 2026-05-01"));
        Path templates = MultilingualSite.templatesWithFixtureTables(temp.resolve("templates"));
        MultilingualSite.Run lenient = build(content, templates, false);
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("lifting/index.cy.md:5: warning[G0905]: translation out of date: the original was reviewed on 2026-11-24"),
                lenient.err());
        assertEquals(1, build(content, templates, true).exit(), "with --strict the warning is an error");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportMeasuresOnlyEnglishWithFleschKincaid() throws IOException {
        MultilingualSite.Run run = MultilingualSite.guide("report", "--content", MultilingualSite.fixture().resolve("content").toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        Map<String, Object> report = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(run.out(), Map.class);
        List<Map<String, Object>> guides = (List<Map<String, Object>>) report.get("guides");
        assertEquals(List.of("en-GB", "cy", "ur"), guides.stream().map(g -> g.get("language")).toList());
        assertTrue(((Map<String, Object>) guides.get(0).get("total")).get("grade") instanceof Number, "English is measured");
        for (Map<String, Object> translated : guides.subList(1, 3)) {
            assertEquals("not measured", translated.get("reading_level"));
            Map<String, Object> total = (Map<String, Object>) translated.get("total");
            assertTrue(total.containsKey("grade") && total.get("grade") == null, "never the English formula on " + translated.get("language"));
        }
        MultilingualSite.Run table = MultilingualSite.guide("report", "--content", MultilingualSite.fixture().resolve("content").toString());
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("Codi bocs (") && table.out().contains("cy: reading level not measured"), table.out());
        assertTrue(table.out().lines().anyMatch(line -> line.startsWith("recovery") && line.contains("not measured")), table.out());
    }

    /**
     * Nothing is published that a clinician has not signed off: a translation marked draft is left out of the published
     * site while its original is published, and no page, switcher, alternate, sitemap entry or feed leads to it.
     */
    @Test
    void aDraftTranslationIsLeftOutWhileTheOriginalIsPublished() throws IOException {
        Path out = temp.resolve("out");
        MultilingualSite.Run run = buildWithTheUrduTranslationMarkedDraft("--strict", out);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("draft left out: ") && run.out().contains("lifting/index.ur.md"), run.out());
        assertTrue(Files.exists(out.resolve("lifting/recovery/index.html")), "the original is published");
        assertTrue(Files.exists(out.resolve("cy/lifting/recovery/index.html")), "and the Welsh translation");
        assertFalse(Files.exists(out.resolve("ur/lifting")), "the Urdu draft is not");
        Document english = Jsoup.parse(out.resolve("lifting/recovery/index.html").toFile(), "UTF-8", MultilingualSite.BASE_URL + "lifting/recovery/");
        assertNull(english.selectFirst("link[hreflang=ur]"), "no alternate leads to the draft");
        assertNull(english.selectFirst("nav.language-switcher a[hreflang=ur]"), "nor the switcher");
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("/ur/lifting/"), sitemap);
        assertFalse(Files.exists(out.resolve("ur/feed.xml")) && Files.readString(out.resolve("ur/feed.xml")).contains("<entry>"), "nor the Urdu feed");
    }

    private MultilingualSite.Run build(Path content, Path templates, boolean strict) throws IOException {
        List<String> args = new ArrayList<>(List.of("build", "--today", MultilingualSite.TODAY, "--content", content.toString(),
                "--templates", templates.toString(), "--out", Files.createTempDirectory(temp, "out").resolve("site").toString(),
                "--base-url", MultilingualSite.BASE_URL));
        if (strict) {
            args.add("--strict");
        }
        return MultilingualSite.guide(args.toArray(String[]::new));
    }

    /** Builds the fixture site with its Urdu translation's index marked `draft: true`. */
    private MultilingualSite.Run buildWithTheUrduTranslationMarkedDraft(String mode, Path out) throws IOException {
        Path content = MultilingualSite.contentCopy(temp.resolve("content"));
        Path index = content.resolve("lifting/index.ur.md");
        Files.writeString(index, Files.readString(index).replace("translated_from_reviewed:", "draft: true\ntranslated_from_reviewed:"));
        return MultilingualSite.guide("build", mode, "--today", MultilingualSite.TODAY, "--content", content.toString(),
                "--templates", MultilingualSite.templatesWithFixtureTables(temp.resolve("templates")).toString(), "--out", out.toString(),
                "--base-url", MultilingualSite.BASE_URL);
    }
}
