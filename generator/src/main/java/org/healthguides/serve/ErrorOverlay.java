package org.healthguides.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.SourceExcerpt;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The markup the server adds to every HTML page it serves: the live-reload client and, after a failed build,
 * the overlay listing each problem. It comes from {@code preview.ftlh} beside this class, never from the site's
 * templates, so it can only reach a browser through the preview server and never a published page.
 */
final class ErrorOverlay {
    static final String EVENTS_PATH = ".preview/events";
    private static final String TEMPLATE = "preview.ftlh";

    private final Configuration configuration;

    /** One problem as the overlay lists it; {@code excerpt} is the source line and its caret, as in the terminal. */
    public record Line(String location, String severity, String code, String message, String fix, List<String> excerpt) {
    }

    ErrorOverlay() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(ErrorOverlay.class, "");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
    }

    /** What to add before {@code </body>}: the reload client for build {@code buildId} and the problems, if any. */
    byte[] snippet(String buildId, List<Problem> problems) {
        return render(buildId, problems, false);
    }

    /** A whole page for when no build has succeeded yet, so there is no site to show the problems over. */
    byte[] page(String buildId, List<Problem> problems) {
        return render(buildId, problems, true);
    }

    private byte[] render(String buildId, List<Problem> problems, boolean standalone) {
        SourceExcerpt excerpts = new SourceExcerpt();
        List<Line> lines = problems.stream().map(problem -> lineOf(problem, excerpts)).toList();
        long errors = problems.stream().filter(Problem::isError).count();
        Map<String, Object> model = Map.of("buildId", buildId, "eventsUrl", "/" + EVENTS_PATH, "problems", lines,
                "errors", errors, "standalone", standalone);
        StringWriter out = new StringWriter(4096);
        try {
            configuration.getTemplate(TEMPLATE).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the preview overlay template is broken: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Line lineOf(Problem problem, SourceExcerpt excerpts) {
        String code = problem.code() == Code.UNCLASSIFIED ? "" : problem.code().id();
        List<String> excerpt = excerpts.of(problem).map(SourceExcerpt.Excerpt::lines).orElse(List.of());
        return new Line(problem.location(), problem.severity().label(), code, problem.message(),
                problem.fix() == null ? "" : problem.fix(), excerpt);
    }

    /** The page with the snippet inserted before its last {@code </body>} (or at the end when it has none). */
    static byte[] inject(byte[] html, byte[] snippet) {
        int at = lastBodyClose(html);
        if (at < 0) {
            at = html.length;
        }
        byte[] joined = new byte[html.length + snippet.length];
        System.arraycopy(html, 0, joined, 0, at);
        System.arraycopy(snippet, 0, joined, at, snippet.length);
        System.arraycopy(html, at, joined, at + snippet.length, html.length - at);
        return joined;
    }

    private static int lastBodyClose(byte[] html) {
        byte[] tag = "</body".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = html.length - tag.length; i >= 0; i--) {
            for (int j = 0; j < tag.length; j++) {
                if (Character.toLowerCase(html[i + j]) != tag[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
