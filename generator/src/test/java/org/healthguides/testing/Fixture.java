package org.healthguides.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small, valid content and templates folder on disk, for tests to copy and break; its files are in fixtures/lifting.txtar. */
public final class Fixture {
    public final Path content;
    public final Path templates;
    public final Path out;

    /** The day tests build on: between the fixture guide's review date and its next review. */
    public static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2027-01-15T10:00:00Z"),
            java.time.ZoneOffset.UTC);

    /** The fixture's files, kept as one text file: src/test/resources/fixtures/lifting.txtar. */
    public static final Txtar SITE = load("/fixtures/lifting.txtar");

    public static final String SETTINGS = SITE.files().get("content/site.yaml");
    public static final String INDEX = SITE.files().get("content/lifting/index.md");
    public static final String BASICS = SITE.files().get("content/lifting/basics.md");
    public static final String RECOVERY = SITE.files().get("content/lifting/recovery.md");
    /** One template for every page kind: enough structure for links and ids, no presentation. */
    public static final String PAGE_TEMPLATE = SITE.files().get("templates/page.ftlh");

    public Fixture(Path root) {
        content = root.resolve("content");
        templates = root.resolve("templates");
        out = root.resolve("out");
        SITE.writeFiles("content/", content);
        for (String name : new String[] {"home.ftlh", "a-to-z.ftlh", "guide.ftlh", "section.ftlh", "whole-guide.ftlh", "leaflet.ftlh", "404.ftlh"}) {
            write(templates.resolve(name), PAGE_TEMPLATE);
        }
        write(templates.resolve("static/style.css"), SITE.files().get("templates/static/style.css"));
        copyLeafletFonts(templates);
    }

    /**
     * A second guide, 'running', beside the fixture's 'lifting': the same files with its own title and one sentence of
     * its own, for tests of what a build does with one guide while another stays as it was.
     */
    public void addRunningGuide() {
        write(content.resolve("running/index.md"), INDEX.replace("Lifting guide", "Running guide"));
        write(content.resolve("running/basics.md"), BASICS.replace("Keep the bar close.", "Keep your stride short."));
        write(content.resolve("running/recovery.md"), RECOVERY);
    }

    /** The project's own font for the PDF leaflets, which every build with PDFs needs (tests run in generator/). */
    public static void copyLeafletFonts(Path templates) {
        Path fonts = Path.of("..", "templates", "fonts");
        try (var files = Files.list(fonts)) {
            Files.createDirectories(templates.resolve("fonts"));
            for (Path font : files.toList()) {
                Files.copy(font, templates.resolve("fonts").resolve(font.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the leaflet fonts from " + fonts.toAbsolutePath(), e);
        }
    }

    private static Txtar load(String resource) {
        try (java.io.InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return Txtar.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
