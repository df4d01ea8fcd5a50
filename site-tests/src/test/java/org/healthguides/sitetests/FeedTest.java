package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** feed.xml: an Atom 1.0 feed of the guides, each updated when reviewed, with what changed; linked from every page. */
class FeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    static List<String> pages() {
        return BuiltSite.htmlPages();
    }

    private static Element feed() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(BuiltSite.root().resolve("feed.xml").toFile()).getDocumentElement();
    }

    /** The child elements of {@code parent} with this Atom name. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.get(0).getTextContent();
    }

    @Test
    void theFeedIsAtomWithTheRequiredElements() throws Exception {
        Element feed = feed();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        String self = SearchAndPreviewTest.baseUrl() + "feed.xml";
        assertEquals(self, text(feed, "id"));
        assertTrue(!text(feed, "title").isBlank());
        assertTrue(text(feed, "updated").matches("\\d{4}-\\d\\d-\\d\\dT00:00:00Z"), text(feed, "updated"));
        assertTrue(!text(children(feed, "author").get(0), "name").isBlank(), "a feed without per-entry authors needs its own");
        Element selfLink = children(feed, "link").stream().filter(l -> l.getAttribute("rel").equals("self")).findFirst().orElseThrow();
        assertEquals(self, selfLink.getAttribute("href"));
        assertEquals("application/atom+xml", selfLink.getAttribute("type"));
    }

    @Test
    void eachGuideHasOneEntryWithItsReviewDateSummaryAndLatestChange() throws Exception {
        List<Element> entries = children(feed(), "entry");
        assertEquals(1, entries.size(), "one guide, one entry");
        Element entry = entries.get(0);
        Document guide = BuiltSite.guideIndex();
        String url = SearchAndPreviewTest.baseUrl() + BuiltSite.GUIDE + "/";
        assertEquals(url, text(entry, "id"));
        assertEquals(guide.selectFirst("h1").text(), text(entry, "title"));
        assertEquals(url, children(entry, "link").get(0).getAttribute("href"));
        String reviewed = guide.selectFirst(".review-dates time").attr("datetime");
        assertEquals(reviewed + "T00:00:00Z", text(entry, "updated"));
        assertEquals(text(feed(), "updated"), text(entry, "updated"), "the feed is as new as its newest entry");
        assertEquals(guide.selectFirst("meta[name=description]").attr("content"), text(entry, "summary"));
        assertEquals("What changed (24 November 2026): First version of this guide.", text(entry, "content"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageLinksToTheFeedFromItsHead(String path) {
        Document page = BuiltSite.page(path);
        var link = page.head().selectFirst("link[rel=alternate][type=application/atom+xml]");
        assertNotNull(link, path);
        assertTrue(link.hasAttr("title"), path);
        String expected = path.equals("404.html") ? java.net.URI.create(SearchAndPreviewTest.baseUrl()).getPath() + "feed.xml" : "https://site.test/feed.xml";
        assertEquals(expected, path.equals("404.html") ? link.attr("href") : link.absUrl("href"), path);
    }

    @Test
    void theGuidesPagesShowWhatChangedUnderTheReviewLine() {
        for (Document page : List.of(BuiltSite.guideIndex(), BuiltSite.section("technique"), BuiltSite.wholeGuide())) {
            var line = page.selectFirst(".review-dates + .what-changed");
            assertNotNull(line, page.location());
            assertEquals("What changed (24 November 2026): First version of this guide.", line.text());
            assertEquals("2026-11-24", line.selectFirst("time").attr("datetime"));
        }
        assertTrue(Files.exists(BuiltSite.root().resolve("feed.xml.gz")));
    }
}
