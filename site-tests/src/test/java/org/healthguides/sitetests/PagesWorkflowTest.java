package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    private static String uses(Map<String, Object> step) {
        return String.valueOf(step.getOrDefault("uses", ""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void workflowTestsBuildsForThePagesAddressUploadsTheSiteAndDeploysIt() throws IOException {
        Map<String, Object> workflow = workflow();
        // Least privilege: only the deploy job may write to Pages; the pull-request check only reads.
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"));
        Map<String, Object> deployPermissions = (Map<String, Object>) job(workflow, "deploy").get("permissions");
        assertEquals("write", deployPermissions.get("pages"));
        assertEquals("write", deployPermissions.get("id-token"));

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
                assertTrue(run.contains("--allow-overdue"), "an overdue next_review must not block the deploy: " + run);
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
    @SuppressWarnings("unchecked")
    void pullRequestsRunTheTestsAndTheReviewDateCheckWithoutDeploying() throws IOException {
        Map<String, Object> workflow = workflow();
        // snakeyaml-engine reads the key 'on' as the string "on" (YAML 1.2), not as true.
        Map<String, Object> on = (Map<String, Object>) workflow.get("on");
        assertTrue(on.containsKey("pull_request"), "the workflow runs for pull requests: " + on);
        assertEquals(List.of("main"), ((Map<String, Object>) on.get("push")).get("branches"));

        Map<String, Object> check = job(workflow, "check");
        assertEquals("github.event_name == 'pull_request'", check.get("if"));
        assertEquals(null, check.get("permissions"), "the check has the workflow's read-only permissions");
        List<String> runs = steps(workflow, "check").stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).toList();
        assertTrue(runs.contains(".ci/run"), "the pull-request job runs the tests: " + runs);
        assertTrue(runs.contains(".ci/overdue-guides \"origin/${{ github.base_ref }}\""), runs.toString());
        assertTrue(steps(workflow, "check").stream().map(PagesWorkflowTest::uses)
                .noneMatch(u -> u.startsWith("actions/upload-pages-artifact@") || u.startsWith("actions/deploy-pages@")
                        || u.startsWith("actions/configure-pages@")), "a pull request deploys nothing");
        Map<String, Object> checkout = steps(workflow, "check").get(0);
        assertEquals(0, ((Map<String, Object>) checkout.get("with")).get("fetch-depth"), "the base branch is needed to tell which guides changed");

        // Build and deploy never run for a pull request (deploy needs build).
        assertEquals("github.event_name != 'pull_request'", job(workflow, "build").get("if"));
        assertEquals("build", job(workflow, "deploy").get("needs"));
    }

    /** The major versions current when this was written (November 2026); update both together. */
    private static final Map<String, String> CURRENT_MAJORS = Map.of(
            "actions/checkout", "v7",
            "actions/setup-java", "v6",
            "actions/configure-pages", "v6",
            "actions/upload-pages-artifact", "v5",
            "actions/deploy-pages", "v5");

    @Test
    @SuppressWarnings("unchecked")
    void everyActionIsAtItsCurrentMajorVersion() throws IOException {
        Map<String, Object> workflow = workflow();
        List<String> used = new ArrayList<>();
        for (String name : ((Map<String, Object>) workflow.get("jobs")).keySet()) {
            for (Map<String, Object> step : steps(workflow, name)) {
                String uses = uses(step);
                if (!uses.isEmpty()) {
                    used.add(uses);
                    String action = uses.substring(0, uses.indexOf('@'));
                    assertEquals(CURRENT_MAJORS.get(action), uses.substring(uses.indexOf('@') + 1), name + " job: " + uses);
                }
            }
        }
        assertEquals(CURRENT_MAJORS.keySet(), used.stream().map(u -> u.substring(0, u.indexOf('@'))).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theOverdueCheckFailsAPullRequestOnlyForTheGuideItChanges() throws Exception {
        Path project = Files.createTempDirectory("overdue-guides");
        try {
            PathUtils.copyDirectory(repo().resolve("content"), project.resolve("content"));
            Path guide = project.resolve("guide");
            // The script runs GUIDE; here that is the generator's classes on the test classpath.
            Files.writeString(guide, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                    + System.getProperty("java.class.path") + "' org.healthguides.cli.Main \"$@\" --templates '" + repo().resolve("templates") + "'\n");
            guide.toFile().setExecutable(true);
            git(project, "init", "-q", "-b", "main");
            git(project, "add", "content");
            git(project, "commit", "-q", "-m", "base");
            git(project, "checkout", "-q", "-b", "edit");
            Files.writeString(project.resolve("notes.txt"), "not a guide\n");
            git(project, "add", "notes.txt");
            git(project, "commit", "-q", "-m", "elsewhere");

            // As of a day after the guide's next_review: a pull request that does not touch the guide passes, with a warning.
            Script other = overdueGuides(project, guide);
            assertEquals(0, other.exit(), other.output());
            assertTrue(other.output().matches("(?s).*::warning file=content/deadlift-lower-back-pain/index\\.md,line=\\d+::guide "
                    + "'deadlift-lower-back-pain' was due for review on .*"), other.output());
            // The guide has no clinical sign-off yet: that stops the deploy, not a pull request, which gets a warning.
            assertTrue(other.output().matches("(?s).*::warning file=content/deadlift-lower-back-pain/index\\.md,line=\\d+::guide "
                    + "'deadlift-lower-back-pain' has no clinical sign-off.*"), other.output());

            Path technique = project.resolve("content/deadlift-lower-back-pain/technique.md");
            Files.writeString(technique, Files.readString(technique) + "\n");
            git(project, "commit", "-q", "-am", "edit the guide");
            Script edited = overdueGuides(project, guide);
            assertEquals(1, edited.exit(), edited.output());
            assertTrue(edited.output().contains("::error file=content/deadlift-lower-back-pain/index.md,line="), edited.output());
            assertTrue(edited.output().contains("this pull request changes the guide, so review it now"), edited.output());
        } finally {
            PathUtils.deleteDirectory(project);
        }
    }

    private record Script(int exit, String output) {
    }

    private static Script overdueGuides(Path project, Path guide) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(repo().resolve(".ci/overdue-guides").toString(), "main", "--today", "2099-01-01")
                .directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("GUIDE", guide.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Script(process.exitValue(), output);
    }

    private static void git(Path project, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
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
            // Built as of a day long after the guide's next_review: the deploy still goes ahead, with a warning.
            java.addAll(List.of("--out", out.resolve("site").toString(), "--today", "2099-01-01"));
            // The real guide has no clinical sign-off yet, so the workflow refuses to publish it, saying only that.
            Process refused = new ProcessBuilder(java).directory(repo().toFile()).redirectErrorStream(true).start();
            String refusal = new String(refused.getInputStream().readAllBytes());
            assertTrue(refused.waitFor(120, TimeUnit.SECONDS));
            assertEquals(1, refused.exitValue(), refusal);
            List<String> errors = refusal.lines().filter(line -> line.matches("\\S+:\\d+(:\\d+)?: error(\\[G\\d+\\])?: .*")).toList();
            assertEquals(1, errors.size(), refusal);
            assertTrue(errors.get(0).matches("content/deadlift-lower-back-pain/index\\.md:\\d+: error\\[G0411\\]: guide 'deadlift-lower-back-pain'"
                    + " has no clinical sign-off .*"), refusal);
            assertFalse(Files.exists(out.resolve("site")), "nothing published");
            // Signed off (the site-tests' fixture reviewer), the same command publishes it for the Pages address.
            java.addAll(List.of("--content", System.getProperty("fixture.content.dir")));
            Process process = new ProcessBuilder(java).directory(repo().toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("warning[G0408]: guide 'deadlift-lower-back-pain' was due for review"), output);
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
