package org.healthguides.readability;

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
        return count(word.toCharArray(), 0, word.length());
    }

    /** The syllables of the word at text[from, to), without copying it out. */
    public static int count(char[] text, int from, int to) {
        return count(text, from, to, new char[to - from]);
    }

    /**
     * {@link #count(char[], int, int)} with a scratch array of at least {@code to - from} characters, which a caller
     * counting every word of a page reuses instead of allocating one per word.
     */
    static int count(char[] text, int from, int to, char[] scratch) {
        // One pass, no intermediate strings: this runs for every word of every page.
        int total = 0;
        int partStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text[i] == '-') {
                total += countPart(text, partStart, i, scratch);
                partStart = i + 1;
            }
        }
        return Math.max(1, total);
    }

    /**
     * {@link #countPart} of a word of ASCII without a hyphen from what one pass over it found, so {@link ReadingStats}
     * reads each word once: the same rule, with the runs of vowels counted over all the letters and then corrected for
     * the leading "y" and the silent ending (each of which, when left out, is a run of its own).
     *
     * @param letters   how many letters it has, lower-cased in the rest of the parameters
     * @param vowelRuns its runs of vowels, over all its letters
     * @param first     its first letter, {@code second} its second
     * @param last1     its last letter, {@code last2} the one before, and so on
     */
    static int countAscii(int letters, int digits, int vowelRuns, char first, char second, char last1, char last2, char last3, char last4) {
        if (letters == 0) {
            return digits;
        }
        if (letters <= 3) {
            return 1;
        }
        int runs = vowelRuns;
        // A leading "y" is dropped: a run of its own when a consonant follows it.
        if (first == 'y' && !isVowel(second)) {
            runs--;
        }
        // A silent ending always follows a consonant, so its "e" is a run of its own (see withoutSilentEnding).
        boolean silent;
        if (last2 == 'e' && last1 == 'd') {
            silent = isConsonant(last3) && last3 != 't' && last3 != 'd';
        } else if (last2 == 'e' && last1 == 's') {
            boolean hissing = last3 == 's' || last3 == 'z' || last3 == 'x' || last3 == 'c' || last3 == 'g' || last3 == 'h';
            silent = isConsonant(last3) && !hissing && !(last3 == 'l' && isConsonant(last4));
        } else if (last1 == 'e') {
            silent = isConsonant(last2) && !(last2 == 'l' && isConsonant(last3));
        } else {
            silent = false;
        }
        if (silent) {
            runs--;
        }
        return Math.max(1, runs);
    }

    /** The syllables of word[from, to): a hyphen-free part; its letters are lower-cased into w. */
    private static int countPart(char[] word, int from, int to, char[] w) {
        int length = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = word[i];
            if (c < 128) {
                // ASCII, decided without Character's lookup tables (a call each under C1): every word goes through here.
                char lower = (char) (c | 0x20);
                if (lower >= 'a' && lower <= 'z') {
                    w[length++] = lower;
                } else if (c >= '0' && c <= '9') {
                    digits++;
                }
            } else if (Character.isLetter(c)) {
                w[length++] = Character.toLowerCase(c);
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        if (length == 0) {
            return digits;
        }
        if (length <= 3) {
            return 1;
        }
        int end = withoutSilentEnding(w, length);
        int start = w[0] == 'y' ? 1 : 0;
        int runs = 0;
        boolean inVowels = false;
        for (int i = start; i < end; i++) {
            boolean vowel = isVowel(w[i]);
            if (vowel && !inVowels) {
                runs++;
            }
            inVowels = vowel;
        }
        return Math.max(1, runs);
    }

    /** The length of the word once a silent "e", "es" or "ed" is dropped (rule 3). */
    private static int withoutSilentEnding(char[] w, int length) {
        char last = w[length - 1];
        char beforeLast = w[length - 2];
        if (beforeLast == 'e' && last == 'd') {
            char before = w[length - 3];
            return isConsonant(before) && before != 't' && before != 'd' ? length - 2 : length;
        }
        if (beforeLast == 'e' && last == 's') {
            char before = w[length - 3];
            boolean hissing = "szxcgh".indexOf(before) >= 0;
            return isConsonant(before) && !hissing && !consonantLe(w, length, 2) ? length - 2 : length;
        }
        if (last == 'e') {
            return isConsonant(beforeLast) && !consonantLe(w, length, 1) ? length - 1 : length;
        }
        return length;
    }

    /** True when the word ends in consonant + "l" + the given number of ending letters ("table", "muscles"). */
    private static boolean consonantLe(char[] w, int length, int endingLength) {
        int l = length - endingLength - 1;
        return l >= 1 && w[l] == 'l' && isConsonant(w[l - 1]);
    }

    static boolean isVowel(char c) {
        // A bit per letter a to z (a e i o u y), one test instead of six comparisons: this runs for every letter.
        int letter = c - 'a';
        return letter >= 0 && letter < 26 && (VOWELS >> letter & 1) != 0;
    }

    private static final int VOWELS = 1 << ('a' - 'a') | 1 << ('e' - 'a') | 1 << ('i' - 'a') | 1 << ('o' - 'a') | 1 << ('u' - 'a') | 1 << ('y' - 'a');

    /** For the letters of a word part, where every character is a letter. */
    private static boolean isConsonant(char c) {
        return !isVowel(c);
    }
}
