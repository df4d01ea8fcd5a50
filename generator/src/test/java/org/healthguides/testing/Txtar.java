package org.healthguides.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test case as one text file of named sections, the txtar format of Go's and Hugo's integration tests:
 * an optional comment, then {@code -- name --} lines, each followed by that file's text. Fixture sites and
 * their expected output live in such files instead of Java strings, so a case reads (and diffs) as files.
 *
 * @param comment what the case is about (the text before the first section)
 * @param files   each section's name and text, in file order
 */
public record Txtar(String comment, Map<String, String> files) {

    /** Parses the format; every line keeps its newline, so a section's text is exactly its lines. */
    public static Txtar parse(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder comment = new StringBuilder();
        StringBuilder current = comment;
        String name = null;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            String line = end < 0 ? text.substring(at) : text.substring(at, end + 1);
            at = end < 0 ? text.length() : end + 1;
            String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (bare.startsWith("-- ") && bare.endsWith(" --") && bare.length() > 6) {
                if (name != null) {
                    files.put(name, current.toString());
                }
                name = bare.substring(3, bare.length() - 3).strip();
                current = new StringBuilder();
                continue;
            }
            current.append(line);
        }
        if (name != null) {
            files.put(name, current.toString());
        }
        return new Txtar(comment.toString(), files);
    }

    public static Txtar read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String format() {
        StringBuilder out = new StringBuilder(comment);
        if (!comment.isEmpty() && !comment.endsWith("\n")) {
            out.append('\n');
        }
        files.forEach((name, body) -> {
            out.append("-- ").append(name).append(" --\n").append(body);
            if (!body.isEmpty() && !body.endsWith("\n")) {
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** This case with one section set (added at the end when new). */
    public Txtar with(String name, String body) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(name, body);
        return new Txtar(comment, copy);
    }

    /** Writes every section whose name starts with {@code prefix} under {@code root}, without the prefix. */
    public void writeFiles(String prefix, Path root) {
        files.forEach((name, body) -> {
            if (name.startsWith(prefix)) {
                Fixture.write(root.resolve(name.substring(prefix.length())), body);
            }
        });
    }
}
