package org.healthguides.links;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.markdown.ContentLink;
import org.healthguides.site.Guide;
import org.healthguides.site.SectionPage;

/**
 * Asks the web whether the external http(s) links of the content still lead somewhere (only with
 * {@code --external}: it needs the network and other people's servers, so it is never part of a default build).
 * Each address is asked once however often it is used, with HEAD first and GET when a server refuses HEAD,
 * a few at a time, each within a timeout. Dead links are warnings: the site is still correct without them.
 */
public final class ExternalLinkChecker {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_CONCURRENCY = 8;

    /** One external link as written in one source file. */
    public record Use(String displayPath, ContentLink link) {
    }

    private final Duration timeout;
    private final int concurrency;
    private final HttpClient client;

    public ExternalLinkChecker(Duration timeout, int concurrency) {
        this.timeout = timeout;
        this.concurrency = concurrency;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Every link the editors wrote in these guides, with where it was written. */
    public static List<Use> usesIn(List<Guide> guides) {
        List<Use> uses = new ArrayList<>();
        for (Guide guide : guides) {
            guide.introduction().links().forEach(link -> uses.add(new Use(guide.displayPath(), link)));
            for (SectionPage section : guide.sections()) {
                section.content().links().forEach(link -> uses.add(new Use(section.displayPath(), link)));
            }
        }
        return uses;
    }

    public List<Problem> check(List<Use> uses) throws InterruptedException {
        Map<String, List<Use>> byAddress = new LinkedHashMap<>();
        for (Use use : uses) {
            String written = use.link().written();
            String scheme = written.contains(":") ? written.substring(0, written.indexOf(':')).toLowerCase(Locale.ROOT) : "";
            if (scheme.equals("http") || scheme.equals("https")) {
                byAddress.computeIfAbsent(withoutFragment(written), a -> new ArrayList<>()).add(use);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, byAddress.size())), runnable -> {
            Thread thread = new Thread(runnable, "external-link-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Optional<String>>> answers = new LinkedHashMap<>();
            byAddress.keySet().forEach(address -> answers.put(address, pool.submit(() -> failureOf(address))));
            List<Problem> problems = new ArrayList<>();
            for (Map.Entry<String, Future<Optional<String>>> answer : answers.entrySet()) {
                Optional<String> failure;
                try {
                    failure = answer.getValue().get();
                } catch (ExecutionException e) {
                    failure = Optional.of("could not be checked: " + e.getCause());
                }
                for (Use use : byAddress.get(answer.getKey())) {
                    failure.ifPresent(why -> problems.add(Problem.warning(Code.EXTERNAL_LINK_BROKEN, use.displayPath(), use.link().line(),
                            "external link '" + use.link().written() + "' " + why,
                            "open it in a browser; update the address or remove the link")));
                }
            }
            return problems;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why the address does not work, or empty when it answers with a success or a redirect. */
    private Optional<String> failureOf(String address) throws InterruptedException {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid address: " + e.getReason());
        }
        try {
            int status = ask(uri, "HEAD");
            if (status >= 400) {
                // Many servers answer HEAD with 403, 404 or 405 but serve the page to a browser's GET.
                status = ask(uri, "GET");
            }
            return status >= 400 ? Optional.of("answered HTTP " + status) : Optional.empty();
        } catch (HttpConnectTimeoutException e) {
            return Optional.of("did not accept a connection within " + seconds());
        } catch (HttpTimeoutException e) {
            return Optional.of("did not answer within " + seconds());
        } catch (ConnectException e) {
            return Optional.of("could not be reached (connection refused or no network)");
        } catch (IOException e) {
            return Optional.of("could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid address: " + e.getMessage());
        }
    }

    private int ask(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "healthguides-link-check (static site generator)")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String withoutFragment(String address) {
        int hash = address.indexOf('#');
        return hash < 0 ? address : address.substring(0, hash);
    }
}
