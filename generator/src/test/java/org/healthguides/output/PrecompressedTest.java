package org.healthguides.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

    @Test
    void gzip_writes_the_bytes_the_jdk_gzip_stream_writes_at_the_same_level() throws IOException {
        byte[] incompressible = new byte[300_000];
        new Random(7).nextBytes(incompressible);
        for (byte[] input : new byte[][] {new byte[0], "a".getBytes(StandardCharsets.UTF_8),
                "<li>Brace your core before the bar leaves the floor.</li>\n".repeat(2_000).getBytes(StandardCharsets.UTF_8),
                incompressible}) {
            assertArrayEquals(jdkGzip(input), Precompressed.gzip(input), "input of " + input.length + " bytes");
        }
    }

    @Test
    void gzip_gives_each_thread_its_own_compressor() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                byte[] page = ("<p>Page " + t + " keeps the bar close.</p>\n").repeat(400 + t * 97).getBytes(StandardCharsets.UTF_8);
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (!java.util.Arrays.equals(jdkGzip(page), Precompressed.gzip(page))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] jdkGzip(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Precompressed.LEVEL);
            }
        }) {
            gzip.write(input);
        }
        return out.toByteArray();
    }
}
