package org.healthguides.sitetests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Deque's axe-core, injected into the page and run for the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 * The script is the axe.min.js that Deque ships in its Selenium integration (com.deque.html.axe-core:selenium).
 */
final class AxeCore {
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SOURCE = load();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' '))}))))
              .catch(e => done('axe failed: ' + e));
            """;

    private AxeCore() {}

    /** Each violation on the open page, one readable line per element that fails a rule; empty when clean. */
    @SuppressWarnings("unchecked")
    static List<String> violations(ChromiumSession chromium) {
        if (!Boolean.TRUE.equals(chromium.script("return typeof axe === 'object'"))) {
            chromium.script(SOURCE);
        }
        Object result = chromium.driver().executeAsyncScript(RUN, WCAG_A_AA);
        if (!(result instanceof List)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        return ((List<Map<String, Object>>) result).stream()
                .flatMap(v -> ((List<String>) v.get("nodes")).stream()
                        .map(node -> v.get("id") + " (" + v.get("impact") + ", " + v.get("help") + ") at " + node))
                .collect(Collectors.toList());
    }

    private static String load() {
        try (InputStream in = AxeCore.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
