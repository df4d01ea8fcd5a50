package org.healthguides.content;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language the site publishes in, by its BCP 47 tag ("en-GB", "cy", "ur"): how its pages are addressed, which
 * way its text runs, how it writes dates and what it calls itself.
 */
public record Language(String tag) {

    /** Scripts written right to left: Arabic, Farsi, Hebrew, Urdu, and others that use their alphabets. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "iw", "ur", "ps", "sd", "yi", "ji", "dv", "ug", "ckb");
    /** "recovery.cy.md", "index.en-GB.md": a translation sits beside its original with the language in its name. */
    private static final Pattern TRANSLATION_FILE = Pattern.compile("([^.]+)\\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\\.md");

    /** A file name that names a translation: the original's stem ("recovery", "index") and the language tag. */
    public record TranslationFileName(String stem, String language) {
    }

    /** Why a tag cannot be used, or empty when it can. */
    public static Optional<String> tagProblem(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        // A two- or three-letter language (ISO 639), then optional script, region or variant subtags.
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") || locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(tag)) {
            return Optional.of("'" + tag + "' is not a language tag");
        }
        return Optional.empty();
    }

    /** The translation a file name stands for, or empty for an original ("recovery.md"). */
    public static Optional<TranslationFileName> translationFileName(String fileName) {
        int lastDot = fileName.lastIndexOf('.');
        if (lastDot <= 0 || fileName.lastIndexOf('.', lastDot - 1) < 0) {
            // One dot or none ("recovery.md"): no language tag between two, which the pattern needs. Every link of
            // every page comes through here (UrlPath.pageOf), so most names are turned away without the pattern.
            return Optional.empty();
        }
        Matcher matcher = TRANSLATION_FILE.matcher(fileName);
        if (!matcher.matches() || tagProblem(matcher.group(2)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new TranslationFileName(matcher.group(1), matcher.group(2)));
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** "en" for "en-GB": the language without its region, as rules about the language itself need it. */
    public String primary() {
        return locale().getLanguage();
    }

    public boolean rightToLeft() {
        return RIGHT_TO_LEFT.contains(primary()) || tag.toLowerCase(Locale.ROOT).contains("-arab");
    }

    /** The value of the {@code dir} attribute: "rtl" or "ltr". */
    public String direction() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** Flesch–Kincaid is a formula for English prose; other languages' pages are not scored with it. */
    public boolean isEnglish() {
        return primary().equals("en");
    }

    /** What the language calls itself, capitalised as a menu item: "Cymraeg", "اردو", "Español". */
    public String ownName() {
        Locale locale = locale();
        String name = locale.getDisplayLanguage(locale);
        if (name.isEmpty() || name.equalsIgnoreCase(tag)) {
            return tag;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** A date in the language's long form: "24 November 2026", "24 Tachwedd 2026". */
    public String longDate(LocalDate date) {
        return LONG_DATES.computeIfAbsent(tag, known -> {
            DateTimeFormatter formatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale());
            formatter.format(date); // its first use finds the locale's pattern: once, while other threads wait for it
            return formatter;
        }).format(date);
    }

    /**
     * Each language's long-date formatter (immutable). The first format of a language loads its locale data and parses
     * its pattern, 8-10 ms in the interpreter, which the threads that plan a cold build's pages all spent at once.
     */
    private static final java.util.Map<String, DateTimeFormatter> LONG_DATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Open Graph's form of the tag: "en_GB". */
    public String openGraphLocale() {
        return tag.replace('-', '_');
    }
}
