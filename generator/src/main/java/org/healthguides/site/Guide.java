package org.healthguides.site;

import java.util.Comparator;
import java.util.List;

import org.healthguides.content.GuideMeta;
import org.healthguides.content.TranslationMeta;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.readability.ReadingStats;

/**
 * A guide: its introduction and its sections in reading order.
 *
 * @param path                 its site path ("deadlift-lower-back-pain/")
 * @param displayPath          its index.md, for messages
 * @param introduction         index.md's body as published on the guide's page
 * @param introductionWhole    the same body as published on the whole-guide page, whose links start one level deeper
 * @param sections             sorted by their {@code order}
 * @param assets               content paths of files published as they are (images)
 * @param introductionReading  how hard the introduction's prose is to read, and how long
 * @param language             the language tag its text is written in
 * @param translation          for a translation, its own front matter (index.cy.md); null for an original. A translation's
 *                             meta is the original's contract and review dates under the translated title
 */
public record Guide(GuideMeta meta, String path, String displayPath, RenderedMarkdown introduction,
                    RenderedMarkdown introductionWhole, List<SectionPage> sections, List<String> assets,
                    ReadingStats introductionReading, String language, TranslationMeta translation) {

    /** An original, in the site's default language. */
    public Guide(GuideMeta meta, String path, String displayPath, RenderedMarkdown introduction,
                 RenderedMarkdown introductionWhole, List<SectionPage> sections, List<String> assets,
                 ReadingStats introductionReading, String language) {
        this(meta, path, displayPath, introduction, introductionWhole, sections, assets, introductionReading, language, null);
    }

    public boolean isTranslation() {
        return translation != null;
    }

    /** The section of this slug, if the guide has it (in this language). */
    public java.util.Optional<SectionPage> section(String slug) {
        return sections.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The slug of the page with every section on it, reserved so no section can take it. */
    public static final String WHOLE_GUIDE_SLUG = "whole-guide";

    /** The order guides are listed in: by {@code weight} (guides without one last), then by title. */
    public static final Comparator<Guide> LIST_ORDER = Comparator
            .comparing((Guide g) -> g.meta().weight(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Guide::title, String.CASE_INSENSITIVE_ORDER);

    public String slug() {
        return meta.slug();
    }

    public String title() {
        return meta.title();
    }

    /** The introduction and every section together: what the whole-guide page holds. */
    public ReadingStats totalReading() {
        ReadingStats total = introductionReading;
        for (SectionPage section : sections) {
            total = total.plus(section.reading());
        }
        return total;
    }

    public String wholeGuidePath() {
        return path + WHOLE_GUIDE_SLUG + "/";
    }
}
