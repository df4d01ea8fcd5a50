package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

    private GuideRun build(Fixture fixture, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", fixture.content.toString(),
                "--templates", fixture.templates.toString(), "--out", fixture.out.toString()));
        args.addAll(List.of(extra));
        return GuideRun.guide(args.toArray(String[]::new));
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
    void gzip_copies_are_written_only_when_the_site_asks_for_them_and_leave_every_other_file_as_it_was() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture).exit());
        Map<String, byte[]> precompressed = snapshot(fixture.out);

        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("precompress: true\n", ""));
        assertEquals(0, build(fixture).exit());
        Map<String, byte[]> plain = snapshot(fixture.out);
        assertTrue(plain.keySet().stream().noneMatch(name -> name.endsWith(".gz")), "off by default: " + plain.keySet());
        Map<String, byte[]> withoutCopies = new TreeMap<>(precompressed);
        withoutCopies.keySet().removeIf(name -> name.endsWith(".gz"));
        assertTrue(withoutCopies.containsKey("lifting/basics/index.html"), withoutCopies.keySet().toString());
        assertSameFiles(withoutCopies, plain);
        for (String name : plain.keySet()) {
            boolean text = name.matches(".*\\.(html|css|xml|txt|svg|json)");
            assertEquals(text, precompressed.containsKey(name + ".gz"), name);
        }

        Fixture.write(fixture.content.resolve("site.yaml"), Fixture.SETTINGS.replace("precompress: true", "precompress: yes please"));
        GuideRun wrong = build(fixture);
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("site.yaml:8: error[G0215]: 'precompress' must be true or false"), wrong.err());
    }

    @Test
    void build_writes_every_page_at_a_clean_url_and_prints_one_summary_line() throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun run = build(fixture);
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().matches("Built 7 pages \\(12 files\\) in \\d+ ms into .*\\R"), run.out());
        for (String page : List.of("index.html", "404.html", "lifting/index.html", "lifting/basics/index.html",
                "lifting/recovery/index.html", "lifting/whole-guide/index.html", "sitemap.xml", "robots.txt", "feed.xml")) {
            assertTrue(Files.isRegularFile(fixture.out.resolve(page)), page);
            assertTrue(Files.isRegularFile(fixture.out.resolve(page + ".gz")), page + ".gz");
        }
        Document basics = Jsoup.parse(fixture.out.resolve("lifting/basics/index.html").toFile());
        assertEquals("../recovery/#when-to-see-a-doctor", basics.selectFirst("main p a[href*=recovery]").attr("href"));
        assertEquals("../recovery/", basics.selectFirst("a[rel=next]").attr("href"));
        String stylesheet = basics.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.matches("\\.\\./\\.\\./static/style\\.[0-9a-f]{8}\\.css"), stylesheet);
        assertTrue(Files.isRegularFile(fixture.out.resolve("lifting/basics").resolve(stylesheet)), stylesheet);
        Document whole = Jsoup.parse(fixture.out.resolve("lifting/whole-guide/index.html").toFile());
        assertEquals(1, whole.select("#recovery section.callout--urgent").size());
    }

    @Test
    void a_failed_build_reports_file_and_line_and_leaves_the_last_good_site_untouched() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture).exit());
        Map<String, byte[]> before = snapshot(fixture.out);

        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS.replace("order: 1", "order: one"));
        GuideRun run = build(fixture);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("basics.md:3:1: error[G0215]: 'order' must be a whole number, found 'one'"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertSameFiles(before, snapshot(fixture.out));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of("content", "out", "out.cache", "templates"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
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
        GuideRun run = build(fixture);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("basics.md:7:41: error[G0106]: link 'recovery.md#no-such-part' points to #no-such-part"), run.err());
        assertTrue(run.err().contains("basics.md:11:8: error[G0107]: link 'missing.md' leads nowhere"), run.err());
    }

    @Test
    void template_errors_name_the_template_line_and_page() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.templates.resolve("section.ftlh"), "<html>\n<#if page.title>\n");
        GuideRun syntax = build(fixture);
        assertEquals(1, syntax.exit());
        assertTrue(syntax.err().matches("(?s).*templates/section\\.ftlh:\\d+:\\d+: error\\[G0603\\]: template syntax error.*"), syntax.err());

        Fixture.write(fixture.templates.resolve("section.ftlh"), "<html>\n${page.nonsense}\n");
        GuideRun undefined = build(fixture);
        assertEquals(1, undefined.exit());
        assertTrue(undefined.err().contains("templates/section.ftlh:2:3: error[G0604]: template error:"), undefined.err());
        assertTrue(undefined.err().contains("while rendering page '/lifting/basics/'"), undefined.err());
        assertFalse(undefined.err().contains("\tat "), undefined.err());
    }

    @Test
    void warnings_print_but_pass_and_strict_makes_them_errors() {
        Fixture fixture = new Fixture(root);
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n<b onclick=\"x()\">hi</b>\n");
        GuideRun lenient = build(fixture);
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("basics.md:11: warning[G0310]: raw HTML"), lenient.err());
        assertTrue(lenient.out().contains("with 1 warning"), lenient.out());
        GuideRun strict = build(fixture, "--strict");
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("basics.md:11: error[G0310]: raw HTML"), strict.err());
    }

    @Test
    void base_url_override_is_validated_and_used_by_404() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(1, build(fixture, "--base-url", "ftp://nope").exit());
        assertEquals(0, build(fixture, "--base-url", "https://example.org/health").exit());
        Document notFound = Jsoup.parse(fixture.out.resolve("404.html").toFile());
        assertTrue(notFound.selectFirst("link[rel=stylesheet]").attr("href").matches("/health/static/style\\.[0-9a-f]{8}\\.css"));
    }

    @Test
    void usage_errors_exit_2_and_help_exits_0() {
        assertEquals(2, GuideRun.guide("frobnicate").exit());
        assertEquals(2, GuideRun.guide("build", "--colour").exit());
        assertEquals(2, GuideRun.guide().exit());
        GuideRun help = GuideRun.guide("build", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--base-url URL"));
        assertEquals(0, GuideRun.guide("--help").exit());
    }

    @Test
    void a_build_that_fails_after_writing_pages_leaves_the_previous_site_byte_for_byte() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture).exit());
        Map<String, byte[]> before = snapshot(fixture.out);
        assertTrue(before.keySet().stream().anyMatch(name -> name.endsWith(".gz")), "the snapshot includes the .gz copies");

        // Links are checked after every page is rendered and written to the staging folder.
        Fixture.write(fixture.templates.resolve("static/style.css"), "body { margin: 2px }\n");
        Fixture.write(fixture.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n![A flat back](flat-back.png)\n\n[top](#no-such-heading)\n");
        GuideRun run = build(fixture);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("basics.md:11:16: error[G0107]: image 'flat-back.png' leads nowhere"), run.err());
        assertTrue(run.err().contains("basics.md:13:7: error[G0106]: link '#no-such-heading' points to #no-such-heading"), run.err());
        assertSameFiles(before, snapshot(fixture.out));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of("content", "out", "out.cache", "templates"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void a_changed_stylesheet_gets_a_new_name_and_the_old_one_is_gone() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture).exit());
        List<String> first = staticFiles(fixture.out);
        Fixture.write(fixture.templates.resolve("static/style.css"), "body { margin: 2px }\n");
        assertEquals(0, build(fixture).exit());
        List<String> second = staticFiles(fixture.out);
        assertEquals(2, second.size(), "the stylesheet and its .gz: " + second);
        assertTrue(second.stream().noneMatch(first::contains), first + " then " + second);
        Document home = Jsoup.parse(fixture.out.resolve("index.html").toFile());
        assertEquals("./" + second.get(0), home.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void an_absolute_base_url_gives_a_sitemap_and_robots_txt_and_a_path_gives_a_warning_instead() throws IOException {
        Fixture fixture = new Fixture(root);
        assertEquals(0, build(fixture, "--base-url", "https://example.org/health/").exit());
        String sitemap = Files.readString(fixture.out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/health/lifting/basics/</loc><lastmod>2026-11-24</lastmod>"), sitemap);
        assertFalse(sitemap.contains("404"), sitemap);
        assertTrue(Files.readString(fixture.out.resolve("robots.txt")).contains("Sitemap: https://example.org/health/sitemap.xml"));
        assertTrue(Files.readString(fixture.out.resolve("feed.xml")).contains("<id>https://example.org/health/feed.xml</id>"));

        GuideRun relative = build(fixture, "--base-url", "/health/");
        assertEquals(0, relative.exit());
        assertTrue(relative.err().contains("--base-url: warning[G0504]: base URL '/health/' has no host, so sitemap.xml, feed.xml, canonical links"
                + " and og:url are left out"), relative.err());
        assertFalse(Files.exists(fixture.out.resolve("sitemap.xml")));
        assertFalse(Files.exists(fixture.out.resolve("feed.xml")), "Atom ids must be absolute: no feed without a host");

        assertFalse(Files.readString(fixture.out.resolve("robots.txt")).contains("Sitemap"));
        assertEquals(1, build(fixture, "--base-url", "/health/", "--strict").exit());
    }

    @Test
    void pages_are_the_same_at_a_domain_root_and_under_a_sub_path_apart_from_absolute_addresses_and_404() throws IOException {
        Fixture fixture = new Fixture(root);
        // With the project's real templates, so their head tags and navigation are compared too.
        org.apache.commons.io.file.PathUtils.copyDirectory(Path.of("..", "templates"), fixture.templates,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, build(fixture, "--base-url", "https://example.org/").exit());
        Map<String, byte[]> atRoot = snapshot(fixture.out);
        assertEquals(0, build(fixture, "--base-url", "https://example.org/health/").exit());
        Map<String, byte[]> underPath = snapshot(fixture.out);
        assertEquals(atRoot.keySet(), underPath.keySet());
        for (String name : atRoot.keySet()) {
            if (!name.endsWith(".html")) {
                continue;
            }
            String rootHtml = new String(atRoot.get(name), StandardCharsets.UTF_8);
            String pathHtml = new String(underPath.get(name), StandardCharsets.UTF_8);
            if (name.equals("404.html")) {
                assertTrue(rootHtml.contains("href=\"/static/style."), rootHtml);
                assertEquals(rootHtml.replace("=\"/", "=\"/health/"), pathHtml, "404.html differs only by the base path");
            } else {
                assertEquals(rootHtml.replace("https://example.org/", "https://example.org/health/"), pathHtml, name);
            }
        }
    }

    private static List<String> staticFiles(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("static"))) {
            return files.map(p -> "static/" + p.getFileName()).sorted().toList();
        }
    }

    @Test
    void allow_overdue_keeps_a_past_next_review_a_warning_under_strict_and_nothing_else() throws IOException {
        Fixture fixture = new Fixture(root);
        // The fixture's guide is due for review on 2027-11-24.
        GuideRun blocked = GuideRun.on(fixture, "build", "--strict", "--today", "2028-01-10");
        assertEquals(1, blocked.exit());
        assertTrue(blocked.err().contains("lifting/index.md:5: error[G0408]: guide 'lifting' was due for review on 2027-11-24"), blocked.err());

        GuideRun deployed = GuideRun.on(fixture, "build", "--strict", "--allow-overdue", "--today", "2028-01-10");
        assertEquals(0, deployed.exit(), deployed.err());
        assertTrue(deployed.err().contains("lifting/index.md:5: warning[G0408]: guide 'lifting' was due for review on 2027-11-24"), deployed.err());
        assertTrue(deployed.out().contains("with 1 warning"), deployed.out());
        assertEquals(0, GuideRun.on(fixture, "check", "--strict", "--allow-overdue", "--today", "2028-01-10").exit());

        // Any other warning is still an error under --strict.
        GuideRun other = GuideRun.on(fixture, "build", "--strict", "--allow-overdue", "--today", "2028-01-10", "--base-url", "/health/");
        assertEquals(1, other.exit());
        assertTrue(other.err().contains("--base-url: error[G0504]: base URL '/health/' has no host"), other.err());
        assertTrue(other.err().contains("warning[G0408]: guide 'lifting' was due for review"), other.err());
    }
}
