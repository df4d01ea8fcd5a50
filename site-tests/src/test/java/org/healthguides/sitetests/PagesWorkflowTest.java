package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Pages workflow (.github/workflows/pages.yml) cannot run here, so this checks what it would do:
 * that it tests with .ci/run, builds with the Pages address as base URL, uploads target/site and deploys, and
 * that its build command, with a Pages address filled in, builds a site whose canonical links use that address.
 */
class PagesWorkflowTest {
    private static final String PAGES_BASE_URL = "${{ steps.pages.outputs.base_url }}";

    private static Path repo() {
        return Path.of(System.getProperty("repo.dir")).toAbsolutePath().normalize();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(repo().resolve(".github/workflows/pages.yml")));
        return (Map<String, Object>) loaded;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static String uses(Map<String, Object> step) {
        return String.valueOf(step.getOrDefault("uses", ""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflowTestsBuildsForThePagesAddressUploadsTheSiteAndDeploysIt() throws IOException {
        Map<String, Object> workflow = workflow();
        Map<String, Object> permissions = (Map<String, Object>) workflow.get("permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));

        List<Map<String, Object>> build = steps(workflow, "build");
        List<String> order = new ArrayList<>();
        for (Map<String, Object> step : build) {
            String uses = uses(step);
            String run = String.valueOf(step.getOrDefault("run", ""));
            if (uses.startsWith("actions/configure-pages@")) {
                assertEquals("pages", step.get("id"), "configure-pages has id 'pages', which the build step reads");
                order.add("configure");
            } else if (run.equals(".ci/run")) {
                order.add("test");
            } else if (run.startsWith("./guide build")) {
                assertTrue(run.contains("--base-url \"" + PAGES_BASE_URL + "/\""), run);
                assertTrue(run.contains("--strict"), run);
                order.add("build");
            } else if (uses.startsWith("actions/upload-pages-artifact@")) {
                assertEquals("target/site", ((Map<String, Object>) step.get("with")).get("path"));
                order.add("upload");
            }
        }
        assertEquals(List.of("configure", "test", "build", "upload"), order);
        Map<String, Object> deploy = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("deploy");
        assertEquals("build", deploy.get("needs"));
        assertTrue(steps(workflow, "deploy").stream().anyMatch(s -> uses(s).startsWith("actions/deploy-pages@")));
    }

    @Test
    void theWorkflowsBuildCommandBuildsTheSiteForAProjectPagesAddress() throws Exception {
        String command = steps(workflow(), "build").stream()
                .map(s -> String.valueOf(s.getOrDefault("run", "")))
                .filter(run -> run.startsWith("./guide build"))
                .findFirst().orElseThrow()
                .replace(PAGES_BASE_URL, "https://health-org.github.io/guides");
        List<String> args = words(command.substring("./guide ".length()));
        Path out = Files.createTempDirectory("pages-build");
        try {
            // ./guide runs the generator's jar; here its classes are on the test classpath. Same arguments, own --out.
            List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.healthguides.cli.Main"));
            java.addAll(args);
            java.addAll(List.of("--out", out.resolve("site").toString()));
            Process process = new ProcessBuilder(java).directory(repo().toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            String canonical = Jsoup.parse(out.resolve("site/deadlift-lower-back-pain/index.html").toFile())
                    .selectFirst("link[rel=canonical]").attr("href");
            assertEquals("https://health-org.github.io/guides/deadlift-lower-back-pain/", canonical);
            assertTrue(Files.readString(out.resolve("site/robots.txt")).contains("Sitemap: https://health-org.github.io/guides/sitemap.xml"));
            assertTrue(Files.readString(out.resolve("site/404.html")).contains("href=\"/guides/"), "404.html links from /guides/");
        } finally {
            PathUtils.deleteDirectory(out);
        }
    }

    @Test
    void publishingDocQuotesTheNginxBlockTheTestsServeTheSiteWith() throws IOException {
        String snippet = Files.readString(repo().resolve("publish/nginx.conf"));
        // Everything after the file's opening comment.
        String block = snippet.substring(snippet.indexOf("\n\n")).strip();
        String readme = Files.readString(repo().resolve("docs/publishing.md"));
        assertTrue(readme.contains("```nginx\n" + block + "\n```"), "docs/publishing.md's nginx block differs from publish/nginx.conf");
    }

    /** Splits a shell command line into words, honouring double quotes (all the workflow uses). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
