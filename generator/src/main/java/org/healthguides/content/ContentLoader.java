package org.healthguides.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;

/** Reads the content folder from disk: the only part of this stage that does I/O. */
public final class ContentLoader {
    /** What a guide folder or section file name must look like to be a clean address. */
    public static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final Path root;
    private final String displayRoot;

    /**
     * @param root the content folder
     * @param displayRoot how to name it in messages ("content")
     */
    public ContentLoader(Path root, String displayRoot) {
        this.root = root;
        this.displayRoot = displayRoot.endsWith("/") ? displayRoot.substring(0, displayRoot.length() - 1) : displayRoot;
    }

    public ContentTree load() throws ContentErrors {
        if (!Files.isDirectory(root)) {
            throw new ContentErrors(Problem.error(Code.CONTENT_FOLDER_NOT_FOUND, displayRoot, 0, "content folder not found",
                    "run from the project folder or pass --content DIR"));
        }
        List<Problem> problems = new ArrayList<>();
        Path settingsPath = root.resolve(SiteSettings.FILE_NAME);
        if (!Files.isRegularFile(settingsPath)) {
            throw new ContentErrors(Problem.error(Code.SETTINGS_NOT_FOUND, display(SiteSettings.FILE_NAME), 0, "site settings file not found",
                    "create it with title, language and warning_kinds (see docs/care-cards.md)"));
        }
        SourceFile settings = read(SiteSettings.FILE_NAME, problems);
        if (settings == null) {
            // Nothing else can be checked without the warning kinds it declares.
            throw new ContentErrors(problems);
        }
        List<Path> folders = new ArrayList<>();
        for (Path entry : sortedChildren(root)) {
            String name = entry.getFileName().toString();
            if (isHidden(name) || name.equals(SiteSettings.FILE_NAME)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (name.endsWith(".md")) {
                problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(name), 0, "this Markdown file belongs to no guide",
                        "move it into a guide folder (one holding an index.md) or delete it"));
            }
        }
        // Guide folders are read in parallel (reading and decoding thousands of files one by one was the longest
        // stretch of a large build with one core idle), each with its own problems, kept in folder order.
        List<LoadedFolder> loaded = folders.parallelStream().map(this::loadFolder).toList();
        List<GuideFiles> guides = new ArrayList<>();
        for (LoadedFolder folder : loaded) {
            problems.addAll(folder.problems());
            folder.guide().ifPresent(guides::add);
        }
        return new ContentTree(settings, List.copyOf(guides), List.copyOf(problems));
    }

    private record LoadedFolder(java.util.Optional<GuideFiles> guide, List<Problem> problems) {
    }

    private LoadedFolder loadFolder(Path folder) {
        List<Problem> problems = new ArrayList<>();
        return new LoadedFolder(loadGuide(folder, folder.getFileName().toString(), problems), problems);
    }

    private java.util.Optional<GuideFiles> loadGuide(Path folder, String slug, List<Problem> problems) {
        List<Path> children = sortedChildren(folder);
        boolean hasIndex = Files.isRegularFile(folder.resolve(GuideMeta.INDEX_FILE));
        if (!hasIndex) {
            for (Path markdown : markdownUnder(folder)) {
                problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(relative(markdown)), 0,
                        "this Markdown file belongs to no guide (its folder has no index.md)",
                        "add " + displayRoot + "/" + slug + "/index.md or move the file into a guide folder"));
            }
            return java.util.Optional.empty();
        }
        if (!SLUG.matcher(slug).matches()) {
            problems.add(Problem.warning(Code.UNCLEAN_NAME, display(slug + "/" + GuideMeta.INDEX_FILE), 0, "folder name '" + slug + "' does not make a clean address",
                    "rename the folder with lowercase letters, digits and hyphens, e.g. '" + slugLike(slug) + "'"));
        }
        java.util.Map<String, String> seenSlugs = new java.util.HashMap<>();
        SourceFile index = null;
        List<SourceFile> sections = new ArrayList<>();
        List<String> assets = new ArrayList<>();
        List<String> sectionNames = new ArrayList<>();
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = slug + "/" + name;
            if (isHidden(name) || isEditorLeftover(name)) {
                continue;
            }
            if (Files.isDirectory(child)) {
                for (Path nested : filesUnder(child)) {
                    String nestedPath = relative(nested);
                    if (nestedPath.endsWith(".md")) {
                        problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(nestedPath), 0, "this Markdown file belongs to no guide",
                                "sections live directly in the guide folder; move it up to " + displayRoot + "/" + slug + "/"));
                    } else {
                        assets.add(nestedPath);
                    }
                }
            } else if (name.equals(GuideMeta.INDEX_FILE)) {
                index = read(path, problems);
            } else if (name.endsWith(".md")) {
                checkSlug(slug, name, path, seenSlugs, problems);
                sectionNames.add(name.substring(0, name.length() - ".md".length()));
                SourceFile section = read(path, problems);
                if (section != null) {
                    sections.add(section);
                }
            } else {
                assets.add(path);
            }
        }
        if (index == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GuideFiles(slug, index, List.copyOf(sections), List.copyOf(assets), List.copyOf(sectionNames)));
    }

    private SourceFile read(String path, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            problems.add(Problem.error(Code.FILE_UNREADABLE, display(path), 0, "cannot read file: " + e.getMessage(), "check the file's permissions"));
            return null;
        }
        TextDecoding.Result decoded = TextDecoding.decode(bytes, display(path));
        if (decoded instanceof TextDecoding.Invalid invalid) {
            problems.add(invalid.problem());
            return null;
        }
        return new SourceFile(path, display(path), ((TextDecoding.Decoded) decoded).text());
    }

    /**
     * A section's file name is its address. Two names that differ only in case are one address on most hosts
     * (and one file on macOS and Windows), so they are an error; other unusual names only a warning.
     */
    private void checkSlug(String guide, String name, String path, java.util.Map<String, String> seen, List<Problem> problems) {
        String stem = name.substring(0, name.length() - ".md".length());
        if (!SLUG.matcher(stem).matches()) {
            problems.add(Problem.warning(Code.UNCLEAN_NAME, display(path), 0, "file name '" + name + "' does not make a clean address",
                    "rename it with lowercase letters, digits and hyphens, e.g. '" + slugLike(stem) + ".md'"));
        }
        String other = seen.putIfAbsent(stem.toLowerCase(java.util.Locale.ROOT), path);
        if (other != null) {
            problems.add(Problem.error(Code.SLUG_CLASH, display(path), 0, "section slug '" + stem.toLowerCase(java.util.Locale.ROOT)
                    + "' is also used by " + display(other), "rename one of the two files in " + displayRoot + "/" + guide + "/"));
        }
    }

    /** "My Section" → "my-section". */
    static String slugLike(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private String display(String path) {
        return displayRoot + "/" + path;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Editors leave swap and backup files beside the ones they edit; they are never content. */
    static boolean isEditorLeftover(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
                || name.startsWith("#") || name.equals("4913") || name.endsWith(".tmp");
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    private static List<Path> sortedChildren(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(p.getFileName().toString()) && !isEditorLeftover(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> markdownUnder(Path folder) {
        return filesUnder(folder).stream().filter(p -> p.getFileName().toString().endsWith(".md")).toList();
    }
}
