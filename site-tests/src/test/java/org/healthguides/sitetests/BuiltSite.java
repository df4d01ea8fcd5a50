package org.healthguides.sitetests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Every HTML page of the site, as paths relative to the root. */
    static List<String> htmlPages() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of an element with whitespace collapsed, lower-cased, for phrase checks. */
    static String text(org.jsoup.nodes.Element element) {
        return element.text().replace('\u00a0', ' ').replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
