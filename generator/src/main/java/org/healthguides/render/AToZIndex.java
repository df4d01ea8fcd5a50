package org.healthguides.render;

import java.text.CollationKey;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.healthguides.content.Language;
import org.healthguides.content.UrlPath;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;

/**
 * The "Health A to Z": every guide and section by its title and by the keywords its front matter gives, grouped by
 * first letter. The letters are the language's own alphabet (the string table's {@code a_to_z_alphabet}: A to Z in
 * English; "Ch", "Dd", "Ll"… are letters in Welsh; Urdu's from "ا" to "ے"), each with a group, empty or not, so the
 * letter index at the top is always the whole alphabet. Terms sort with the language's {@link Collation}.
 */
public final class AToZIndex {
    /** Where the page is published. */
    public static final String PATH = "a-to-z/";
    /** The alphabet of a string table without one: English's. */
    public static final List<String> LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().mapToObj(c -> String.valueOf((char) c)).toList();

    /**
     * One line of the index.
     *
     * @param term  what the reader looks up: a title or a keyword
     * @param url   the page it leads to, relative to the A to Z page
     * @param where the title of the page it leads to when that is not the term itself, else ""
     * @param guide the guide the page belongs to when the page is one of its sections, else ""
     */
    public record Entry(String term, String url, String where, String guide) {
        /**
         * A record's equals and hashCode, written out as {@link org.healthguides.diagnostics.Problem}'s are (the same
         * result; no {@code ObjectMethods} bootstrap on a cold build's first A to Z page; RecordMethodsTest).
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && java.util.Objects.equals(term, that.term) && java.util.Objects.equals(url, that.url)
                    && java.util.Objects.equals(where, that.where) && java.util.Objects.equals(guide, that.guide);
        }

        @Override
        public int hashCode() {
            int hash = java.util.Objects.hashCode(term);
            hash = 31 * hash + java.util.Objects.hashCode(url);
            hash = 31 * hash + java.util.Objects.hashCode(where);
            return 31 * hash + java.util.Objects.hashCode(guide);
        }
    }

    /**
     * @param letter a letter of the alphabet as the string table writes it ("A", "Ch", "ب"), or "" for the group of
     *               terms that start with a digit, a sign or a letter of another script
     * @param id     the fragment the letter index links to ("letter-a", "letter-ch", "letter-u0628", "letter-other")
     * @param other  the group of everything else, which the template names (t.a_to_z_other)
     */
    public record Letter(String letter, String id, List<Entry> entries, boolean other) {
    }

    private AToZIndex() {
    }

    /** The letters of the index for these guides in English, A to Z. */
    public static List<Letter> of(List<Guide> guides, Locale locale) {
        return of(guides, new Language(locale.toLanguageTag()), PATH, LATIN);
    }

    /**
     * @param from     the index page's own site path ("a-to-z/", or "cy/a-to-z/" for a language's), which links start from
     * @param alphabet the language's letters in its order, as its string table lists them
     */
    public static List<Letter> of(List<Guide> guides, Language language, String from, List<String> alphabet) {
        return sorted(entries(guides, language, from), language, alphabet);
    }

    /**
     * Sorts an index's entries into letters: a function of the entries (in their order), the language and the
     * alphabet alone, so the build cache can keep its result for the next build (collating 12,000 terms is most of
     * what planning the A to Z page costs).
     */
    @FunctionalInterface
    public interface Sorting {
        List<Letter> sort(List<Entry> entries, Language language, List<String> alphabet);
    }

    /** The index's lines, unsorted, without duplicates, in the guides' order: what {@link #sorted} sorts. */
    public static List<Entry> entries(List<Guide> guides, Language language, String from) {
        Locale locale = language.locale();
        Set<Entry> entries = new LinkedHashSet<>();
        for (Guide guide : guides) {
            String guideUrl = UrlPath.relative(from, guide.path());
            entries.add(new Entry(guide.title(), guideUrl, "", ""));
            for (String keyword : guide.meta().keywords()) {
                entries.add(new Entry(capitalised(keyword, locale), guideUrl, guide.title(), ""));
            }
            for (SectionPage section : guide.sections()) {
                String url = UrlPath.relative(from, section.path());
                entries.add(new Entry(section.title(), url, "", guide.title()));
                for (String keyword : section.meta().keywords()) {
                    entries.add(new Entry(capitalised(keyword, locale), url, section.title(), guide.title()));
                }
            }
        }
        return List.copyOf(entries);
    }

    /** The entries under the letters of the alphabet, each letter's sorted as the language sorts. */
    public static List<Letter> sorted(List<Entry> entries, Language language, List<String> alphabet) {
        Collator collator = Collation.of(language);
        collator.setStrength(Collator.SECONDARY);
        Letters letters = new Letters(language, alphabet);
        // Each term split and collated once, not at every comparison: for 12,000 entries the comparisons took a
        // third of a rebuild from the build cache. CollationKey orders as its collator's compare does.
        Comparator<Sortable> order = Comparator.comparing(Sortable::term, AToZIndex::byWords)
                .thenComparing(Sortable::where, AToZIndex::byWords).thenComparing(sortable -> sortable.entry().url());
        Map<String, List<Entry>> byLetter = new LinkedHashMap<>();
        alphabet.forEach(letter -> byLetter.put(letter, new ArrayList<>()));
        List<Entry> other = new ArrayList<>();
        // Titles share most of their words: each word's key is made once.
        Map<String, CollationKey> keys = new java.util.HashMap<>();
        entries.stream().map(entry -> new Sortable(entry, words(collator, entry.term(), keys), words(collator, entry.where(), keys)))
                .sorted(order).map(Sortable::entry).forEach(entry -> {
                    String letter = letters.of(entry.term());
                    (letter == null ? other : byLetter.computeIfAbsent(letter, l -> new ArrayList<>())).add(entry);
                });
        // A letter of the script the alphabet does not list ("K" in Welsh) gets a group of its own, in its place.
        List<String> inOrder = new ArrayList<>(byLetter.keySet());
        inOrder.sort(letters.primary);
        List<Letter> index = new ArrayList<>();
        for (String letter : inOrder) {
            index.add(new Letter(letter, idOf(letter), List.copyOf(byLetter.get(letter)), false));
        }
        if (!other.isEmpty()) {
            index.add(new Letter("", "letter-other", List.copyOf(other), true));
        }
        return List.copyOf(index);
    }

    /** "letter-a", "letter-ch"; a letter outside ASCII by its code points ("letter-u0628"), so the fragment needs no escaping. */
    static String idOf(String letter) {
        if (letter.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return "letter-" + letter.toLowerCase(Locale.ROOT);
        }
        return "letter-" + String.join("-", letter.codePoints().mapToObj(c -> "u" + Integer.toHexString(c)).toList());
    }

    /**
     * Which letter of the alphabet a term is under. A letter is matched by its first graphemes at primary strength of
     * the language's collation, longest letter first: "Chwarae" is under "Ch" in Welsh, "Cyhyr" under "C", "Ŵy"
     * under "W" (an accent is not a letter there), while "Ñ" stays a letter of its own where the collation says so
     * (Spanish). When no letter matches, the accents come off ("آ" would be under "ا" in a language whose alphabet
     * does not list it); a letter of the alphabet's script still unmatched is a group of its own; anything else (a
     * digit, a sign, another script) is under the "other" group.
     */
    static final class Letters {
        private final List<String> alphabet;
        private final Collator primary;
        private final java.text.BreakIterator graphemes;
        private final Locale locale;
        private final Set<Character.UnicodeScript> scripts = new java.util.HashSet<>();
        private final int longest;
        /** Each letter's length in graphemes, by its place in the alphabet. */
        private final int[] lengths;
        /**
         * The letter found for each start of a term (its first graphemes, as many as the longest letter has): the
         * answer depends on nothing else, and 12,000 terms start in a few dozen ways, so each is collated once.
         */
        private final Map<List<String>, java.util.Optional<String>> byStart = new java.util.HashMap<>();

        Letters(Language language, List<String> alphabet) {
            this.alphabet = alphabet;
            this.locale = language.locale();
            this.primary = Collation.of(language);
            primary.setStrength(Collator.PRIMARY);
            this.graphemes = java.text.BreakIterator.getCharacterInstance(locale);
            alphabet.forEach(letter -> scripts.add(Character.UnicodeScript.of(letter.codePointAt(0))));
            this.lengths = alphabet.stream().mapToInt(this::graphemeCount).toArray();
            this.longest = java.util.Arrays.stream(lengths).max().orElse(1);
        }

        /** The letter, or null for the "other" group. */
        String of(String term) {
            List<String> first = firstGraphemes(term.strip(), longest);
            if (first.isEmpty()) {
                return null;
            }
            java.util.Optional<String> known = byStart.get(first);
            if (known == null) {
                known = java.util.Optional.ofNullable(letterOf(first));
                byStart.put(first, known);
            }
            return known.orElse(null);
        }

        private String letterOf(List<String> first) {
            for (int n = first.size(); n >= 1; n--) {
                String prefix = String.join("", first.subList(0, n));
                String letter = matching(prefix, n);
                if (letter != null) {
                    return letter;
                }
            }
            String bare = withoutMarks(first.get(0));
            if (bare.isEmpty() || !Character.isLetter(bare.codePointAt(0))) {
                return null;
            }
            String letter = matching(bare, 1);
            if (letter != null) {
                return letter;
            }
            return scripts.contains(Character.UnicodeScript.of(bare.codePointAt(0))) ? bare.toUpperCase(locale) : null;
        }

        private String matching(String prefix, int length) {
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] == length && primary.compare(prefix, alphabet.get(i)) == 0) {
                    return alphabet.get(i);
                }
            }
            return null;
        }

        private List<String> firstGraphemes(String text, int count) {
            List<String> found = new ArrayList<>();
            graphemes.setText(text);
            int start = graphemes.first();
            for (int end = graphemes.next(); end != java.text.BreakIterator.DONE && found.size() < count; start = end, end = graphemes.next()) {
                found.add(text.substring(start, end));
            }
            return found;
        }

        private int graphemeCount(String text) {
            return firstGraphemes(text, Integer.MAX_VALUE).size();
        }

        private static String withoutMarks(String grapheme) {
            StringBuilder bare = new StringBuilder();
            Normalizer.normalize(grapheme, Normalizer.Form.NFD).codePoints()
                    .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(bare::appendCodePoint);
            return bare.toString();
        }
    }

    /**
     * Word by word, as dictionaries and indexes sort ("Muscle spasms" before "Muscles a deadlift works"): the
     * collator alone ignores spaces and would compare "musclespasms" with "musclesadeadlift".
     */
    static Comparator<String> wordByWord(Collator collator) {
        return (a, b) -> {
            String[] left = a.strip().split("\\s+");
            String[] right = b.strip().split("\\s+");
            for (int i = 0; i < Math.min(left.length, right.length); i++) {
                int words = collator.compare(left[i], right[i]);
                if (words != 0) {
                    return words;
                }
            }
            return Integer.compare(left.length, right.length);
        };
    }

    /** An entry with its term and its page's title as collation keys, word by word. */
    private record Sortable(Entry entry, CollationKey[] term, CollationKey[] where) {
    }

    private static CollationKey[] words(Collator collator, String text, Map<String, CollationKey> known) {
        String[] words = text.strip().split("\\s+");
        CollationKey[] keys = new CollationKey[words.length];
        for (int i = 0; i < words.length; i++) {
            keys[i] = known.computeIfAbsent(words[i], collator::getCollationKey);
        }
        return keys;
    }

    /** {@link #wordByWord} on collation keys made once per text. */
    private static int byWords(CollationKey[] left, CollationKey[] right) {
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int words = left[i].compareTo(right[i]);
            if (words != 0) {
                return words;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /** Keywords are written as they come ("sciatica"); the index starts each with a capital, as titles do. */
    private static String capitalised(String keyword, Locale locale) {
        return keyword.isEmpty() ? keyword : keyword.substring(0, 1).toUpperCase(locale) + keyword.substring(1);
    }
}
