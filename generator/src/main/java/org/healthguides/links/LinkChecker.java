package org.healthguides.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.ContentLink;

/**
 * Checks that every link the editors wrote leads somewhere: to a page or file the site publishes and, with an
 * #anchor, to an id on that page. Runs on the rendered pages, so ids added by templates count too, and in
 * linear time: one pass to index ids, one lookup per link.
 */
public final class LinkChecker {
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private final Map<String, Set<String>> idsByPage = new HashMap<>();
    private final Set<String> files = new java.util.HashSet<>();

    /** Records a published page (site path of its folder, "g/technique/") and the ids its HTML holds. */
    public synchronized void addPage(String pagePath, String html) {
        Set<String> ids = new java.util.HashSet<>();
        Matcher matcher = ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        idsByPage.put(pagePath, ids);
    }

    /** Records a published file that is not a page (an image). */
    public synchronized void addFile(String sitePath) {
        files.add(sitePath);
    }

    /** The problems with the links written in one source file. */
    public List<Problem> check(String displayPath, List<ContentLink> links) {
        List<Problem> problems = new ArrayList<>();
        for (ContentLink link : links) {
            if (!link.isInternal()) {
                continue;
            }
            String target = link.targetPath();
            Set<String> ids = idsByPage.get(target);
            if (ids == null && !target.endsWith("/")) {
                ids = idsByPage.get(target + "/");
            }
            if (ids == null) {
                if (!files.contains(target)) {
                    problems.add(Problem.error(displayPath, link.line(),
                            (link.image() ? "image '" : "link '") + link.written() + "' leads nowhere: no page or file '" + target + "'",
                            link.image() ? "put the image file in the guide folder or fix the path"
                                    : "link to a Markdown file of the guide, e.g. recovery.md or recovery.md#heading-id"));
                }
                continue;
            }
            if (!link.fragment().isEmpty() && !ids.contains(link.fragment())) {
                problems.add(Problem.error(displayPath, link.line(),
                        "link '" + link.written() + "' points to #" + link.fragment() + ", which is not on that page",
                        "use the id of a heading there (its words in lower case, joined by '-')"));
            }
        }
        return problems;
    }
}
