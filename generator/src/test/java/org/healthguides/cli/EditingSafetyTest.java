package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw HTML never reaches a page unsafely; encodings; internal errors; and check writing nothing. */
class EditingSafetyTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<img src=\"bar.png\" alt=\"bar\" onerror=\"alert(1)\">",
            "<p onclick=\"alert(1)\" onmouseover=\"alert(2)\">Click</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"jav&#x61;script:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<img alt=\"x\" src=\"data:image/svg+xml;base64,PHN2Zy8+\">",
            "[click](javascript:alert(1))",
            "[click](data:text/html,<script>alert(1)</script>)",
            "![a picture](data:image/png;base64,iVBORw0KGgo=)",
            "[ref link][evil]\n\n[evil]: javascript:alert(1)",
            "<svg><script>alert(1)</script></svg>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(2)\">Go</button></form>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "!!! caution \"<script>alert(1)</script>\"\n    <b onclick=alert(1)>careful</b>"})
    void unsafe_html_never_reaches_a_page_and_is_a_warning_that_strict_makes_an_error(String payload) throws IOException {
        Fixture fixture = new Fixture(root);
        Files.write(fixture.content.resolve("lifting/bar.png"), new byte[] {1});
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n" + payload + "\n");

        GuideRun lenient = GuideRun.on(fixture, "build");
        assertEquals(0, lenient.exit(), lenient.err());
        String basics = fixture.content.resolve("lifting/basics.md").toString();
        assertTrue(lenient.problems().stream().anyMatch(p -> p.matches("\\Q" + basics + "\\E:1[123](:\\d+)?: warning\\[G0\\d{3}\\]: .*")), lenient.err());
        try (Stream<Path> files = Files.walk(fixture.out)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertSafe(page);
            }
        }

        GuideRun strict = GuideRun.on(fixture, "build", "--strict");
        assertEquals(1, strict.exit(), strict.err());
        assertTrue(strict.problems().stream().anyMatch(p -> p.matches("\\Q" + basics + "\\E:1[123](:\\d+)?: error\\[G0\\d{3}\\]: .*")), strict.err());
    }

    private static void assertSafe(Path page) throws IOException {
        String html = Files.readString(page);
        for (Element element : Jsoup.parse(html).getAllElements()) {
            assertFalse(List.of("script", "iframe", "object", "embed", "frame", "form", "style", "svg").contains(element.normalName()),
                    page + " has <" + element.normalName() + ">");
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), page + " has an event handler " + attribute);
                assertFalse(name.equals("style") || name.equals("formaction") || name.equals("srcdoc"), page + " has " + attribute);
                assertFalse(value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"),
                        page + " has an unsafe URL " + attribute);
            }
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), page + " contains a script tag");
    }

    @Test
    void a_bom_and_crlf_line_endings_build_the_same_site_as_lf() throws IOException {
        Fixture fixture = new Fixture(root.resolve("lf"));
        assertEquals(0, GuideRun.on(fixture, "build").exit());

        Fixture windows = new Fixture(root.resolve("crlf"));
        try (Stream<Path> files = Files.walk(windows.content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file).replace("\n", "\r\n");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                bytes.write(text.getBytes(StandardCharsets.UTF_8));
                Files.write(file, bytes.toByteArray());
            }
        }
        assertTrue(Files.readAllBytes(windows.content.resolve("lifting/basics.md"))[0] == (byte) 0xEF);
        GuideRun run = GuideRun.on(windows, "build", "--strict");
        assertEquals(0, run.exit(), run.err());

        Map<String, String> lf = GuideRun.fingerprint(fixture.out);
        assertEquals(lf, GuideRun.fingerprint(windows.out));
        assertEquals(24, lf.size(), "7 pages (with the A to Z), robots.txt, sitemap.xml, feed.xml and the stylesheet, each with its .gz copy, the guide's PDF leaflet and .guide-site: " + lf.keySet());
    }

    @Test
    void an_internal_error_is_one_line_pointing_to_verbose_and_exits_2() throws IOException {
        Fixture fixture = new Fixture(root);
        Files.writeString(root.resolve("a-file"), "not a folder");
        String out = root.resolve("a-file/site").toString();

        GuideRun quiet = GuideRun.guide("build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(), "--out", out);
        assertEquals(2, quiet.exit());
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertTrue(quiet.err().startsWith("guide: internal error: "), quiet.err());
        assertTrue(quiet.err().strip().endsWith("(run with --verbose for details)"), quiet.err());
        assertFalse(quiet.err().contains("\tat "));

        GuideRun verbose = GuideRun.guide("build", "--content", fixture.content.toString(), "--templates", fixture.templates.toString(),
                "--out", out, "--verbose");
        assertEquals(2, verbose.exit());
        assertTrue(verbose.err().contains("\tat "), "--verbose shows where: " + verbose.err());
    }

    @Test
    void check_lists_every_problem_of_every_stage_sorted_by_file_and_line_and_writes_nothing() throws IOException {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/recovery.md"), Fixture.RECOVERY.replace("order: 2", "order: two"));
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("title: Basics", "titel: Basics") + "\n#### Deep\n");
        Fixture.write(fixture.templates.resolve("guide.ftlh"), "<html>\n\n<#list page.x as y>\n");

        GuideRun check = GuideRun.on(fixture, "check");
        assertEquals(1, check.exit(), check.err());
        String basics = fixture.content.resolve("lifting/basics.md").toString();
        String recovery = fixture.content.resolve("lifting/recovery.md").toString();
        String template = fixture.templates.resolve("guide.ftlh").toString();
        List<String> where = check.problems().stream().map(p -> p.substring(0, p.indexOf(": "))).toList();
        // Front matter and Markdown of one file, another file, and a template: all in one run, in order;
        // and no "missing required section" for sections that exist but have errors of their own.
        assertEquals(List.of(basics + ":1", basics + ":2:1", basics + ":11", recovery + ":3:1", template + ":3:20"), where, check.err());
        assertTrue(check.err().lines().anyMatch(l -> l.equals("guide: check found 5 errors")), check.err());
        assertFalse(Files.exists(fixture.out), "check writes no site");
        GuideRun.assertNoLeftovers(root);
    }

    @Test
    void check_of_a_good_site_says_so_and_help_documents_exit_codes() {
        Fixture fixture = new Fixture(root);
        GuideRun check = GuideRun.on(fixture, "check", "--strict");
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().matches("Checked 7 pages in \\d+ ms: no errors\\R"), check.out());
        assertFalse(Files.exists(fixture.out));

        GuideRun help = GuideRun.guide("--help");
        assertTrue(help.out().contains("check") && help.out().contains("new"), help.out());
        assertTrue(help.out().contains("0 success, 1 content errors") && help.out().contains("--verbose"), help.out());
        GuideRun checkHelp = GuideRun.guide("check", "--help");
        assertEquals(0, checkHelp.exit());
        assertTrue(checkHelp.out().contains("--external"), checkHelp.out());
    }

    @Test
    void external_links_are_asked_about_only_with_external_and_dead_ones_are_warnings() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/gone") ? 410 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Fixture fixture = new Fixture(root);
            Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n[a study](" + base + "/study) and [an old one](" + base + "/gone)\n");

            GuideRun offline = GuideRun.on(fixture, "check");
            assertEquals(0, offline.exit(), offline.err());
            assertEquals(0, requests.get(), "no network without --external");

            GuideRun online = GuideRun.on(fixture, "check", "--external");
            assertEquals(0, online.exit(), online.err());
            assertEquals(List.of(fixture.content.resolve("lifting/basics.md") + ":11: warning[G0108]: external link '" + base
                    + "/gone' answered HTTP 410 — open it in a browser; update the address or remove the link"), online.problems());
            assertEquals(1, GuideRun.on(fixture, "check", "--external", "--strict").exit());
        } finally {
            server.stop(0);
        }
    }
}
