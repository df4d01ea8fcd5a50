package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing marked {@code draft: true} reaches the published site: the site-tests build holds a draft section (added by
 * src/fixture/FixtureContent.java), and no page, link, sitemap entry or banner of it may be in the site.
 */
class DraftsTest {
    private static final Pattern DRAFT = Pattern.compile("(?m)\\A---\\n(?:.*\\n)*?draft:\\s*true\\s*\\n(?:.*\\n)*?---\\n");

    /** The site path of every Markdown file marked draft in the content the site was built from. */
    static List<String> draftPages() {
        Path content = Path.of(System.getProperty("fixture.content.dir"));
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(file).replace("\r\n", "\n");
                if (DRAFT.matcher(text).find()) {
                    String relative = content.relativize(file).toString().replace('\\', '/');
                    pages.add(relative.endsWith("/index.md") ? relative.substring(0, relative.length() - "index.md".length())
                            : relative.substring(0, relative.length() - ".md".length()) + "/");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    @Test
    void theBuildHadADraftToLeaveOut() {
        assertEquals(List.of(BuiltSite.GUIDE + "/coming-soon/"), draftPages());
    }

    @Test
    void noDraftPageIsPublishedOrListedInTheSitemap() throws IOException {
        String sitemap = Files.readString(BuiltSite.root().resolve("sitemap.xml"));
        for (String draft : draftPages()) {
            assertFalse(Files.exists(BuiltSite.root().resolve(draft)), draft + " is not published");
            assertFalse(sitemap.contains(draft), draft + " is not in the sitemap");
        }
        assertFalse(BuiltSite.text(BuiltSite.wholeGuide().body()).contains("this section is a draft"), "nor in the whole guide");
    }

    @ParameterizedTest
    @MethodSource("org.healthguides.sitetests.BuiltSite#htmlPages")
    void noPageLinksToADraftOrCarriesTheDraftBanner(String path) {
        Document page = BuiltSite.page(path);
        assertTrue(page.select(".draft-banner").isEmpty(), path + ": a published page is not a draft");
        URI base = URI.create("https://site.test/" + path);
        for (Element link : page.select("a[href]")) {
            String target = base.resolve(link.attr("href")).getPath();
            for (String draft : draftPages()) {
                assertFalse(target.startsWith("/" + draft), path + " links to the draft " + draft + ": " + link.outerHtml());
            }
        }
    }
}
