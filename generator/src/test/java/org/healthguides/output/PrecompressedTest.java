package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class PrecompressedTest {

    @Test
    void text_files_are_the_ones_compressed() {
        for (String path : new String[] {"index.html", "g/x/index.html", "static/style.1a2b3c4d.css", "sitemap.xml",
                "robots.txt", "static/favicon.0f0f0f0f.SVG", "data.json"}) {
            assertTrue(Precompressed.isText(path), path);
        }
        for (String path : new String[] {"g/photo.png", "g/photo.jpg", "index.html.gz", "html", "g.html/readme"}) {
            assertFalse(Precompressed.isText(path), path);
        }
    }

    @Test
    void gzip_round_trips_and_is_the_same_every_time_with_no_name_or_time_in_the_header() throws IOException {
        byte[] page = "<!doctype html><p>Keep the bar close.</p>\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] first = Precompressed.gzip(page);
        assertArrayEquals(first, Precompressed.gzip(page), "deterministic");
        assertTrue(first.length < page.length / 5, "compressed: " + first.length);
        assertEquals(0x1f, first[0] & 0xff);
        assertEquals(0x8b, first[1] & 0xff);
        assertEquals(0, first[3], "FLG: no file name, comment or extra field");
        assertArrayEquals(new byte[4], new byte[] {first[4], first[5], first[6], first[7]}, "MTIME is zero");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertArrayEquals(page, in.readAllBytes());
        }
    }
}
