package org.healthguides.sitetests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The site that Maven built from the real content and templates before these tests run (see site-tests/pom.xml). */
final class BuiltSite {
    static final String GUIDE = "deadlift-lower-back-pain";
    static final List<String> SECTIONS = List.of("benefits", "muscles", "technique", "injuries", "recovery");

    private BuiltSite() {}

    static Path root() {
        String dir = System.getProperty("site.dir");
        if (dir == null) {
            throw new IllegalStateException("site.dir is not set: run these tests through Maven (mvn verify)");
        }
        Path root = Path.of(dir);
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalStateException("no built site at " + root + ": the build-site step did not run");
        }
        return root;
    }

    /** A page by its site path, for example "deadlift-lower-back-pain/recovery/". */
    static Document page(String sitePath) {
        Path file = root().resolve(sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://site.test/" + sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Document section(String slug) {
        return page(GUIDE + "/" + slug + "/");
    }

    static Document guideIndex() {
        return page(GUIDE + "/");
    }

    static Document wholeGuide() {
        return page(GUIDE + "/whole-guide/");
    }

    /** Every HTML page of the site, as paths relative to the root; the pages at old addresses are {@link #redirects()}. */
    static List<String> htmlPages() {
        Path root = root();
        Set<String> old = redirects().keySet();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p)
                    .filter(p -> !old.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site's redirects from its _redirects file: old site path to new site path ("g/form/" to "g/technique/"). */
    static Map<String, String> redirects() {
        Path file = root().resolve("_redirects");
        String basePath = java.net.URI.create(System.getProperty("site.base.url")).getPath();
        Map<String, String> redirects = new TreeMap<>();
        if (!Files.exists(file)) {
            return redirects;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split(" ");
                if (words.length != 3 || !words[2].equals("301") || !words[0].startsWith(basePath) || !words[1].startsWith(basePath)) {
                    throw new IllegalStateException("_redirects line is not 'OLD NEW 301' under " + basePath + ": " + line);
                }
                redirects.put(words[0].substring(basePath.length()), words[1].substring(basePath.length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return redirects;
    }

    /** The text of an element with whitespace collapsed, lower-cased, for phrase checks. */
    static String text(org.jsoup.nodes.Element element) {
        return element.text().replace('\u00a0', ' ').replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
