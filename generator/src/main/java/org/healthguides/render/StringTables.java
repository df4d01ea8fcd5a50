package org.healthguides.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.healthguides.content.FrontMatter;
import org.healthguides.content.Language;
import org.healthguides.content.SiteSettings;
import org.healthguides.content.WarningKind;
import org.healthguides.content.YamlNode;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;
import org.healthguides.diagnostics.TaskResult;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.markdown.MarkdownWords;

/**
 * The words the templates print, one table per language: {@code templates/i18n/<tag>.yaml}. The default language's
 * table is the reference: every other listed language must have each of its keys (an error naming the file and
 * the key; a warning for a language not listed yet), and no key it lacks (an error, with "did you mean").
 * <p>
 * The site's own words stay in site.yaml for the default language (title, description, disclaimer, the care-card
 * levels and headings of {@code warning_kinds}); another language's table translates them under {@code site:} and
 * {@code warning_kinds:}.
 */
public final class StringTables {
    public static final String FOLDER = "i18n";
    private static final String SITE_PREFIX = "site.";
    private static final String KINDS_PREFIX = "warning_kinds.";
    /** Printed by the Markdown stage, not by a template: each content heading's anchor link. */
    private static final String HEADING_LINK = "heading_link";
    private static final String CITATION = "citation_prefix";
    /** The headings over a do list and a don't list, each a comma-separated list of the ways the language writes it. */
    private static final String DO_HEADINGS = "do_list_headings";
    private static final String DONT_HEADINGS = "dont_list_headings";
    /** The letters of the language's A to Z, in its order, separated by spaces: "A B C Ch D Dd …" in Welsh. */
    public static final String ALPHABET = "a_to_z_alphabet";

    private final Map<String, Map<String, String>> tables;
    private final SiteSettings settings;
    /** Every problem found, in the order the checks run; the alphabets' check may still be running (see {@link #load}). */
    private final java.util.concurrent.CompletableFuture<List<Problem>> problems;

    private StringTables(Map<String, Map<String, String>> tables, SiteSettings settings, List<Problem> problems) {
        this(tables, settings, java.util.concurrent.CompletableFuture.completedFuture(problems));
    }

    private StringTables(Map<String, Map<String, String>> tables, SiteSettings settings,
                         java.util.concurrent.CompletableFuture<List<Problem>> problems) {
        this.tables = tables;
        this.settings = settings;
        this.problems = problems;
    }

    /** Reads and checks every table of the templates folder. */
    public static StringTables load(Path templates, String displayTemplates, SiteSettings settings) {
        Path folder = templates.resolve(FOLDER);
        String displayFolder = displayTemplates + "/" + FOLDER;
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, String>> tables = new TreeMap<>();
        Map<String, Map<String, Integer>> lines = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            if (settings.languages().size() > 1) {
                problems.add(Problem.error(Code.NO_STRING_TABLE, displayFolder, 0, "no string tables for the site's languages " + settings.languages(),
                        "create " + displayFolder + "/" + settings.language() + ".yaml with the words the templates print"));
            }
            return new StringTables(Map.of(), settings, List.copyOf(problems));
        }
        for (Path file : yamlFiles(folder)) {
            String name = file.getFileName().toString();
            String tag = name.substring(0, name.length() - ".yaml".length());
            String display = displayFolder + "/" + name;
            if (Language.tagProblem(tag).isPresent()) {
                problems.add(Problem.error(Code.BAD_LANGUAGE, display, 0, "'" + tag + "' is not a language tag",
                        "name the file after its language, e.g. cy.yaml or en-GB.yaml"));
                continue;
            }
            Map<String, String> table = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                flatten("", FrontMatter.parseYamlMapping(text, display, 0), display, table, keyLines, problems);
            } catch (IOException e) {
                problems.add(Problem.error(Code.FILE_UNREADABLE, display, 0, "cannot read file: " + e.getMessage(), "check the file's permissions"));
            } catch (ContentErrors e) {
                problems.addAll(e.problems());
            }
            tables.put(tag, Collections.unmodifiableMap(table));
            lines.put(tag, keyLines);
        }
        for (String language : settings.languages()) {
            if (!tables.containsKey(language)) {
                problems.add(Problem.error(Code.NO_STRING_TABLE, displayFolder + "/" + language + ".yaml", 0, "no string table for language '" + language
                                + "', which " + SiteSettings.FILE_NAME + " lists",
                        settings.isDefaultLanguage(language) ? "create it with the words the templates print"
                                : "copy " + settings.language() + ".yaml to " + language + ".yaml and translate each value"));
            }
        }
        Map<String, String> reference = tables.getOrDefault(settings.language(), Map.of());
        List<Problem> keyProblems = new ArrayList<>();
        tables.forEach((language, table) -> check(language, table, lines.get(language), reference, settings,
                displayFolder + "/" + language + ".yaml", keyProblems));
        // The alphabets' check needs each language's collator, whose first making takes 10-15 ms (the JDK's rules for
        // the locale parsed into tables, in the interpreter): on the main thread, that was on a cold build's critical
        // path before its Markdown. Its problems are first read after the Markdown (errors(), warnings()), so it runs
        // beside it, and they come out in the same order as before: the tables', the alphabets', the keys'.
        List<Problem> found = List.copyOf(problems);
        Map<String, Map<String, String>> checked = Collections.unmodifiableMap(tables);
        java.util.concurrent.CompletableFuture<List<Problem>> all = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            List<Problem> ordered = new ArrayList<>(found);
            checked.forEach((language, table) -> checkAlphabet(language, table.get(ALPHABET), lines.get(language).getOrDefault(ALPHABET, 0),
                    displayFolder + "/" + language + ".yaml", ordered));
            ordered.addAll(keyProblems);
            return List.copyOf(ordered);
        });
        return new StringTables(checked, settings, all);
    }

    /** Every problem, once the alphabets' check is done; what stopped it, as if it had run on this thread. */
    private List<Problem> problems() {
        return TaskResult.of(problems);
    }

    private static void check(String language, Map<String, String> table, Map<String, Integer> lines, Map<String, String> reference,
                              SiteSettings settings, String display, List<Problem> problems) {
        boolean isDefault = settings.isDefaultLanguage(language);
        boolean listed = settings.languages().contains(language);
        Set<String> expected = new TreeSet<>(reference.keySet());
        if (!isDefault) {
            expected.addAll(siteWordKeys(settings));
        }
        for (Map.Entry<String, Integer> key : lines.entrySet()) {
            String name = key.getKey();
            if (isDefault && (name.startsWith(SITE_PREFIX) || name.startsWith(KINDS_PREFIX))) {
                problems.add(Problem.error(Code.UNKNOWN_KEY, display, key.getValue(), "'" + name + "' belongs in " + SiteSettings.FILE_NAME
                                + " for the default language",
                        "write the default language's site words in content/" + SiteSettings.FILE_NAME + " and delete this key"));
            } else if (!isDefault && !expected.contains(name)) {
                problems.add(Problem.error(Code.UNKNOWN_KEY, display, key.getValue(), "unknown key '" + name + "'", Suggestions.didYouMean(name, expected)));
            }
        }
        if (isDefault) {
            return;
        }
        for (String key : expected) {
            if (!table.containsKey(key)) {
                String example = reference.containsKey(key) ? " (" + settings.language() + ".yaml: '" + reference.get(key) + "')" : "";
                String message = "missing key '" + key + "'" + (listed ? "" : " (language '" + language + "' is not listed in "
                        + SiteSettings.FILE_NAME + " yet)");
                String fix = "add '" + key + ": …' in " + new Language(language).ownName() + example;
                problems.add(listed ? Problem.error(Code.MISSING_STRING, display, 0, message, fix) : Problem.warning(Code.MISSING_STRING, display, 0, message, fix));
            }
        }
    }

    /** "Don't, Do not" → [Don't, Do not]. */
    private static List<String> alternatives(String headings) {
        return java.util.Arrays.stream(headings.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /** The letters of an alphabet as a table writes them: "A B C Ch" → [A, B, C, Ch]. */
    public static List<String> letters(String alphabet) {
        return List.of(alphabet.strip().split("\\s+"));
    }

    /**
     * A language's alphabet must be its letters once each, in the order the language sorts them (see {@link Collation}):
     * otherwise the index would list a letter twice, or out of order, or file terms under a letter that is not one.
     */
    private static void checkAlphabet(String language, String alphabet, int line, String display, List<Problem> problems) {
        if (alphabet == null || Language.tagProblem(language).isPresent()) {
            return;
        }
        java.text.Collator primary = Collation.of(new Language(language));
        primary.setStrength(java.text.Collator.PRIMARY);
        List<String> letters = letters(alphabet);
        for (int i = 1; i < letters.size(); i++) {
            String before = letters.get(i - 1);
            String letter = letters.get(i);
            int order = primary.compare(before, letter);
            if (order == 0) {
                problems.add(Problem.error(Code.ALPHABET_OUT_OF_ORDER, display, line, "'" + ALPHABET + "' lists '" + letter + "' after '" + before
                                + "', which " + new Language(language).ownName() + " sorts as the same letter",
                        "list each letter once; an accented form of a letter is not a letter of its own unless the language sorts it apart"));
            } else if (order > 0) {
                problems.add(Problem.error(Code.ALPHABET_OUT_OF_ORDER, display, line, "'" + ALPHABET + "' lists '" + letter + "' after '" + before
                                + "', but " + new Language(language).ownName() + " sorts '" + letter + "' first",
                        "write the letters in the language's alphabetical order"));
            }
        }
    }

    /** The keys another language translates site.yaml's words under. */
    private static Set<String> siteWordKeys(SiteSettings settings) {
        Set<String> keys = new TreeSet<>();
        keys.add(SITE_PREFIX + "title");
        if (!settings.description().isBlank()) {
            keys.add(SITE_PREFIX + "description");
        }
        if (!settings.disclaimer().isBlank()) {
            keys.add(SITE_PREFIX + "disclaimer");
        }
        for (String kind : settings.warningKinds().keySet()) {
            keys.add(KINDS_PREFIX + kind + ".label");
            keys.add(KINDS_PREFIX + kind + ".heading");
        }
        return keys;
    }

    private static void flatten(String prefix, Map<String, YamlNode> fields, String display, Map<String, String> table,
                                Map<String, Integer> lines, List<Problem> problems) {
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            String key = prefix + field.getKey();
            YamlNode node = field.getValue();
            if (node.value() instanceof Map<?, ?>) {
                flatten(key + ".", node.asMap(), display, table, lines, problems);
            } else if (node.isScalar()) {
                table.put(key, ((String) node.value()).strip());
                lines.put(key, node.line());
            } else {
                problems.add(Problem.error(Code.WRONG_TYPE, display, node.line(), "'" + key + "' must be text, found " + node.kindName(),
                        "write '" + field.getKey() + ": the words' on one line"));
                lines.put(key, node.line());
            }
        }
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The errors found: missing tables, missing keys of listed languages, unknown keys, unreadable files. */
    public List<Problem> errors() {
        return problems().stream().filter(Problem::isError).toList();
    }

    /** Keys missing from languages not listed yet in site.yaml. */
    public List<Problem> warnings() {
        return problems().stream().filter(p -> !p.isError()).toList();
    }

    /** The words of one language, by key ("on_this_page"); empty when the templates have no table for it. */
    public Map<String, String> of(String language) {
        return tables.getOrDefault(language, Map.of());
    }

    /** The settings as the pages of a language show them: its site title, description, disclaimer and care-card words. */
    public SiteSettings settingsIn(String language) {
        if (settings.isDefaultLanguage(language)) {
            return settings;
        }
        Map<String, String> table = of(language);
        return new SiteSettings(table.getOrDefault(SITE_PREFIX + "title", settings.title()), language, settings.baseUrl(),
                table.getOrDefault(SITE_PREFIX + "description", settings.description()),
                table.getOrDefault(SITE_PREFIX + "disclaimer", settings.disclaimer()), warningKinds(language), settings.languages(), settings.precompress());
    }

    /** The care-card levels and headings of a language, as its Markdown is rendered with. */
    public Map<String, WarningKind> warningKinds(String language) {
        if (settings.isDefaultLanguage(language)) {
            return settings.warningKinds();
        }
        Map<String, String> table = of(language);
        Map<String, WarningKind> kinds = new LinkedHashMap<>();
        settings.warningKinds().forEach((name, kind) -> kinds.put(name, new WarningKind(name,
                table.getOrDefault(KINDS_PREFIX + name + ".label", kind.label()),
                table.getOrDefault(KINDS_PREFIX + name + ".heading", kind.heading()))));
        return Collections.unmodifiableMap(kinds);
    }

    /** What the Markdown stage writes for screen readers in a language (heading links, reference markers). */
    public MarkdownWords markdownWords(String language) {
        Map<String, String> table = of(language);
        return new MarkdownWords(table.getOrDefault(HEADING_LINK, MarkdownWords.ENGLISH.headingLink()),
                table.getOrDefault(CITATION, MarkdownWords.ENGLISH.citationPrefix()),
                table.containsKey(DO_HEADINGS) ? alternatives(table.get(DO_HEADINGS)) : MarkdownWords.ENGLISH.doHeadings(),
                table.containsKey(DONT_HEADINGS) ? alternatives(table.get(DONT_HEADINGS)) : MarkdownWords.ENGLISH.dontHeadings());
    }

    /** The Markdown renderer of the default language: site.yaml's care-card words, the table's screen-reader words. */
    public MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer(settings.warningKinds(), markdownWords(settings.language()));
    }

    /** The site's settings as each listed language's pages show them, by tag (the default language's are site.yaml's). */
    public Map<String, SiteSettings> settingsByLanguage() {
        Map<String, SiteSettings> byLanguage = new LinkedHashMap<>();
        for (String language : settings.languages()) {
            byLanguage.put(language, settingsIn(language));
        }
        return Collections.unmodifiableMap(byLanguage);
    }

    /** A Markdown renderer for every other listed language, printing its words, for the site assembler. */
    public Map<String, MarkdownRenderer> translatedMarkdownRenderers() {
        Map<String, MarkdownRenderer> byLanguage = new LinkedHashMap<>();
        for (String language : settings.languages()) {
            if (!settings.isDefaultLanguage(language)) {
                byLanguage.put(language, new MarkdownRenderer(warningKinds(language), markdownWords(language)));
            }
        }
        return byLanguage;
    }
}
