package org.healthguides.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.SiteBuild;
import org.healthguides.testing.Fixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real server on a free loopback port over a temp copy of content and templates, and talks HTTP to it. */
class PreviewServerTest {
    private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-SITE";

    @TempDir
    Path root;

    private Fixture fixture;
    private PreviewServer server;
    private EventStream events;
    private final List<BuildOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String start(Duration quietPeriod) throws Exception {
        fixture = new Fixture(root);
        server = PreviewServer.start(new PreviewOptions(fixture.content, fixture.templates, InetAddress.getLoopbackAddress(), 0, quietPeriod),
                outcomes::add);
        events = new EventStream(client, server.url());
        return events.next();
    }

    private String start() throws Exception {
        return start(Duration.ofMillis(50));
    }

    @AfterEach
    void stop() throws IOException {
        if (events != null) {
            events.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(EventStream.PATIENCE).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body());
    }

    /**
     * Fails unless one of the next {@code builds} announced builds serves the page with the text. A folder made and then
     * written to is two changes: on a slow machine the empty folder can be built and announced before the file is
     * written (so one more announcement may be queued behind the page's).
     */
    private void assertShownWithin(int builds, String path, String text) throws Exception {
        String seen = "";
        for (int build = 0; build < builds; build++) {
            events.next();
            HttpResponse<String> response = get(path);
            seen = response.statusCode() + " " + (response.statusCode() == 200 ? Jsoup.parse(response.body()).text() : "");
            if (response.statusCode() == 200 && seen.contains(text)) {
                return;
            }
        }
        throw new AssertionError(path + " did not show '" + text + "' after " + builds + " builds; last: " + seen);
    }

    private Path basics() {
        return fixture.content.resolve("lifting/basics.md");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    private BuildOutcome outcomeOf(String buildId) {
        return outcomes.stream().filter(o -> o.id().equals(buildId)).findFirst().orElseThrow();
    }

    @Test
    void a_stylesheet_edit_is_served_under_its_new_hashed_name_and_every_page_links_to_it() throws Exception {
        start();
        String before = stylesheetOf("/lifting/basics/");
        assertEquals(200, get(before).statusCode(), before);
        Files.writeString(fixture.templates.resolve("static/style.css"), "body { margin: 1em }\n");
        BuildOutcome outcome = outcomeOf(events.next());
        assertTrue(outcome.ok(), outcome.toString());
        String after = stylesheetOf("/lifting/basics/");
        assertFalse(after.equals(before), after);
        HttpResponse<String> css = get(after);
        assertEquals(200, css.statusCode(), after);
        assertEquals("body { margin: 1em }\n", css.body());
        assertEquals(after, stylesheetOf("/"));
    }

    /** The site path of the stylesheet a page links to, resolved from the page's address. */
    private String stylesheetOf(String pagePath) throws Exception {
        return server.url().resolve(pagePath).resolve(page(pagePath).selectFirst("link[rel=stylesheet]").attr("href")).getPath();
    }

    @Test
    void an_edit_shows_up_after_a_reload_event_and_only_the_pages_it_touches_are_rendered() throws Exception {
        String first = start();
        Document before = page("/lifting/basics/");
        assertTrue(before.text().contains("Keep the bar close."));
        assertEquals(first, before.getElementById("hg-preview-client").attr("data-build"));

        edit(basics(), "Keep the bar close.", "Keep the bar very close.");
        String second = events.next();
        assertEquals(EventStream.number(first) + 1, EventStream.number(second));
        Document after = page("/lifting/basics/");
        assertTrue(after.text().contains("Keep the bar very close."), after.text());
        assertEquals(second, after.getElementById("hg-preview-client").attr("data-build"));
        assertTrue(page("/lifting/whole-guide/").text().contains("Keep the bar very close."));
        BuildOutcome outcome = outcomeOf(second);
        assertTrue(outcome.ok());
        // The section's page and the whole-guide page; the index, neighbours, home and 404 show nothing that changed.
        assertEquals(2, outcome.rendered());
        assertEquals(7, outcome.pages());

        edit(basics(), "title: Basics", "title: The basics");
        BuildOutcome retitled = outcomeOf(events.next());
        // The title shows in the guide's contents on every page of the guide, in the next page's "previous" link
        // and in the A to Z.
        assertEquals(5, retitled.rendered());

        Fixture.write(fixture.templates.resolve("section.ftlh"), Fixture.PAGE_TEMPLATE.replace("<main", "<p>New footer</p><main"));
        String third = events.next();
        assertEquals(7, outcomeOf(third).rendered());
        assertTrue(page("/lifting/recovery/").text().contains("New footer"));
    }

    /** Breaks the site one way, expects a failed rebuild naming the file, then fixes it and expects the page back. */
    private void breaksAndRecovers(Runnable breakIt, String file, String phrase, Runnable fixIt) throws Exception {
        breakIt.run();
        BuildOutcome broken = outcomeOf(events.next());
        assertFalse(broken.ok(), phrase);
        assertTrue(broken.problems().stream().anyMatch(p -> p.file().endsWith(file) && p.message().contains(phrase)), broken.problems().toString());
        fixIt.run();
        BuildOutcome fixed = outcomeOf(events.next());
        assertTrue(fixed.ok(), fixed.problems().toString());
        assertTrue(page("/lifting/basics/").text().contains("Keep the bar close."));
    }

    private static Runnable writing(Path file, String text) {
        return () -> Fixture.write(file, text);
    }

    @Test
    void the_watcher_survives_hostile_input_and_recovers_when_it_is_fixed() throws Exception {
        start();
        Path stuck = fixture.content.resolve("lifting/stuck.md");
        breaksAndRecovers(() -> {
            try {
                assertEquals(0, new ProcessBuilder("mkfifo", stuck.toString()).start().waitFor());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "lifting/stuck.md", "is not an ordinary file", () -> {
            try {
                Files.delete(stuck);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        breaksAndRecovers(writing(basics(), "---\ntitle: Basics\norder: 1\nloop: &a [x, *a]\n---\nText.\n"), "lifting/basics.md",
                "is used again", writing(basics(), Fixture.BASICS));
        breaksAndRecovers(writing(basics(), "---\ntitle: Basics\norder: 1\ndeep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n"),
                "lifting/basics.md", "nested more than 20 levels deep", writing(basics(), Fixture.BASICS));
        Path template = fixture.templates.resolve("section.ftlh");
        breaksAndRecovers(writing(template, "<#macro r n><@r n + 1/></#macro>\n<@r 0/>\n"), "section.ftlh", "stack overflow",
                writing(template, Fixture.PAGE_TEMPLATE));
    }

    @Test
    void a_content_folder_replaced_by_another_is_watched_in_its_place() throws Exception {
        start();
        Path old = root.resolve("content-old");
        Files.move(fixture.content, old);
        copyTree(old, fixture.content);
        edit(basics(), "Keep the bar close.", "Keep the bar closer.");
        events.next();
        // Settle: the replacement may arrive as more than one rebuild.
        for (int tries = 0; tries < 10 && !page("/lifting/basics/").text().contains("Keep the bar closer."); tries++) {
            events.next();
        }
        assertTrue(page("/lifting/basics/").text().contains("Keep the bar closer."), "the new folder's content is served");
        edit(basics(), "Keep the bar closer.", "Keep the bar closest.");
        events.next();
        assertTrue(page("/lifting/basics/").text().contains("Keep the bar closest."), "an edit in the new folder is seen");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void the_reload_client_is_added_by_the_server_and_never_published() throws Exception {
        start();
        String served = get("/lifting/basics/").body();
        new SiteBuild(new BuildOptions(fixture.content, fixture.templates, fixture.out, "/", false)).run();
        String published = Files.readString(fixture.out.resolve("lifting/basics/index.html"));
        assertFalse(published.contains("hg-preview"), "published page holds the preview client");
        assertTrue(served.contains("hg-preview-client"));
        int end = published.lastIndexOf("</body>");
        assertTrue(served.startsWith(published.substring(0, end)), "served page differs from the published one before </body>");
        assertTrue(served.endsWith(published.substring(end)));
        // Only HTML gets the client.
        assertFalse(get(stylesheet()).body().contains("hg-preview"));
    }

    @Test
    void a_bad_edit_shows_the_overlay_over_the_last_good_site_and_the_fix_removes_it() throws Exception {
        start();
        edit(basics(), "order: 1", "order: one");
        String broken = events.next();
        assertFalse(outcomeOf(broken).ok());
        Document shown = page("/lifting/basics/");
        assertTrue(shown.text().contains("Keep the bar close."), "the last good page is still served");
        Element overlay = shown.getElementById("hg-preview-overlay");
        assertNotNull(overlay, "no overlay");
        assertEquals("en", overlay.attr("lang"), "the tool's English, said so on a page in any language");
        assertEquals("ltr", overlay.attr("dir"), "and not mirrored on a right-to-left page");
        assertTrue(overlay.select("code.hg-preview-location").eachText().stream().anyMatch(l -> l.endsWith("lifting/basics.md:3:1")),
                overlay.text());
        assertTrue(overlay.text().contains("error[G0215]: 'order' must be a whole number"), overlay.text());
        assertEquals("  3 | order: one\n    | ^", overlay.selectFirst("pre.hg-preview-excerpt").wholeText(),
                "the source line with a caret under the column, as in the terminal");
        assertEquals(200, get("/").statusCode(), "the server keeps serving");

        edit(basics(), "order: one", "order: 1");
        events.next();
        edit(basics(), "Keep the bar close.", "Keep the bar closer.");
        events.next();
        Document fixed = page("/lifting/basics/");
        assertNull(fixed.getElementById("hg-preview-overlay"));
        assertTrue(fixed.text().contains("Keep the bar closer."));
    }

    @Test
    void template_errors_missing_warnings_and_broken_links_each_show_in_the_overlay() throws Exception {
        start();
        Path recovery = fixture.content.resolve("lifting/recovery.md");
        Path section = fixture.templates.resolve("section.ftlh");
        record Breakage(Path file, String from, String to, String location, String message) {
        }
        List<Breakage> breakages = List.of(
                new Breakage(section, "<h1>${page.title}</h1>", "<h1>${page.nope}</h1>", "templates/section.ftlh:2:", "template error"),
                new Breakage(recovery, "!!! urgent", "!!! caution", "lifting/recovery.md", "missing required care card 'red flags'"),
                new Breakage(basics(), "(recovery.md#when-to-see-a-doctor)", "(nowhere.md)", "lifting/basics.md:7", "leads nowhere"));
        for (Breakage breakage : breakages) {
            edit(breakage.file(), breakage.from(), breakage.to());
            events.next();
            Element overlay = page("/lifting/basics/").getElementById("hg-preview-overlay");
            assertNotNull(overlay, breakage.message());
            assertTrue(overlay.select("li").stream().anyMatch(li -> li.selectFirst("code").text().contains(breakage.location())
                    && li.text().contains(breakage.message())), breakage.message() + " not in: " + overlay.text());
            edit(breakage.file(), breakage.to(), breakage.from());
            events.next();
            assertNull(page("/lifting/basics/").getElementById("hg-preview-overlay"), "overlay stays after fixing " + breakage.message());
        }
    }

    @Test
    void when_the_first_build_fails_an_error_page_is_served_until_the_fix() throws Exception {
        fixture = new Fixture(root);
        edit(basics(), "title: Basics", "titel: Basics");
        server = PreviewServer.start(new PreviewOptions(fixture.content, fixture.templates, InetAddress.getLoopbackAddress(), 0,
                Duration.ofMillis(50)), outcomes::add);
        events = new EventStream(client, server.url());
        events.next();
        HttpResponse<String> response = get("/lifting/basics/");
        assertEquals(503, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).getElementById("hg-preview-overlay").text().contains("did you mean 'title'"));
        edit(basics(), "titel: Basics", "title: Basics");
        events.next();
        assertEquals(200, get("/lifting/basics/").statusCode());
    }

    @Test
    void every_way_of_leaving_the_site_is_refused() throws Exception {
        start();
        Path secret = root.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        Files.createSymbolicLink(fixture.content.resolve("lifting/leak.txt"), secret);
        Files.createSymbolicLink(fixture.templates.resolve("static/leak.css"), secret);
        // A real edit, so the build that saw the links has finished before we ask.
        edit(basics(), "Keep the bar close.", "Keep the bar close!");
        events.next();
        String absolute = secret.toAbsolutePath().toString();
        List<String> attempts = List.of(
                "/../secret.txt", "/../../../../etc/passwd", "/lifting/../../secret.txt", "/static/../../secret.txt",
                "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/.%2e/secret.txt", "/lifting/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt", "/lifting%2f..%2f..%2fsecret.txt", "/%2F..%2F..%2Fetc%2Fpasswd",
                "//etc/passwd", "/static//style.css", "//" + absolute, absolute, "/" + absolute,
                "/..\\secret.txt", "/%5c..%5csecret.txt", "/lifting\\..\\..\\secret.txt",
                "/secret.txt%00.html", "/%00", "/lifting/%c0%ae%c0%ae/secret.txt", "/%252e%252e/secret.txt",
                "http://127.0.0.1/../secret.txt", "/lifting/leak.txt", "/static/leak.css", "/./index.html");
        List<String> mustBeBadRequests = List.of("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "//etc/passwd",
                "/static//style.css", "/..\\secret.txt", "/%5c..%5csecret.txt", "/secret.txt%00.html");
        for (String target : attempts) {
            String response = raw(target);
            int status = status(response);
            assertTrue(status == 400 || status == 404, target + " answered " + status);
            if (mustBeBadRequests.contains(target)) {
                assertEquals(400, status, target);
            }
            assertFalse(response.contains(SECRET), target + " leaked the file");
            assertFalse(response.contains("root:"), target + " leaked /etc/passwd");
        }
        assertEquals(200, status(raw(stylesheet())), "a normal request still works");
    }

    @Test
    void the_server_listens_on_loopback_only_and_answers_only_this_machines_names() throws Exception {
        start();
        assertTrue(server.address().getAddress().isLoopbackAddress());
        assertEquals("127.0.0.1", server.url().getHost());
        assertEquals(403, status(raw("/", "evil.example")), "a rebound DNS name must not read the preview");
        assertEquals(200, status(raw("/", "localhost:" + server.address().getPort())));
        // An absolute-form target names its own host, which wins over the Host header: the same check applies.
        String local = "127.0.0.1:" + server.address().getPort();
        assertEquals(403, status(raw("http://evil.example/", local)), "absolute-form target with a foreign host");
        assertEquals(403, status(raw("http://evil.example:" + server.address().getPort() + "/index.html", local)));
        assertEquals(200, status(raw("http://" + local + "/", local)), "absolute-form target naming this machine");
    }

    @Test
    void unknown_paths_get_the_sites_404_page_and_files_their_types() throws Exception {
        start();
        HttpResponse<String> missing = get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertEquals("Page not found", Jsoup.parse(missing.body()).selectFirst("h1").text());
        assertEquals("text/html; charset=utf-8", missing.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> css = get(stylesheet());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", css.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", css.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("text/event-stream; charset=utf-8", events.contentType);

        HttpResponse<String> head = client.send(HttpRequest.newBuilder(server.url().resolve("/lifting/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get("/lifting/").body().getBytes(StandardCharsets.UTF_8).length,
                Integer.parseInt(head.headers().firstValue("Content-Length").orElseThrow()));
    }

    @Test
    void clean_urls_redirect_to_their_folder_form() throws Exception {
        start();
        for (String[] pair : new String[][] {
                {"/lifting/basics", "/lifting/basics/"}, {"/lifting", "/lifting/"}, {"/lifting/basics/index.html", "/lifting/basics/"},
                {"/index.html", "/"}, {"/lifting/basics?x=1", "/lifting/basics/?x=1"}}) {
            HttpResponse<String> response = get(pair[0]);
            assertEquals(308, response.statusCode(), pair[0]);
            assertEquals(pair[1], response.headers().firstValue("Location").orElseThrow(), pair[0]);
        }
        assertEquals(200, get("/lifting/basics/").statusCode());
        assertEquals(200, get("/404.html").statusCode());
    }

    @Test
    void methods_other_than_get_and_head_are_refused() throws Exception {
        start();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url().resolve("/lifting/"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), method);
            assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow(), method);
        }
    }

    @Test
    void editor_leftovers_are_ignored_and_a_burst_of_saves_makes_one_rebuild() throws Exception {
        long first = EventStream.number(start(Duration.ofMillis(400)));
        Path folder = fixture.content.resolve("lifting");
        for (String leftover : List.of(".basics.md.swp", "basics.md~", "4913", ".#basics.md", "#basics.md#", "basics.md___jb_tmp___")) {
            Files.writeString(folder.resolve(leftover), "junk");
            Files.delete(folder.resolve(leftover));
        }
        // A vim-style save (swap file, backup by rename, new file), then more saves, all within the quiet period.
        Files.writeString(folder.resolve(".basics.md.swp"), "swap");
        Files.move(basics(), folder.resolve("basics.md~"));
        Files.writeString(basics(), Fixture.BASICS.replace("Keep the bar close.", "Save one."));
        Files.delete(folder.resolve("basics.md~"));
        Files.writeString(basics(), Fixture.BASICS.replace("Keep the bar close.", "Save two."));
        Files.writeString(basics(), Fixture.BASICS.replace("Keep the bar close.", "Save three."));
        Files.delete(folder.resolve(".basics.md.swp"));
        assertEquals(first + 1, EventStream.number(events.next()), "the leftovers alone rebuilt the site");
        assertTrue(page("/lifting/basics/").text().contains("Save three."));
        // If the burst had made two builds, this edit's event would not be the very next number.
        edit(basics(), "Save three.", "Save four.");
        assertEquals(first + 2, EventStream.number(events.next()));
    }

    @Test
    void atomic_renames_deletions_and_new_folders_are_followed() throws Exception {
        start();
        Path folder = fixture.content.resolve("lifting");
        Path temp = folder.resolve("basics.md.tmp");
        Files.writeString(temp, Fixture.BASICS.replace("Keep the bar close.", "Renamed into place."));
        Files.move(temp, basics(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        events.next();
        assertTrue(page("/lifting/basics/").text().contains("Renamed into place."));

        Fixture.write(folder.resolve("extra.md"), "---\ntitle: Extra\norder: 3\n---\n## More\n\nExtra words.\n");
        events.next();
        assertTrue(page("/lifting/extra/").text().contains("Extra words."));
        Files.move(folder.resolve("extra.md"), folder.resolve("more.md"));
        events.next();
        assertEquals(404, get("/lifting/extra/").statusCode(), "the renamed page is still served under its old name");
        assertTrue(page("/lifting/more/").text().contains("Extra words."));
        Files.delete(folder.resolve("more.md"));
        events.next();
        assertEquals(404, get("/lifting/more/").statusCode());
        assertTrue(page("/lifting/recovery/").select("a[rel=next]").isEmpty(), "recovery still links to the deleted page");

        Path walking = fixture.content.resolve("walking");
        Files.createDirectories(walking);
        Fixture.write(walking.resolve("index.md"), "---\ntitle: Walking guide\n---\nWalk every day.\n");
        assertShownWithin(3, "/walking/", "Walk every day.");
        Files.writeString(walking.resolve("index.md"), "---\ntitle: Walking guide\n---\nWalk twice a day.\n");
        assertShownWithin(2, "/walking/", "Walk twice a day."); // else a change in a new folder was missed
    }

    private String raw(String target) throws IOException {
        return raw(target, "127.0.0.1:" + server.address().getPort());
    }

    /** Sends a request line exactly as written, which HttpClient would refuse to or normalise. */
    private String raw(String target, String host) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(response.substring(9, 12));
    }


    /** The stylesheet's site path, named by content hash as the build names it. */
    private String stylesheet() throws Exception {
        return "/" + Jsoup.parse(get("/").body()).selectFirst("link[rel=stylesheet]").attr("href").replaceFirst("^(\\./)+", "");
    }
}
