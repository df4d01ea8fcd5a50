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
}
