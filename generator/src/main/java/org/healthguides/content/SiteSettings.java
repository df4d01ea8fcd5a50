package org.healthguides.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * Site-wide settings from {@code content/site.yaml}.
 *
 * @param language  the default language: the first of {@code languages}, whose pages keep the plain addresses
 * @param baseUrl   where the site will be published, always ending in "/": "/" or "https://example.org/health/"
 * @param languages every language the site publishes in, the default first (from {@code languages:}, or the
 *                  single {@code language:})
 * @param precompress whether a build writes a gzip copy beside every text file ({@code precompress: true}), for
 *                  hosts that serve such copies (the nginx recipe's gzip_static); off by default, because GitHub
 *                  Pages and most CDNs compress by themselves and the copies double the files written
 */
public record SiteSettings(String title, String language, String baseUrl, String description, String disclaimer,
                           Map<String, WarningKind> warningKinds, List<String> languages, boolean precompress) {

    /** A site in one language. */
    public SiteSettings(String title, String language, String baseUrl, String description, String disclaimer,
                        Map<String, WarningKind> warningKinds) {
        this(title, language, baseUrl, description, disclaimer, warningKinds, List.of(language), false);
    }

    public static final String FILE_NAME = "site.yaml";
    private static final Set<String> KEYS = Set.of("title", "language", "languages", "base_url", "description", "disclaimer", "warning_kinds", "precompress");
    private static final Set<String> KIND_KEYS = Set.of("label", "heading");

    public static SiteSettings parse(SourceFile file) throws ContentErrors {
        Map<String, YamlNode> fields = FrontMatter.parseYamlMapping(file.text(), file.displayPath(), 0);
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(fields, file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the site's name, shown on every page");
        List<String> languages = readLanguages(file, reader, problems);
        String language = languages.isEmpty() ? "" : languages.get(0);
        String baseUrl = reader.text("base_url", "/");
        String baseUrlError = baseUrlProblem(baseUrl);
        if (baseUrlError != null) {
            problems.add(Problem.error(Code.BAD_BASE_URL, file.displayPath(), reader.line("base_url"), baseUrlError,
                    "use '/' or a full address such as 'https://example.org/health/'"));
        }
        String description = reader.text("description", "");
        String disclaimer = reader.text("disclaimer", "");
        boolean precompress = reader.yesNo("precompress", false);
        Map<String, WarningKind> kinds = new LinkedHashMap<>();
        reader.namedMappings("warning_kinds", KIND_KEYS).forEach((name, kind) -> kinds.put(name,
                new WarningKind(name, kind.requiredText("label", "the level in words, e.g. 'Urgent advice'"),
                        kind.requiredText("heading", "the default heading, e.g. 'See a doctor straight away if:'"))));
        if (kinds.isEmpty()) {
            problems.add(Problem.error(Code.NO_CARE_CARD_KINDS, file.displayPath(), reader.line("warning_kinds"), "no warning kinds are declared",
                    "add 'warning_kinds:' with at least one kind (see docs/care-cards.md)"));
        }
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        // Kept in the order declared: reports list kinds as site.yaml does.
        return new SiteSettings(title, language, normaliseBaseUrl(baseUrl), description, disclaimer,
                java.util.Collections.unmodifiableMap(kinds), List.copyOf(languages), precompress);
    }

    public SiteSettings withBaseUrl(String newBaseUrl) {
        return new SiteSettings(title, language, normaliseBaseUrl(newBaseUrl), description, disclaimer, warningKinds, languages, precompress);
    }

    /** The default language: its pages keep the plain addresses, the others live under /tag/. */
    public Language defaultLanguage() {
        return new Language(language);
    }

    public boolean isDefaultLanguage(String tag) {
        return language.equals(tag);
    }

    /** Where a language's pages live: "" for the default language, "cy/" for Welsh. */
    public String pathPrefix(String tag) {
        return isDefaultLanguage(tag) ? "" : tag + "/";
    }

    /**
     * 'languages: [en-GB, cy, ur]' (the first is the default) or, for a site in one language, 'language: en-GB'.
     * Each must be a language tag, listed once.
     */
    private static List<String> readLanguages(SourceFile file, FieldReader reader, List<Problem> problems) {
        boolean hasList = reader.has("languages");
        boolean hasOne = reader.has("language");
        if (hasList && hasOne) {
            problems.add(Problem.error(Code.LANGUAGES_INVALID, file.displayPath(), reader.line("language"), "both 'language' and 'languages' are given",
                    "keep 'languages: [" + reader.text("language", "en-GB") + ", …]' (the first is the default) and delete 'language'"));
        }
        List<String> tags = hasList ? reader.textList("languages")
                : List.of(reader.requiredText("language", "the language of the pages, for example en-GB (or 'languages: [en-GB, cy]')"));
        if (hasList && tags.isEmpty()) {
            problems.add(Problem.error(Code.LANGUAGES_INVALID, file.displayPath(), reader.line("languages"), "'languages' is empty",
                    "list at least one language tag, the default first, e.g. 'languages: [en-GB, cy]'"));
        }
        String key = hasList ? "languages" : "language";
        List<String> seen = new ArrayList<>();
        for (String tag : tags) {
            if (tag.isEmpty()) {
                continue;
            }
            Optional<String> problem = Language.tagProblem(tag);
            if (problem.isPresent()) {
                problems.add(Problem.error(Code.BAD_LANGUAGE, file.displayPath(), reader.line(key), problem.get(),
                        "use a tag such as 'en', 'en-GB' or 'cy'"));
            } else if (seen.contains(tag)) {
                problems.add(Problem.error(Code.LANGUAGES_INVALID, file.displayPath(), reader.line(key), "language '" + tag + "' is listed twice",
                        "list each language once"));
            } else {
                seen.add(tag);
            }
        }
        return seen;
    }

    /** The path part of the base URL, "/" or "/health/": what root-relative links start with. */
    public String basePath() {
        return baseUrl.startsWith("/") ? baseUrl : URI.create(baseUrl).getRawPath();
    }

    /** Why a base URL cannot be used, or null when it can. */
    public static String baseUrlProblem(String baseUrl) {
        if (baseUrl.startsWith("/")) {
            return baseUrl.startsWith("//") ? "base URL '" + baseUrl + "' starts with '//'" : null;
        }
        try {
            URI uri = new URI(baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "base URL '" + baseUrl + "' is not an http(s) address or a path";
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return "base URL '" + baseUrl + "' must not have a query or #fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "base URL '" + baseUrl + "' is not a valid address";
        }
    }

    private static String normaliseBaseUrl(String baseUrl) {
        String withPath = baseUrl.matches("https?://[^/]+") ? baseUrl + "/" : baseUrl;
        return withPath.endsWith("/") ? withPath : withPath + "/";
    }
}
