package org.healthguides.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Site paths and the relative URLs between them. A site path has no leading slash; a page's path ends in "/"
 * ("deadlift/technique/"), the home page's is "". Pages link to each other relatively, so the site works
 * unchanged from a domain root or from any sub-path.
 */
public final class UrlPath {
    private UrlPath() {
    }

    /**
     * The page a Markdown file becomes: "g/index.md" → "g/", "g/technique.md" → "g/technique/"; a translation
     * lives under its language: "g/technique.cy.md" → "cy/g/technique/", "g/index.cy.md" → "cy/g/".
     */
    public static String pageOf(String sourcePath) {
        int slash = sourcePath.lastIndexOf('/');
        java.util.Optional<Language.TranslationFileName> translation = Language.translationFileName(sourcePath.substring(slash + 1));
        if (translation.isPresent()) {
            return translation.get().language() + "/"
                    + pageOf(sourcePath.substring(0, slash + 1) + translation.get().stem() + ".md");
        }
        String withoutExtension = sourcePath.substring(0, sourcePath.length() - ".md".length());
        if (withoutExtension.equals("index")) {
            return "";
        }
        if (withoutExtension.endsWith("/index")) {
            return withoutExtension.substring(0, withoutExtension.length() - "index".length());
        }
        return withoutExtension + "/";
    }

    /** The URL that leads from the page at {@code fromPage} to {@code target}; "./" for the page itself. */
    public static String relative(String fromPage, String target) {
        if (!isPlain(fromPage) || !isPlain(target)) {
            return relativeBySegments(fromPage, target);
        }
        // Plain paths (no empty segment): compared where they stand, with no array of segments made for either. Every
        // page links to its guide's sections, the home page and its own leaflet: half a million of these at 10,000 pages.
        int fromEnd = fromPage.endsWith("/") ? fromPage.length() : fromPage.lastIndexOf('/') + 1; // its folder, with its '/'
        int from = 0;
        int to = 0;
        while (from < fromEnd) {
            int fromSlash = fromPage.indexOf('/', from);
            int toSlash = target.indexOf('/', to);
            // Only a folder of the target is shared: its last segment, when it names a file, is never in common.
            if (toSlash < 0 || fromSlash - from != toSlash - to || !fromPage.regionMatches(from, target, to, fromSlash - from)) {
                break;
            }
            from = fromSlash + 1;
            to = toSlash + 1;
        }
        int ups = 0;
        for (int i = from; i < fromEnd; i++) {
            if (fromPage.charAt(i) == '/') {
                ups++;
            }
        }
        if (ups == 0) {
            return to == target.length() ? "./" : target.substring(to);
        }
        StringBuilder url = new StringBuilder(3 * ups + target.length() - to);
        for (int i = 0; i < ups; i++) {
            url.append("../");
        }
        return url.append(target, to, target.length()).toString();
    }

    /** A path without a leading '/' or "//": each of its segments is not empty. */
    private static boolean isPlain(String path) {
        return !path.startsWith("/") && !path.contains("//");
    }

    /** {@link #relative} by splitting both paths into segments: for any path, and the reference the plain paths' way is tested against. */
    static String relativeBySegments(String fromPage, String target) {
        String[] from = segments(directoryOf(fromPage));
        String[] to = segments(target);
        int common = 0;
        while (common < from.length && common < to.length - (target.endsWith("/") ? 0 : 1)
                && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder url = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            url.append("../");
        }
        for (int i = common; i < to.length; i++) {
            url.append(to[i]);
            if (i < to.length - 1 || target.endsWith("/")) {
                url.append('/');
            }
        }
        return url.length() == 0 ? "./" : url.toString();
    }

    /** From "../x" to "./" and back: how many levels up the site root is from a page. */
    public static String toRoot(String fromPage) {
        return relative(fromPage, "");
    }

    /**
     * Resolves a relative reference against the folder of a site path, collapsing "." and "..".
     * Returns null when the reference climbs above the site root.
     */
    public static String resolve(String baseFolder, String reference) {
        List<String> parts = new ArrayList<>();
        if (!reference.startsWith("/")) {
            for (String segment : segments(baseFolder)) {
                parts.add(segment);
            }
        }
        String[] referenceSegments = reference.split("/", -1);
        for (int i = 0; i < referenceSegments.length; i++) {
            String segment = referenceSegments[i];
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        String joined = String.join("/", parts);
        boolean folder = reference.endsWith("/") || reference.endsWith("/.") || reference.endsWith("/..")
                || reference.equals(".") || reference.equals("..");
        return folder && !joined.isEmpty() ? joined + "/" : joined;
    }

    private static String directoryOf(String page) {
        return page.endsWith("/") || page.isEmpty() ? page : page.substring(0, page.lastIndexOf('/') + 1);
    }

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
