package org.healthguides.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Severity;
import org.healthguides.markdown.ContentLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Against a local server on a free port: no test depends on the internet. */
class ExternalLinkCheckerTest {
    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger mostActive = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        hits.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
        mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            int status = switch (path) {
                case "/ok" -> 200;
                case "/gone" -> 404;
                case "/get-only" -> method.equals("HEAD") ? 405 : 200;
                case "/moved" -> {
                    exchange.getResponseHeaders().add("Location", base + "/ok");
                    yield 301;
                }
                case "/slow" -> {
                    sleep(3_000);
                    yield 200;
                }
                default -> {
                    sleep(100);
                    yield 200;
                }
            };
            // Done before answering: once the answer is sent, the checker may start its next request at once.
            active.decrementAndGet();
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExternalLinkChecker.Use use(String url, int line) {
        return new ExternalLinkChecker.Use("content/g/a.md", new ContentLink(url, null, "", false, line));
    }

    @Test
    void dead_and_slow_links_are_warnings_at_each_line_that_uses_them() throws InterruptedException, java.io.IOException {
        // A port nothing listens on: one just freed (port 1 is not always free: a root process may serve there).
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<Problem> problems = new ExternalLinkChecker(Duration.ofMillis(500), 4).check(List.of(
                use(base + "/ok", 3), use(base + "/gone", 4), use(base + "/get-only", 5), use(base + "/moved", 6),
                use(base + "/slow", 7), use(base + "/gone#part", 8), use("mailto:a@example.org", 9),
                use("http://127.0.0.1:" + closed + "/nothing-listens", 10)));

        assertTrue(problems.stream().allMatch(p -> p.severity() == Severity.WARNING), problems.toString());
        assertEquals(List.of(4, 7, 8, 10), problems.stream().map(Problem::line).sorted().toList(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 4 && p.message().equals("external link '" + base + "/gone' answered HTTP 404")));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 7 && p.message().contains("did not answer within 500 ms")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.line() == 10 && p.message().contains("could not be reached")), problems.toString());
        assertEquals(1, hits.get("HEAD /gone").get(), "one address is asked once, whatever its #fragment");
        assertEquals(1, hits.get("GET /get-only").get(), "HEAD refused, so GET");
        assertEquals(null, hits.get("GET /ok"), "HEAD was enough");
    }

    @Test
    void at_most_the_given_number_of_requests_run_at_once() throws InterruptedException {
        List<ExternalLinkChecker.Use> uses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            uses.add(use(base + "/page-" + i, i + 1));
        }
        List<Problem> problems = new ExternalLinkChecker(Duration.ofSeconds(20), 3).check(uses);
        assertEquals(List.of(), problems);
        assertEquals(12, hits.size());
        assertTrue(mostActive.get() <= 3, "at most 3 at once, saw " + mostActive.get());
    }
}
