package org.healthguides.markdown;

/**
 * The few words the Markdown stage itself writes into a page, for screen readers, in the text's language.
 *
 * @param headingLink    each content heading's anchor link name; "{heading}" stands for the heading's text
 * @param citationPrefix read before a reference marker's number ("reference" 1)
 */
public record MarkdownWords(String headingLink, String citationPrefix) {
    public static final MarkdownWords ENGLISH = new MarkdownWords("Link to this part: {heading}", "reference");
}
