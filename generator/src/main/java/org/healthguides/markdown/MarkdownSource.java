package org.healthguides.markdown;

import org.healthguides.content.FrontMatter;
import org.healthguides.content.UrlPath;

/**
 * A Markdown body to render, and where it comes from and goes to. A body cut from a file's front matter is taken
 * from it only when asked for: a build with the cache looks its rendering up by the file's fingerprint, the body's
 * place and length, and an unchanged file's text is then never decoded.
 */
public final class MarkdownSource {
    private final String displayPath;
    private final String sourcePath;
    private final int bodyLine;
    private final String pagePath;
    private final int bodyLength;
    private final FrontMatter frontMatter;
    private final String body;

    /**
     * @param displayPath the source file as named in messages
     * @param sourcePath  the source file's path inside the content folder ("g/technique.md")
     * @param body        the Markdown after the front matter
     * @param bodyLine    the file line on which the body starts
     * @param pagePath    the page the HTML is published on ("g/technique/"); relative links are written from there
     */
    public MarkdownSource(String displayPath, String sourcePath, String body, int bodyLine, String pagePath) {
        this(displayPath, sourcePath, bodyLine, pagePath, body.length(), null, body);
    }

    private MarkdownSource(String displayPath, String sourcePath, int bodyLine, String pagePath, int bodyLength, FrontMatter frontMatter,
                           String body) {
        this.displayPath = displayPath;
        this.sourcePath = sourcePath;
        this.bodyLine = bodyLine;
        this.pagePath = pagePath;
        this.bodyLength = bodyLength;
        this.frontMatter = frontMatter;
        this.body = body;
    }

    /** A body published on the page its source file becomes. */
    public static MarkdownSource onItsOwnPage(String displayPath, String sourcePath, String body, int bodyLine) {
        return new MarkdownSource(displayPath, sourcePath, body, bodyLine, UrlPath.pageOf(sourcePath));
    }

    /** The body of a file's front matter, published on the page the file becomes; taken from it when first asked for. */
    public static MarkdownSource onItsOwnPage(String displayPath, String sourcePath, FrontMatter frontMatter) {
        return new MarkdownSource(displayPath, sourcePath, frontMatter.bodyLine(), UrlPath.pageOf(sourcePath), frontMatter.bodyLength(),
                frontMatter, null);
    }

    public String displayPath() {
        return displayPath;
    }

    public String sourcePath() {
        return sourcePath;
    }

    /** The Markdown after the front matter. */
    public String body() {
        return body != null ? body : frontMatter.body();
    }

    /** The length of {@link #body()}, known without it. */
    public int bodyLength() {
        return bodyLength;
    }

    public int bodyLine() {
        return bodyLine;
    }

    public String pagePath() {
        return pagePath;
    }

    String sourceFolder() {
        int slash = sourcePath.lastIndexOf('/');
        return slash < 0 ? "" : sourcePath.substring(0, slash + 1);
    }

    /** Equal when every part is, the body included (as when this was a record: the preview's results are kept by it). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MarkdownSource source && bodyLine == source.bodyLine && bodyLength == source.bodyLength
                && displayPath.equals(source.displayPath) && sourcePath.equals(source.sourcePath) && pagePath.equals(source.pagePath)
                && body().equals(source.body());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(displayPath, sourcePath, bodyLine, pagePath, body());
    }

    @Override
    public String toString() {
        return "MarkdownSource[" + displayPath + " line " + bodyLine + " on " + pagePath + "]";
    }
}
