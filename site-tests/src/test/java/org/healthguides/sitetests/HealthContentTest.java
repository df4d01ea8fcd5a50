package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Editorial integrity as a reader sees it: review dates, the disclaimer, references that resolve, reading time. */
class HealthContentTest {

    static List<String> allPages() {
        return BuiltSite.htmlPages();
    }

    /** Every page of the guide: its index, each section, the whole guide. */
    static List<String> guidePages() {
        return BuiltSite.htmlPages().stream().filter(p -> p.startsWith(BuiltSite.GUIDE + "/")).toList();
    }

    private static String contentFile(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("content.dir")).resolve(name), StandardCharsets.UTF_8);
    }

    private static String yamlValue(String text, String key) {
        Matcher value = Pattern.compile("(?m)^" + key + ":\\s*(.+)$").matcher(text);
        assertTrue(value.find(), key + " is in the content");
        return value.group(1).strip();
    }

    @Test
    void the_guide_has_all_its_pages() {
        assertEquals(2 + BuiltSite.SECTIONS.size(), guidePages().size(), guidePages().toString());
    }

    @ParameterizedTest
    @MethodSource("guidePages")
    void every_guide_page_shows_the_review_dates_in_time_elements(String path) throws IOException {
        String index = contentFile(BuiltSite.GUIDE + "/index.md");
        String reviewed = yamlValue(index, "reviewed");
        String nextReview = yamlValue(index, "next_review");
        Element line = BuiltSite.page(path).selectFirst("main .review-dates");
        assertNotNull(line, path + ": has the review line");
        assertEquals("Page last reviewed: 24 November 2026 · Next review due: 24 November 2027", line.text().replace('\u00a0', ' '));
        assertEquals(List.of(reviewed, nextReview), line.select("time").eachAttr("datetime"), path + ": machine-readable dates");
    }

    @ParameterizedTest
    @MethodSource("allPages")
    void every_page_shows_the_disclaimer_with_who_to_call_in_an_emergency(String path) throws IOException {
        String disclaimer = yamlValue(contentFile("site.yaml"), "disclaimer");
        Document page = BuiltSite.page(path);
        List<Element> shown = page.select("footer .disclaimer");
        assertEquals(1, shown.size(), path + ": one disclaimer, in the footer");
        assertEquals(disclaimer, shown.get(0).text());
        String text = BuiltSite.text(shown.get(0));
        assertTrue(text.contains("emergency") && text.contains("999") && text.contains("112"), path + ": says who to call: " + text);
        assertTrue(text.contains("not a diagnosis"), path);
    }

    @ParameterizedTest
    @MethodSource("allPages")
    void every_footnote_link_lands_on_a_reference_and_back(String path) {
        Document page = BuiltSite.page(path);
        for (Element citation : page.select("a.footnote-ref")) {
            String href = citation.attr("href");
            assertTrue(href.startsWith("#"), path + ": citation links within the page: " + href);
            Element target = page.getElementById(href.substring(1));
            assertNotNull(target, path + ": citation " + href + " has a reference");
            assertEquals("li", target.tagName(), path + ": " + href + " is a reference list item");
            assertNotNull(target.closest("section.references"), path + ": " + href + " is under References");
        }
        for (Element reference : page.select("section.references li")) {
            Element back = reference.selectFirst("a.reference-backlink");
            assertNotNull(back, path + ": reference " + reference.id() + " links back");
            Element citation = page.getElementById(back.attr("href").substring(1));
            assertNotNull(citation, path + ": reference " + reference.id() + " links back to a citation");
            assertFalse(citation.select("a.footnote-ref[href=#" + reference.id() + "]").isEmpty(),
                    path + ": the citation it links back to cites it");
        }
    }

    @Test
    void the_guide_cites_its_sourced_claims() {
        List<String> cited = new ArrayList<>();
        for (String slug : BuiltSite.SECTIONS) {
            BuiltSite.section(slug).select("a.footnote-ref").forEach(a -> cited.add(slug));
        }
        assertEquals(List.of("benefits", "injuries", "recovery", "recovery"), cited,
                "the hormones claim, the 2018 study, and NHS.UK for the emergency signs and for staying active");
        assertEquals(3, BuiltSite.wholeGuide().select("section.references li").size());
    }

    private static final Pattern MINUTES = Pattern.compile("Reading time(?: for the whole guide)?: (\\d+) minutes?");

    private static int minutes(Document page, String what) {
        Element shown = page.selectFirst("main .reading-time");
        assertNotNull(shown, what + ": shows its reading time");
        Matcher matcher = MINUTES.matcher(shown.text());
        assertTrue(matcher.matches(), what + ": " + shown.text());
        int minutes = Integer.parseInt(matcher.group(1));
        assertEquals(minutes == 1, shown.text().endsWith(" minute"), what + ": singular only for one minute");
        return minutes;
    }

    @Test
    void each_section_shows_its_reading_time_and_the_guide_index_the_total() {
        int sum = 0;
        int longest = 0;
        for (String slug : BuiltSite.SECTIONS) {
            int minutes = minutes(BuiltSite.section(slug), slug);
            assertTrue(minutes >= 1, slug);
            sum += minutes;
            longest = Math.max(longest, minutes);
        }
        Document index = BuiltSite.guideIndex();
        assertTrue(index.selectFirst("main .reading-time").text().startsWith("Reading time for the whole guide: "));
        int total = minutes(index, "guide index");
        // The total counts the introduction's words too, and rounds up once rather than per section.
        assertTrue(total >= longest && total <= sum + 1, "total " + total + " against sections " + sum);
        assertEquals(total, minutes(BuiltSite.wholeGuide(), "whole guide"));
    }
}
