package org.healthguides.markdown;

import java.util.List;

/**
 * The few words the Markdown stage itself writes into a page, or reads in it, in the text's language.
 *
 * @param headingLink    each content heading's anchor link name; "{heading}" stands for the heading's text
 * @param citationPrefix read before a reference marker's number ("reference" 1)
 * @param doHeadings     the headings over a "do" list, which becomes a tick list ("Do"; "Gwnewch" in Welsh)
 * @param dontHeadings   the headings over a "don't" list, which becomes a cross list ("Don't", "Do not")
 */
public record MarkdownWords(String headingLink, String citationPrefix, List<String> doHeadings, List<String> dontHeadings) {
    public static final MarkdownWords ENGLISH = new MarkdownWords("Link to this part: {heading}", "reference");

    public MarkdownWords {
        doHeadings = List.copyOf(doHeadings);
        dontHeadings = List.copyOf(dontHeadings);
    }

    /** With English's "Do" and "Don't" headings. */
    public MarkdownWords(String headingLink, String citationPrefix) {
        this(headingLink, citationPrefix, List.of("Do"), List.of("Don't", "Do not"));
    }
}
