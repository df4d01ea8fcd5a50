package org.healthguides.render;

/** When a guide was last reviewed and is next due, as machine-readable dates and as words. */
public record ReviewDates(String reviewedIso, String reviewedText, String nextReviewIso, String nextReviewText) {
}
