package org.healthguides.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A warning a guide must carry, declared in its front matter: a callout of {@code kind} in {@code section}
 * whose text mentions every phrase in {@code mentions} (case-insensitive), so that no red-flag sign can be
 * deleted by accident.
 *
 * @param section            a section slug, or "index" for the guide's own page
 * @param mentions           the phrases, when given as one list ({@code mentions: [a, b]}): the default language's
 * @param line               where it is declared, for messages
 * @param mentionsByLanguage the phrases per language tag, when given as {@code mentions: { en-GB: [...], cy: [...] }};
 *                           empty when given as one list
 */
public record RequiredWarning(String name, String kind, String section, List<String> mentions, int line,
                              Map<String, List<String>> mentionsByLanguage) {

    public RequiredWarning(String name, String kind, String section, List<String> mentions, int line) {
        this(name, kind, section, mentions, line, Map.of());
    }

    /**
     * The phrases the callout must mention in a language; empty when none are given for it (an error for a
     * language the guide is published in: a translation must not drop a red flag unnoticed).
     */
    public Optional<List<String>> mentionsIn(String language, String defaultLanguage) {
        if (!mentionsByLanguage.isEmpty()) {
            return Optional.ofNullable(mentionsByLanguage.get(language));
        }
        return language.equals(defaultLanguage) ? Optional.of(mentions) : Optional.empty();
    }
}
