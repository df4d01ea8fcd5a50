package org.healthguides.render;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.healthguides.content.Language;

/**
 * How a language sorts: the JDK's collator for its locale, tailored where the JDK has no rules of its own for the
 * language. The tailorings are CLDR's standard collations (common/collation/cy.xml and ur.xml), written in
 * {@link RuleBasedCollator}'s syntax: Welsh sorts its digraphs as letters ("ch" after every other "c", "ll" after
 * "l"); Urdu sorts its alphabet in its own order (the JDK places Arabic-script letters by code point, so "ٹ" would
 * come after "ی"), its aspirates ("بھ") after their letter, and treats vowel marks as accents.
 */
public final class Collation {
    /** CLDR's Welsh tailoring: eight digraphs, each a letter after its first letter, in all three cases. */
    private static final String WELSH = digraphs("c", "ch", "d", "dd", "f", "ff", "g", "ng", "l", "ll", "p", "ph", "r", "rh", "t", "th");
    /**
     * CLDR's Urdu tailoring: the alphabet with alif madda and the aspirates as letters of their own, hamza forms as
     * accents of their letter; then the vowel marks, shadda and madda as accents (after the JDK's acute accent).
     */
    private static final String URDU = "< ا ; أ < آ < ب < بھ < پ < پھ < ت < تھ < ٹ < ٹھ < ث < ج < جھ < چ < چھ < ح < خ < د < دھ < ڈ < ڈھ"
            + " < ذ < ر < رھ < ڑ < ڑھ < ز < ژ < س < ش < ص < ض < ط < ظ < ع < غ < ف < ق < ک < کھ < گ < گھ < ل < لھ < م < مھ < ن"
            + " < نھ < ں < ںھ < و ; ؤ < وھ < ہ ; ۂ < ھ < ۃ < ء < ی ; ئ < یھ < ے ; ۓ"
            + " & \u0301 ; \u0652 ; \u064E ; \u0650 ; \u064F ; \u0670 ; \u0656 ; \u0657 ; \u064B ; \u064D ; \u064C ; \u0654"
            + " ; \u0651 ; \u0658 ; \u0653";
    private static final Map<String, String> TAILORINGS = Map.of("cy", WELSH, "ur", URDU);
    private static final Map<String, RuleBasedCollator> BY_TAG = new ConcurrentHashMap<>();

    private Collation() {
    }

    /** A new collator for the language (a collator is not safe to share between threads), at tertiary strength. */
    public static Collator of(Language language) {
        return (Collator) BY_TAG.computeIfAbsent(language.tag(), tag -> build(language)).clone();
    }

    /**
     * Makes the language's collator ahead of its first use, on the calling thread. A tag that is not a language, or
     * rules that do not parse, are left for the first {@link #of} to meet and report, where they always were.
     */
    public static void prepare(String tag) {
        if (Language.tagProblem(tag).isEmpty()) {
            try {
                BY_TAG.computeIfAbsent(tag, known -> build(new Language(known)));
            } catch (RuntimeException e) {
                // Nothing is kept: of() builds it again and throws.
            }
        }
    }

    /** Whether the language's collator is made (by {@link #prepare} or a first {@link #of}). */
    static boolean isMade(String tag) {
        return BY_TAG.containsKey(tag);
    }

    private static RuleBasedCollator build(Language language) {
        Collator jdk = Collator.getInstance(language.locale());
        String tailoring = TAILORINGS.get(language.primary());
        if (tailoring == null || !(jdk instanceof RuleBasedCollator rules)) {
            return (RuleBasedCollator) jdk;
        }
        try {
            RuleBasedCollator tailored = new RuleBasedCollator(rules.getRules() + tailoring);
            tailored.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return tailored;
        } catch (ParseException e) {
            throw new IllegalStateException("the collation rules for '" + language.tag() + "' do not parse: " + e.getMessage(), e);
        }
    }

    /** "& c < ch, cH, Ch, CH & C < …": each digraph a letter of its own right after its first letter. */
    private static String digraphs(String... afterAndDigraph) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < afterAndDigraph.length; i += 2) {
            String after = afterAndDigraph[i].toUpperCase(java.util.Locale.ROOT);
            String lower = afterAndDigraph[i + 1];
            String title = lower.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + lower.substring(1);
            String mixed = lower.charAt(0) + lower.substring(1).toUpperCase(java.util.Locale.ROOT);
            rules.append(" & ").append(after).append(" < ").append(lower).append(", ").append(mixed).append(", ").append(title)
                    .append(", ").append(lower.toUpperCase(java.util.Locale.ROOT));
        }
        return rules.toString();
    }
}
