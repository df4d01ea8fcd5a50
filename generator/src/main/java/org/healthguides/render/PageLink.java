package org.healthguides.render;

/**
 * A link to another page, as navigation shows it. {@code url} is relative to the page it appears on.
 *
 * @param language null for a page in the same language as the page showing the link; else the language of the
 *                 page it leads to (a section not translated yet links to its original), for {@code lang} and
 *                 {@code hreflang}
 */
public record PageLink(String title, String url, String description, boolean current, String language) {

    public PageLink(String title, String url, String description, boolean current) {
        this(title, url, description, current, null);
    }

    /** Whether it leads to the page in another language because this language has no translation of it. */
    public boolean untranslated() {
        return language != null;
    }

    /** The direction of the linked page's language ({@code dir}), so an English title on an Urdu page reads left to right. */
    public String direction() {
        return language == null ? null : new org.healthguides.content.Language(language).direction();
    }
}
