package org.healthguides.readability;

import java.util.List;

/**
 * How hard a piece of prose is to read: its counts and the two Flesch scores computed from them.
 *
 * @param words     tokens holding at least one letter or digit
 * @param sentences pieces of text ending in . ! or ?, or at the end of a block (a paragraph, a list item)
 * @param syllables summed over the words with {@link Syllables#count}
 */
public record ReadingStats(int words, int sentences, int syllables) {

    /** The usual adult silent-reading speed for web reading-time estimates. */
    public static final int WORDS_PER_MINUTE = 200;
    public static final ReadingStats NONE = new ReadingStats(0, 0, 0);

    /**
     * Counts a list of prose blocks; each block's end is also a sentence's end. A sentence ends after a token
     * (a run of characters between white space) whose last character, before any closing quotes or brackets,
     * is . ! or ?. One pass over the characters, no regular expressions: this runs over every page's prose.
     */
    public static ReadingStats of(List<String> blocks) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String block : blocks) {
            int wordsInSentence = 0;
            int length = block.length();
            int i = 0;
            while (i < length) {
                while (i < length && isSpace(block.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < length && !isSpace(block.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    break;
                }
                String token = block.substring(start, i);
                if (hasLetterOrDigit(token)) {
                    words++;
                    wordsInSentence++;
                    syllables += Syllables.count(token);
                }
                if (endsSentence(token) && wordsInSentence > 0) {
                    sentences++;
                    wordsInSentence = 0;
                }
            }
            if (wordsInSentence > 0) {
                sentences++;
            }
        }
        return new ReadingStats(words, sentences, syllables);
    }

    /** White space as regular expressions' \s has it (ASCII only: a no-break space joins words). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean hasLetterOrDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String token) {
        int end = token.length() - 1;
        while (end >= 0 && "\"'\u201d\u2019)]".indexOf(token.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && ".!?".indexOf(token.charAt(end)) >= 0;
    }

    public ReadingStats plus(ReadingStats other) {
        return new ReadingStats(words + other.words, sentences + other.sentences, syllables + other.syllables);
    }

    public double averageSentenceLength() {
        return sentences == 0 ? 0 : (double) words / sentences;
    }

    public double syllablesPerWord() {
        return words == 0 ? 0 : (double) syllables / words;
    }

    /** Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word; higher is easier. */
    public double fleschReadingEase() {
        return words == 0 ? 0 : 206.835 - 1.015 * averageSentenceLength() - 84.6 * syllablesPerWord();
    }

    /** Flesch–Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59; a US school grade. */
    public double fleschKincaidGrade() {
        return words == 0 ? 0 : 0.39 * averageSentenceLength() + 11.8 * syllablesPerWord() - 15.59;
    }

    /** Whole minutes at {@link #WORDS_PER_MINUTE}, rounded up, so any text takes at least a minute. */
    public int readingMinutes() {
        return minutesFor(words);
    }

    public static int minutesFor(int words) {
        return (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
    }
}
