package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagePlanTest {
    @TempDir
    Path root;

    @Test
    void plans_home_guide_sections_whole_guide_and_404_with_relative_navigation() throws Exception {
        Fixture fixture = new Fixture(root);
        ContentTree tree = new ContentLoader(fixture.content, "content").load();
        SiteSettings settings = SiteSettings.parse(tree.settings()).withBaseUrl("https://example.org/health/");
        Site site = new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), "content").assemble(tree);

        List<Page> pages = PagePlan.pagesOf(site);
        assertEquals(List.of("", "a-to-z/", "lifting/", "lifting/basics/", "lifting/recovery/", "lifting/whole-guide/", "404.html"),
                pages.stream().map(Page::path).toList());
        assertEquals(pages.stream().map(Page::template).distinct().toList(), PagePlan.templatesOf(site),
                "the templates a build checks before rendering are those its pages use");
        assertEquals(pages, java.util.stream.Stream.of(List.of(PagePlan.home(site), PagePlan.aToZ(site)),
                        PagePlan.pagesOf(site, site.guides().get(0)), List.of(PagePlan.notFound(site)))
                .flatMap(List::stream).toList(), "planned guide by guide, the build sees the same pages");

        Page.Section basics = (Page.Section) pages.get(3);
        assertNull(basics.previous());
        assertEquals("../recovery/", basics.next().url());
        assertEquals("../../", basics.root());
        assertEquals("../", basics.guide().url());
        assertEquals("../whole-guide/", basics.guide().wholeGuideUrl());
        assertEquals(List.of(true, false), basics.guide().contents().stream().map(PageLink::current).toList());
        assertEquals("24 November 2026", basics.guide().review().reviewedText());
        assertEquals(List.of("stand-tall"), basics.content().onThisPage().stream().map(h -> h.id()).toList());

        Page.Section recovery = (Page.Section) pages.get(4);
        assertEquals("../basics/", recovery.previous().url());
        assertNull(recovery.next());

        Page.WholeGuide whole = (Page.WholeGuide) pages.get(5);
        assertEquals(List.of("basics", "recovery"), whole.sections().stream().map(ContentView::id).toList());
        assertTrue(whole.sections().get(1).html().contains("id=\"recovery--when-to-see-a-doctor\""));

        Page.NotFound notFound = (Page.NotFound) pages.get(6);
        assertEquals("/health/", notFound.root());
        assertEquals("/health/lifting/", notFound.guides().get(0).url());
    }
}
