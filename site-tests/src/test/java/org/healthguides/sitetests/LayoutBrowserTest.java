package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Phones and wide screens: no sideways scrolling, readable text, targets a thumb can hit, a comfortable line length. */
class LayoutBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    /** A short name for an element in failure messages: tag, class and text. */
    private static final String DESCRIBE = """
            const describe = el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
                + ' "' + el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40) + '"';
            """;

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void nothingScrollsSidewaysAt360And320Pixels(String page) {
        for (int width : new int[] {ChromiumSession.PHONE_WIDTH, 320}) {
            chromium.viewport(width, ChromiumSession.PHONE_HEIGHT, true);
            chromium.open(page);
            Map<String, Object> result = chromium.script(DESCRIBE + """
                    const root = document.documentElement;
                    const wide = [...document.body.querySelectorAll('*')]
                      .filter(el => el.getBoundingClientRect().right > root.clientWidth + 0.5)
                      .filter(el => !el.parentElement.closest('table, pre'))
                      .map(describe);
                    return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 10)};
                    """);
            long scrollWidth = ((Number) result.get("scrollWidth")).longValue();
            long clientWidth = ((Number) result.get("clientWidth")).longValue();
            assertTrue(scrollWidth <= clientWidth, "/" + page + " at " + width + " px scrolls sideways: "
                    + scrollWidth + " px of content in " + clientWidth + " px; too wide: " + result.get("wide"));
        }
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void textIsAtLeast16PixelsOnAPhone(String page) {
        chromium.phone();
        chromium.open(page);
        List<String> small = chromium.script(DESCRIBE + """
                const out = [];
                for (const el of document.body.querySelectorAll('*')) {
                  const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                  if (!ownText || el.closest('sup, sub, .visually-hidden') || !el.getClientRects().length) continue;
                  const size = parseFloat(getComputedStyle(el).fontSize);
                  if (size < 16) out.push(describe(el) + ' ' + size + 'px');
                }
                return out;
                """);
        assertTrue(small.isEmpty(), "/" + page + " has text under 16 px at 360 px wide: " + small);
        Number body = chromium.script("return parseFloat(getComputedStyle(document.body).fontSize)");
        assertTrue(body.doubleValue() >= 16, "/" + page + ": body text is " + body + " px");
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void tapTargetsAreAtLeast24By24PixelsOnAPhone(String page) {
        chromium.phone();
        chromium.open(page);
        // WCAG 2.5.8 exempts a link inside a sentence or block of text; every other target must be 24 x 24.
        List<String> small = chromium.script(DESCRIBE + """
                const out = [];
                const targets = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
                for (const el of targets) {
                  if (el.classList.contains('skip-link') || el.closest('.visually-hidden') || !el.getClientRects().length) continue;
                  const r = el.getBoundingClientRect();
                  if (r.width >= 24 && r.height >= 24) continue;
                  // In a sentence: the link, or an inline element around it (a <sup>), has words right beside it.
                  let inSentence = false;
                  for (let n = el; n && getComputedStyle(n).display === 'inline'; n = n.parentElement) {
                    inSentence ||= [n.previousSibling, n.nextSibling].some(s => s && s.nodeType === 3 && s.textContent.trim());
                  }
                  if (!inSentence) out.push(describe(el) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                return out;
                """);
        assertTrue(small.isEmpty(), "/" + page + " has tap targets under 24 x 24 px: " + small);
        int targets = ((Number) chromium.script("return document.querySelectorAll('a[href]').length")).intValue();
        assertTrue(targets > 0, "/" + page + " has links to check");
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void textColumnStaysUnder75CharactersOnADesktop(String page) {
        chromium.desktop();
        chromium.open(page);
        // Characters per line: the paragraph's width over the average width of its own characters.
        List<Map<String, Object>> paragraphs = chromium.script("""
                return [...document.querySelectorAll('main p')]
                  .filter(p => p.textContent.trim().length > 40 && p.getClientRects().length)
                  .map(p => {
                    const probe = document.createElement('span');
                    probe.style.whiteSpace = 'nowrap';
                    probe.textContent = p.textContent.replace(/\\s+/g, ' ').trim();
                    p.appendChild(probe);
                    const average = probe.getBoundingClientRect().width / probe.textContent.length;
                    probe.remove();
                    const style = getComputedStyle(p);
                    const width = p.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    return {text: p.textContent.trim().slice(0, 40), perLine: width / average};
                  });
                """);
        assertFalse(paragraphs.isEmpty(), "/" + page + " has paragraphs to measure");
        double widest = 0;
        for (Map<String, Object> p : paragraphs) {
            double perLine = ((Number) p.get("perLine")).doubleValue();
            widest = Math.max(widest, perLine);
            assertTrue(perLine <= 75, "/" + page + ": about " + Math.round(perLine)
                    + " characters a line at 1280 px in \"" + p.get("text") + "…\"");
        }
        System.out.printf("/%s at 1280 px: at most %.0f characters a line%n", page, widest);
    }

    @ParameterizedTest(name = "/{0}")
    @MethodSource("pages")
    void headerBreadcrumbMainAndFooterLineUpOnADesktop(String page) {
        chromium.desktop();
        chromium.open(page);
        List<Number> lefts = chromium.script(
                "return [...document.querySelectorAll('.container')].map(c => Math.round(c.getBoundingClientRect().left))");
        assertTrue(lefts.stream().distinct().count() == 1, "/" + page + ": the columns start at " + lefts);
    }
}
