package org.healthguides.readability;

import java.util.List;
import java.util.regex.Pattern;

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

    /** A sentence ends at . ! or ? (after any closing quote or bracket) followed by a space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"'”’)\\]]*\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** Counts a list of prose blocks; each block's end is also a sentence's end. */
    public static ReadingStats of(List<String> blocks) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String block : blocks) {
            for (String sentence : SENTENCE_END.split(block.strip())) {
                int wordsBefore = words;
                for (String token : SPACE.split(sentence.strip())) {
                    if (token.chars().anyMatch(Character::isLetterOrDigit)) {
                        words++;
                        syllables += Syllables.count(token);
                    }
                }
                if (words > wordsBefore) {
                    sentences++;
                }
            }
        }
        return new ReadingStats(words, sentences, syllables);
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
