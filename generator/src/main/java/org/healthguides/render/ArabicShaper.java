package org.healthguides.render;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;

/**
 * Joins the letters of the Arabic script for the leaflet: each letter becomes the presentation form (isolated,
 * initial, medial or final) its neighbours call for, and lam + alef their ligature, since the leaflet's fonts are
 * used without OpenType shaping. ICU4J's own ArabicShaping (openhtmltopdf-rtl-support's ICUBidiReorderer) knows only
 * the forms in Presentation Forms-B, so Urdu's ٹ ک گ ہ ھ ی ے stayed unjoined; this one takes every form Unicode has
 * (Forms-A as well) from ICU's character data, and the joining types from Unicode's ArabicShaping.txt, also via ICU.
 * A letter without the form it needs (ں in the middle of a word) keeps its nominal form. Loaded only for a leaflet
 * with right-to-left text.
 */
final class ArabicShaper implements BidiReorderer {
    private static final int ISOLATED = 0;
    private static final int INITIAL = 1;
    private static final int MEDIAL = 2;
    private static final int FINAL = 3;
    /** Letter * 4 + form -> its presentation form; (alef * 4 + form) -> lam-alef ligature. Built once from ICU's data. */
    private static final Map<Integer, Character> FORMS = new HashMap<>();
    private static final Map<Integer, Character> LAM_ALEF = new HashMap<>();
    private static final Normalizer2 DECOMPOSITIONS = Normalizer2.getNFKCInstance();

    static {
        for (char c = '\uFB50'; c <= '\uFEFC'; c++) {
            if (c > '\uFDFF' && c < '\uFE70') {
                continue;
            }
            int form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
                case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
                case UCharacter.DecompositionType.INITIAL -> INITIAL;
                case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
                case UCharacter.DecompositionType.FINAL -> FINAL;
                default -> -1;
            };
            String base = DECOMPOSITIONS.getRawDecomposition(c);
            if (form < 0 || base == null) {
                continue;
            }
            if (base.length() == 1) {
                FORMS.putIfAbsent(base.charAt(0) * 4 + form, c);
            } else if (base.length() == 2 && base.charAt(0) == '\u0644' && isAlef(base.charAt(1))) {
                LAM_ALEF.putIfAbsent(base.charAt(1) * 4 + form, c);
            }
        }
    }

    private static boolean isAlef(char c) {
        return c == '\u0622' || c == '\u0623' || c == '\u0625' || c == '\u0627';
    }

    private static int joiningType(char c) {
        return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    /** Whether a letter of this joining type connects to the letter after it (in reading order). */
    private static boolean joinsForward(int type) {
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.LEFT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    /** Whether a letter of this joining type connects to the letter before it. */
    private static boolean joinsBackward(int type) {
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    /** The index of the nearest character before (step -1) or after (step 1) i that is not a mark, or -1. */
    private static int neighbour(String text, int i, int step) {
        for (int j = i + step; j >= 0 && j < text.length(); j += step) {
            if (joiningType(text.charAt(j)) != UCharacter.JoiningType.TRANSPARENT) {
                return j;
            }
        }
        return -1;
    }

    /** The text, in reading order, with each Arabic-script letter in its joined form. */
    static String shape(String text) {
        StringBuilder shaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = joiningType(c);
            if (type != UCharacter.JoiningType.DUAL_JOINING && type != UCharacter.JoiningType.RIGHT_JOINING) {
                shaped.append(c);
                continue;
            }
            int before = neighbour(text, i, -1);
            boolean joinedBefore = before >= 0 && joinsForward(joiningType(text.charAt(before)));
            int after = neighbour(text, i, 1);
            if (c == '\u0644' && after == i + 1 && isAlef(text.charAt(after))) {
                Character ligature = LAM_ALEF.get(text.charAt(after) * 4 + (joinedBefore ? FINAL : ISOLATED));
                if (ligature != null) {
                    shaped.append(ligature.charValue());
                    i = after;
                    continue;
                }
            }
            boolean joinedAfter = type == UCharacter.JoiningType.DUAL_JOINING && after >= 0
                    && joinsBackward(joiningType(text.charAt(after)));
            int form = joinedBefore ? (joinedAfter ? MEDIAL : FINAL) : (joinedAfter ? INITIAL : ISOLATED);
            Character presentation = FORMS.get(c * 4 + form);
            shaped.append(presentation != null ? presentation.charValue() : c);
        }
        return shaped.toString();
    }

    @Override
    public String shapeText(String text) {
        return shape(text);
    }

    @Override
    public String deshapeText(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String base = c >= '\uFB50' && c <= '\uFEFC' ? DECOMPOSITIONS.getRawDecomposition(c) : null;
            plain.append(base != null ? base : String.valueOf(c));
        }
        return plain.toString();
    }

    /** A right-to-left run in display order, brackets mirrored, as openhtmltopdf-rtl-support's ICUBidiReorderer does. */
    @Override
    public String reorderRTLTextToLTR(String text) {
        return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }
}
