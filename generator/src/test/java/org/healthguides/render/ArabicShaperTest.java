package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The leaflet's joining of Arabic-script letters, Urdu's included, into the presentation forms its fonts print. */
class ArabicShaperTest {
    private static String hex(String text) {
        StringBuilder codes = new StringBuilder();
        text.chars().forEach(c -> codes.append(String.format("%04X ", c)));
        return codes.toString().strip();
    }

    @Test
    void each_letter_takes_the_form_its_neighbours_call_for() {
        // کمر (back): keheh initial, meem medial, reh final.
        assertEquals("FB90 FEE4 FEAE", hex(ArabicShaper.shape("\u06a9\u0645\u0631")));
        // ٹ alone, and in ٹانگ: tteh isolated, then initial before alef (alef does not join what follows it).
        assertEquals("FB66", hex(ArabicShaper.shape("\u0679")));
        assertEquals("FB68 FE8E FEE7 FB93", hex(ArabicShaper.shape("\u0679\u0627\u0646\u06af")));
        // ہ ھ ی ے, Urdu's letters that ICU4J's ArabicShaping leaves unjoined: بہ, اٹھ, دیے.
        assertEquals("FE91 FBA7", hex(ArabicShaper.shape("\u0628\u06c1")));
        assertEquals("FE8D FB68 FBAB", hex(ArabicShaper.shape("\u0627\u0679\u06be")));
        assertEquals("FEA9 FBFE FBAF", hex(ArabicShaper.shape("\u062f\u06cc\u06d2")));
    }

    @Test
    void lam_and_alef_become_their_ligature_and_words_stay_apart() {
        assertEquals("FEFB", hex(ArabicShaper.shape("\u0644\u0627")));
        assertEquals("FE91 FEFC", hex(ArabicShaper.shape("\u0628\u0644\u0627")));
        assertEquals("FEE5 0020 FEE5", hex(ArabicShaper.shape("\u0646\u0020\u0646")), "a space ends the word: each noon is isolated");
    }

    @Test
    void marks_between_letters_do_not_break_the_join_and_latin_is_untouched() {
        // فوراً: the fathatan (a mark) stays a mark, on the final alef.
        assertEquals("FED3 FEEE FEAD FE8D 064B", hex(ArabicShaper.shape("\u0641\u0648\u0631\u0627\u064b")));
        assertEquals("NHS.UK 24", ArabicShaper.shape("NHS.UK 24"));
    }

    @Test
    void a_letter_without_the_form_it_needs_keeps_its_own_and_deshaping_gives_the_text_back() {
        // ں has isolated and final forms only: inside a word it stays U+06BA.
        assertEquals("FE91 06BA FE90", hex(ArabicShaper.shape("\u0628\u06ba\u0628")));
        String urdu = "\u0688\u0628\u06c1 \u0627\u0679\u06be\u0627\u0646\u0627 \u0628\u0644\u0627";
        assertEquals(urdu, new ArabicShaper().deshapeText(ArabicShaper.shape(urdu)));
    }
}
