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
 */
public record GuideNumbers(String slug, String title, String file, double maxGrade, List<PageNumbers> pages,
                           ReadingStats total, Map<String, Integer> callouts, int references, int internalLinks) {
}
