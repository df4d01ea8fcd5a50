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
 * <p>Run with the generator's jar on the class path (bench/run.sh compiles it once into bench/target/):
 * {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -cp generator-all.jar:DIR FlexmarkAlone CONTENT_DIR}
 */
public final class FlexmarkAlone {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FlexmarkAlone CONTENT_DIR");
            System.exit(2);
        }
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_TRIM_LEADING_WHITESPACE | LineAppendable.F_PASS_THROUGH);
        Parser parser = Parser.builder(options).extensions(List.of(FootnoteExtension.create(), TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).extensions(List.of(FootnoteExtension.create(), TablesExtension.create())).build();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        long start = System.nanoTime();
        long htmlChars = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            htmlChars += renderer.render(parser.parse(body(text))).length();
        }
        System.out.printf("flexmark alone: %d files, %d characters of HTML, %d ms after start-up%n",
                files.size(), htmlChars, (System.nanoTime() - start) / 1_000_000);
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
