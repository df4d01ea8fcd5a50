package org.healthguides.render;

import java.util.List;

import org.healthguides.markdown.Heading;
import org.healthguides.markdown.Reference;

/**
 * Rendered Markdown as a template places it.
 *
 * @param id         the id of the block holding it on a page with several (the whole guide), else ""
 * @param title      its heading on such a page, else the page title
 * @param html       sanitised HTML
 * @param onThisPage its top-level headings, for the "on this page" list
 * @param references its numbered references, in order
 * @param readingMinutes how long its prose takes to read, in whole minutes (rounded up)
 */
public record ContentView(String id, String title, String html, List<Heading> onThisPage, List<Reference> references,
                          int readingMinutes) {
}
