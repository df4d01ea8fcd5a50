package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole-guide page, printed by Chromium: every warning and reference stays, the navigation goes. */
class PrintBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    private static final String WHOLE_GUIDE = BuiltSite.GUIDE + "/whole-guide/";
    /** An editor's callout line in Markdown: !!! kind "Title". */
    private static final Pattern CALLOUT = Pattern.compile("(?m)^!!!\\s+([\\w-]+)\\s+\"([^\"]+)\"");

    @BeforeEach
    void printTheWholeGuide() {
        chromium.viewport(794, 1123, false); // A4 at 96 dpi
        chromium.colorScheme("dark"); // print must not inherit a dark screen
        chromium.open(WHOLE_GUIDE);
        chromium.media("print");
    }

    @Test
    void everyWarningCalloutKeepsItsBorderAndHeading() throws IOException {
        List<String> titles = calloutTitlesInTheContent();
        assertFalse(titles.isEmpty(), "the guide's Markdown has callouts");
        List<Map<String, Object>> callouts = chromium.script("""
                return [...document.querySelectorAll('.callout')].map(c => {
                  const s = getComputedStyle(c), h = c.querySelector('.callout__heading');
                  const hs = h && getComputedStyle(h);
                  return {
                    rendered: c.getClientRects().length > 0,
                    borders: ['Top', 'Right', 'Bottom', 'Left'].map(side =>
                        s['border' + side + 'Style'] + ' ' + parseFloat(s['border' + side + 'Width']) + ' ' + s['border' + side + 'Color']),
                    heading: h ? h.textContent.replace(/\\s+/g, ' ').trim() : '',
                    headingShown: !!h && h.getClientRects().length > 0 && hs.visibility === 'visible',
                    headingColour: hs ? hs.color : '', background: s.backgroundColor};
                });
                """);
        for (String title : titles) {
            Map<String, Object> callout = callouts.stream()
                    .filter(c -> ((String) c.get("heading")).contains(title))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no callout headed \"" + title + "\" on the whole-guide page"));
            assertTrue((Boolean) callout.get("rendered") && (Boolean) callout.get("headingShown"),
                    "\"" + title + "\" is printed with its heading");
            for (Object border : (List<?>) callout.get("borders")) {
                String[] parts = border.toString().split(" ", 3);
                assertTrue(parts[0].equals("solid") && Double.parseDouble(parts[1]) >= 2 && parts[2].equals("rgb(0, 0, 0)"),
                        "\"" + title + "\" is printed with a solid black border all round, not " + callout.get("borders"));
            }
            assertEquals("rgb(0, 0, 0)", callout.get("headingColour"), "\"" + title + "\" heading prints black");
        }
        assertEquals(titles.size(), callouts.size(), "every callout on the page comes from the content");
    }

    @Test
    void theReferencesArePrinted() {
        int expected = BuiltSite.wholeGuide().select("section.references li").size();
        assertTrue(expected > 0, "the guide has references");
        Map<String, Object> printed = chromium.script("""
                const refs = [...document.querySelectorAll('section.references li')];
                return {shown: refs.filter(li => li.getClientRects().length && li.textContent.trim()).length,
                        headings: [...document.querySelectorAll('section.references > :is(h2, h3)')]
                                    .filter(h => h.getClientRects().length).length,
                        sections: document.querySelectorAll('section.references').length};
                """);
        assertEquals(expected, ((Number) printed.get("shown")).intValue(), "every reference is printed");
        assertEquals(printed.get("sections"), printed.get("headings"), "every References heading is printed");
    }

    @Test
    void navigationIsNotPrinted() {
        List<String> shown = chromium.script("""
                const nav = [...document.querySelectorAll('nav, .skip-link, .whole-guide-link, .guide-index-link, .site-footer__home')];
                if (!nav.length) return ['(no navigation found on the page)'];
                return nav.filter(el => el.getClientRects().length > 0).map(el => el.className || el.tagName);
                """);
        assertTrue(shown.isEmpty(), "navigation printed: " + shown);
        assertEquals(Boolean.TRUE, chromium.script("return matchMedia('print and (prefers-color-scheme: dark)').matches"),
                "printing from a dark screen");
        String background = chromium.script("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(255, 255, 255)", background, "prints on white even when the screen is dark");
    }

    @Test
    void doAndDontListsPrintTheirHeadingsAndWordsInBlack() {
        Map<String, Object> printed = chromium.script("""
                const lists = [...document.querySelectorAll('ul.do-list, ul.dont-list')];
                return {lists: lists.length,
                        shown: lists.filter(l => l.getClientRects().length && l.previousElementSibling.getClientRects().length).length,
                        headings: lists.map(l => l.previousElementSibling.firstChild.textContent.trim()),
                        marks: lists.map(l => getComputedStyle(l.querySelector('li'), '::before').color)};
                """);
        assertEquals(2L, ((Number) printed.get("lists")).longValue(), "a Do and a Don't list on the whole guide: " + printed);
        assertEquals(printed.get("lists"), printed.get("shown"), "both are printed with their headings");
        assertTrue(printed.get("headings").toString().matches("\\[Do, Don['’]t]"), printed.toString());
        assertEquals(List.of("rgb(0, 0, 0)", "rgb(0, 0, 0)"), printed.get("marks"), "ticks and crosses print black");
    }

    @Test
    void theAToZPrintsEveryEntryWithoutItsLetterIndex() {
        chromium.open("a-to-z/");
        int expected = BuiltSite.page("a-to-z/").select("ul.a-to-z-list > li").size();
        Map<String, Object> printed = chromium.script("""
                return {entries: [...document.querySelectorAll('ul.a-to-z-list > li')].filter(li => li.getClientRects().length).length,
                        index: document.querySelector('nav.a-to-z-index').getClientRects().length,
                        background: getComputedStyle(document.body).backgroundColor};
                """);
        assertTrue(expected > 5, "the A to Z has entries");
        assertEquals(expected, ((Number) printed.get("entries")).intValue(), "every entry is printed");
        assertEquals(0L, ((Number) printed.get("index")).longValue(), "the letter links are not printed");
        assertEquals("rgb(255, 255, 255)", printed.get("background"));
    }

    @Test
    void chromiumPrintsItToAPdf() throws IOException {
        chromium.screenshot("print-whole-guide");
        Path pdf = chromium.printToPdf("whole-guide");
        byte[] bytes = Files.readAllBytes(pdf);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"), pdf + " is a PDF");
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(raw);
        int count = 0;
        while (pages.find()) {
            count++;
        }
        assertTrue(count >= 2, pdf + " has " + count + " page(s); the whole guide needs several");
        System.out.printf("Printed %s: %d A4 pages, %d bytes%n", pdf, count, bytes.length);
    }

    private static List<String> calloutTitlesInTheContent() throws IOException {
        Path guide = Path.of(System.getProperty("content.dir")).resolve(BuiltSite.GUIDE);
        List<String> titles = new ArrayList<>();
        try (Stream<Path> files = Files.list(guide)) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = CALLOUT.matcher(Files.readString(md));
                while (m.find()) {
                    titles.add(m.group(2));
                }
            }
        }
        return titles;
    }
}
