package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Serves the built site with a real nginx under the sub-path /health/, configured with the repository's
 * publish/nginx.conf, and reads it over HTTP like a browser and a crawler would. nginx runs as hosts run it:
 * the site copied with 'cp -r', a root master and a worker running as nobody (when the tests run as root, as in
 * CI; otherwise the copy's modes are checked for what such a worker needs).
 *
 * nginx is a Debian package that .ci/run installs; .ci/run also sets -Dsite.nginx=required, so in CI a missing
 * nginx fails this test. Elsewhere the test is skipped (and reported as skipped) when nginx is not installed.
 */
class NginxServedSiteTest {
    private static final String BASE_PATH = "/health/";
    private static final String SNIPPET_SITE_FOLDER = "/srv/health/";

    /** The unprivileged account nginx's worker runs as when the tests run as root (CI does). */
    private static final String WORKER_USER = "nobody";
    private static final String SERVER_HEADER = "X-Host-Policy";

    private static Path workDir;
    private static boolean asRoot;
    private static Process nginx;
    private static String origin;
    /** The multilingual fixture site, served by a second server block with the recipe's per-language 404 blocks. */
    private static String multilingualOrigin;
    private static final List<String> FIXTURE_LANGUAGES = List.of("cy", "ur");
    private static HttpClient http;

    @BeforeAll
    static void startNginx() throws Exception {
        Path binary = findNginx();
        if (binary == null) {
            if ("required".equals(System.getProperty("site.nginx"))) {
                fail("nginx is required (-Dsite.nginx=required) but is not installed: apt-get install nginx, or run .ci/run");
            }
            Assumptions.abort("nginx is not installed; .ci/run installs it and makes this test required");
        }
        assertEquals(BASE_PATH, URI.create(SearchAndPreviewTest.baseUrl()).getPath(), "the site must be built for " + BASE_PATH);
        Path repo = Path.of(System.getProperty("repo.dir"));
        String snippet = Files.readString(repo.resolve("publish/nginx.conf"));
        assertTrue(snippet.contains("alias " + SNIPPET_SITE_FOLDER + ";"), "publish/nginx.conf serves " + SNIPPET_SITE_FOLDER);
        // The site is copied the way a host installs it, with 'cp -r', into a folder the worker does not own.
        workDir = Files.createTempDirectory("nginx-site-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path copy = workDir.resolve("srv/health");
        Files.createDirectories(copy.getParent());
        run("cp", "-r", BuiltSite.root().toAbsolutePath().normalize().toString(), copy.toString());
        assertReadableByOthers(copy);
        String siteFolder = copy + "/";

        Path multilingualCopy = workDir.resolve("srv/multilingual");
        run("cp", "-r", MultilingualSite.root().toAbsolutePath().normalize().toString(), multilingualCopy.toString());
        assertReadableByOthers(multilingualCopy);

        int port = freePort();
        int multilingualPort = freePort();
        String w = workDir.toString();
        // As hosts run it: a root master and an unprivileged worker. Only root can start it that way; as any other
        // user nginx runs as that user, and the modes checked above stand in for the worker's view.
        asRoot = "root".equals(System.getProperty("user.name"));
        String config = String.join("\n",
                "daemon off;",
                asRoot ? "user " + WORKER_USER + " " + workerGroup() + ";" : "master_process off;",
                "worker_processes 1;",
                "pid " + w + "/nginx.pid;",
                "error_log " + w + "/error.log warn;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + w + "/access.log;",
                "  client_body_temp_path " + w + "/client_body;",
                "  proxy_temp_path " + w + "/proxy;",
                "  fastcgi_temp_path " + w + "/fastcgi;",
                "  uwsgi_temp_path " + w + "/uwsgi;",
                "  scgi_temp_path " + w + "/scgi;",
                "  types { text/html html; text/css css; application/xml xml; text/plain txt; image/svg+xml svg;",
                "          application/json json; image/png png; image/jpeg jpg jpeg; image/webp webp; image/gif gif; }",
                "  default_type application/octet-stream;",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    server_name localhost;",
                // A host's own headers at server level, which every response under /health/ must keep.
                "    add_header " + SERVER_HEADER + " \"from the server block\";",
                "    add_header X-Content-Type-Options nosniff always;",
                snippet.replace(SNIPPET_SITE_FOLDER, siteFolder),
                // The old addresses of moved pages, written by the build beside the site (docs/publishing.md).
                "    include " + BuiltSite.root().toAbsolutePath().normalize().resolveSibling("redirects.nginx.conf") + ";",
                "  }",
                "  server {",
                "    listen 127.0.0.1:" + multilingualPort + ";",
                "    server_name localhost;",
                withLanguageBlocks(snippet, FIXTURE_LANGUAGES).replace(SNIPPET_SITE_FOLDER, multilingualCopy + "/"),
                "  }",
                "}", "");
        Path conf = workDir.resolve("nginx.conf");
        Files.writeString(conf, config);
        nginx = new ProcessBuilder(binary.toString(), "-p", w + "/", "-e", w + "/error.log", "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("stdout.log").toFile())
                .start();
        origin = "http://127.0.0.1:" + port;
        multilingualOrigin = "http://127.0.0.1:" + multilingualPort;
        waitUntilListening(port);
        waitUntilListening(multilingualPort);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
        }
        if (workDir != null) {
            PathUtils.deleteDirectory(workDir);
        }
    }

    @Test
    void theWorkerThatServesTheSiteIsAnUnprivilegedUser() throws Exception {
        Assumptions.assumeTrue(asRoot, "only root can start nginx with another user's worker; the copied tree's modes were checked instead");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> workers = List.of();
        while (workers.isEmpty() && System.nanoTime() < deadline) {
            workers = nginx.children().map(p -> p.info().user().orElse("?")).toList();
            Thread.sleep(20);
        }
        assertEquals(List.of(WORKER_USER), workers, "nginx's worker runs as " + WORKER_USER + ", its master as root");
        assertEquals("root", nginx.info().user().orElse("?"));
    }

    @Test
    void crawlingFromTheHomePageFindsEveryPageAndNoBrokenLinkAssetOrAnchor() throws Exception {
        Deque<URI> queue = new ArrayDeque<>();
        Set<URI> seen = new HashSet<>();
        Map<URI, Set<String>> idsByPage = new HashMap<>();
        Map<URI, List<String>> anchorsWanted = new HashMap<>();
        List<String> broken = new ArrayList<>();
        URI home = URI.create(origin + BASE_PATH);
        queue.add(home);
        seen.add(home);
        // The sitemap's and robots.txt's addresses are crawled too, mapped from the base URL to this server.
        for (String extra : List.of("sitemap.xml", "robots.txt")) {
            URI uri = home.resolve(extra);
            queue.add(uri);
            seen.add(uri);
        }
        Set<String> externalLinks = new TreeSet<>();
        while (!queue.isEmpty()) {
            URI url = queue.poll();
            HttpResponse<byte[]> response = get(url, false);
            if (response.statusCode() != 200) {
                broken.add(url + " answered " + response.statusCode());
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            List<String> found = new ArrayList<>();
            if (type.startsWith("text/html")) {
                Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), url.toString());
                idsByPage.put(url, new HashSet<>(page.select("[id]").eachAttr("id")));
                for (Element element : page.select("[href], [src]")) {
                    found.add(element.hasAttr("href") ? element.attr("href") : element.attr("src"));
                }
            } else if (url.getPath().endsWith("sitemap.xml")) {
                Matcher loc = Pattern.compile("<loc>([^<]+)</loc>").matcher(new String(response.body(), StandardCharsets.UTF_8));
                while (loc.find()) {
                    found.add(loc.group(1));
                }
            } else if (url.getPath().endsWith("robots.txt")) {
                for (String line : new String(response.body(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("Sitemap: ")) {
                        found.add(line.substring("Sitemap: ".length()).trim());
                    }
                }
            }
            for (String link : found) {
                if (link.startsWith("mailto:") || link.startsWith("tel:")) {
                    continue;
                }
                URI target = local(url.resolve(link.replace(" ", "%20")));
                if (!target.toString().startsWith(origin + "/")) {
                    externalLinks.add(target.toString());
                    continue;
                }
                if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()) {
                    anchorsWanted.computeIfAbsent(withoutFragment(target), k -> new ArrayList<>())
                            .add(target.getFragment() + " (from " + url + ")");
                }
                URI page = withoutFragment(target);
                if (seen.add(page)) {
                    queue.add(page);
                }
            }
        }
        anchorsWanted.forEach((page, anchors) -> {
            for (String anchor : anchors) {
                String id = anchor.substring(0, anchor.indexOf(" (from "));
                if (!idsByPage.getOrDefault(page, Set.of()).contains(id)) {
                    broken.add(page + "#" + anchor + ": no such id");
                }
            }
        });
        assertEquals(List.of(), broken, "broken links, assets or anchors");

        Set<String> expectedPages = new TreeSet<>();
        BuiltSite.htmlPages().stream().filter(p -> !p.equals("404.html")).forEach(p -> expectedPages.add(origin + BASE_PATH + p));
        Set<String> crawledPages = new TreeSet<>();
        idsByPage.keySet().forEach(u -> crawledPages.add(u.toString()));
        assertEquals(expectedPages, crawledPages, "every page is reachable from the home page");
        assertTrue(seen.stream().anyMatch(u -> u.getPath().matches(".*/static/style\\.[0-9a-f]{8}\\.css")), "stylesheet fetched");
        assertTrue(seen.stream().anyMatch(u -> u.getPath().matches(".*/static/favicon\\.[0-9a-f]{8}\\.svg")), "favicon fetched");
        // The one link to another site is the NHS.UK page the emergency signs are cited to; check new ones with 'check --external'.
        assertEquals(Set.of("https://www.nhs.uk/conditions/back-pain/"), externalLinks, "links to other sites");
    }

    @Test
    void anUnknownAddressAtAnyDepthGets404WithTheSitesOwnPageWhoseLinksWork() throws Exception {
        for (String missing : List.of("no-such-page", "deadlift-lower-back-pain/no-such-section/", "a/b/c/d.html")) {
            URI url = URI.create(origin + BASE_PATH + missing);
            HttpResponse<byte[]> response = get(url, false);
            assertEquals(404, response.statusCode(), url.toString());
            Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), url.toString());
            assertEquals("Page not found", page.selectFirst("h1").text(), url + " shows the site's 404 page");
            List<String> links = page.select("a[href]:not([href^=#]), link[rel=stylesheet], link[rel=icon]").eachAttr("abs:href");
            assertTrue(links.size() >= 4, links.toString());
            for (String link : links) {
                assertEquals(200, get(URI.create(link), false).statusCode(), "from the 404 page at " + url + ": " + link);
            }
        }
    }

    /**
     * With the recipe's per-language block uncommented for each language but the first, a mistyped Welsh address
     * answers 404 with the Welsh page, an Urdu one with the Urdu page, any other with the default language's.
     */
    @Test
    void aMissingAddressUnderALanguagesFolderGetsThatLanguagesOwn404Page() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("cy/no-such-page", "cy/404.html");
        expected.put("cy/lifting/no-such-section/", "cy/404.html");
        expected.put("ur/a/b/c.html", "ur/404.html");
        expected.put("no-such-page", "404.html");
        expected.put("lifting/no-such-section/", "404.html");
        expected.put("cyan/", "404.html");
        for (Map.Entry<String, String> missing : expected.entrySet()) {
            URI url = URI.create(multilingualOrigin + BASE_PATH + missing.getKey());
            HttpResponse<byte[]> response = get(url, false);
            assertEquals(404, response.statusCode(), url.toString());
            assertArrayEquals(Files.readAllBytes(MultilingualSite.root().resolve(missing.getValue())), response.body(),
                    url + " answers with " + missing.getValue());
            Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), url.toString());
            for (String link : page.select("a[href]:not([href^=#]), link[rel=stylesheet]").eachAttr("abs:href")) {
                assertEquals(200, get(URI.create(link), false).statusCode(), "from the 404 page at " + url + ": " + link);
            }
        }
        assertEquals("cy", Jsoup.parse(new String(get(URI.create(multilingualOrigin + BASE_PATH + "cy/x"), false).body(),
                StandardCharsets.UTF_8)).selectFirst("html").attr("lang"));
        // The pages themselves are still served, from the same folder.
        assertEquals(200, get(URI.create(multilingualOrigin + BASE_PATH + "cy/lifting/"), false).statusCode());
    }

    /**
     * The recipe with its commented per-language block uncommented once for each language ("cy" replaced), in its
     * place inside the base path's location, as docs/publishing.md tells a site in several languages to do.
     */
    static String withLanguageBlocks(String snippet, List<String> languages) {
        List<String> lines = snippet.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("#location " + BASE_PATH + "cy/ {")) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "publish/nginx.conf has a commented 'location " + BASE_PATH + "cy/' block");
        int end = start;
        while (!lines.get(end).strip().equals("#}")) {
            end++;
        }
        List<String> block = lines.subList(start, end + 1).stream().map(line -> line.replaceFirst("#", "")).toList();
        List<String> result = new ArrayList<>(lines.subList(0, start));
        for (String language : languages) {
            block.forEach(line -> result.add(line.replace(BASE_PATH + "cy/", BASE_PATH + language + "/")));
        }
        result.addAll(lines.subList(end + 1, lines.size()));
        return String.join("\n", result);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void browsersThatAcceptGzipGetTheGzFileAndOthersTheOriginal() throws Exception {
        Document home = BuiltSite.page("");
        String stylesheet = home.selectFirst("link[rel=stylesheet]").attr("href").replaceFirst("^\\./", "");
        Map<String, Path> files = Map.of(
                "", BuiltSite.root().resolve("index.html"),
                stylesheet, BuiltSite.root().resolve(stylesheet),
                "sitemap.xml", BuiltSite.root().resolve("sitemap.xml"));
        for (Map.Entry<String, Path> file : files.entrySet()) {
            URI url = URI.create(origin + BASE_PATH + file.getKey());
            HttpResponse<byte[]> gzipped = get(url, true);
            assertEquals(200, gzipped.statusCode(), url.toString());
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), url + " with Accept-Encoding: gzip");
            assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElse(""), url.toString());
            Path gz = file.getValue().resolveSibling(file.getValue().getFileName() + ".gz");
            assertArrayEquals(Files.readAllBytes(gz), gzipped.body(), url + " is served from " + gz.getFileName());

            HttpResponse<byte[]> plain = get(url, false);
            assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), url + " without Accept-Encoding");
            assertArrayEquals(Files.readAllBytes(file.getValue()), plain.body(), url.toString());
        }
        HttpResponse<byte[]> css = get(URI.create(origin + BASE_PATH + stylesheet), true);
        assertEquals("text/css", css.headers().firstValue("Content-Type").orElse(""));
        assertEquals("max-age=31536000", css.headers().firstValue("Cache-Control").orElse(""), "hashed assets are cached for a year");
        assertTrue(css.headers().firstValue("Expires").isPresent(), "and an Expires header for old caches");
    }

    @Test
    void feedsAreServedAsAtomInEveryLanguageAndTheSitemapKeepsItsType() throws Exception {
        Map<URI, Path> feeds = new java.util.LinkedHashMap<>();
        feeds.put(URI.create(origin + BASE_PATH + "feed.xml"), BuiltSite.root().resolve("feed.xml"));
        feeds.put(URI.create(multilingualOrigin + BASE_PATH + "feed.xml"), MultilingualSite.root().resolve("feed.xml"));
        for (String language : FIXTURE_LANGUAGES) {
            feeds.put(URI.create(multilingualOrigin + BASE_PATH + language + "/feed.xml"), MultilingualSite.root().resolve(language + "/feed.xml"));
        }
        for (Map.Entry<URI, Path> feed : feeds.entrySet()) {
            assertTrue(Files.isRegularFile(feed.getValue()), feed.getValue() + " was built");
            for (boolean gzip : List.of(false, true)) {
                HttpResponse<byte[]> response = get(feed.getKey(), gzip);
                assertEquals(200, response.statusCode(), feed.getKey().toString());
                assertEquals("application/atom+xml", response.headers().firstValue("Content-Type").orElse(""), feed.getKey() + " (gzip " + gzip + ")");
                // The main site is precompressed (its site.yaml), the multilingual one not: the .gz is sent where there is one.
                Path gz = feed.getValue().resolveSibling("feed.xml.gz");
                Path served = gzip && Files.exists(gz) ? gz : feed.getValue();
                assertArrayEquals(Files.readAllBytes(served), response.body(), feed.getKey() + " is " + served.getFileName());
            }
        }
        // The test server's types map .xml to application/xml (Debian's to text/xml): the sitemap keeps it.
        assertEquals("application/xml", get(URI.create(origin + BASE_PATH + "sitemap.xml"), false).headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void everyKindOfResponseKeepsTheServersOwnHeaders() throws Exception {
        String stylesheet = BuiltSite.page("").selectFirst("link[rel=stylesheet]").attr("href").replaceFirst("^\\./", "");
        for (String path : List.of("", BuiltSite.GUIDE + "/technique/", stylesheet, "sitemap.xml", "feed.xml", "no-such-page")) {
            for (boolean gzip : List.of(false, true)) {
                HttpResponse<byte[]> response = get(URI.create(origin + BASE_PATH + path), gzip);
                // Without 'always', nginx adds a header to 2xx and 3xx answers only: the 404 page gets the other one.
                assertEquals(response.statusCode() == 404 ? null : "from the server block", response.headers().firstValue(SERVER_HEADER).orElse(null),
                        BASE_PATH + path + " (gzip " + gzip + ", status " + response.statusCode() + ") keeps the server-level add_header");
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), BASE_PATH + path);
            }
        }
    }

    @Test
    void anOldAddressOfAMovedPageAnswers301WithItsNewAddress() throws Exception {
        assertFalse(BuiltSite.redirects().isEmpty(), "the content has aliases");
        for (Map.Entry<String, String> redirect : BuiltSite.redirects().entrySet()) {
            String to = origin + BASE_PATH + redirect.getValue();
            String from = origin + BASE_PATH + redirect.getKey();
            for (String old : List.of(from, from.substring(0, from.length() - 1))) {
                HttpResponse<byte[]> response = get(URI.create(old), false);
                assertEquals(301, response.statusCode(), old);
                assertEquals(to, URI.create(old).resolve(response.headers().firstValue("Location").orElse("")).toString(), old);
                assertEquals("from the server block", response.headers().firstValue(SERVER_HEADER).orElse(null), old);
            }
            assertEquals(200, get(URI.create(to), false).statusCode(), to);
        }
    }

    @Test
    void theBasePathWithoutItsSlashRedirectsToTheHomePage() throws Exception {
        for (String query : List.of("", "?from=leaflet")) {
            HttpResponse<byte[]> response = get(URI.create(origin + BASE_PATH.substring(0, BASE_PATH.length() - 1) + query), false);
            assertEquals(301, response.statusCode());
            assertEquals(URI.create(origin + BASE_PATH + query), URI.create(origin).resolve(response.headers().firstValue("Location").orElse("")));
        }
        assertEquals(200, get(URI.create(origin + BASE_PATH), false).statusCode());
    }

    private static HttpResponse<byte[]> get(URI url, boolean acceptGzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        if (acceptGzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Addresses under the public base URL (canonical links, the sitemap) are looked up on this server. */
    private static URI local(URI uri) {
        String base = SearchAndPreviewTest.baseUrl();
        String text = uri.toString();
        return text.startsWith(base) ? URI.create(origin + BASE_PATH + text.substring(base.length())) : uri;
    }

    private static URI withoutFragment(URI uri) {
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }

    /** What an unprivileged reader needs: every file o+r, every folder (and the folders above) o+rx. */
    private static void assertReadableByOthers(Path tree) throws IOException {
        List<String> closed = new ArrayList<>();
        for (Path above = tree.getParent(); above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                closed.add(above + " (o+x needed to reach the site)");
            }
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                boolean folder = Files.isDirectory(path);
                if (!mode.contains(PosixFilePermission.OTHERS_READ) || folder && !mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    closed.add(tree.relativize(path) + " is " + PosixFilePermissions.toString(mode));
                }
            }
        }
        assertEquals(List.of(), closed, "after cp -r, another user (nginx's worker) can read every file and open every folder");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }

    /** Debian's unprivileged group is nogroup; other systems call it nobody. */
    private static String workerGroup() throws IOException {
        Path groups = Path.of("/etc/group");
        boolean nogroup = Files.isReadable(groups) && Files.readAllLines(groups).stream().anyMatch(line -> line.startsWith("nogroup:"));
        return nogroup ? "nogroup" : "nobody";
    }

    private static Path findNginx() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "nginx"));
        }
        candidates.add(Path.of("/usr/sbin/nginx"));
        candidates.add(Path.of("/usr/local/sbin/nginx"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static void waitUntilListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                fail("nginx exited with " + nginx.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("nginx did not listen on port " + port + " within 15 s: " + log());
    }

    private static String log() throws IOException {
        Path log = workDir.resolve("error.log");
        Path out = workDir.resolve("stdout.log");
        return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(out) ? Files.readString(out) : "");
    }
}
