// In the Markdown stage's package so that --as-built can use the build's own parser set-up (package-private there).
package org.healthguides.markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;

/**
 * "Flexmark alone", the floor bench/run.sh compares the build with: reads every .md file under a content
 * folder, drops its front matter, and parses and renders it with Flexmark, on one thread, with the parser and
 * renderer options the generator's MarkdownRenderer sets (header ids, footnotes, tables, pass-through
 * formatting; like it, without Flexmark's document line tracking). Nothing else: no callout parser (ours is our
 * code, so "!!!" blocks parse as a paragraph and an indented code block), no sanitising, no templates, no files
 * written.
 *
 * <p>With {@code --as-built}, Flexmark's parser is set up as the build sets up its own: the heading, fenced code,
 * thematic break and footnote parsers asked only about lines they could start ({@link LeadCharacterStarts}) and the
 * tables extension only for a body with a '|'. Both give the same HTML; the second is Flexmark as the build runs
 * it, so the build's CPU over it is the cost of everything that is not Flexmark, with none of the savings made
 * inside Flexmark's own parse counted as less overhead.
 *
 * <p>Run with the generator's jar on the class path (bench/run.sh compiles it once into bench/target/):
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -cp generator-all.jar:DIR
 * org.healthguides.markdown.FlexmarkAlone [--as-built] CONTENT_DIR}
 */
public final class FlexmarkAlone {
    public static void main(String[] args) throws IOException {
        boolean asBuilt = args.length == 2 && args[0].equals("--as-built");
        if (args.length != 1 && !asBuilt) {
            System.err.println("usage: FlexmarkAlone [--as-built] CONTENT_DIR");
            System.exit(2);
        }
        Path content = Path.of(args[args.length - 1]);
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_TRIM_LEADING_WHITESPACE | LineAppendable.F_PASS_THROUGH);
        Parser parser = asBuilt
                ? Parser.builder(options).extensions(List.of(new LeadCharacterStarts(), new LeadCharacterStarts.FootnoteParsing(), TablesExtension.create())).build()
                : Parser.builder(options).extensions(List.of(FootnoteExtension.create(), TablesExtension.create())).build();
        Parser withoutTables = asBuilt
                ? Parser.builder(options).extensions(List.of(new LeadCharacterStarts(), new LeadCharacterStarts.FootnoteParsing())).build()
                : null;
        HtmlRenderer renderer = HtmlRenderer.builder(options).extensions(List.of(FootnoteExtension.create(), TablesExtension.create())).build();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        long start = System.nanoTime();
        long htmlChars = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String body = body(text);
            htmlChars += renderer.render((asBuilt && body.indexOf('|') < 0 ? withoutTables : parser).parse(body)).length();
        }
        System.out.printf("flexmark alone%s: %d files, %d characters of HTML, %d ms after start-up%n",
                asBuilt ? " (as built)" : "", files.size(), htmlChars, (System.nanoTime() - start) / 1_000_000);
    }

    /** The text after a leading "---" front matter block, or all of it. */
    static String body(String text) {
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---\n", 3);
        return end < 0 ? text : text.substring(end + 5);
    }
}
