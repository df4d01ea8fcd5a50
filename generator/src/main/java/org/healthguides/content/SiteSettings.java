package org.healthguides.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * Site-wide settings from {@code content/site.yaml}.
 *
 * @param baseUrl where the site will be published, always ending in "/": "/" or "https://example.org/health/"
 */
public record SiteSettings(String title, String language, String baseUrl, String description, String disclaimer,
                           Map<String, WarningKind> warningKinds) {

    public static final String FILE_NAME = "site.yaml";
    private static final Set<String> KEYS = Set.of("title", "language", "base_url", "description", "disclaimer", "warning_kinds");
    private static final Set<String> KIND_KEYS = Set.of("label", "heading");

    public static SiteSettings parse(SourceFile file) throws ContentErrors {
        Map<String, YamlNode> fields = FrontMatter.parseYamlMapping(file.text(), file.displayPath(), 0);
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(fields, file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the site's name, shown on every page");
        String language = reader.requiredText("language", "the language of the pages, for example en-GB");
        if (!language.isEmpty() && Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            problems.add(Problem.error(Code.BAD_LANGUAGE, file.displayPath(), reader.line("language"), "'" + language + "' is not a language tag",
                    "use a tag such as 'en', 'en-GB' or 'cy'"));
        }
        String baseUrl = reader.text("base_url", "/");
        String baseUrlError = baseUrlProblem(baseUrl);
        if (baseUrlError != null) {
            problems.add(Problem.error(Code.BAD_BASE_URL, file.displayPath(), reader.line("base_url"), baseUrlError,
                    "use '/' or a full address such as 'https://example.org/health/'"));
        }
        String description = reader.text("description", "");
        String disclaimer = reader.text("disclaimer", "");
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
                java.util.Collections.unmodifiableMap(kinds));
    }

    public SiteSettings withBaseUrl(String newBaseUrl) {
        return new SiteSettings(title, language, normaliseBaseUrl(newBaseUrl), description, disclaimer, warningKinds);
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
