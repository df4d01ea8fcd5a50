package org.healthguides.report;

import java.util.Map;

import org.healthguides.readability.ReadingStats;

/**
 * The editorial numbers of one page of a guide: its introduction ("index") or a section.
 *
 * @param section       the section's slug, or "index" for the introduction
 * @param file          its source file, as named in messages
 * @param reading       its prose counts and scores
 * @param callouts      how many callouts of each kind it has, kinds in the order declared in site.yaml
 * @param references    its numbered references
 * @param internalLinks its links to pages, files and anchors of the site
 */
public record PageNumbers(String section, String title, String file, ReadingStats reading, Map<String, Integer> callouts,
                          int references, int internalLinks) {
}
