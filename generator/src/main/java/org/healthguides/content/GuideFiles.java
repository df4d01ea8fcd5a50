package org.healthguides.content;

import java.util.List;

/**
 * The files of one guide folder.
 *
 * @param slug     the folder name, which is the guide's URL path
 * @param index    its {@code index.md}
 * @param sections every other Markdown file in the folder
 * @param assets   paths inside the content folder of other files (images), published beside the pages
 * @param sectionNames the slug of every section file found, including any that could not be read
 * @param translations translated files ({@code index.cy.md}, {@code recovery.cy.md}) by language tag, sorted by tag
 */
public record GuideFiles(String slug, SourceFile index, List<SourceFile> sections, List<String> assets, List<String> sectionNames,
                         java.util.SortedMap<String, List<SourceFile>> translations) {

    public GuideFiles(String slug, SourceFile index, List<SourceFile> sections, List<String> assets, List<String> sectionNames) {
        this(slug, index, sections, assets, sectionNames, java.util.Collections.emptySortedMap());
    }

    /** Files whose every section could be read: the section names are theirs. */
    public GuideFiles(String slug, SourceFile index, List<SourceFile> sections, List<String> assets) {
        this(slug, index, sections, assets, sections.stream().map(SourceFile::stem).toList());
    }
}
