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

    /** Counts a list of prose blocks; each block's end is also a sentence's end (see {@link Counter}). */
    public static ReadingStats of(List<String> blocks) {
        Counter counter = new Counter();
        for (String block : blocks) {
            counter.text(block);
            counter.endBlock();
        }
        return counter.stats();
    }

    /**
     * Counts prose as it streams in, text piece by text piece, with the ends of blocks (paragraphs, list items)
     * marked; nothing is split or copied but the word being read. A word is a run of characters between white
     * space (a no-break space included) holding a letter or a digit. A sentence ends after a word whose last
     * character, before any closing quotes or brackets, is . ! or ?, and at the end of every block. The Markdown stage
     * feeds one the text of a page as it finishes the page's HTML, so the page is not read a second time for it.
     */
    public static final class Counter {
        // Arrays, not CharSequences or Strings, in the per-character loops: under the launcher's C1 compiler an
        // interface's charAt is not inlined and a string's charAt checks its encoding on every call, which made
        // counting a tenth of a large build.
        /** The text being read, when given as a string: reused, not allocated for every piece. */
        private char[] chars = new char[256];
        private final char[] one = new char[1];
        /** The word being read (it may go on in the next piece of text), and the syllable counter's scratch. */
        private char[] word = new char[64];
        private int length;
        private char[] scratch = new char[64];
        /*
         * What the one pass over a word learns for Syllables' rule, so a word of ASCII without a hyphen (nearly all of
         * them) is not read again: its letters, digits and runs of vowels, its first two letters and its last four.
         */
        private boolean simple = true;
        private int letters;
        private int digits;
        private int vowelRuns;
        private boolean inVowels;
        private char first;
        private char second;
        private char last1;
        private char last2;
        private char last3;
        private char last4;
        private int words;
        private int sentences;
        private int syllables;
        private int wordsInSentence;
        private boolean sawAngleOrNoBreak;

        public void text(String text) {
            // One copy into an array: charAt on a string holding non-Latin characters is slow under C1.
            int length = text.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            char[] chars = this.chars;
            text.getChars(0, length, chars, 0);
            text(chars, 0, length);
        }

        /** One character of text (an entity's, in HTML). */
        public void text(char c) {
            one[0] = c;
            text(one, 0, 1);
        }

        /** The text at chars[from, to). */
        public void text(char[] chars, int from, int to) {
            count(chars, from, to, KINDS, SPACE);
        }

        /**
         * The text at chars[from, to) as {@link #text(char[], int, int)} counts it, up to the first backslash, ampersand
         * or control character other than a tab, if any; returns where it stopped ({@code to} when it read it all), and
         * notes in {@link #sawAngleOrNoBreak} whether what it counted held a '<', a '>' or a no-break space. For a writer
         * of HTML that counts the text it writes (markdown.CommonNodeHtml): whether the text needs escaping, or changing
         * first, is found in the same look at each character, so the text is read once for both.
         */
        public int textBeforeSyntax(char[] chars, int from, int to) {
            sawAngleOrNoBreak = false;
            return count(chars, from, to, KINDS_OF_SYNTAX, NO_BREAK);
        }

        /** Whether the text the last {@link #textBeforeSyntax} counted held a '<', a '>' or a no-break space. */
        public boolean sawAngleOrNoBreak() {
            return sawAngleOrNoBreak;
        }

        /**
         * Counts chars[from, to) with these kinds of ASCII character (and this kind for the no-break space), up to the
         * first character of kind {@link #STOP}; returns where it stopped, or {@code to}.
         */
        private int count(char[] chars, int from, int to, byte[] kinds, int noBreakKind) {
            for (int i = from; i < to; i++) {
                char c = chars[i];
                // What a character is, looked up for ASCII (one array read instead of a chain of comparisons: 15% less
                // time counting under C1); above it only the no-break space matters, which separates words too.
                int kind = c < 128 ? kinds[c] : c == '\u00a0' ? noBreakKind : NOT_ASCII;
                if (kind < 0) {
                    // Only in the kinds of syntax: a character the caller wants to know about.
                    if (kind == STOP) {
                        return i;
                    }
                    sawAngleOrNoBreak = true;
                    kind = kind == NO_BREAK ? SPACE : MARK;
                }
                if (kind == SPACE) {
                    if (length > 0) {
                        endWord();
                    }
                    continue;
                }
                if (length == word.length) {
                    word = java.util.Arrays.copyOf(word, length * 2);
                }
                word[length++] = c;
                if (kind >= CONSONANT) {
                    char lower = (char) (c | 0x20);
                    if (letters == 0) {
                        first = lower;
                    } else if (letters == 1) {
                        second = lower;
                    }
                    letters++;
                    last4 = last3;
                    last3 = last2;
                    last2 = last1;
                    last1 = lower;
                    boolean vowel = kind == VOWEL;
                    if (vowel && !inVowels) {
                        vowelRuns++;
                    }
                    inVowels = vowel;
                } else if (kind == DIGIT) {
                    digits++; // Syllables reads only the letters: a digit or a mark inside a run of vowels does not end it
                } else if (kind == HYPHEN || kind == NOT_ASCII) {
                    simple = false;
                }
            }
            return to;
        }

        /*
         * Kinds of character: white space as regular expressions' \s has it (tab to carriage return, space) and the
         * no-break space; ASCII letters, vowels as Syllables has them (a e i o u y); digits; the hyphen and any character
         * above ASCII, which send a word to Syllables.count; any other mark.
         */
        private static final byte MARK = 0;
        private static final byte SPACE = 1;
        private static final byte DIGIT = 2;
        private static final byte HYPHEN = 3;
        private static final byte NOT_ASCII = 4;
        private static final byte CONSONANT = 5;
        private static final byte VOWEL = 6;
        private static final byte[] KINDS = new byte[128];
        /*
         * The kinds textBeforeSyntax reads with besides: where it stops (a backslash, an ampersand, a control character
         * other than a tab), and the characters it notes ('<' and '>', counted as marks; the no-break space, a space).
         */
        private static final byte STOP = -1;
        private static final byte ANGLE = -2;
        private static final byte NO_BREAK = -3;
        private static final byte[] KINDS_OF_SYNTAX = new byte[128];

        static {
            for (char c = 0; c < 128; c++) {
                char lower = (char) (c | 0x20);
                KINDS[c] = c == ' ' || (c >= '\t' && c <= '\r') ? SPACE
                        : lower >= 'a' && lower <= 'z' ? (Syllables.isVowel(lower) ? VOWEL : CONSONANT)
                        : c >= '0' && c <= '9' ? DIGIT
                        : c == '-' ? HYPHEN : MARK;
                KINDS_OF_SYNTAX[c] = c == '\\' || c == '&' || (c < ' ' && c != '\t') ? STOP
                        : c == '<' || c == '>' ? ANGLE : KINDS[c];
            }
        }

        /** The end (or the start) of a block: a paragraph, a list item, a table cell. */
        public void endBlock() {
            if (length > 0) {
                endWord();
            }
            if (wordsInSentence > 0) {
                sentences++;
                wordsInSentence = 0;
            }
        }

        public ReadingStats stats() {
            endBlock();
            return new ReadingStats(words, sentences, syllables);
        }

        /** Counts the word read since the last white space, and starts the next. */
        private void endWord() {
            char[] text = word;
            int to = length;
            if (simple ? letters > 0 || digits > 0 : hasLetterOrDigit(text, 0, to)) {
                words++;
                wordsInSentence++;
                if (simple) {
                    syllables += Math.max(1, Syllables.countAscii(letters, digits, vowelRuns, first, second, last1, last2, last3, last4));
                } else {
                    if (scratch.length < to) {
                        scratch = new char[Math.max(to, scratch.length * 2)];
                    }
                    syllables += Syllables.count(text, 0, to, scratch);
                }
            }
            if (endsSentence(text, 0, to) && wordsInSentence > 0) {
                sentences++;
                wordsInSentence = 0;
            }
            length = 0;
            simple = true;
            letters = 0;
            digits = 0;
            vowelRuns = 0;
            inVowels = false;
            last1 = last2 = last3 = last4 = 0;
        }

        private static boolean hasLetterOrDigit(char[] text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text[i];
                char lower = (char) (c | 0x20);
                if (c < 128 ? (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean endsSentence(char[] text, int from, int to) {
            int end = to - 1;
            while (end >= from && isClosing(text[end])) {
                end--;
            }
            if (end < from) {
                return false;
            }
            char last = text[end];
            return last == '.' || last == '!' || last == '?';
        }

        /** Closing quotes and brackets: " ' ” ’ ) ] (compared, not looked up in a string: a call per word under C1). */
        private static boolean isClosing(char c) {
            return c == '"' || c == '\'' || c == '\u201d' || c == '\u2019' || c == ')' || c == ']';
        }
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
