package org.healthguides.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.healthguides.content.SafeSvg;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.render.TemplateRenderer;

/**
 * The templates' static files (stylesheet, scripts, icons), published under names that carry a hash of their
 * content so hosts can cache them forever. Read before the pages are rendered, since templates link to the
 * hashed names ({@link #names()}); written when the pipeline calls the emitters.
 */
public final class StaticFiles implements Emitter {
    /** The folder inside the templates folder, and the site path prefix of its files. */
    public static final String FOLDER = TemplateRenderer.STATIC_FOLDER;

    private record StaticFile(String sitePath, byte[] bytes) {
    }

    private final Map<String, String> names;
    private final List<StaticFile> files;
    private final List<Problem> problems;

    private StaticFiles(Map<String, String> names, List<StaticFile> files, List<Problem> problems) {
        this.names = names;
        this.files = files;
        this.problems = problems;
    }

    /**
     * Reads every file of the templates' static folder (none when it does not exist).
     *
     * @param templatesName how the templates folder is named in messages
     */
    public static StaticFiles read(Path templates, String templatesName) throws IOException {
        Map<String, String> names = new TreeMap<>();
        List<StaticFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path folder = templates.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return new StaticFiles(names, files, problems);
        }
        PublishedFolder published = PublishedFolder.of(folder);
        List<Path> found;
        try (Stream<Path> walk = Files.walk(folder)) {
            // Hidden files and folders (.git, .DS_Store) are never published; a FIFO or device is not a regular file.
            found = walk.filter(file -> !isHidden(folder.relativize(file))).filter(file -> !Files.isDirectory(file)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found = found.stream().filter(file -> {
            if (Files.isRegularFile(file)) {
                return true;
            }
            String displayPath = templatesName + "/" + FOLDER + "/" + folder.relativize(file).toString().replace('\\', '/');
            problems.add(Files.exists(file)
                    ? Problem.error(Code.NOT_A_REGULAR_FILE, displayPath, 0, "this is not an ordinary file (a FIFO, socket or device), so it is not read",
                            "replace it with an ordinary file or delete it")
                    : Problem.error(Code.SYMLINK_BROKEN, displayPath, 0, "this symbolic link leads nowhere", "delete the link or restore what it pointed to"));
            return false;
        }).toList();
        for (Path file : found) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            String displayPath = templatesName + "/" + FOLDER + "/" + name;
            Problem outside = published.leaves(file, displayPath);
            if (outside != null) {
                problems.add(outside);
                continue;
            }
            String type = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            if (!TYPES.contains(type) || name.lastIndexOf('.') < 0) {
                problems.add(Problem.error(Code.FILE_TYPE_NOT_PUBLISHED, displayPath, 0, "files of type '." + type + "' are not published from " + FOLDER + "/",
                        "only stylesheets, images, icons, fonts and PDFs (" + String.join(", ", new java.util.TreeSet<>(TYPES)) + ") are; move it out or delete it"));
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String unsafe = type.equals("svg") ? SafeSvg.unsafePart(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)) : null;
            if (unsafe != null) {
                problems.add(Problem.error(Code.UNSAFE_SVG, displayPath, 0, "this SVG image is not published: " + unsafe,
                        "remove scripts, event handlers, foreignObject and links to other files"));
                continue;
            }
            String sitePath = ContentHash.hashedName(FOLDER + "/" + name, bytes);
            files.add(new StaticFile(sitePath, bytes));
            names.put(name, sitePath);
        }
        return new StaticFiles(Collections.unmodifiableMap(names), List.copyOf(files), List.copyOf(problems));
    }

    /** The kinds of file the static folder may publish: the site's own stylesheet, images, icons, fonts and PDFs. */
    public static final java.util.Set<String> TYPES = java.util.Set.of("css", "svg", "png", "jpg", "jpeg", "gif", "webp", "avif", "ico",
            "woff", "woff2", "pdf");

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Each file's name in the static folder ("style.css") with its site path ("static/style.3f9c2a1b.css"). */
    public Map<String, String> names() {
        return names;
    }

    @Override
    public void emit(Emission emission, Output output) {
        problems.forEach(emission.problems());
        for (StaticFile file : files) {
            output.write(file.sitePath(), file.bytes());
        }
    }
}
