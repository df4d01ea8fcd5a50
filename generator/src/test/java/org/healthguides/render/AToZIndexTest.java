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
        assertTrue(letters.get(26).other(), "the template names the group of everything else");
        assertEquals("letter-other", letters.get(26).id());
        assertEquals(List.of("3 lifts"), letters.get(26).entries().stream().map(AToZIndex.Entry::term).toList());
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

    static final List<String> WELSH = List.of("A B C Ch D Dd E F Ff G Ng H I J L Ll M N O P Ph R Rh S T Th U W Y".split(" "));
    static final List<String> URDU = List.of("ا آ ب پ ت ٹ ث ج چ ح خ د ڈ ذ ر ڑ ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ہ ی".split(" "));

    /**
     * Welsh letters are Welsh's, not English's: "Ch", "Dd", "Ff", "Ng", "Ll", "Ph", "Rh" and "Th" are letters (the Welsh
     * alphabet, and CLDR's Welsh collation, sort "ch" after every other "c"), an accent is not a letter ("Ŵy" is under
     * W), and a letter Welsh does not use ("Z" of a loanword) has its own group in its place rather than "#".
     */
    @Test
    void welsh_terms_are_under_welsh_letters_in_welsh_order() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("description: How to lift.",
                "description: How to lift.\nkeywords: [cyhyr, chwarae, dannedd, ddoe, llaw, lwfans, ŵy, wyneb, ffliw, fferm, fitamin, ngwddf, gwddf,"
                        + " rhagfyr, rhaff, radio, theatr, traed, philtrwm, poen, zika, 999]"));
        List<AToZIndex.Letter> letters = AToZIndex.of(site(fixture).guides(), new org.healthguides.content.Language("cy"), AToZIndex.PATH, WELSH);
        assertEquals(List.of("A", "B", "C", "Ch", "D", "Dd", "E", "F", "Ff", "G", "Ng", "H", "I", "J", "L", "Ll", "M", "N", "O", "P", "Ph",
                        "R", "Rh", "S", "T", "Th", "U", "W", "Y", "Z", ""),
                letters.stream().map(AToZIndex.Letter::letter).toList(), "the Welsh alphabet, then Z for 'Zika', then everything else");
        assertEquals(List.of("Cyhyr"), terms(letters, "C"));
        assertEquals(List.of("Chwarae"), terms(letters, "Ch"));
        assertEquals(List.of("Dannedd"), terms(letters, "D"));
        assertEquals(List.of("Ddoe"), terms(letters, "Dd"));
        assertEquals(List.of("Fitamin"), terms(letters, "F"));
        assertEquals(List.of("Fferm", "Ffliw"), terms(letters, "Ff"));
        assertEquals(List.of("Gwddf"), terms(letters, "G"));
        assertEquals(List.of("Ngwddf"), terms(letters, "Ng"));
        assertEquals(List.of("Lifting guide", "Lwfans"), terms(letters, "L"));
        assertEquals(List.of("Llaw"), terms(letters, "Ll"));
        assertEquals(List.of("Poen"), terms(letters, "P"));
        assertEquals(List.of("Philtrwm"), terms(letters, "Ph"));
        assertEquals(List.of("Radio", "Recovery"), terms(letters, "R"));
        assertEquals(List.of("Rhaff", "Rhagfyr"), terms(letters, "Rh"));
        assertEquals(List.of("Theatr"), terms(letters, "Th"));
        assertEquals(List.of("Ŵy", "Wyneb"), terms(letters, "W"), "ŵ is w with an accent, sorted with it");
        assertEquals(List.of("Zika"), terms(letters, "Z"));
        assertEquals("letter-ch", letters.get(3).id());
        assertEquals(List.of("999"), letters.get(letters.size() - 1).entries().stream().map(AToZIndex.Entry::term).toList());
    }

    /**
     * Urdu terms are under Urdu letters (never all under "#"), in Urdu's order (CLDR's: "ٹ" after "ت", not after "ی" as
     * code points would put it); an aspirate ("بھ") is under its letter and after its plain words; a vowel mark does not
     * move a word; a term in Latin letters is under the "other" group.
     */
    @Test
    void urdu_terms_are_under_urdu_letters_in_urdu_order() throws Exception {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/index.md"), Fixture.INDEX.replace("title: Lifting guide", "title: ڈبہ اٹھانا")
                .replace("description: How to lift.", "description: How to lift.\nkeywords: [بھوک, بات, ٹانگ, تیل, آرام, اچھا, درد, یاد, کمر, گردن, MRI]"));
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Fixture.RECOVERY.replace("title: Recovery", "title: صحت یابی"));
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("title: Basics", "title: بَنیادی باتیں"));
        List<AToZIndex.Letter> letters = AToZIndex.of(site(fixture).guides(), new org.healthguides.content.Language("ur"), AToZIndex.PATH, URDU);
        assertEquals(URDU.size() + 1, letters.size(), "the Urdu alphabet and the group of everything else");
        assertEquals(URDU, letters.subList(0, URDU.size()).stream().map(AToZIndex.Letter::letter).toList());
        assertEquals(List.of("اچھا"), terms(letters, "ا"));
        assertEquals(List.of("آرام"), terms(letters, "آ"));
        assertEquals(List.of("بات", "بَنیادی باتیں", "بھوک"), terms(letters, "ب"), "a vowel mark is an accent; the aspirate comes after");
        assertEquals(List.of("تیل"), terms(letters, "ت"));
        assertEquals(List.of("ٹانگ"), terms(letters, "ٹ"));
        assertEquals(List.of("ڈبہ اٹھانا"), terms(letters, "ڈ"));
        assertEquals(List.of("صحت یابی"), terms(letters, "ص"));
        assertEquals(List.of("کمر"), terms(letters, "ک"));
        assertEquals(List.of("یاد"), terms(letters, "ی"));
        assertEquals(List.of("MRI"), letters.get(letters.size() - 1).entries().stream().map(AToZIndex.Entry::term).toList());
        assertEquals("letter-u628", letters.get(2).id(), "a fragment without escaping");
    }

    private static List<AToZIndex.Entry> entries(List<AToZIndex.Letter> letters, String letter) {
        return letters.stream().filter(l -> l.letter().equals(letter)).findFirst().orElseThrow().entries();
    }

    private static List<String> terms(List<AToZIndex.Letter> letters, String letter) {
        return entries(letters, letter).stream().map(AToZIndex.Entry::term).toList();
    }
}
