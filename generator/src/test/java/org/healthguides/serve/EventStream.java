package org.healthguides.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A page's view of the reload events: reads the server-sent events stream with HttpClient, as a browser would. */
final class EventStream implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A build announcement and when it arrived ({@link System#nanoTime()}). */
    record Arrival(String buildId, long nanos) {
    }

    private final BlockingQueue<Arrival> builds = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    final String contentType;

    EventStream(HttpClient client, URI server) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(server.resolve("/.preview/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException("events answered " + response.statusCode());
        }
        contentType = response.headers().firstValue("Content-Type").orElse("");
        body = response.body();
        reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event.equals("build")) {
                    builds.add(new Arrival(line.substring(5).strip(), System.nanoTime()));
                } else if (line.isEmpty()) {
                    event = "message";
                }
            }
        } catch (IOException e) {
            // Closed by the test.
        }
    }

    /** The id of the next build announced; fails after a generous wait. */
    String next() throws InterruptedException {
        return nextArrival().buildId();
    }

    Arrival nextArrival() throws InterruptedException {
        Arrival arrival = builds.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (arrival == null) {
            throw new AssertionError("no build was announced within " + PATIENCE.toSeconds() + " s");
        }
        return arrival;
    }

    /** The number at the end of a build id ("3fa9c2d1-7" is build 7 of that server). */
    static long number(String buildId) {
        return Long.parseLong(buildId.substring(buildId.lastIndexOf('-') + 1));
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
