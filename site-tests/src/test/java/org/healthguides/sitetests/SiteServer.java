package org.healthguides.sitetests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the built site over HTTP on 127.0.0.1 and a free port, as a static host would, under the path of the
 * base URL the site was built for (site.base.url, e.g. "/health/"): "dir/" serves "dir/index.html", an unknown
 * path gets 404.html with status 404.
 */
final class SiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "xml", "application/xml",
            "txt", "text/plain; charset=utf-8",
            "webmanifest", "application/manifest+json");

    private final Path root;
    private final String basePath;
    private final HttpServer server;

    SiteServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = URI.create(System.getProperty("site.base.url", "/")).getPath();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The site's base address, ending in "/". */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            boolean inSite = path.startsWith(basePath);
            Path file = root.resolve(inSite ? path.substring(basePath.length()) : "").normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            // Never serve anything outside the site, whatever the request path says.
            if (!inSite || !file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
