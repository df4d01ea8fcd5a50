package org.healthguides.markdown;

/**
 * A link or image written in the content, with where it points inside the site.
 *
 * @param written    the URL as the editor wrote it
 * @param targetPath the site path it leads to ("g/recovery/", "g/images/x.png"), or null for an external URL
 * @param fragment   the #anchor without '#', or "" when none
 * @param image      true for an image source
 * @param line       its line in the source file
 * @param column     the column where the address starts on that line (1-based), or 0 when unknown
 */
public record ContentLink(String written, String targetPath, String fragment, boolean image, int line, int column) {

    public ContentLink(String written, String targetPath, String fragment, boolean image, int line) {
        this(written, targetPath, fragment, image, line, 0);
    }

    public boolean isInternal() {
        return targetPath != null;
    }
}
