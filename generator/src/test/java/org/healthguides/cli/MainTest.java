package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path root;

    private record Run(int exit, String out, String err) {
    }

    private Run guide(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Fixture.CLOCK)
                .run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run build(Fixture fixture, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", fixture.content.toString(),
                "--templates", fixture.templates.toString(), "--out", fixture.out.toString()));
        args.addAll(List.of(extra));
        return guide(args.toArray(String[]::new));
    }

    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(name)), name + " changed"));
    }

    @Test
    void build_writes_every_page_at_a_clean_url_and_prints_one_summary_line() throws IOException {
        Fixture fixture = new Fixture(root);
        Run run = build(fixture);
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().matches("Built 6 pages \\(7 files\\) in \\d+ ms into .*\\R"), run.out());
        for (String page : List.of("index.html", "404.html", "lifting/index.html", "lifting/basics/index.html",
                "lifting/recovery/index.html", "lifting/whole-guide/index.html", "static/style.css")) {
            assertTrue(Files.isRegularFile(fixture.out.resolve(page)), page);
        }
        Document basics = Jsoup.parse(fixture.out.resolve("lifting/basics/index.html").toFile());
        assertEquals("../recovery/#when-to-see-a-doctor", basics.selectFirst("main p a[href*=recovery]").attr("href"));
        assertEquals("../recovery/", basics.selectFirst("a[rel=next]").attr("href"));
        assertEquals("../../static/style.css", basics.selectFirst("link[rel=stylesheet]").attr("href"));
        Document whole = Jsoup.parse(fixture.out.resolve("lifting/whole-guide/index.html").toFile());
        assertEquals(1, whole.select("#recovery section.callout--urgent").size());
    }

    @Test
    void a_failed_build_reports_file_and_line_and_leaves_the_last_good_site_untouched() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture).exit());
        Map<String, byte[]> before = snapshot(fixture.out);

        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("order: 1", "order: one"));
        Run run = build(fixture);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("basics.md:3: error: 'order' must be a whole number, found 'one'"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertSameFiles(before, snapshot(fixture.out));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of("content", "out", "templates"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder left behind");
        }
    }

    @Test
    void a_successful_build_leaves_no_stale_page() throws IOException {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/extra.md"), "---\ntitle: Extra\norder: 3\n---\nMore.\n");
        assertEquals(0, build(fixture).exit());
        assertTrue(Files.exists(fixture.out.resolve("lifting/extra/index.html")));
        Files.delete(fixture.content.resolve("lifting/extra.md"));
        assertEquals(0, build(fixture).exit());
        assertFalse(Files.exists(fixture.out.resolve("lifting/extra")));
    }

    @Test
    void broken_link_and_anchor_fail_the_build_naming_the_source_line() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS
                .replace("recovery.md#when-to-see-a-doctor", "recovery.md#no-such-part") + "\n[gone](missing.md)\n");
        Run run = build(fixture);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("basics.md:7: error: link 'recovery.md#no-such-part' points to #no-such-part"), run.err());
        assertTrue(run.err().contains("basics.md:11: error: link 'missing.md' leads nowhere"), run.err());
    }

    @Test
    void template_errors_name_the_template_line_and_page() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.templates.resolve("section.ftlh"), "<html>\n<#if page.title>\n");
        Run syntax = build(fixture);
        assertEquals(1, syntax.exit());
        assertTrue(syntax.err().matches("(?s).*templates/section\\.ftlh:\\d+:\\d+: error: template syntax error.*"), syntax.err());

        Fixture.write(fixture.templates.resolve("section.ftlh"), "<html>\n${page.nonsense}\n");
        Run undefined = build(fixture);
        assertEquals(1, undefined.exit());
        assertTrue(undefined.err().contains("templates/section.ftlh:2:3: error: template error:"), undefined.err());
        assertTrue(undefined.err().contains("while rendering page '/lifting/basics/'"), undefined.err());
        assertFalse(undefined.err().contains("\tat "), undefined.err());
    }

    @Test
    void warnings_print_but_pass_and_strict_makes_them_errors() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n<b onclick=\"x()\">hi</b>\n");
        Run lenient = build(fixture);
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("basics.md:11: warning: raw HTML"), lenient.err());
        assertTrue(lenient.out().contains("with 1 warning"), lenient.out());
        Run strict = build(fixture, "--strict");
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("basics.md:11: error: raw HTML"), strict.err());
    }

    @Test
    void base_url_override_is_validated_and_used_by_404() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(1, build(fixture, "--base-url", "ftp://nope").exit());
        assertEquals(0, build(fixture, "--base-url", "https://example.org/health").exit());
        Document notFound = Jsoup.parse(fixture.out.resolve("404.html").toFile());
        assertEquals("/health/static/style.css", notFound.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void usage_errors_exit_2_and_help_exits_0() {
        assertEquals(2, guide("frobnicate").exit());
        assertEquals(2, guide("build", "--colour").exit());
        assertEquals(2, guide().exit());
        Run help = guide("build", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--base-url URL"));
        assertEquals(0, guide("--help").exit());
    }
}
