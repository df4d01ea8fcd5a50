package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Health A to Z, read as a reader would: every guide, section and keyword under its letter, no script. */
class AToZTest {
    private static final String PATH = "a-to-z/";
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*(.+)$");
    private static final Pattern KEYWORDS = Pattern.compile("(?m)^keywords:\\s*\\[(.*)]\\s*$");

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void everyPageHeaderLinksToTheAToZ(String path) {
        Document page = BuiltSite.page(path);
        Element link = page.selectFirst("header nav a:containsOwn(Health A to Z)");
        assertNotNull(link, "/" + path + " has a Health A to Z link in its header");
        String expected = path.equals("404.html") ? "/health/" + PATH : relative(path) + PATH;
        assertEquals(expected, link.attr("href"), "/" + path);
    }

    @Test
    void everyTitleAndKeywordOfTheContentIsUnderItsLetterAndLeadsToItsPage() throws IOException {
        Document page = BuiltSite.page(PATH);
        Path guide = Path.of(System.getProperty("content.dir")).resolve(BuiltSite.GUIDE);
        List<String[]> expected = new ArrayList<>(); // term, page it leads to
        List<Path> files;
        try (var list = Files.list(guide)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int keywords = 0;
        for (Path md : files) {
            String text = Files.readString(md);
            String stem = md.getFileName().toString().replace(".md", "");
            String target = "../" + BuiltSite.GUIDE + "/" + (stem.equals("index") ? "" : stem + "/");
            Matcher title = TITLE.matcher(text);
            assertTrue(title.find(), md + " has a title");
            expected.add(new String[] {title.group(1).strip(), target});
            Matcher words = KEYWORDS.matcher(text.substring(0, text.indexOf("\n---", 4)));
            if (words.find()) {
                for (String word : words.group(1).split(",")) {
                    String term = word.strip();
                    expected.add(new String[] {term.substring(0, 1).toUpperCase(Locale.ROOT) + term.substring(1), target});
                    keywords++;
                }
            }
        }
        assertTrue(keywords >= 5, "the guide gives keywords in its front matter: " + keywords);
        for (String[] entry : expected) {
            String letter = entry[0].substring(0, 1).toUpperCase(Locale.ROOT);
            Element section = page.getElementById("letter-" + letter.toLowerCase(Locale.ROOT));
            assertNotNull(section, "a heading for " + letter + " (for \"" + entry[0] + "\")");
            Element group = section.parent();
            assertTrue(group.select("ul.a-to-z-list > li > a").stream()
                            .anyMatch(a -> a.text().equals(entry[0]) && a.attr("href").equals(entry[1])),
                    "\"" + entry[0] + "\" is listed under " + letter + " and leads to " + entry[1]);
        }
        int listed = page.select("ul.a-to-z-list > li").size();
        assertEquals(expected.size(), listed, "one line per title and keyword, nothing else");
    }

    @Test
    void entriesAreInAlphabeticalOrderUnderEachLetter() {
        Document page = BuiltSite.page(PATH);
        for (Element list : page.select("section.a-to-z-letter")) {
            String letter = list.selectFirst("h2").text();
            List<String> terms = list.select("ul.a-to-z-list > li > a").eachText();
            assertFalse(terms.isEmpty(), letter + " has entries");
            for (String term : terms) {
                assertEquals(letter, term.substring(0, 1).toUpperCase(Locale.ROOT), term + " is under " + letter);
            }
            // Word by word, as an index sorts: "Muscle spasms" before "Muscles a deadlift works".
            List<String> sorted = terms.stream()
                    .sorted(java.util.Comparator.comparing((String t) -> t.toLowerCase(Locale.ROOT).replace(' ', '\u0001')))
                    .toList();
            assertEquals(sorted, terms, "the terms under " + letter);
        }
    }

    @Test
    void theLetterIndexHasAllTwentySixLettersAndLinksOnlyThoseWithEntries() {
        Document page = BuiltSite.page(PATH);
        List<Element> letters = page.select("nav.a-to-z-index li");
        assertEquals(26, letters.size(), "A to Z");
        for (int i = 0; i < 26; i++) {
            Element item = letters.get(i);
            String letter = String.valueOf((char) ('A' + i));
            assertTrue(item.text().startsWith(letter), item.text());
            Element section = page.getElementById("letter-" + letter.toLowerCase(Locale.ROOT));
            Element link = item.selectFirst("a");
            if (section == null) {
                assertEquals(null, link, letter + " has no entries, so it is not a link");
                assertTrue(item.text().contains("nothing under this letter"), "a screen reader hears why " + letter + " is not a link");
            } else {
                assertNotNull(link, letter + " has entries, so it links to them");
                assertEquals("#" + section.id(), link.attr("href"));
            }
        }
        assertTrue(page.select("nav.a-to-z-index a").size() >= 4, "several letters have entries");
    }

    @Test
    void thePageWorksWithoutJavaScriptAndIsInTheBreadcrumbTrail() {
        Document page = BuiltSite.page(PATH);
        assertTrue(page.select("script:not([type=application/ld+json])").isEmpty(), "no script");
        assertTrue(page.select("[onclick], [onload], [oninput]").isEmpty(), "no inline handlers");
        assertEquals("Health A to Z", page.selectFirst("h1").text());
        assertEquals("page", page.selectFirst("header nav a").attr("aria-current"), "the header link says it is this page");
        assertEquals(List.of("Home"), page.select("nav.breadcrumb li").eachText());
    }

    /** "../../" for a page two folders deep, "" for the home page. */
    private static String relative(String path) {
        long depth = path.chars().filter(c -> c == '/').count();
        return depth == 0 ? "./" : "../".repeat((int) depth);
    }
}
