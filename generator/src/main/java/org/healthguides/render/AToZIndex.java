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

import org.healthguides.content.UrlPath;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;

/**
 * The "Health A to Z": every guide and section by its title and by the keywords its front matter gives, grouped by
 * first letter. Every letter A to Z has a group, empty or not, so the letter index at the top is always the same 26.
 */
public final class AToZIndex {
    /** Where the page is published. */
    public static final String PATH = "a-to-z/";
    /** The group for terms that start with a digit or a character outside A to Z. */
    static final String OTHER = "#";

    /**
     * One line of the index.
     *
     * @param term  what the reader looks up: a title or a keyword
     * @param url   the page it leads to, relative to the A to Z page
     * @param where the title of the page it leads to when that is not the term itself, else ""
     * @param guide the guide the page belongs to when the page is one of its sections, else ""
     */
    public record Entry(String term, String url, String where, String guide) {
    }

    /**
     * @param letter "A" to "Z", or "#" for everything else
     * @param id     the fragment the letter index links to ("letter-a", "letter-other")
     */
    public record Letter(String letter, String id, List<Entry> entries) {
    }

    private AToZIndex() {
    }

    /** The letters of the index for these guides, in the order given; terms sort in the site's language. */
    public static List<Letter> of(List<Guide> guides, Locale locale) {
        return of(guides, locale, PATH);
    }

    /** @param from the index page's own site path ("a-to-z/", or "cy/a-to-z/" for a language's), which links start from */
    public static List<Letter> of(List<Guide> guides, Locale locale, String from) {
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
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        // Each term split and collated once, not at every comparison: for 12,000 entries the comparisons took a
        // third of a rebuild from the build cache. CollationKey orders as its collator's compare does.
        Comparator<Sortable> order = Comparator.comparing(Sortable::term, AToZIndex::byWords)
                .thenComparing(Sortable::where, AToZIndex::byWords).thenComparing(sortable -> sortable.entry().url());
        Map<String, List<Entry>> byLetter = new LinkedHashMap<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            byLetter.put(String.valueOf(c), new ArrayList<>());
        }
        byLetter.put(OTHER, new ArrayList<>());
        // Titles share most of their words: each word's key is made once.
        Map<String, CollationKey> keys = new java.util.HashMap<>();
        entries.stream().map(entry -> new Sortable(entry, words(collator, entry.term(), keys), words(collator, entry.where(), keys)))
                .sorted(order).map(Sortable::entry).forEach(entry -> byLetter.get(letterOf(entry.term())).add(entry));
        List<Letter> letters = new ArrayList<>();
        byLetter.forEach((letter, list) -> {
            if (!letter.equals(OTHER) || !list.isEmpty()) {
                letters.add(new Letter(letter, "letter-" + (letter.equals(OTHER) ? "other" : letter.toLowerCase(Locale.ROOT)),
                        List.copyOf(list)));
            }
        });
        return List.copyOf(letters);
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

    /** "A" to "Z" for a term starting with that letter, with or without an accent ("Écrire" is under E), else "#". */
    static String letterOf(String term) {
        String bare = Normalizer.normalize(term.strip(), Normalizer.Form.NFD);
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char upper = Character.toUpperCase(c);
            return upper >= 'A' && upper <= 'Z' ? String.valueOf(upper) : OTHER;
        }
        return OTHER;
    }

    /** Keywords are written as they come ("sciatica"); the index starts each with a capital, as titles do. */
    private static String capitalised(String keyword, Locale locale) {
        return keyword.isEmpty() ? keyword : keyword.substring(0, 1).toUpperCase(locale) + keyword.substring(1);
    }
}
