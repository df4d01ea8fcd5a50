package org.healthguides.readability;

import java.util.Locale;

/**
 * Counts the syllables of an English word by rule, without a dictionary. The rule, in order:
 * <ol>
 *   <li>A number (digits only) has one syllable per digit: "2" → 1, "15" → 2, "2018" → 4 (a rough
 *       reading aloud). A hyphenated word is the sum of its parts: "shoulder-width" → 2 + 1.</li>
 *   <li>Otherwise only the letters count, lower-cased ("don't" → "dont"). A word of three letters or
 *       fewer has one syllable.</li>
 *   <li>A silent ending is dropped when a consonant comes before it: "e" ("make", "whole"), "es"
 *       ("makes", "times") and "ed" ("locked"). These are not silent, so stay: "ed" after t or d
 *       ("wanted"); "es" after a hissing sound, s z x c g h ("uses", "hinges", "bruises"); and "e" or
 *       "es" in a consonant + "le" ending ("table", "muscles").</li>
 *   <li>A leading "y" is a consonant ("you", "yes") and is dropped.</li>
 *   <li>Each run of vowels (a e i o u y) is one syllable; every word has at least one.</li>
 * </ol>
 * Like every rule of thumb it misses some words ("being" → 1, "recipe" → 2); over a page of text the
 * misses are small and it never depends on a word list that could drift.
 */
public final class Syllables {
    private Syllables() {
    }

    public static int count(String word) {
        String[] parts = word.split("-");
        if (parts.length > 1) {
            int total = 0;
            for (String part : parts) {
                total += countPart(part);
            }
            return Math.max(1, total);
        }
        return Math.max(1, countPart(word));
    }

    private static int countPart(String part) {
        StringBuilder letters = new StringBuilder(part.length());
        int digits = 0;
        for (char c : part.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(c)) {
                letters.append(c);
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        if (letters.length() == 0) {
            return digits;
        }
        String w = letters.toString();
        if (w.length() <= 3) {
            return 1;
        }
        w = dropSilentEnding(w);
        if (w.startsWith("y")) {
            w = w.substring(1);
        }
        int runs = 0;
        boolean inVowels = false;
        for (char c : w.toCharArray()) {
            boolean vowel = isVowel(c);
            if (vowel && !inVowels) {
                runs++;
            }
            inVowels = vowel;
        }
        return Math.max(1, runs);
    }

    private static String dropSilentEnding(String w) {
        if (w.endsWith("ed")) {
            char before = w.charAt(w.length() - 3);
            return isConsonant(before) && before != 't' && before != 'd' ? w.substring(0, w.length() - 2) : w;
        }
        if (w.endsWith("es")) {
            char before = w.charAt(w.length() - 3);
            boolean hissing = "szxcgh".indexOf(before) >= 0;
            return isConsonant(before) && !hissing && !consonantLe(w, 2) ? w.substring(0, w.length() - 2) : w;
        }
        if (w.endsWith("e")) {
            char before = w.charAt(w.length() - 2);
            return isConsonant(before) && !consonantLe(w, 1) ? w.substring(0, w.length() - 1) : w;
        }
        return w;
    }

    /** True when the word ends in consonant + "l" + the given number of ending letters ("table", "muscles"). */
    private static boolean consonantLe(String w, int endingLength) {
        int l = w.length() - endingLength - 1;
        return l >= 1 && w.charAt(l) == 'l' && isConsonant(w.charAt(l - 1));
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && !isVowel(c);
    }
}
