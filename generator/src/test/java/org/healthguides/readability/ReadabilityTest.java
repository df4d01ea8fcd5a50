package org.healthguides.readability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    /** Expected counts are the dictionary's (hyphenation as a reader says it), chosen to exercise each step of the rule. */
    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
            "the, 1", "cat, 1", "you, 1", "yes, 1", "your, 1",
            "Australian, 3", "platypus, 3", "seemingly, 3", "hybrid, 2", "mammal, 2", "reptilian, 3", "creature, 2",
            "make, 1", "whole, 1", "makes, 1", "locked, 1", "times, 1",
            "table, 2", "muscles, 2", "wanted, 2", "uses, 2", "hinges, 2", "bruises, 2",
            "don't, 1", "shoulder-width, 3", "pain-free, 2", "2, 1", "15, 2", "2018, 4",
    })
    void syllables_follow_the_documented_rule(String word, int expected) {
        assertEquals(expected, Syllables.count(word));
    }

    @Test
    void capitals_count_as_their_lower_case_and_letters_outside_ascii_as_letters() {
        // ASCII letters and digits are told apart without Character's tables; the rest still go through them.
        for (String word : List.of("table", "muscles", "hinges", "locked", "shoulder-width", "2018")) {
            assertEquals(Syllables.count(word), Syllables.count(word.toUpperCase(java.util.Locale.ROOT)), word);
        }
        assertEquals(1, Syllables.count("[@]"), "no letters or digits: still one");
        // Ärger: ä-r-g-e-r has one run of the vowels the rule knows (e); über: one (e); Öl: two letters, one.
        assertEquals(new ReadingStats(3, 1, 3), ReadingStats.of(List.of("Ärger über Öl.")));
        assertEquals(new ReadingStats(1, 1, 1), ReadingStats.of(List.of("٣")), "a digit outside ASCII makes a word");
    }

    /**
     * The counter reads a word of ASCII without a hyphen in one pass ({@link Syllables#countAscii}); every other word
     * goes through {@link Syllables#count}. Both give the same for any word: random ones over the letters the rule
     * looks at (silent endings, "le", a leading "y", hissing sounds), digits, marks and hyphens, split across pieces.
     */
    @Test
    void a_word_read_in_one_pass_has_the_syllables_of_the_rule() {
        String alphabet = "aeiouyYEbcdlstzxghrmnkpLSDT0123456789'.,!?\"()-";
        java.util.Random random = new java.util.Random(20261130);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(random.nextBoolean() ? 5 : 12);
            for (int i = 0; i < length; i++) {
                word.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = word.toString();
            boolean counted = text.chars().anyMatch(Character::isLetterOrDigit);
            ReadingStats expected = new ReadingStats(counted ? 1 : 0, counted ? 1 : 0, counted ? Syllables.count(text) : 0);
            assertEquals(expected.syllables(), ReadingStats.of(List.of(text)).syllables(), text);
            assertEquals(expected.words(), ReadingStats.of(List.of(text)).words(), text);
            // The same word in two pieces of text (as between a tag and an entity) is still one word.
            ReadingStats.Counter pieces = new ReadingStats.Counter();
            int cut = random.nextInt(text.length() + 1);
            pieces.text(text.substring(0, cut));
            pieces.text(text.substring(cut));
            assertEquals(expected.syllables(), pieces.stats().syllables(), text + " cut at " + cut);
        }
    }

    /**
     * The counter against the rules written out plainly (split at white space, a word holds a letter or digit, a
     * sentence ends after . ! or ? before closing quotes and brackets and at every block's end), on random prose fed
     * in random pieces, as the Markdown stage feeds it between tags and entities.
     */
    @Test
    void the_counter_counts_as_the_rules_say_on_random_prose() {
        String[] words = {"rest", "Lift.", "back,", "knee!", "why?", "\"quoted.\"", "(aside)", "2.5", "—", "well-known", "é", "Ärger",
                "day.)", "x", "...", "A&E", "it's", "shoulder", "physiotherapist", "٣", "\u00a0", "\t", "\n", "  "};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 20_000; n++) {
            List<String> blocks = new java.util.ArrayList<>();
            for (int b = random.nextInt(4); b >= 0; b--) {
                StringBuilder block = new StringBuilder();
                for (int w = random.nextInt(12); w > 0; w--) {
                    block.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "" : " ");
                }
                blocks.add(block.toString());
            }
            ReadingStats.Counter counter = new ReadingStats.Counter();
            for (String block : blocks) {
                for (int at = 0; at < block.length(); ) {
                    int end = Math.min(block.length(), at + 1 + random.nextInt(6));
                    counter.text(block.substring(at, end).toCharArray(), 0, end - at);
                    at = end;
                }
                counter.endBlock();
            }
            assertEquals(byTheRules(blocks), counter.stats(), String.join(" | ", blocks));
        }
    }

    private static ReadingStats byTheRules(List<String> blocks) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String block : blocks) {
            int inSentence = 0;
            for (String word : block.split("[\\s\u00a0]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words++;
                    inSentence++;
                    syllables += Syllables.count(word);
                }
                String bare = word.replaceAll("[\"'\u201d\u2019)\\]]+$", "");
                if (!bare.isEmpty() && ".!?".indexOf(bare.charAt(bare.length() - 1)) >= 0 && inSentence > 0) {
                    sentences++;
                    inSentence = 0;
                }
            }
            if (inSentence > 0) {
                sentences++;
            }
        }
        return new ReadingStats(words, sentences, syllables);
    }

    @Test
    void the_platypus_sentence_scores_grade_11_3_as_published() {
        // Wikipedia, "Flesch–Kincaid readability tests": 13 words, 24 syllables, grade 11.3.
        // By hand: 0.39 × 13/1 + 11.8 × 24/13 − 15.59 = 5.07 + 21.784615 − 15.59 = 11.264615
        //          206.835 − 1.015 × 13 − 84.6 × 24/13 = 206.835 − 13.195 − 156.184615 = 37.455385
        ReadingStats stats = ReadingStats.of(List.of(
                "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."));
        assertEquals(new ReadingStats(13, 1, 24), stats);
        assertEquals(11.264615, stats.fleschKincaidGrade(), 1e-6);
        assertEquals(11.3, Math.round(stats.fleschKincaidGrade() * 10) / 10.0);
        assertEquals(37.455385, stats.fleschReadingEase(), 1e-6);
    }

    @Test
    void the_cat_sat_on_the_mat_scores_reading_ease_116_as_published() {
        // Wikipedia, "Flesch–Kincaid readability tests": reading ease 116.
        // By hand: 206.835 − 1.015 × 6 − 84.6 × 6/6 = 206.835 − 6.09 − 84.6 = 116.145
        //          0.39 × 6 + 11.8 × 1 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45
        ReadingStats stats = ReadingStats.of(List.of("The cat sat on the mat."));
        assertEquals(new ReadingStats(6, 1, 6), stats);
        assertEquals(116.145, stats.fleschReadingEase(), 1e-9);
        assertEquals(-1.45, stats.fleschKincaidGrade(), 1e-9);
    }

    @Test
    void sentences_end_at_stops_and_at_the_end_of_every_block() {
        // "Rest for two days." 4 words, "Then walk." 2, the list item "sharp night pain" 3: 9 words, 3 sentences,
        // 9 one-syllable words. Grade by hand: 0.39 × 3 + 11.8 × 1 − 15.59 = −2.62.
        ReadingStats stats = ReadingStats.of(List.of("Rest for two days. Then walk.", "sharp night pain"));
        assertEquals(new ReadingStats(9, 3, 9), stats);
        assertEquals(3.0, stats.averageSentenceLength());
        assertEquals(-2.62, stats.fleschKincaidGrade(), 1e-9);
    }

    @Test
    void punctuation_alone_and_decimals_do_not_make_words_or_sentences() {
        ReadingStats stats = ReadingStats.of(List.of("Wait 2.5 days — then \"rest.\" Really?"));
        assertEquals(6, stats.words()); // Wait, 2.5, days, then, rest, Really — not the dash
        assertEquals(2, stats.sentences());
    }

    @Test
    void reading_time_rounds_up_to_whole_minutes_at_200_words_per_minute() {
        assertEquals(0, ReadingStats.minutesFor(0));
        assertEquals(1, ReadingStats.minutesFor(1));
        assertEquals(1, ReadingStats.minutesFor(200));
        assertEquals(2, ReadingStats.minutesFor(201));
        assertEquals(0.0, ReadingStats.NONE.fleschKincaidGrade());
    }

    @Test
    void prose_leaves_out_headings_code_reference_markers_and_hidden_text() {
        String html = """
                <h2 id="a">Take a break<a class="heading-anchor" href="#a"><span aria-hidden="true">#</span></a></h2>
                <p>Rest for two days.<sup id="fnref-1"><a class="footnote-ref" href="#fn-1"><span class="visually-hidden">reference </span>1</a></sup>
                Then walk.</p>
                <pre><code>not prose at all</code></pre>
                <section class="callout"><h3 class="callout__heading"><span class="callout__label">Urgent advice:</span> See a doctor if:</h3>
                <div class="callout__content"><ul><li>sharp night pain</li><li><p>numbness</p></li></ul></div></section>
                """;
        assertEquals(List.of("Rest for two days. Then walk.", "sharp night pain", "numbness"), Prose.blocksOf(html));
        // Counting while walking the tree gives what counting the blocks gives: 6 + 3 + 1 words, 2 + 1 + 1
        // sentences, and one syllable a word but "numbness" (2).
        ReadingStats streamed = Prose.statsOf(org.jsoup.Jsoup.parseBodyFragment(html).body());
        assertEquals(ReadingStats.of(Prose.blocksOf(html)), streamed);
        assertEquals(new ReadingStats(10, 4, 11), streamed);
    }
}
