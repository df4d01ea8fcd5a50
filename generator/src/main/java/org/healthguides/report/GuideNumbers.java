package org.healthguides.report;

import java.util.List;
import java.util.Map;

import org.healthguides.readability.ReadingStats;

/**
 * The editorial numbers of one guide: each page, then the whole guide.
 *
 * @param maxGrade the grade above which a page gets a warning
 * @param pages    the introduction first, then the sections in reading order
 * @param total    the guide's pages taken together (the whole-guide page)
 * @param language the language tag its text is in
 * @param gradeMeasured whether its reading grade and ease mean anything: Flesch–Kincaid is for English only
 */
public record GuideNumbers(String slug, String title, String file, double maxGrade, List<PageNumbers> pages,
                           ReadingStats total, Map<String, Integer> callouts, int references, int internalLinks,
                           String language, boolean gradeMeasured) {

    public GuideNumbers(String slug, String title, String file, double maxGrade, List<PageNumbers> pages,
                        ReadingStats total, Map<String, Integer> callouts, int references, int internalLinks) {
        this(slug, title, file, maxGrade, pages, total, callouts, references, internalLinks, "en", true);
    }
}
