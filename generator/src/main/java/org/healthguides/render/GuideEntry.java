package org.healthguides.render;

/**
 * A guide as a list of guides shows it (the home page, the 404 page).
 *
 * @param url    relative to the page it appears on (from the base path on 404.html)
 * @param review null when the guide has no review dates yet
 */
public record GuideEntry(String title, String url, String description, ReviewDates review) {
}
