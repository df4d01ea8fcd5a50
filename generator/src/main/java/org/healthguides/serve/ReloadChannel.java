package org.healthguides.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * Server-sent events to the open pages: on connecting, and after every build, each page is told the id of the
 * build now being served; a page from another build reloads itself. A comment every few seconds finds pages
 * that were closed.
 */
final class ReloadChannel {
    /** Compared by identity: only this instance in a queue ends its stream. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CLOSE = new String("end of stream");
    private static final long KEEP_ALIVE_SECONDS = 10;

    private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Tells every open page which build is now served. */
    void announce(String buildId) {
        String event = "event: build\ndata: " + buildId + "\n\n";
        listeners.forEach(queue -> queue.add(event));
    }

    /** Streams events to one page until it goes away or the server stops; runs on the request's own thread. */
    void stream(HttpExchange exchange, String currentBuildId) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.EVENT_STREAM);
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            write(body, "retry: 500\nevent: build\ndata: " + currentBuildId + "\n\n");
            while (!closed) {
                String event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == CLOSE) {
                    break;
                }
                write(body, event == null ? ": still here\n\n" : event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The page was closed or reloaded; nothing to tell anyone.
        } finally {
            listeners.remove(queue);
            exchange.close();
        }
    }

    int listeners() {
        return listeners.size();
    }

    /** Ends every stream, so the server can stop without waiting for pages to go away. */
    void close() {
        closed = true;
        listeners.forEach(queue -> queue.add(CLOSE));
    }

    private static void write(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }
}
