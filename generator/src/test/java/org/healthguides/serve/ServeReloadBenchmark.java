package org.healthguides.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Benchmark, not a test (run by bench/serve-reload.sh): starts the preview server on a copy of the real content
 * and templates, then edits one section 20 times and the layout template 20 times, and prints the median and
 * worst time from the file write to the reload event reaching an SSE client, and the rebuild time (from the
 * rebuild's start, after the quiet period, until the new page is served). Every edit is checked to be served.
 *
 * <p>Arguments: CONTENT TEMPLATES [EDITS] [WARM_UP_EDITS]
 */
public final class ServeReloadBenchmark {
    private static final Path SECTION = Path.of("deadlift-lower-back-pain", "technique.md");
    private static final String SECTION_PAGE = "/deadlift-lower-back-pain/technique/";
    private static final String SECTION_MARK = "Get it in the right position before you step up to the bar.";
    private static final Path TEMPLATE = Path.of("layout.ftlh");
    private static final String TEMPLATE_MARK = "<footer class=\"site-footer\"";

    private record Sample(double toReloadMillis, double rebuildMillis, int rendered, int pages) {
    }

    private ServeReloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        Path templates = Path.of(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path work = Files.createTempDirectory("serve-bench-");
        try {
            copy(content, work.resolve("content"));
            copy(templates, work.resolve("templates"));
            run(work.resolve("content"), work.resolve("templates"), edits, warmUp);
        } finally {
            delete(work);
        }
    }

    private static void run(Path content, Path templates, int edits, int warmUp) throws Exception {
        Map<String, BuildOutcome> outcomes = new ConcurrentHashMap<>();
        PreviewOptions options = new PreviewOptions(content, templates, InetAddress.getLoopbackAddress(), 0, PreviewOptions.DEFAULT_QUIET_PERIOD);
        HttpClient client = HttpClient.newHttpClient();
        try (PreviewServer server = PreviewServer.start(options, o -> outcomes.put(o.id(), o));
             EventStream events = new EventStream(client, server.url())) {
            events.next();
            Edit section = new Edit(content.resolve(SECTION), SECTION_MARK, n -> SECTION_MARK + " Edit " + n + ".", SECTION_PAGE, n -> "Edit " + n + ".");
            Edit template = new Edit(templates.resolve(TEMPLATE), TEMPLATE_MARK, n -> TEMPLATE_MARK + " data-edit=\"" + n + "\"", SECTION_PAGE,
                    n -> "data-edit=\"" + n + "\"");
            List<Sample> cold = List.of(section.measure(1000, server, events, outcomes, client));
            measureMany(template, 2000, warmUp, server, events, outcomes, client);
            measureMany(section, 3000, warmUp, server, events, outcomes, client);
            List<Sample> sections = measureMany(section, 4000, edits, server, events, outcomes, client);
            List<Sample> templateEdits = measureMany(template, 5000, edits, server, events, outcomes, client);

            System.out.printf("Quiet period before a rebuild: %d ms; %d edits each after %d warm-up edits; first edit after start shown apart.%n",
                    PreviewOptions.DEFAULT_QUIET_PERIOD.toMillis(), edits, warmUp);
            System.out.printf("%-28s %14s %14s %16s %16s %10s%n", "edit", "write→reload", "write→reload", "rebuild (page", "rebuild (page", "pages");
            System.out.printf("%-28s %14s %14s %16s %16s %10s%n", "", "median ms", "worst ms", "ready) median ms", "ready) worst ms", "rendered");
            print("one section, first after start", cold);
            print("one section (technique.md)", sections);
            print("template (layout.ftlh)", templateEdits);
        }
    }

    private static List<Sample> measureMany(Edit edit, int from, int count, PreviewServer server, EventStream events,
                                            Map<String, BuildOutcome> outcomes, HttpClient client) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(edit.measure(from + i, server, events, outcomes, client));
        }
        return samples;
    }

    private record Edit(Path file, String mark, java.util.function.IntFunction<String> replacement, String page,
                        java.util.function.IntFunction<String> expected) {

        Sample measure(int n, PreviewServer server, EventStream events, Map<String, BuildOutcome> outcomes, HttpClient client)
                throws Exception {
            String original = Files.readString(file);
            String changed = original.replaceFirst(java.util.regex.Pattern.quote(mark) + "( Edit \\d+\\.| data-edit=\"\\d+\")?",
                    java.util.regex.Matcher.quoteReplacement(replacement.apply(n)));
            long written = System.nanoTime();
            Files.writeString(file, changed);
            EventStream.Arrival arrival = events.nextArrival();
            BuildOutcome outcome = outcomes.get(arrival.buildId());
            if (outcome == null || !outcome.ok()) {
                throw new IllegalStateException("edit " + n + " did not build: " + (outcome == null ? "no outcome" : outcome.problems()));
            }
            String body = client.send(HttpRequest.newBuilder(server.url().resolve(page)).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains(expected.apply(n))) {
                throw new IllegalStateException("edit " + n + " is not served on " + page);
            }
            // Let the watcher settle so the next write is a burst of its own.
            Thread.sleep(60);
            return new Sample((arrival.nanos() - written) / 1e6, outcome.millis(), outcome.rendered(), outcome.pages());
        }
    }

    private static void print(String name, List<Sample> samples) {
        List<Double> reload = samples.stream().map(Sample::toReloadMillis).sorted().toList();
        List<Double> rebuild = samples.stream().map(Sample::rebuildMillis).sorted().toList();
        Sample any = samples.get(0);
        System.out.printf("%-28s %14.1f %14.1f %16.1f %16.1f %7d/%d%n", name, median(reload), reload.get(reload.size() - 1),
                median(rebuild), rebuild.get(rebuild.size() - 1), any.rendered(), any.pages());
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
