package org.healthguides.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.healthguides.content.ContentLoader;
import org.healthguides.content.FrontMatter;
import org.healthguides.content.GuideMeta;
import org.healthguides.content.SourceFile;
import org.healthguides.content.TextDecoding;
import org.healthguides.content.YamlNode;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.ProblemListing;
import org.healthguides.output.PublicModes;
import org.healthguides.pipeline.BuildOptions;
import org.healthguides.site.Guide;

/**
 * {@code guide new guide SLUG} and {@code guide new section NAME --guide SLUG}: start content from the scaffold
 * files in the generator's resources (org/healthguides/scaffold/), which build cleanly with --strict as they are.
 * Never overwrites: an existing guide folder or section file is an error and nothing is written.
 */
final class NewCommand {
    static final String USAGE = """
            Usage: guide new guide SLUG [--title TEXT] [--content DIR]
                   guide new section NAME --guide SLUG [--title TEXT] [--content DIR]

            'new guide' creates content/SLUG/ with index.md (its front matter declares the content contract) and the
            five standard sections: benefits, muscles, technique, injuries and recovery, each with a placeholder.
            'new section' adds content/SLUG/NAME.md with front matter and an 'order' 10 past the last section's
            (rounded to tens), leaving room to put a section in between later.
            Neither overwrites anything. SLUG and NAME become addresses: lowercase letters, digits and hyphens.

            Options:
              --title TEXT      the title (default: from SLUG or NAME, 'knee-pain' → 'Knee pain')
              --guide SLUG      the guide folder a new section goes into
              --content DIR     content folder (default: content)
              --help            show this help

            Exit codes: 0 created, 1 it already exists, 2 usage error (such as an invalid name).
            """;

    private static final Pattern SLUG = ContentLoader.SLUG;
    private static final String SCAFFOLD = "/org/healthguides/scaffold/";
    private static final List<String> GUIDE_FILES = List.of(GuideMeta.INDEX_FILE,
            "benefits.md", "muscles.md", "technique.md", "injuries.md", "recovery.md");
    private static final Set<String> RESERVED = Set.of("index", Guide.WHOLE_GUIDE_SLUG, "static");

    private final PrintStream out;
    private final PrintStream err;
    private final LocalDate today;

    /** @param clock the day a new guide's review dates start from */
    NewCommand(PrintStream out, PrintStream err, Clock clock) {
        this.today = LocalDate.now(clock);
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageError, IOException {
        Arguments options = new Arguments(args, Set.of("--title", "--guide", "--content"), Set.of("--help", "--verbose"));
        if (options.flag("--help")) {
            out.print(USAGE);
            return Main.OK;
        }
        List<String> positional = options.positional();
        if (positional.size() != 2) {
            throw new UsageError("'guide new' needs what to create and its name: 'guide new guide SLUG' or 'guide new section NAME --guide SLUG'");
        }
        try {
            return create(positional.get(0), positional.get(1), options);
        } catch (ContentErrors e) {
            ProblemListing.print(err, e.problems());
            err.println("guide: nothing was created");
            return Main.CONTENT_ERRORS;
        }
    }

    private int create(String what, String name, Arguments options) throws UsageError, ContentErrors, IOException {
        Path content = Path.of(options.value("--content", BuildOptions.DEFAULT_CONTENT.toString()));
        return switch (what) {
            case "guide" -> {
                if (options.value("--guide", null) != null) {
                    throw new UsageError("--guide is for 'guide new section'");
                }
                yield newGuide(content, validSlug(name, "SLUG"), validTitle(options.value("--title", titleOf(name))));
            }
            case "section" -> {
                String guide = options.value("--guide", null);
                if (guide == null) {
                    throw new UsageError("'guide new section " + name + "' needs --guide SLUG: the guide folder to add it to");
                }
                yield newSection(content, validSlug(guide, "--guide"), validSlug(name, "NAME"), validTitle(options.value("--title", titleOf(name))));
            }
            default -> throw new UsageError("'guide new' can create a 'guide' or a 'section', not '" + what + "'");
        };
    }

    private int newGuide(Path content, String slug, String title) throws ContentErrors, IOException {
        requireContentFolder(content);
        Path folder = content.resolve(slug);
        if (Files.exists(folder)) {
            throw new ContentErrors(Problem.error(Code.ALREADY_EXISTS, shown(folder), 0, "guide folder already exists; nothing was written",
                    "choose another SLUG, or add a section with 'guide new section NAME --guide " + slug + "'"));
        }
        // Written into a hidden folder (the build skips those) and moved into place, so a guide is never half there.
        Path staging = Files.createTempDirectory(content, "." + slug + ".new-", PublicModes.FOLDER);
        try {
            for (String file : GUIDE_FILES) {
                String text = scaffold(file).replace("{{title}}", yamlString(title))
                        .replace("{{reviewed}}", today.toString())
                        .replace("{{next_review}}", today.plusYears(1).toString());
                writeNew(staging.resolve(file), text);
            }
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, folder);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ContentErrors(Problem.error(Code.ALREADY_EXISTS, shown(folder), 0, "guide folder already exists; nothing was written", "choose another SLUG"));
        } finally {
            if (Files.exists(staging)) {
                PathUtils.deleteDirectory(staging);
            }
        }
        out.println("Created " + shown(folder) + "/ with " + String.join(", ", GUIDE_FILES));
        out.println("Next: write the placeholders, then run './guide check --strict'.");
        return Main.OK;
    }

    private int newSection(Path content, String guide, String name, String title) throws ContentErrors, IOException {
        requireContentFolder(content);
        Path folder = content.resolve(guide);
        if (!Files.isRegularFile(folder.resolve(GuideMeta.INDEX_FILE))) {
            throw new ContentErrors(Problem.error(Code.NO_SUCH_GUIDE, shown(folder), 0, "there is no guide '" + guide + "' (no " + GuideMeta.INDEX_FILE + " in this folder)",
                    "check the spelling, or create the guide first with 'guide new guide " + guide + "'"));
        }
        if (RESERVED.contains(name)) {
            throw new ContentErrors(Problem.error(Code.RESERVED_NAME, shown(folder.resolve(name + ".md")), 0, "'" + name + "' is a reserved name",
                    "choose another NAME"));
        }
        Path file = folder.resolve(name + ".md");
        int order = nextOrder(folder);
        String text = scaffold("section.md").replace("{{title}}", yamlString(title)).replace("{{order}}", Integer.toString(order));
        try {
            writeNew(file, text);
        } catch (FileAlreadyExistsException e) {
            throw new ContentErrors(Problem.error(Code.ALREADY_EXISTS, shown(file), 0, "section file already exists; nothing was written",
                    "choose another NAME or edit the file"));
        }
        out.println("Created " + shown(file) + " (order " + order + ")");
        return Main.OK;
    }

    /** Creates a file that must not exist yet, mode 0644 like everything the tool creates (see PublicModes). */
    private static void writeNew(Path file, String text) throws IOException {
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PublicModes.FILE)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /**
     * The next multiple of {@link #ORDER_STEP} above the highest order among the guide's sections, so a section can
     * later go in between without renumbering (5 → 10, 10 → 20); sections that cannot be read are left to the build.
     */
    private static int nextOrder(Path folder) throws IOException {
        int highest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".md") || fileName.equals(GuideMeta.INDEX_FILE) || fileName.startsWith(".")) {
                    continue;
                }
                if (TextDecoding.decode(Files.readAllBytes(file), fileName) instanceof TextDecoding.Decoded decoded) {
                    try {
                        YamlNode order = FrontMatter.parse(new SourceFile(fileName, fileName, decoded.text())).fields().get("order");
                        if (order != null && order.value() instanceof String digits) {
                            highest = Math.max(highest, Integer.parseInt(digits.strip()));
                        }
                    } catch (ContentErrors | NumberFormatException e) {
                        // not ours to report here
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return (highest / ORDER_STEP + 1) * ORDER_STEP;
    }

    /** New sections' orders leave this much room; orders need only be different, gaps are fine. */
    static final int ORDER_STEP = 10;

    private static void requireContentFolder(Path content) throws ContentErrors {
        if (!Files.isDirectory(content)) {
            throw new ContentErrors(Problem.error(Code.CONTENT_FOLDER_NOT_FOUND, shown(content), 0, "content folder not found",
                    "run from the project folder or pass --content DIR"));
        }
    }

    private static String validSlug(String slug, String what) throws UsageError {
        if (!SLUG.matcher(slug).matches()) {
            throw new UsageError(what + " '" + slug + "' is not a valid name: use lowercase letters, digits and single hyphens, e.g. 'knee-pain'");
        }
        return slug;
    }

    /** A title is one line of text: a newline or other control character would end the front matter or break its YAML. */
    private static String validTitle(String title) throws UsageError {
        if (title.isBlank()) {
            throw new UsageError("--title is empty; give the page's title, e.g. --title \"Knee pain\"");
        }
        if (title.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new UsageError("--title must be one line of text, without line breaks or control characters");
        }
        return title.strip();
    }

    /** "knee-pain" → "Knee pain". */
    static String titleOf(String slug) {
        String words = slug.replace('-', ' ').strip();
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A YAML double-quoted scalar, so a title with ':' or '#' stays one value. */
    private static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String scaffold(String file) throws IOException {
        try (InputStream in = NewCommand.class.getResourceAsStream(SCAFFOLD + file)) {
            if (in == null) {
                throw new IOException("scaffold file missing from the generator: " + SCAFFOLD + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String shown(Path path) {
        return path.toString().replace('\\', '/');
    }
}
