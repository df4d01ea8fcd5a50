package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlPathTest {

    @Test
    void markdown_files_become_clean_page_paths() {
        assertEquals("g/", UrlPath.pageOf("g/index.md"));
        assertEquals("g/technique/", UrlPath.pageOf("g/technique.md"));
        assertEquals("", UrlPath.pageOf("index.md"));
    }

    @Test
    void relative_urls_between_pages() {
        assertEquals("../recovery/", UrlPath.relative("g/technique/", "g/recovery/"));
        assertEquals("recovery/", UrlPath.relative("g/", "g/recovery/"));
        assertEquals("../", UrlPath.relative("g/technique/", "g/"));
        assertEquals("./", UrlPath.relative("g/", "g/"));
        assertEquals("../../", UrlPath.toRoot("g/technique/"));
        assertEquals("./", UrlPath.toRoot(""));
        assertEquals("../../static/style.css", UrlPath.relative("g/technique/", "static/style.css"));
        assertEquals("../images/a.png", UrlPath.relative("g/technique/", "g/images/a.png"));
        assertEquals("g/", UrlPath.relative("", "g/"));
    }

    @Test
    void resolving_references_never_climbs_above_the_root() {
        assertEquals("g/recovery.md", UrlPath.resolve("g/", "recovery.md"));
        assertEquals("h/index.md", UrlPath.resolve("g/", "../h/index.md"));
        assertEquals("static/x.css", UrlPath.resolve("g/", "/static/x.css"));
        assertNull(UrlPath.resolve("g/", "../../etc/passwd"));
    }

    /** Plain paths are related where they stand; every path, plain or not, gets what splitting both into segments gives. */
    @Test
    void relative_urls_as_splitting_into_segments_gives_them() {
        String[] segments = {"a", "b", "ab", "guide-00001", "causes", "x.pdf", "index.html", ".", "..", "cy", ""};
        java.util.Random random = new java.util.Random(30);
        int plain = 0;
        for (int i = 0; i < 200_000; i++) {
            String from = randomPath(random, segments);
            String to = randomPath(random, segments);
            assertEquals(UrlPath.relativeBySegments(from, to), UrlPath.relative(from, to), from + " -> " + to);
            if (!from.contains("//") && !to.contains("//") && !from.startsWith("/") && !to.startsWith("/")) {
                plain++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(plain > 50_000, "only " + plain + " plain pairs");
    }

    private static String randomPath(java.util.Random random, String[] segments) {
        StringBuilder path = new StringBuilder();
        int count = random.nextInt(5);
        for (int s = 0; s < count; s++) {
            if (s > 0) {
                path.append('/');
            }
            path.append(segments[random.nextInt(random.nextInt(10) == 0 ? segments.length : segments.length - 1)]);
        }
        if (count > 0 && random.nextBoolean()) {
            path.append('/');
        }
        return path.toString();
    }
}
