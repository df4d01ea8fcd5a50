package org.healthguides.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.healthguides.content.ByteScan;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Suggestions;
import org.healthguides.markdown.ContentLink;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;

/**
 * Checks that every link the editors wrote leads somewhere: to a page or file the site publishes and, with an
 * #anchor, to an id on that page. Runs on the rendered pages, so ids added by templates count too, and in
 * linear time: one pass to index ids, one lookup per link.
 */
public final class LinkChecker {
    private final Map<String, Set<String>> idsByPage = new HashMap<>();
    private final Set<String> files = new java.util.HashSet<>();

    /** Records a published page (site path of its folder, "g/technique/") and the ids its HTML holds; returns them. */
    public Set<String> addPage(String pagePath, String html) {
        Set<String> ids = idsOf(html);
        addPageIds(pagePath, ids);
        return ids;
    }

    /** Records a published page by its UTF-8 bytes, as written; returns its ids. */
    public Set<String> addPage(String pagePath, byte[] html) {
        return addPage(pagePath, html, html.length);
    }

    /** Records a published page by its UTF-8 bytes, {@code html[0, length)}; returns its ids. */
    public Set<String> addPage(String pagePath, byte[] html, int length) {
        Set<String> ids = idsOf(html, length);
        addPageIds(pagePath, ids);
        return ids;
    }

    /** Records a published page whose ids are known already (a page the build cache reused). */
    public synchronized void addPageIds(String pagePath, Set<String> ids) {
        idsByPage.put(pagePath, ids);
    }

    /**
     * The values of every non-empty {@code id="…"} attribute preceded by whitespace (what the regular expression
     * {@code \\sid="([^"]+)"} finds), by a plain scan: the regular expression over every page was a tenth of a build.
     */
    static Set<String> idsOf(String html) {
        Set<String> ids = new java.util.HashSet<>();
        int at = html.indexOf("id=\"");
        while (at >= 0) {
            int valueStart = at + 4;
            if (at > 0 && isRegexSpace(html.charAt(at - 1))) {
                int end = html.indexOf('"', valueStart);
                if (end < 0) {
                    break;
                }
                if (end > valueStart) {
                    ids.add(html.substring(valueStart, end));
                    at = html.indexOf("id=\"", end + 1);
                    continue;
                }
            }
            at = html.indexOf("id=\"", at + 1);
        }
        return ids;
    }

    /**
     * {@link #idsOf(String)} over a page's UTF-8 bytes, so a page need not be decoded for its ids. The same ids: the
     * quote, the letters and the white space searched for are ASCII, and in UTF-8 no byte of a longer character is.
     */
    static Set<String> idsOf(byte[] html) {
        return idsOf(html, html.length);
    }

    /** {@link #idsOf(byte[])} of {@code html[0, length)}. */
    static Set<String> idsOf(byte[] html, int length) {
        // The scan looks for '=', which only attributes hold, and then for the "id" before it: looking for "id=\"" itself
        // stopped at every 'i' of the text. It reads the bytes themselves: a Latin-1 copy of every page to search with
        // String.indexOf was as slow and made garbage the size of the site.
        // Both searches read eight bytes at a time (ByteScan): a loop over single bytes was most of the check's time under C1.
        // Kept as the ids' bytes (PageIds): of ~320,000 ids at 10,000 pages the link check looks up a few, and the build
        // cache stores them as bytes; strings and a hash set of each page's ids were 3% of a cold build's CPU.
        PageIds.Builder ids = ID_BUILDER.get();
        ids.reset();
        for (int equals = ByteScan.indexOf(html, (byte) '=', 2, length - 1); equals >= 0;
                equals = ByteScan.indexOf(html, (byte) '=', equals + 1, length - 1)) {
            if (html[equals + 1] != '"' || html[equals - 1] != 'd' || html[equals - 2] != 'i'
                    || equals < 3 || !isRegexSpace((char) html[equals - 3])) {
                continue;
            }
            int valueStart = equals + 2;
            int end = ByteScan.indexOf(html, (byte) '"', valueStart, length);
            if (end < 0) {
                break;
            }
            if (end > valueStart) {
                ids.add(html, valueStart, end);
                equals = end;
            }
        }
        return ids.build();
    }

    private static final ThreadLocal<PageIds.Builder> ID_BUILDER = ThreadLocal.withInitial(PageIds.Builder::new);

    /** Java's {@code \\s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
                    String kind = link.image() ? "image '" : "link '";
                    Optional<String> meant = closestTarget(link);
                    problems.add(meant.map(m -> Problem.error(Code.LINK_LEADS_NOWHERE, displayPath, link.line(),
                                    kind + link.written() + "' leads nowhere", "did you mean '" + m + "'?"))
                            .orElseGet(() -> Problem.error(Code.LINK_LEADS_NOWHERE, displayPath, link.line(),
                                    kind + link.written() + "' leads nowhere: no page or file '" + target + "'",
                                    link.image() ? "put the image file in the guide folder or fix the path"
                                            : "link to a Markdown file of the guide, e.g. recovery.md or recovery.md#heading-id"))
                            .atColumn(link.column()));
                }
                continue;
            }
            if (!link.fragment().isEmpty() && !ids.contains(link.fragment())) {
                String fragment = link.fragment();
                String fix = Suggestions.closest(fragment, ids)
                        .map(id -> "did you mean '" + link.written().substring(0, link.written().length() - fragment.length()) + id + "'?")
                        .orElse("use the id of a heading there (its words in lower case, joined by '-')");
                problems.add(Problem.error(Code.ANCHOR_NOT_ON_PAGE, displayPath, link.line(),
                        "link '" + link.written() + "' points to #" + fragment + ", which is not on that page", fix)
                        .atColumn(link.column()));
            }
        }
        return problems;
    }

    /**
     * The link as the editor probably meant it: the page or file in the same folder whose name is closest to the
     * one written ('techniqe.md' → 'technique.md'), written the way the editor wrote it.
     */
    private Optional<String> closestTarget(ContentLink link) {
        String target = link.targetPath();
        String trimmed = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        String folder = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
        String name = trimmed.substring(folder.length());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        synchronized (this) {
            for (String known : link.image() ? files : idsByPage.keySet()) {
                String k = known.endsWith("/") ? known.substring(0, known.length() - 1) : known;
                if (k.startsWith(folder) && k.indexOf('/', folder.length()) < 0 && k.length() > folder.length()) {
                    names.add(k.substring(folder.length()));
                }
            }
        }
        int at = link.written().lastIndexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        return Suggestions.closest(name, names)
                .map(meant -> link.written().substring(0, at) + meant + link.written().substring(at + name.length()));
    }

    /** Checks every link the editors wrote in these guides: each introduction's and each section's. */
    public List<Problem> check(List<Guide> guides) {
        // Guide by guide on both cores, in the guides' order: it reads only what every page added before it ran, and at
        // 10,000 pages it was 4% of an edit rebuild's samples on the main thread alone.
        return guides.parallelStream().flatMap(guide -> {
            List<Problem> problems = new ArrayList<>(check(guide.displayPath(), guide.introduction().links()));
            for (SectionPage section : guide.sections()) {
                problems.addAll(check(section.displayPath(), section.content().links()));
            }
            return problems.stream();
        }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
