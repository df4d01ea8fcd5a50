package org.healthguides.markdown;

/**
 * A numbered reference (a Markdown footnote).
 *
 * @param number        its number as shown in the text
 * @param id            the id the citation links to
 * @param citationId    the id of the first citation in the text, for the link back
 * @param html          the reference's sanitised HTML
 */
public record Reference(int number, String id, String citationId, String html) {
}
