package org.healthguides.render;

import java.util.List;

/**
 * What every page of a guide shows about the guide.
 *
 * @param url           the guide's page, relative to the current page
 * @param wholeGuideUrl the page with every section, relative to the current page
 * @param contents      the guide's sections in order, the current one marked
 * @param review        null when the guide has no review dates yet
 * @param readingMinutes how long the whole guide (introduction and every section) takes to read, in whole minutes
 * @param latestChange  what changed last in the guide's advice, or null when it lists no changes
 * @param download      the guide's PDF leaflet, or null when none is made (--no-pdf)
 */
public record GuideView(String title, String description, String url, String wholeGuideUrl, List<PageLink> contents,
                        ReviewDates review, int readingMinutes, ChangeView latestChange, Download download) {

    public GuideView withDownload(Download newDownload) {
        return new GuideView(title, description, url, wholeGuideUrl, contents, review, readingMinutes, latestChange, newDownload);
    }
}
