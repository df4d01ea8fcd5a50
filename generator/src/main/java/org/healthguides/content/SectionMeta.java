package org.healthguides.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/**
 * A section's front matter. The slug is the file name without ".md".
 *
 * @param keywords other words a reader may look the section up by in the A to Z
 * @param aliases  old addresses of the section, each redirected to it
 * @param draft    {@code draft: true}: left out of a published build
 */
public record SectionMeta(String slug, String title, int order, int orderLine, String description, List<String> keywords,
                          List<Alias> aliases, boolean draft) {

    private static final Set<String> KEYS = Set.of("title", "order", "description", "keywords", "aliases", "draft");
    /** A translation has no old addresses of its own (its language's pages are new), so 'aliases' is an unknown key. */
    private static final Set<String> TRANSLATED_KEYS = Set.of("title", "order", "description", "keywords", "draft");

    /**
     * A translated section's front matter ({@code recovery.cy.md}): its title and description in that language.
     * Its place in the guide is the original's, so an {@code order} copied from the original is allowed and not used.
     *
     * @param slug  the original's slug ("recovery")
     * @param order the original's order
     * @param draft the translation is marked {@code draft: true} (only the preview and --drafts read it then)
     */
    public static SectionMeta readTranslated(SourceFile file, FrontMatter frontMatter, String slug, int order, boolean draft) throws ContentErrors {
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(frontMatter.fields(), file.displayPath(), 1, TRANSLATED_KEYS, problems);
        String title = reader.requiredText("title", "the section's page heading in this language");
        reader.integer("order", false);
        String description = reader.text("description", "");
        List<String> keywords = reader.phraseList("keywords");
        reader.bool("draft");
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        // A draft original is left out before its translation is read; a draft translation waits on its own.
        return new SectionMeta(slug, title, order, reader.line("order"), description, keywords, List.of(), draft);
    }

    public static SectionMeta read(SourceFile file, FrontMatter frontMatter) throws ContentErrors {
        List<Problem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(frontMatter.fields(), file.displayPath(), 1, KEYS, problems);
        String title = reader.requiredText("title", "the section's page heading");
        Integer order = reader.integer("order", true);
        String description = reader.text("description", "");
        List<String> keywords = reader.phraseList("keywords");
        List<Alias> aliases = reader.aliases("aliases");
        boolean draft = reader.bool("draft");
        if (!problems.isEmpty()) {
            throw new ContentErrors(problems);
        }
        return new SectionMeta(file.stem(), title, order, reader.line("order"), description, keywords, aliases, draft);
    }
}
