package org.healthguides.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.healthguides.output.OutputFolder;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.pipeline.SiteBuild;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview and the build are one pipeline: every file the preview serves is the built file byte for byte, HTML
 * pages apart from the reload script the server adds before {@code </body>}; and it serves no file the build does
 * not write. Checked for the real guide and for a generated site of several guides with images, and again after
 * edits, when the preview re-renders only what changed.
 */
class PreviewMatchesBuildTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final Path GUIDE_CONTENT = Path.of("..", "content");
    private static final Path GUIDE_TEMPLATES = Path.of("..", "templates");

    @TempDir
    Path root;

    @Test
    void the_real_guide_is_served_as_built() throws Exception {
        assertTrue(Files.isRegularFile(GUIDE_CONTENT.resolve("site.yaml")), "the guide's content is beside the generator");
        Map<String, byte[]> built = build(GUIDE_CONTENT, GUIDE_TEMPLATES, root.resolve("out"));
        assertTrue(built.size() >= 10, built.keySet().toString());
        assertServedAsBuilt(GUIDE_CONTENT, GUIDE_TEMPLATES, built);
        assertEquals(built.keySet(), new PreviewBuild(GUIDE_CONTENT, GUIDE_TEMPLATES, CLOCK).build().files().keySet());
    }

    @Test
    void a_generated_site_is_served_as_built_before_and_after_an_edit() throws Exception {
        Path content = root.resolve("content");
        Path templates = root.resolve("templates");
        generate(content, 7, new Random(20261130));
        copyTree(GUIDE_TEMPLATES, templates);

        Map<String, byte[]> built = build(content, templates, root.resolve("out"));
        assertTrue(built.keySet().containsAll(List.of("index.html", "404.html", "robots.txt", "guide-3/part-2/index.html",
                "guide-3/whole-guide/index.html", "guide-3/figure.png")), built.keySet().toString());
        assertServedAsBuilt(content, templates, built);

        PreviewBuild preview = new PreviewBuild(content, templates, CLOCK);
        assertSameFiles(built, preview.build().files());
        Path section = content.resolve("guide-3/part-2.md");
        Fixture.write(section, Files.readString(section).replace("| walk | daily |", "| walk | twice a day |"));
        PreviewBuild.Result rebuilt = preview.build();
        assertTrue(rebuilt.rendered() < rebuilt.pages(), "an edit re-renders only what changed: " + rebuilt.rendered() + " of " + rebuilt.pages());
        Map<String, byte[]> builtAgain = build(content, templates, root.resolve("out2"));
        assertTrue(new String(builtAgain.get("guide-3/part-2/index.html"), StandardCharsets.UTF_8).contains("twice a day"));
        assertSameFiles(builtAgain, rebuilt.files());

        // A guide reviewed later than every other changes what the home page says about the site (its latest review),
        // though the home page's own record is the same: the preview must render it again as the build does.
        Path index = content.resolve("guide-5/index.md");
        Fixture.write(index, Files.readString(index).replaceFirst("reviewed: 2026-\\d\\d-10", "reviewed: 2027-01-14"));
        PreviewBuild.Result reviewed = preview.build();
        Map<String, byte[]> builtReviewed = build(content, templates, root.resolve("out3"));
        assertTrue(new String(builtReviewed.get("index.html"), StandardCharsets.UTF_8).contains("2027-01-14"));
        assertSameFiles(builtReviewed, reviewed.files());
    }

    /**
     * What {@code guide build --base-url /} writes, by site path, without the .gz copies made for the host and the
     * marker that tells the next build the folder is its own (neither is a page of the site).
     */
    private static Map<String, byte[]> build(Path content, Path templates, Path out) throws Exception {
        // The preview leaves the PDF leaflets (and so the links to them) out, to keep reloads quick.
        new SiteBuild(new BuildOptions(content, templates, out, "/", false, false, CLOCK).withPdf(false)).run();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String sitePath = out.relativize(file).toString().replace('\\', '/');
                if (!sitePath.endsWith(".gz") && !sitePath.equals(OutputFolder.MARKER)) {
                    files.put(sitePath, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> built, Map<String, byte[]> previewed) {
        assertEquals(built.keySet(), new java.util.TreeSet<>(previewed.keySet()));
        built.forEach((path, bytes) -> assertArrayEquals(bytes, previewed.get(path), path));
    }

    /** Asks the running preview for every built file, as a browser would, and compares the bytes. */
    private static void assertServedAsBuilt(Path content, Path templates, Map<String, byte[]> built) throws Exception {
        LinkedBlockingQueue<BuildOutcome> outcomes = new LinkedBlockingQueue<>();
        PreviewOptions options = new PreviewOptions(content, templates, InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(50), CLOCK);
        HttpClient client = HttpClient.newHttpClient();
        try (PreviewServer server = PreviewServer.start(options, outcomes::add)) {
            BuildOutcome first = outcomes.poll(30, TimeUnit.SECONDS);
            assertTrue(first != null && first.ok(), String.valueOf(first));
            byte[] snippet = new ErrorOverlay().snippet(first.id(), List.of());
            assertTrue(snippet.length > 0);
            for (Map.Entry<String, byte[]> file : built.entrySet()) {
                String sitePath = file.getKey();
                String address = sitePath.endsWith("/index.html") || sitePath.equals("index.html")
                        ? sitePath.substring(0, sitePath.length() - "index.html".length()) : sitePath;
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.url().resolve(new URI(null, null, address, null)))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode(), sitePath);
                boolean html = ContentTypes.of(sitePath).equals(ContentTypes.HTML);
                byte[] expected = html ? ErrorOverlay.inject(file.getValue(), snippet) : file.getValue();
                assertArrayEquals(expected, response.body(), sitePath);
            }
        }
    }

    /** Guides made of the real guide's kinds of content: callouts, references, tables, code, images, links across guides. */
    private static void generate(Path content, int guides, Random random) throws Exception {
        Fixture.write(content.resolve("site.yaml"), Files.readString(GUIDE_CONTENT.resolve("site.yaml")));
        String[] words = "keep the bar close and lift with a straight back rest when it hurts walk each day slowly".split(" ");
        for (int g = 1; g <= guides; g++) {
            String slug = "guide-" + g;
            int parts = 2 + random.nextInt(4);
            Fixture.write(content.resolve(slug + "/index.md"), """
                    ---
                    title: Guide %d about %s
                    description: What to do about %s.
                    reviewed: 2026-%02d-10
                    next_review: 2027-%02d-10
                    required_sections: [part-1]
                    required_warnings:
                      - name: red flags
                        kind: urgent
                        section: part-1
                        mentions: [numbness]
                    ---
                    Start with [part 1](part-1.md). Another guide: [guide 1](../guide-1/index.md).

                    !!! information "Good to know"
                        %s.
                    """.formatted(g, words[g % words.length], words[(g + 3) % words.length], 1 + g % 12, 1 + g % 12, sentence(words, random)));
            Files.write(content.resolve(slug + "/figure.png"), bytes(random, 300 + random.nextInt(500)));
            for (int p = 1; p <= parts; p++) {
                StringBuilder body = new StringBuilder();
                body.append("---\ntitle: Part ").append(p).append(" of guide ").append(g).append("\norder: ").append(p * 10).append("\n---\n");
                body.append("## Step ").append(p).append("\n\n").append(sentence(words, random)).append("[^1]\n\n");
                body.append("![A figure](figure.png)\n\n| What | How often |\n|---|---|\n| walk | daily |\n\n");
                body.append("    code block ").append(p).append("\n\n");
                if (p == 1) {
                    body.append("!!! urgent \"See a doctor straight away if:\"\n    - numbness in your legs\n\n");
                }
                if (p < parts) {
                    body.append("Next: [part ").append(p + 1).append("](part-").append(p + 1).append(".md#step-").append(p + 1).append(").\n\n");
                }
                body.append("[^1]: ").append(sentence(words, random)).append("\n");
                Fixture.write(content.resolve(slug + "/part-" + p + ".md"), body.toString());
            }
        }
    }

    private static String sentence(String[] words, Random random) {
        StringBuilder text = new StringBuilder("Try to");
        for (int i = 0, n = 6 + random.nextInt(8); i < n; i++) {
            text.append(' ').append(words[random.nextInt(words.length)]);
        }
        return text.append('.').toString();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
