package org.healthguides.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.render.PagePlan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code guide serve}: builds the site into memory, serves it over HTTP, rebuilds it when the content or
 * templates change, and tells open pages to reload. A failed build keeps the last good site served, with the
 * problems shown over it. Nothing is written to disk, so the publish folder is never touched.
 *
 * <p>Safe by default: it listens on loopback only unless told otherwise, answers GET and HEAD only, refuses any
 * path that could leave the site, and serves only what the build produced.
 */
public final class PreviewServer implements AutoCloseable {
    private final HttpServer http;
    /** One thread per request; each open page holds one for its event stream. */
    private final ExecutorService threads;
    private final ContentWatcher watcher;
    private final PreviewBuild build;
    private final ReloadChannel reload = new ReloadChannel();
    private final ErrorOverlay overlay = new ErrorOverlay();
    private final Consumer<BuildOutcome> listener;
    private final boolean loopbackOnly;
    private final String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final AtomicLong builds = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state;

    /**
     * What is served now.
     *
     * @param site     the last site that built, or null when none has
     * @param problems the problems of the last build when it failed, else empty
     * @param snippet  what every HTML page gets before {@code </body>}
     */
    private record State(String buildId, Map<String, byte[]> site, List<Problem> problems, byte[] snippet) {
    }

    private PreviewServer(PreviewOptions options, Consumer<BuildOutcome> listener) throws IOException {
        this.listener = listener;
        this.loopbackOnly = options.bind().isLoopbackAddress();
        this.http = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 0);
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "preview-http");
            thread.setDaemon(true);
            return thread;
        });
        this.build = new PreviewBuild(options.content(), options.templates(), options.clock());
        ContentWatcher created = null;
        try {
            created = new ContentWatcher(options.content(), options.templates(), options.quietPeriod(), this::rebuild);
        } finally {
            if (created == null) {
                http.stop(0);
                threads.shutdownNow();
            }
        }
        this.watcher = created;
    }

    /**
     * Binds the port (throwing {@link java.net.BindException} when it is taken), builds the site, then serves
     * it and watches for changes. Each build, the first included, is reported to {@code listener} on the
     * watcher's thread.
     */
    public static PreviewServer start(PreviewOptions options, Consumer<BuildOutcome> listener) throws IOException {
        PreviewServer server = new PreviewServer(options, listener);
        server.rebuild(null);
        server.http.setExecutor(server.threads);
        server.http.createContext("/", server::handle);
        server.http.start();
        server.watcher.start();
        return server;
    }

    /** The address the server listens on (with the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The site's home page, for people to open. */
    public URI url() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host.replaceFirst("%.*", "") + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** Blocks until {@link #close()} was called. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            // Stopping anyway.
        }
        reload.close();
        http.stop(0);
        threads.shutdownNow();
        stopped.countDown();
    }

    private void rebuild(ContentWatcher.Change change) {
        long start = System.nanoTime();
        String buildId = runId + "-" + builds.incrementAndGet();
        if (change != null && change.templates()) {
            build.templatesChanged();
        }
        State previous = state;
        BuildOutcome outcome;
        try {
            PreviewBuild.Result result = build.build();
            state = new State(buildId, result.files(), List.of(), overlay.snippet(buildId, List.of()));
            outcome = new BuildOutcome(buildId, true, previous == null, result.warnings(), result.rendered(), result.pages(), millisSince(start));
        } catch (ContentErrors e) {
            outcome = failed(buildId, previous, e.problems(), start);
        } catch (IOException | UncheckedIOException e) {
            // Usually a file renamed or deleted while it was being read: the event that follows rebuilds again.
            outcome = failed(buildId, previous, List.of(Problem.error(Code.PREVIEW_READ_FAILED, build.contentName(), 0,
                    "could not read a file while building: " + e.getMessage(), "save the file again")), start);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = failed(buildId, previous, List.of(Problem.error(Code.PREVIEW_INTERNAL, build.contentName(), 0,
                    "internal error while building: " + e, "save again; if it persists, run './guide build --verbose'")), start);
        }
        listener.accept(outcome);
        reload.announce(buildId);
    }

    private BuildOutcome failed(String buildId, State previous, List<Problem> problems, long start) {
        Map<String, byte[]> lastGood = previous == null ? null : previous.site();
        state = new State(buildId, lastGood, problems, overlay.snippet(buildId, problems));
        return new BuildOutcome(buildId, false, previous == null, problems, 0, 0, millisSince(start));
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private void handle(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            respond(exchange);
        } catch (IOException e) {
            // The browser went away mid-response.
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(exchange, 405, "Method not allowed: the preview serves GET and HEAD only.");
            return;
        }
        if (loopbackOnly && !isLocalHost(exchange.getRequestHeaders().getFirst("Host"))) {
            // A page on another site whose name now points at 127.0.0.1 must not read the preview.
            sendText(exchange, 403, "Forbidden: open the preview at the address the server printed.");
            return;
        }
        URI uri = exchange.getRequestURI();
        if (loopbackOnly && uri.getScheme() != null && !isLocalHost(uri.getRawAuthority())) {
            // An absolute-form target ("GET http://evil.example/ HTTP/1.1") names the host it asks for: the same check.
            sendText(exchange, 403, "Forbidden: open the preview at the address the server printed.");
            return;
        }
        // "//etc/passwd" parses as host "etc" and path "/passwd": a double slash is refused, whatever it parsed as.
        boolean doubleSlash = uri.getScheme() == null && uri.getRawAuthority() != null;
        Optional<String> requested = doubleSlash ? Optional.empty() : RequestPath.sitePath(uri.getRawPath());
        if (requested.isEmpty()) {
            sendText(exchange, 400, "Bad request: this address cannot name a page of the site.");
            return;
        }
        String path = requested.get();
        State current = state;
        if (path.equals(ErrorOverlay.EVENTS_PATH)) {
            if (method.equals("HEAD")) {
                send(exchange, 200, ContentTypes.EVENT_STREAM, new byte[0]);
            } else {
                reload.stream(exchange, current.buildId());
            }
            return;
        }
        Map<String, byte[]> site = current.site();
        if (site == null) {
            send(exchange, 503, ContentTypes.HTML, overlay.page(current.buildId(), current.problems()));
            return;
        }
        String query = uri.getRawQuery();
        if (path.isEmpty() || path.endsWith("/")) {
            byte[] index = site.get(path + "index.html");
            if (index != null) {
                sendPage(exchange, 200, "index.html", index, current);
                return;
            }
        } else if (path.equals("index.html") || path.endsWith("/index.html")) {
            if (site.containsKey(path)) {
                redirect(exchange, path.substring(0, path.length() - "index.html".length()), query);
                return;
            }
        } else if (site.containsKey(path)) {
            sendPage(exchange, 200, path, site.get(path), current);
            return;
        } else if (site.containsKey(path + "/index.html")) {
            redirect(exchange, path + "/", query);
            return;
        }
        // A missing address under a language's folder ("cy/…") gets that language's page, as the publishing recipes do.
        int slash = path.indexOf('/');
        String notFoundPath = slash > 0 && site.containsKey(path.substring(0, slash + 1) + PagePlan.NOT_FOUND_PATH)
                ? path.substring(0, slash + 1) + PagePlan.NOT_FOUND_PATH : PagePlan.NOT_FOUND_PATH;
        byte[] notFound = site.get(notFoundPath);
        if (notFound == null) {
            sendText(exchange, 404, "Not found.");
        } else {
            sendPage(exchange, 404, notFoundPath, notFound, current);
        }
    }

    private void sendPage(HttpExchange exchange, int status, String sitePath, byte[] bytes, State current) throws IOException {
        String type = ContentTypes.of(sitePath);
        byte[] body = type.equals(ContentTypes.HTML) ? ErrorOverlay.inject(bytes, current.snippet()) : bytes;
        send(exchange, status, type, body);
    }

    /** Clean URLs have one form: the folder with its trailing slash. 308 keeps the method; no-store keeps browsers from remembering it. */
    private static void redirect(HttpExchange exchange, String sitePath, String rawQuery) throws IOException {
        String location;
        try {
            location = new URI(null, null, "/" + sitePath, null).toASCIIString();
        } catch (URISyntaxException e) {
            sendText(exchange, 400, "Bad request.");
            return;
        }
        exchange.getResponseHeaders().set("Location", rawQuery == null ? location : location + "?" + rawQuery);
        sendText(exchange, 308, "Moved to " + location);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, ContentTypes.TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The Host header names this machine: localhost or a loopback address, with any port. */
    private static boolean isLocalHost(String host) {
        if (host == null) {
            return true;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(1, end);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.lastIndexOf(':'));
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|[0-9a-f.]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
