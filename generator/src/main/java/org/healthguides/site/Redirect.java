package org.healthguides.site;

/**
 * An old address that now leads to a page, from an alias in the page's front matter.
 *
 * @param from        the old site path: a folder ("deadlift/form/") or an .html file ("old.html")
 * @param to          the page's site path ("deadlift/technique/")
 * @param title       the page's title, for the link on the redirect page
 * @param displayPath the file whose front matter lists the alias, for messages
 * @param line        where the alias is written
 */
public record Redirect(String from, String to, String title, String displayPath, int line) {

    /** The file a host without redirects serves at the old address. */
    public String fromFile() {
        return from.endsWith("/") ? from + "index.html" : from;
    }
}
