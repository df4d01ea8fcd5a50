package org.healthguides.markdown;

import org.healthguides.content.UrlPath;

/**
 * A Markdown body to render, and where it comes from and goes to.
 *
 * @param displayPath the source file as named in messages
 * @param sourcePath  the source file's path inside the content folder ("g/technique.md")
 * @param body        the Markdown after the front matter
 * @param bodyLine    the file line on which the body starts
 * @param pagePath    the page the HTML is published on ("g/technique/"); relative links are written from there
 */
public record MarkdownSource(String displayPath, String sourcePath, String body, int bodyLine, String pagePath) {

    /** A body published on the page its source file becomes. */
    public static MarkdownSource onItsOwnPage(String displayPath, String sourcePath, String body, int bodyLine) {
        return new MarkdownSource(displayPath, sourcePath, body, bodyLine, UrlPath.pageOf(sourcePath));
    }

    String sourceFolder() {
        int slash = sourcePath.lastIndexOf('/');
        return slash < 0 ? "" : sourcePath.substring(0, slash + 1);
    }
}
