package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Every internal link, asset and #anchor of the published site resolves to a file and an id, read from disk. */
class LinksTest {

    @Test
    void everyInternalLinkAndAnchorResolves() {
        Path root = BuiltSite.root();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String path : BuiltSite.htmlPages()) {
            if (path.equals("404.html")) {
                continue; // served at any depth, so it links from the base path; the nginx crawl checks it
            }
            Document page = BuiltSite.page(path);
            URI base = URI.create("https://site.test/" + path);
            for (Element element : page.select("a[href], link[href], img[src], script[src]")) {
                String raw = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (raw.matches("^[a-z][a-z0-9+.-]*:.*") && !raw.startsWith("https://site.test/")) {
                    continue; // external: checked by `check --external`
                }
                checked++;
                URI target = base.resolve(raw);
                String file = target.getPath().substring(1);
                Path onDisk = root.resolve(file.isEmpty() || file.endsWith("/") ? file + "index.html" : file);
                if (!Files.isRegularFile(onDisk)) {
                    broken.add(path + " -> " + raw + " (no file " + root.relativize(onDisk) + ")");
                    continue;
                }
                String fragment = target.getFragment();
                if (fragment != null && !fragment.isEmpty() && onDisk.toString().endsWith(".html")) {
                    String targetPath = root.relativize(onDisk).toString().replace("index.html", "");
                    if (BuiltSite.page(targetPath).getElementById(fragment) == null) {
                        broken.add(path + " -> " + raw + " (no id '" + fragment + "')");
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
        assertTrue(checked > 50, "checked only " + checked + " links");
    }

    @Test
    void sectionsLinkToEachOtherInReadingOrder() {
        List<String> sections = BuiltSite.SECTIONS;
        for (int i = 0; i < sections.size(); i++) {
            Document page = BuiltSite.section(sections.get(i));
            Element next = page.selectFirst("a[rel=next]");
            Element previous = page.selectFirst("a[rel=prev]");
            if (i + 1 < sections.size()) {
                assertTrue(next != null && next.attr("href").equals("../" + sections.get(i + 1) + "/"), sections.get(i) + ": next");
            } else {
                assertTrue(next == null, "last section has no next");
            }
            if (i > 0) {
                assertTrue(previous != null && previous.attr("href").equals("../" + sections.get(i - 1) + "/"), sections.get(i) + ": prev");
            }
        }
    }
}
