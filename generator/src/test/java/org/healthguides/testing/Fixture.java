package org.healthguides.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small, valid content and templates folder on disk, for tests to copy and break. */
public final class Fixture {
    public final Path content;
    public final Path templates;
    public final Path out;

    /** The day tests build on: between the fixture guide's review date and its next review. */
    public static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2027-01-15T10:00:00Z"),
            java.time.ZoneOffset.UTC);

    public static final String SETTINGS = """
            title: Test guides
            language: en-GB
            base_url: https://guides.test/
            disclaimer: Not medical advice.
            warning_kinds:
              urgent: { label: "Urgent advice", heading: "See a doctor straight away if:" }
              caution: { label: "Important", heading: "Important" }
            precompress: true
            """;

    public static final String INDEX = """
            ---
            title: Lifting guide
            description: How to lift.
            reviewed: 2026-11-24
            next_review: 2027-11-24
            required_sections: [basics, recovery]
            required_warnings:
              - name: red flags
                kind: urgent
                section: recovery
                mentions: [night pain, numbness]
            ---
            Welcome. Read the [basics](basics.md) first.
            """;

    public static final String BASICS = """
            ---
            title: Basics
            order: 1
            ---
            ## Stand tall

            Keep the bar close.[^1] See [red flags](recovery.md#when-to-see-a-doctor).

            [^1]: A claim from the source article.
            """;

    public static final String RECOVERY = """
            ---
            title: Recovery
            order: 2
            ---
            ## When to see a doctor

            !!! urgent "See a doctor straight away if you have:"
                - sharp night pain
                - numbness down your legs
            """;

    /** One template for every page kind: enough structure for links and ids, no presentation. */
    public static final String PAGE_TEMPLATE = """
            <!doctype html><html lang="${site.language}"><head><title>${page.title}</title>
            <link rel="stylesheet" href="${stylesheet}"></head><body><main id="main-content"><h1>${page.title}</h1>
            <#if page.content??>${page.content.html?no_esc}</#if>
            <#if page.sections??><#list page.sections as s><section id="${s.id}">${s.html?no_esc}</section></#list></#if>
            <#if page.next??><a rel="next" href="${page.next.url}">${page.next.title}</a></#if>
            </main></body></html>
            """;

    public Fixture(Path root) {
        content = root.resolve("content");
        templates = root.resolve("templates");
        out = root.resolve("out");
        write(content.resolve("site.yaml"), SETTINGS);
        write(content.resolve("lifting/index.md"), INDEX);
        write(content.resolve("lifting/basics.md"), BASICS);
        write(content.resolve("lifting/recovery.md"), RECOVERY);
        for (String name : new String[] {"home.ftlh", "a-to-z.ftlh", "guide.ftlh", "section.ftlh", "whole-guide.ftlh", "leaflet.ftlh", "404.ftlh"}) {
            write(templates.resolve(name), PAGE_TEMPLATE);
        }
        write(templates.resolve("static/style.css"), "body { margin: 0 }\n");
        copyLeafletFonts(templates);
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

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
