package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.healthguides.testing.Fixture;
import org.healthguides.testing.TreeModes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** aliases: (old addresses redirected in three forms from one list) and changes: (the Atom feed and "What changed"). */
class RedirectsAndFeedTest {
    @TempDir
    Path root;

    private static void addToFrontMatter(Path file, String lines) throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("---\n", "---\n" + lines));
    }

    @Test
    void relative_and_base_path_aliases_become_redirect_pages_a_redirects_file_and_an_nginx_include() throws Exception {
        Fixture fixture = new Fixture(root);
        addToFrontMatter(fixture.content.resolve("lifting/basics.md"), "aliases: [getting-started/, /old/lifting-basics, first-steps.html]\n");
        addToFrontMatter(fixture.content.resolve("lifting/index.md"), "aliases:\n  - /weights/\n");
        GuideRun run = GuideRun.on(fixture, "build", "--strict", "--base-url", "https://example.org/health/");
        assertEquals(0, run.exit(), run.err());

        Document moved = Jsoup.parse(fixture.out.resolve("lifting/getting-started/index.html").toFile(), "UTF-8",
                "https://example.org/health/lifting/getting-started/");
        assertEquals("0; url=../basics/", moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://example.org/health/lifting/basics/", moved.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", moved.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("https://example.org/health/lifting/basics/", moved.selectFirst("main a").absUrl("href"));
        assertEquals("Basics", moved.selectFirst("main a").text());
        assertEquals("en-GB", moved.selectFirst("html").attr("lang"));
        assertTrue(Files.isRegularFile(fixture.out.resolve("old/lifting-basics/index.html")), "an alias without its slash is a folder address");
        Document file = Jsoup.parse(fixture.out.resolve("lifting/first-steps.html").toFile(), "UTF-8", "https://example.org/health/lifting/first-steps.html");
        assertEquals("https://example.org/health/lifting/basics/", file.selectFirst("main a").absUrl("href"));
        Document guide = Jsoup.parse(fixture.out.resolve("weights/index.html").toFile(), "UTF-8", "https://example.org/health/weights/");
        assertEquals("https://example.org/health/lifting/", guide.selectFirst("main a").absUrl("href"));

        assertEquals("""
                # Old addresses of moved pages (aliases in the content), for Netlify and Cloudflare Pages.
                /health/weights/ /health/lifting/ 301
                /health/lifting/getting-started/ /health/lifting/basics/ 301
                /health/old/lifting-basics/ /health/lifting/basics/ 301
                /health/lifting/first-steps.html /health/lifting/basics/ 301
                """, Files.readString(fixture.out.resolve("_redirects")));
        String nginx = Files.readString(root.resolve("redirects.nginx.conf"));
        assertTrue(nginx.contains("location = /health/lifting/getting-started/ { return 301 /health/lifting/basics/; }\n"), nginx);
        assertTrue(nginx.contains("location = /health/lifting/getting-started { return 301 /health/lifting/basics/; }\n"), nginx);
        assertTrue(nginx.contains("location = /health/lifting/first-steps.html { return 301 /health/lifting/basics/; }\n"), nginx);
        assertEquals(7, nginx.lines().filter(line -> line.startsWith("location = ")).count(), nginx);
        assertFalse(Files.exists(fixture.out.resolve("redirects.nginx.conf")), "the server's configuration is not published");
        TreeModes.assertPublic(root.resolve("redirects.nginx.conf"));

        String sitemap = Files.readString(fixture.out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("/lifting/basics/"), sitemap);
        for (String old : List.of("getting-started", "weights", "lifting-basics", "first-steps")) {
            assertFalse(sitemap.contains(old), old + " is an old address, not a page: " + sitemap);
        }

        // Aliases removed: the include is emptied, not left with stale redirects.
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX);
        assertEquals(0, GuideRun.on(fixture, "build", "--strict", "--base-url", "https://example.org/health/").exit());
        assertFalse(Files.readString(root.resolve("redirects.nginx.conf")).contains("location"));
        assertFalse(Files.exists(fixture.out.resolve("_redirects")));
    }

    @Test
    void an_alias_that_is_a_page_another_alias_or_outside_the_base_path_is_an_error_naming_both_files() throws Exception {
        Fixture fixture = new Fixture(root);
        addToFrontMatter(fixture.content.resolve("lifting/basics.md"), "aliases: [recovery/, old/, ../../outside/, \"bad path;\", /static/x/]\n");
        addToFrontMatter(fixture.content.resolve("lifting/recovery.md"), "aliases: [/lifting/old/]\n");
        GuideRun run = GuideRun.on(fixture, "build", "--base-url", "https://example.org/health/");
        assertEquals(1, run.exit(), run.err());
        String err = run.err();
        assertTrue(err.contains("lifting/basics.md:2: error[G0506]: alias 'recovery/' is the address of a page: /lifting/recovery/ is "), err);
        assertTrue(err.matches("(?s).*alias 'recovery/' is the address of a page: /lifting/recovery/ is \\S*content/lifting/recovery\\.md.*"), err);
        assertTrue(err.matches("(?s).*lifting/recovery\\.md:2: error\\[G0506\\]: alias '/lifting/old/' \\(/lifting/old/\\) is also an alias in \\S*content/lifting/basics\\.md:2.*"), err);
        assertTrue(err.contains("alias '../../outside/' points outside the site's base path"), err);
        assertTrue(err.contains("alias 'bad path;' is not an address on this site"), err);
        assertTrue(err.contains("alias '/static/x/' is /static/x/, which the build writes itself"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(fixture.out), "nothing published");
        assertFalse(Files.exists(root.resolve("redirects.nginx.conf")));
    }

    /** A site written in Welsh: the page at an old address and the feed's change line are in Welsh, from its string table. */
    @Test
    void redirect_pages_and_the_feed_speak_the_sites_language() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("language: en-GB", "language: cy"));
        addToFrontMatter(fixture.content.resolve("lifting/basics.md"), "aliases: [getting-started/]\n");
        addToFrontMatter(fixture.content.resolve("lifting/index.md"), "changes:\n  - date: 2026-11-24\n    summary: Cyngor newydd.\n");
        Fixture.write(fixture.templates.resolve("i18n/cy.yaml"), """
                feed_change: "Beth newidiodd ({date}): {summary}"
                moved_title: "Mae {page} wedi symud"
                moved_heading: Mae'r dudalen hon wedi symud
                moved_text: "Mae {page} mewn cyfeiriad newydd."
                """);
        GuideRun run = GuideRun.on(fixture, "build", "--base-url", "https://example.org/health/");
        assertEquals(0, run.exit(), run.err());
        Document moved = Jsoup.parse(fixture.out.resolve("lifting/getting-started/index.html").toFile(), "UTF-8",
                "https://example.org/health/lifting/getting-started/");
        assertEquals("cy", moved.selectFirst("html").attr("lang"));
        assertTrue(moved.title().startsWith("Mae Basics wedi symud"), moved.title());
        assertEquals("Mae'r dudalen hon wedi symud", moved.selectFirst("h1").text());
        assertEquals("Mae Basics mewn cyfeiriad newydd.", moved.selectFirst("main p").text());
        assertEquals("Basics", moved.selectFirst("main p a").text());
        String feed = Files.readString(fixture.out.resolve("feed.xml"));
        assertTrue(feed.contains("Beth newidiodd (24 Tachwedd 2026): Cyngor newydd."), feed);
        assertFalse(feed.contains("What changed") || moved.outerHtml().contains("has moved"), "no English words");
    }

    @Test
    void the_feed_has_one_entry_per_guide_with_its_review_date_summary_and_latest_change() throws Exception {
        Fixture fixture = new Fixture(root);
        addToFrontMatter(fixture.content.resolve("lifting/index.md"), """
                changes:
                  - date: 2026-06-01
                    summary: Older change.
                  - date: 2026-11-24
                    summary: "New advice on warming up & <stretching>."
                """);
        GuideRun run = GuideRun.on(fixture, "build", "--strict", "--base-url", "https://example.org/health/");
        assertEquals(0, run.exit(), run.err());

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(fixture.out.resolve("feed.xml")))));
        String atom = "http://www.w3.org/2005/Atom";
        Element root = feed.getDocumentElement();
        assertEquals(atom, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("https://example.org/health/feed.xml", child(root, "id").getTextContent());
        assertEquals("Test guides", child(root, "title").getTextContent());
        assertEquals("2026-11-24T00:00:00Z", child(root, "updated").getTextContent());
        assertEquals("Test guides", child(child(root, "author"), "name").getTextContent());
        Element self = (Element) root.getElementsByTagNameNS(atom, "link").item(0);
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("https://example.org/health/feed.xml", self.getAttribute("href"));
        assertEquals(1, root.getElementsByTagNameNS(atom, "entry").getLength());
        Element entry = (Element) root.getElementsByTagNameNS(atom, "entry").item(0);
        assertEquals("https://example.org/health/lifting/", child(entry, "id").getTextContent());
        assertEquals("Lifting guide", child(entry, "title").getTextContent());
        assertEquals("2026-11-24T00:00:00Z", child(entry, "updated").getTextContent());
        assertEquals("How to lift.", child(entry, "summary").getTextContent());
        assertEquals("What changed (24 November 2026): New advice on warming up & <stretching>.", child(entry, "content").getTextContent());
        assertEquals("text", child(entry, "content").getAttribute("type"));
    }

    @Test
    void a_change_without_a_date_or_summary_is_an_error_at_its_line() throws Exception {
        Fixture fixture = new Fixture(root);
        addToFrontMatter(fixture.content.resolve("lifting/index.md"), """
                changes:
                  - summary: No date.
                  - date: 2026-11-24
                """);
        GuideRun run = GuideRun.on(fixture, "build");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("lifting/index.md:3: error[G0214]: a change needs its 'date'"), run.err());
        assertTrue(run.err().contains("lifting/index.md:4: error[G0214]: missing 'summary'"), run.err());
    }

    private static Element child(Element parent, String name) {
        Element found = (Element) parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0);
        assertTrue(found != null && found.getParentNode() == parent, "<" + name + "> in <" + parent.getLocalName() + ">");
        return found;
    }
}
