package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.SiteSettings;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.site.Guide;
import org.healthguides.site.Site;
import org.healthguides.site.SiteAssembler;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AToZIndexTest {
    @TempDir
    Path root;

    private Site site(Fixture fixture) throws Exception {
        ContentTree tree = new ContentLoader(fixture.content, "content").load();
        SiteSettings settings = SiteSettings.parse(tree.settings());
        return new SiteAssembler(settings, new MarkdownRenderer(settings.warningKinds()), "content").assemble(tree);
    }

    @Test
    void every_title_and_keyword_is_under_its_letter_in_order_with_where_it_leads() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"),
                Fixture.INDEX.replace("description: How to lift.", "description: How to lift.\nkeywords: [sciatica, slipped disc, 3 lifts, écart]"));
        Fixture.write(fixture.content.resolve("lifting/recovery.md"),
                Fixture.RECOVERY.replace("order: 2", "order: 2\nkeywords: ice pack, Back spasm, Basic stretches"));
        List<AToZIndex.Letter> letters = AToZIndex.of(site(fixture).guides(), Locale.UK);

        assertEquals(27, letters.size(), "A to Z, then '#' because one term starts with a digit");
        assertEquals("A", letters.get(0).letter());
        assertEquals("letter-a", letters.get(0).id());
        assertTrue(letters.get(0).entries().isEmpty());
        assertEquals("#", letters.get(26).letter());
        assertEquals(List.of("3 lifts"), terms(letters, "#"));
        assertEquals(List.of("Back spasm", "Basic stretches", "Basics"), terms(letters, "B"),
                "word by word: a shorter first word comes first, whatever follows it");
        assertEquals(List.of("Écart"), terms(letters, "E"), "an accented letter is filed under its plain letter");
        assertEquals(List.of("Ice pack"), terms(letters, "I"));
        assertEquals(List.of("Lifting guide"), terms(letters, "L"));
        assertEquals(List.of("Recovery"), terms(letters, "R"));
        assertEquals(List.of("Sciatica", "Slipped disc"), terms(letters, "S"));

        AToZIndex.Entry ice = entries(letters, "I").get(0);
        assertEquals("../lifting/recovery/", ice.url());
        assertEquals("Recovery", ice.where());
        assertEquals("Lifting guide", ice.guide());
        AToZIndex.Entry sciatica = entries(letters, "S").get(0);
        assertEquals("../lifting/", sciatica.url());
        assertEquals("Lifting guide", sciatica.where());
        assertEquals("", sciatica.guide());
        AToZIndex.Entry guide = entries(letters, "L").get(0);
        assertEquals("", guide.where(), "a title needs no 'where': it is the page itself");
    }

    @Test
    void guides_are_listed_by_weight_then_title_and_a_guide_without_weight_comes_last() throws Exception {
        Fixture fixture = new Fixture(root);
        for (String[] guide : new String[][] {{"zebra", "Zebra care", "weight: 1\n"}, {"apple", "Apple picking", ""},
                {"mango", "Mango safety", "weight: 2\n"}, {"banana", "Banana safety", "weight: 2\n"}}) {
            Fixture.write(fixture.content.resolve(guide[0] + "/index.md"), Fixture.INDEX.replace("title: Lifting guide", "title: " + guide[1] + "\n" + guide[2]));
            Fixture.write(fixture.content.resolve(guide[0] + "/basics.md"), Fixture.BASICS);
            Fixture.write(fixture.content.resolve(guide[0] + "/recovery.md"), Fixture.RECOVERY);
        }
        Site site = site(fixture);
        assertEquals(List.of("Zebra care", "Banana safety", "Mango safety", "Apple picking", "Lifting guide"),
                site.guides().stream().map(Guide::title).toList());
        Page.Home home = (Page.Home) PagePlan.home(site);
        assertEquals(List.of("Zebra care", "Banana safety", "Mango safety", "Apple picking", "Lifting guide"),
                home.guides().stream().map(GuideEntry::title).toList());
        assertEquals("24 November 2026", home.guides().get(0).review().reviewedText(), "each guide shows its review date");
        assertEquals("How to lift.", home.guides().get(0).description());
    }

    private static List<AToZIndex.Entry> entries(List<AToZIndex.Letter> letters, String letter) {
        return letters.stream().filter(l -> l.letter().equals(letter)).findFirst().orElseThrow().entries();
    }

    private static List<String> terms(List<AToZIndex.Letter> letters, String letter) {
        return entries(letters, letter).stream().map(AToZIndex.Entry::term).toList();
    }
}
