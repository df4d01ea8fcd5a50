package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live reload as an editor sees it: `./guide serve` on a temp copy of the content, the page open in Chromium,
 * and edits to the Markdown showing up, or showing the error overlay, within 2 s without touching the browser.
 *
 * <p>`guide serve --port P --content DIR --templates DIR` prints its URL, pushes reloads and shows build errors
 * as an overlay naming the file.
 */
class LiveReloadBrowserTest {
    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final Pattern URL = Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):\\d+/?\\S*");

    private static Path workDir;
    private static Path section;
    private static Process serve;
    private static String baseUrl;
    private static final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    @BeforeAll
    static void serveACopyOfTheContent() throws Exception {
        Path repo = Path.of(System.getProperty("content.dir")).toAbsolutePath().normalize().getParent();
        workDir = Files.createTempDirectory("live-reload");
        copy(repo.resolve("content"), workDir.resolve("content"));
        copy(repo.resolve("templates"), workDir.resolve("templates"));
        section = workDir.resolve("content").resolve(BuiltSite.GUIDE).resolve("recovery.md");

        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // The generator built by this Maven run, on this test's class path, started as ./guide would start it.
        String java = ProcessHandle.current().info().command().orElse("java");
        serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.healthguides.cli.Main",
                "serve", "--port", String.valueOf(port),
                "--content", workDir.resolve("content").toString(), "--templates", workDir.resolve("templates").toString())
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    System.out.println("guide serve: " + line);
                    output.add(line);
                });
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "guide-serve-output");
        reader.setDaemon(true);
        reader.start();

        // The server builds the site, then prints the address to open.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                Matcher url = URL.matcher(line);
                if (url.find()) {
                    baseUrl = url.group().endsWith("/") ? url.group() : url.group() + "/";
                    return;
                }
            }
            if (!serve.isAlive()) {
                fail("guide serve exited with " + serve.exitValue() + " before printing its URL");
            }
        }
        fail("guide serve printed no http://127.0.0.1:PORT/ address within 60 s");
    }

    @AfterAll
    static void stopServing() throws Exception {
        if (serve != null) {
            serve.descendants().forEach(ProcessHandle::destroy);
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void editsShowUpInTheOpenPageAndABadEditShowsTheOverlayUntilFixed() throws Exception {
        String original = Files.readString(section);
        chromium.desktop();
        chromium.driver().get(baseUrl + BuiltSite.GUIDE + "/recovery/");
        assertTrue(pageText().contains("Take a break"), "the served recovery page: " + chromium.driver().getCurrentUrl());

        // 1. A good edit: the new sentence appears without a reload from here.
        String first = "Live reload check one " + System.nanoTime() + ".";
        save(original + "\n" + first + "\n");
        waitFor("the edited sentence", text -> text.contains(first));

        // 2. A bad edit (front matter that does not parse): the overlay names the file.
        save(original.replaceFirst("---", "---\norder: [not a number\n"));
        waitFor("an error overlay naming recovery.md", text -> text.contains("recovery.md"));

        // 3. The fix: the overlay goes and the page shows the fixed text.
        String second = "Live reload check two " + System.nanoTime() + ".";
        save(original + "\n" + second + "\n");
        waitFor("the fixed page without the overlay", text -> text.contains(second) && !text.contains("recovery.md"));
        assertTrue(serve.isAlive(), "the server survived the bad edit");
    }

    private static void save(String markdown) throws IOException {
        // Editors save by writing a temp file and renaming it over the old one.
        Path temp = section.resolveSibling(".recovery.md.tmp");
        Files.writeString(temp, markdown);
        Files.move(temp, section, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void waitFor(String what, Predicate<String> pageShows) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + WITHIN.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = pageText();
            if (pageShows.test(text)) {
                System.out.printf("live reload: %s after %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
                return;
            }
            Thread.sleep(50);
        }
        fail("no " + what + " within " + WITHIN.toMillis() + " ms; the page shows: "
                + text.substring(0, Math.min(300, text.length())));
    }

    /** The page's visible text; empty while the page is between a reload's unload and load. */
    private static String pageText() {
        try {
            Object text = chromium.script("return document.body ? document.body.innerText : ''");
            return text == null ? "" : text.toString();
        } catch (org.openqa.selenium.WebDriverException e) {
            return "";
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
