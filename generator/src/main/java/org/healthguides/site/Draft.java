package org.healthguides.site;

/**
 * A guide or section marked {@code draft: true}: never published, shown only in the preview and with --drafts.
 *
 * @param displayPath its file (a guide's index.md, or the section's file), for messages
 * @param pagePath    its page's site path; for a whole guide, the folder every one of its pages is under
 * @param guide       the whole guide is a draft (every page under pagePath), not one section
 * @param leftOut     left out of this build, so no page of it exists
 */
public record Draft(String displayPath, String pagePath, boolean guide, boolean leftOut) {

    /** Whether a link to this site path leads into the draft. */
    public boolean holds(String sitePath) {
        if (sitePath == null) {
            return false;
        }
        String page = sitePath.endsWith("/") || sitePath.endsWith(".html") ? sitePath : sitePath + "/";
        return guide ? page.startsWith(pagePath) : page.equals(pagePath);
    }

    /** The section slug, for a section draft: the last part of its page path. */
    public String slug() {
        String trimmed = pagePath.substring(0, pagePath.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
