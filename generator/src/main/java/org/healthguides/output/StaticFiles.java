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
            found = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : found) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            Problem outside = published.leaves(file, templatesName + "/" + FOLDER + "/" + name);
            if (outside != null) {
                problems.add(outside);
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String sitePath = ContentHash.hashedName(FOLDER + "/" + name, bytes);
            files.add(new StaticFile(sitePath, bytes));
            names.put(name, sitePath);
        }
        return new StaticFiles(Collections.unmodifiableMap(names), List.copyOf(files), List.copyOf(problems));
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
