package org.healthguides.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.healthguides.content.SiteSettings;
import org.healthguides.diagnostics.Problem;

/**
 * The whole site as a model, ready to render.
 *
 * @param guides       the originals, in the default language, sorted by title
 * @param warnings     problems that do not stop the build
 * @param translations every guide's translations into the site's other languages, by language (in the order of
 *                     {@code languages:}), then by title; a guide not translated into a language is not in it
 * @param languageSettings the settings as each language's pages show them (site title, description, disclaimer in that
 *                     language, from the templates' string tables), by tag; a language missing here shows site.yaml's
 */
public record Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings, List<Guide> translations,
                   Map<String, SiteSettings> languageSettings) {

    /** A site without translations. */
    public Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings) {
        this(settings, guides, warnings, List.of());
    }

    public Site(SiteSettings settings, List<Guide> guides, List<Problem> warnings, List<Guide> translations) {
        this(settings, guides, warnings, translations, Map.of());
    }

    /** The settings as a language's pages show them: its site title, description and disclaimer. */
    public SiteSettings settingsIn(String language) {
        return languageSettings.getOrDefault(language, settings);
    }

    public List<String> languages() {
        return settings.languages();
    }

    /** The guides published in a language: the originals for the default language, else that language's translations. */
    public List<Guide> guidesIn(String language) {
        if (settings.isDefaultLanguage(language)) {
            return guides;
        }
        return translations.stream().filter(g -> g.language().equals(language)).toList();
    }

    /** Every guide page's source: the originals, then every translation. */
    public List<Guide> allGuides() {
        if (translations.isEmpty()) {
            return guides;
        }
        List<Guide> all = new ArrayList<>(guides);
        all.addAll(translations);
        return all;
    }

    /** The guide of this slug in a language: the original, a translation, or empty when it is not in that language. */
    public Optional<Guide> guide(String slug, String language) {
        List<Guide> candidates = settings.isDefaultLanguage(language) ? guides : translations;
        return candidates.stream().filter(g -> g.slug().equals(slug) && g.language().equals(language)).findFirst();
    }

    /**
     * The language a site path belongs to: a listed language's tag when the path starts with it ("cy/…"), else the
     * default language. No guide folder may be named like a language, so the two never meet.
     */
    public String languageOfPath(String path) {
        for (String language : settings.languages()) {
            if (!settings.isDefaultLanguage(language) && (path.equals(language + "/") || path.startsWith(language + "/"))) {
                return language;
            }
        }
        return settings.language();
    }
}
