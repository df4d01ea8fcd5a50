package org.healthguides.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.healthguides.content.Alias;
import org.healthguides.content.UrlPath;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/**
 * The old addresses of pages ({@code aliases:} in a guide's or a section's front matter) and the checks on them.
 * A relative alias is relative to the guide's folder, one starting with '/' to the site's base path. An alias must
 * stay inside the base path and must not be the address of a page, of a file the build writes, or of another alias.
 * Every published redirect (HTML pages, _redirects, the nginx include) comes from {@link #of(Site)}.
 */
public final class Redirects implements Check {
    /** What may appear in an old address: what needs no escaping in a URL path, _redirects or nginx's configuration. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._~/-]+");
    /** Files the build writes at the top of the site, besides pages. */
    private static final List<String> BUILD_FILES = List.of("404.html", "sitemap.xml", "robots.txt", "feed.xml", "_redirects");
    private static final String STATIC_FOLDER = "static/";

    /** The redirects and the problems found on the way; a problem's alias has no redirect. */
    public record Resolved(List<Redirect> redirects, List<Problem> problems) {
    }

    @Override
    public List<Problem> check(Site site, CheckContext context) {
        return resolve(site).problems();
    }

    /** Every valid redirect of the site, in guide and section order. */
    public static List<Redirect> of(Site site) {
        return resolve(site).redirects();
    }

    public static Resolved resolve(Site site) {
        // Most sites have no alias at all: then there is nothing to resolve (the map below has an entry per page).
        if (!hasAliases(site)) {
            return new Resolved(List.of(), List.of());
        }
        // Every address a page has, with the file it comes from.
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("", "the home page");
        pages.put("a-to-z/", "the Health A to Z page"); // render.AToZIndex.PATH
        for (Guide guide : site.guides()) {
            pages.put(guide.path(), guide.displayPath());
            pages.put(guide.wholeGuidePath(), guide.displayPath() + " (its whole-guide page)");
            for (SectionPage section : guide.sections()) {
                pages.put(section.path(), section.displayPath());
            }
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Redirect> byAddress = new LinkedHashMap<>();
        for (Guide guide : site.guides()) {
            for (Alias alias : guide.meta().aliases()) {
                add(alias, guide.path(), guide.path(), guide.title(), guide.displayPath(), pages, byAddress, problems);
            }
            for (SectionPage section : guide.sections()) {
                for (Alias alias : section.meta().aliases()) {
                    add(alias, guide.path(), section.path(), section.title(), section.displayPath(), pages, byAddress, problems);
                }
            }
        }
        return new Resolved(List.copyOf(byAddress.values()), List.copyOf(problems));
    }

    /**
     * Whether any guide or section has an alias. Loops, not streams: asked three times a build (this check, the redirect
     * files, the nginx include), a stream per guide was 12-14 ms of an edit rebuild's checks at 2,000 guides.
     */
    private static boolean hasAliases(Site site) {
        for (Guide guide : site.guides()) {
            if (!guide.meta().aliases().isEmpty()) {
                return true;
            }
            for (SectionPage section : guide.sections()) {
                if (!section.meta().aliases().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void add(Alias alias, String guideFolder, String target, String title, String file, Map<String, String> pages,
                            Map<String, Redirect> byAddress, List<Problem> problems) {
        String written = alias.address();
        if (written.isEmpty() || !ADDRESS.matcher(written).matches() || written.startsWith("//")) {
            problems.add(Problem.error(Code.BAD_ALIAS, file, alias.line(), "alias '" + written + "' is not an address on this site",
                    "write a path such as 'old-name/' (from the guide's folder) or '/old/path/' (from the site's base path),"
                            + " with letters, digits, '-', '_', '.' and '/'"));
            return;
        }
        String resolved = UrlPath.resolve(guideFolder, written);
        if (resolved == null) {
            problems.add(Problem.error(Code.BAD_ALIAS, file, alias.line(), "alias '" + written + "' points outside the site's base path",
                    "remove the '..' that climb above the base path; an alias starting with '/' starts at the base path"));
            return;
        }
        String from = resolved.isEmpty() || resolved.endsWith("/") || resolved.endsWith(".html") ? resolved : resolved + "/";
        String page = pages.get(from);
        if (page != null) {
            problems.add(Problem.error(Code.ALIAS_CLASH, file, alias.line(), "alias '" + written + "' is the address of a page: /" + from + " is " + page,
                    "remove the alias, or rename one of the two pages"));
            return;
        }
        if (BUILD_FILES.contains(from) || from.startsWith(STATIC_FOLDER)) {
            problems.add(Problem.error(Code.ALIAS_CLASH, file, alias.line(), "alias '" + written + "' is /" + from + ", which the build writes itself",
                    "choose another old address"));
            return;
        }
        Redirect earlier = byAddress.get(from);
        if (earlier != null) {
            problems.add(Problem.error(Code.ALIAS_CLASH, file, alias.line(), "alias '" + written + "' (/" + from + ") is also an alias in "
                            + earlier.displayPath() + ":" + earlier.line(),
                    "an old address can lead to one page only: remove one of the two"));
            return;
        }
        byAddress.put(from, new Redirect(from, target, title, file, alias.line()));
    }
}
