package org.healthguides.render;

/**
 * When a guide was last reviewed and is next due, as machine-readable dates and as words, and who reviewed it.
 *
 * @param reviewerName the clinician who signed the guide off, or null until one has
 * @param reviewerRole their role ("Physiotherapist"), or null with the name
 */
public record ReviewDates(String reviewedIso, String reviewedText, String nextReviewIso, String nextReviewText,
                          String reviewerName, String reviewerRole) {
}
