package org.healthguides.markdown;

/**
 * A link or image written in the content, with where it points inside the site.
 *
 * @param written    the URL as the editor wrote it
 * @param targetPath the site path it leads to ("g/recovery/", "g/images/x.png"), or null for an external URL
 * @param fragment   the #anchor without '#', or "" when none
 * @param image      true for an image source
 * @param line       its line in the source file
 */
public record ContentLink(String written, String targetPath, String fragment, boolean image, int line) {

    public boolean isInternal() {
        return targetPath != null;
    }
}
