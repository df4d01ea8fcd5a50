package org.healthguides.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;

/** Reads the content folder from disk: the only part of this stage that does I/O. */
public final class ContentLoader {
    /** What a guide folder or section file name must look like to be a clean address. */
    public static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** More sections than this in one guide is an error: every page lists every section, so cost grows with the square. */
    public static final int MAX_SECTIONS = 500;
    /** The kinds of file a guide folder may publish beside its pages: images and PDFs; anything else is an error. */
    public static final java.util.Set<String> PUBLISHED_TYPES = java.util.Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf");
    private final Path root;
    private final String displayRoot;
    /** The content folder with links resolved, to tell a link that stays inside it from one that leaves. */
    private Path realRoot;
    /** The last build's stat data of each file (see {@link FileStates}); null: none recorded, none taken. */
    private FileStates known;
    /** This loading's stat data of each file stated and read or trusted, by path in the content folder. */
    private java.util.Map<String, FileStates.State> seen = new java.util.concurrent.ConcurrentHashMap<>();
    /** When this loading began to read files, in nanoseconds since the epoch (see {@link FileStates#trustedBefore}). */
    private long readingStarted;
    private final java.util.concurrent.atomic.AtomicInteger filesRead = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param root the content folder
     * @param displayRoot how to name it in messages ("content")
     */
    public ContentLoader(Path root, String displayRoot) {
        this.root = root;
        this.displayRoot = displayRoot.endsWith("/") ? displayRoot.substring(0, displayRoot.length() - 1) : displayRoot;
    }

    /** The content folder, every file decoded and checked to be UTF-8 (see {@link #decoded}). */
    public ContentTree load() throws ContentErrors {
        return load(true);
    }

    /**
     * The content folder with each source file read and fingerprinted but not decoded (the settings file excepted), its
     * bytes not kept (see {@link SourceFile}): what a build with the cache needs to tell whether anything changed. Pass
     * it to {@link #decoded} before using the files' text: only that reports a file that is not UTF-8 (or that changed
     * since it was read).
     */
    public ContentTree loadUndecoded() throws ContentErrors {
        return load(false);
    }

    /**
     * {@link #loadUndecoded()}, except that a file whose stat data are those {@code known} recorded (and not within its
     * racy window: see {@link FileStates}) takes its recorded fingerprint without being read. What this loading saw is
     * {@link #states()} afterwards.
     */
    public ContentTree loadUndecoded(FileStates known) throws ContentErrors {
        this.known = java.util.Objects.requireNonNull(known);
        // Sized for about as many files as last time: grown from 16 by the loading threads, its resizing was ~1% of an
        // edit rebuild at 10,000 pages. Set before any loading thread starts.
        seen = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, known.files().size() + known.files().size() / 2));
        return load(false);
    }

    /** {@link #load()}, each file's stat data taken before it is read, for {@link #states()}. */
    public ContentTree loadRecordingStates() throws ContentErrors {
        this.known = FileStates.NONE;
        return load(true);
    }

    /** What this loading saw of the files it stated (none unless loaded with stat data), for the next build. */
    public FileStates states() {
        return new FileStates(readingStarted - FileStates.MARGIN, seen);
    }

    /** How many content files this loading read (the others were trusted by their stat data); the settings not counted. */
    public int filesRead() {
        return filesRead.get();
    }

    /**
     * @param decodeNow each file decoded as soon as it is read, from a buffer the thread reuses; a file that is not
     *                  UTF-8 is then left out with its error here, else by {@link #decoded}
     */
    private ContentTree load(boolean decodeNow) throws ContentErrors {
        if (!Files.isDirectory(root)) {
            throw new ContentErrors(Problem.error(Code.CONTENT_FOLDER_NOT_FOUND, displayRoot, 0, "content folder not found",
                    "run from the project folder or pass --content DIR"));
        }
        List<Problem> problems = new ArrayList<>();
        // Before any file is stated: a file changed after this moment is newer than the recorded window (FileStates).
        readingStarted = System.currentTimeMillis() * 1_000_000L;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new ContentErrors(Problem.error(Code.FILE_UNREADABLE, displayRoot, 0, "cannot read the content folder: " + e.getMessage(), "check the folder's permissions"));
        }
        Path settingsPath = root.resolve(SiteSettings.FILE_NAME);
        if (Files.exists(settingsPath, LinkOption.NOFOLLOW_LINKS) && kindOf(settingsPath, SiteSettings.FILE_NAME, problems) != Kind.FILE) {
            throw new ContentErrors(problems);
        }
        if (!Files.isRegularFile(settingsPath)) {
            throw new ContentErrors(Problem.error(Code.SETTINGS_NOT_FOUND, display(SiteSettings.FILE_NAME), 0, "site settings file not found",
                    "create it with title, language and warning_kinds (see docs/care-cards.md)"));
        }
        SourceFile settings = read(SiteSettings.FILE_NAME, problems, decodeNow, null);
        if (settings != null && settings.decode() instanceof TextDecoding.Invalid invalid) {
            problems.add(invalid.problem());
            settings = null;
        }
        if (settings == null) {
            // Nothing else can be checked without the warning kinds it declares.
            throw new ContentErrors(problems);
        }
        List<Path> folders = new ArrayList<>();
        List<Path> entries;
        try {
            entries = sortedChildren(root);
        } catch (IOException e) {
            throw new ContentErrors(Problem.error(Code.FILE_UNREADABLE, displayRoot, 0, "cannot read the content folder: " + e.getMessage(), "check the folder's permissions"));
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (isHidden(name) || name.equals(SiteSettings.FILE_NAME) || isEditorLeftover(name)) {
                continue;
            }
            Kind kind = plainKind(entry);
            if (kind == null) {
                kind = kindOf(entry, name, problems);
            }
            if (kind == Kind.FOLDER) {
                folders.add(entry);
            } else if (kind == Kind.FILE && name.endsWith(".md")) {
                problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(name), 0, "this Markdown file belongs to no guide",
                        "move it into a guide folder (one holding an index.md) or delete it"));
            }
        }
        // Guide folders are read in parallel (reading and decoding thousands of files one by one was the longest
        // stretch of a large build with one core idle), each with its own problems, kept in folder order.
        List<LoadedFolder> loaded = folders.parallelStream().map(folder -> loadFolder(folder, decodeNow)).toList();
        List<GuideFiles> guides = new ArrayList<>();
        for (LoadedFolder folder : loaded) {
            problems.addAll(folder.problems());
            folder.guide().ifPresent(guides::add);
        }
        return new ContentTree(settings, List.copyOf(guides), List.copyOf(problems));
    }

    private record LoadedFolder(java.util.Optional<GuideFiles> guide, List<Problem> problems) {
    }

    private LoadedFolder loadFolder(Path folder, boolean decodeNow) {
        List<Problem> problems = new ArrayList<>();
        String slug = folder.getFileName().toString();
        try {
            return new LoadedFolder(loadGuide(folder, slug, problems, decodeNow), problems);
        } catch (IOException | UncheckedIOException e) {
            // An unreadable guide folder is the editor's to fix, named like any other content problem.
            String why = e instanceof UncheckedIOException unchecked ? String.valueOf(unchecked.getCause()) : String.valueOf(e);
            problems.add(Problem.error(Code.FILE_UNREADABLE, display(slug), 0, "cannot read this folder (" + why + ")", "check the folder's permissions"));
            return new LoadedFolder(java.util.Optional.empty(), problems);
        }
    }

    private java.util.Optional<GuideFiles> loadGuide(Path folder, String slug, List<Problem> problems, boolean decodeNow) throws IOException {
        List<Path> children = sortedChildren(folder);
        // Listed: no stat of its own (2,000 at 10,000 pages). Not listed under that exact name (a file system that
        // ignores case could still hold it as INDEX.md): asked as before.
        boolean hasIndex = false;
        for (Path child : children) {
            if (child.getFileName().toString().equals(GuideMeta.INDEX_FILE)) {
                hasIndex = true;
                break;
            }
        }
        hasIndex = hasIndex || Files.exists(folder.resolve(GuideMeta.INDEX_FILE), LinkOption.NOFOLLOW_LINKS);
        if (!hasIndex) {
            for (Path markdown : markdownUnder(folder, problems)) {
                problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(relative(markdown)), 0,
                        "this Markdown file belongs to no guide (its folder has no index.md)",
                        "add " + displayRoot + "/" + slug + "/index.md or move the file into a guide folder"));
            }
            return java.util.Optional.empty();
        }
        if (!SLUG.matcher(slug).matches()) {
            // The folder name is the guide's address: '404.html', 'a?b' or 'e%20f' would make links that lead nowhere.
            problems.add(Problem.error(Code.UNCLEAN_NAME, display(slug + "/" + GuideMeta.INDEX_FILE), 0, "folder name '" + slug + "' does not make a clean address",
                    "rename the folder with lowercase letters, digits and hyphens, e.g. '" + slugLike(slug) + "'"));
            return java.util.Optional.empty();
        }
        long sectionFiles = children.stream().map(child -> child.getFileName().toString())
                .filter(name -> name.endsWith(".md") && !name.equals(GuideMeta.INDEX_FILE) && !isHidden(name)).count();
        if (sectionFiles > MAX_SECTIONS) {
            problems.add(Problem.error(Code.TOO_MANY_SECTIONS, display(slug + "/" + GuideMeta.INDEX_FILE), 0, "guide '" + slug + "' has " + sectionFiles
                    + " section files; a guide may have at most " + MAX_SECTIONS, "split it into several guides"));
            return java.util.Optional.empty();
        }
        java.util.Map<String, String> seenSlugs = new java.util.HashMap<>();
        SourceFile index = null;
        List<SourceFile> sections = new ArrayList<>();
        List<String> assets = new ArrayList<>();
        List<String> sectionNames = new ArrayList<>();
        java.util.SortedMap<String, List<SourceFile>> translations = new java.util.TreeMap<>();
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = slug + "/" + name;
            if (isHidden(name) || isEditorLeftover(name)) {
                continue;
            }
            // With a record, a Markdown file is stated once for both: an ordinary file (not a link) needs no other look.
            FileStates.State stat = known != null && name.endsWith(".md") ? statOf(child) : null;
            Kind kind = stat != null ? Kind.FILE : kindOf(child, path, problems);
            if (kind == Kind.SKIP) {
                continue;
            }
            if (kind == Kind.FOLDER) {
                for (Path nested : filesUnder(child, problems)) {
                    String nestedPath = relative(nested);
                    if (nestedPath.endsWith(".md")) {
                        problems.add(Problem.error(Code.FILE_OUTSIDE_GUIDE, display(nestedPath), 0, "this Markdown file belongs to no guide",
                                "sections live directly in the guide folder; move it up to " + displayRoot + "/" + slug + "/"));
                    } else if (isPublishable(nested, nestedPath, problems)) {
                        assets.add(nestedPath);
                    }
                }
            } else if (name.equals(GuideMeta.INDEX_FILE)) {
                index = read(path, problems, decodeNow, stat);
            } else if (Language.translationFileName(name).isPresent()) {
                // A translation (recovery.cy.md) is not a section of its own: the site assembler pairs it with its original.
                SourceFile translation = read(path, problems, decodeNow, stat);
                if (translation != null) {
                    translations.computeIfAbsent(Language.translationFileName(name).get().language(), tag -> new ArrayList<>())
                            .add(translation);
                }
            } else if (name.endsWith(".md")) {
                checkSlug(slug, name, path, seenSlugs, problems);
                sectionNames.add(sectionName(name.substring(0, name.length() - ".md".length())));
                SourceFile section = read(path, problems, decodeNow, stat);
                if (section != null) {
                    sections.add(section);
                }
            } else if (isPublishable(child, path, problems)) {
                assets.add(path);
            }
        }
        if (index == null) {
            return java.util.Optional.empty();
        }
        java.util.SortedMap<String, List<SourceFile>> translated = new java.util.TreeMap<>();
        translations.forEach((language, files) -> translated.put(language, List.copyOf(files)));
        return java.util.Optional.of(new GuideFiles(slug, index, List.copyOf(sections), List.copyOf(assets), List.copyOf(sectionNames),
                java.util.Collections.unmodifiableSortedMap(translated)));
    }

    /** Each loading thread's buffer for the files' bytes, decoded or fingerprinted at once (see {@link ReadBuffer}). */
    private static final ThreadLocal<ReadBuffer> READ_BUFFER = ThreadLocal.withInitial(ReadBuffer::new);

    /**
     * @param stat the file's stat data taken before it is read (an edit after them changes those the next build
     *             compares), or null: it is then read, and recorded in no {@link #states()}
     */
    private SourceFile read(String path, List<Problem> problems, boolean decodeNow, FileStates.State stat) {
        Path location = root.resolve(path);
        if (stat != null && !decodeNow) {
            byte[] fingerprint = known.trusted(path, stat);
            if (fingerprint != null) {
                seen.put(path, new FileStates.State(stat.size(), stat.modified(), stat.changed(), stat.inode(), stat.device(), fingerprint));
                return SourceFile.fingerprinted(path, display(path), root, fingerprint);
            }
        }
        ReadBuffer read;
        try {
            if (!path.equals(SiteSettings.FILE_NAME)) {
                filesRead.incrementAndGet();
            }
            read = READ_BUFFER.get().read(location);
        } catch (IOException e) {
            problems.add(Problem.error(Code.FILE_UNREADABLE, display(path), 0, "cannot read file: " + e.getMessage(), "check the file's permissions"));
            return null;
        }
        if (!decodeNow) {
            // Only the bytes' fingerprint is kept (see SourceFile): the file is read again if its text is needed.
            SourceFile file = SourceFile.undecoded(path, display(path), root, read.bytes(), read.length());
            if (stat != null) {
                seen.put(path, new FileStates.State(stat.size(), stat.modified(), stat.changed(), stat.inode(), stat.device(), file.fingerprint()));
            }
            return file;
        }
        TextDecoding.Result decoded = TextDecoding.decode(read.bytes(), read.length(), display(path));
        if (decoded instanceof TextDecoding.Invalid invalid) {
            problems.add(invalid.problem());
            return null;
        }
        SourceFile file = SourceFile.decoded(path, display(path), root, read.bytes(), read.length(), ((TextDecoding.Decoded) decoded).text());
        if (stat != null) {
            seen.put(path, new FileStates.State(stat.size(), stat.modified(), stat.changed(), stat.inode(), stat.device(), file.fingerprint()));
        }
        return file;
    }

    /**
     * A file's stat data (a link not followed), with no fingerprint yet; or null when it is anything but an ordinary
     * file (a symbolic link, a FIFO), cannot be stated, or the file system has no such data: then it is read (and
     * whatever is wrong reported) as without a record.
     */
    private static FileStates.State statOf(Path file) {
        UnixStat stat = UnixStat.of(file);
        if (stat == null || !stat.isRegularFile()) {
            return null;
        }
        return new FileStates.State(stat.size(), stat.modified(), stat.changed(), stat.inode(), stat.device(), null);
    }

    /**
     * The tree as {@link #load} gives it: every source file read again and decoded (in parallel, guide by guide), and
     * each that is not UTF-8 (or changed since it was read) left out with its error, as if it could not be read: a guide
     * whose {@code index.md} is not is left out whole. Files already decoded are not decoded again; the files kept are
     * the very ones of {@code tree}.
     */
    public static ContentTree decoded(ContentTree tree) {
        return decoded(tree, file -> null);
    }

    /**
     * {@link #decoded(ContentTree)}, except that a file {@code decodedBefore} knows (not null: the build cache, the same bytes
     * decoded without a problem by the last build) is not decoded now, only when its text is first needed: an edit
     * rebuild then decodes the files that changed, not all 12,000.
     */
    public static ContentTree decoded(ContentTree tree, java.util.function.Function<SourceFile, SourceFile.Known> decodedBefore) {
        List<LoadedFolder> checked = tree.guides().parallelStream().map(files -> decoded(files, decodedBefore)).toList();
        List<Problem> problems = new ArrayList<>(tree.problems());
        List<GuideFiles> guides = new ArrayList<>(checked.size());
        for (LoadedFolder folder : checked) {
            problems.addAll(folder.problems());
            folder.guide().ifPresent(guides::add);
        }
        return new ContentTree(tree.settings(), List.copyOf(guides), List.copyOf(problems));
    }

    private static LoadedFolder decoded(GuideFiles files, java.util.function.Function<SourceFile, SourceFile.Known> decodedBefore) {
        List<Problem> problems = new ArrayList<>();
        boolean indexRead = decodes(files.index(), decodedBefore, problems);
        List<SourceFile> sections = files.sections().stream().filter(section -> decodes(section, decodedBefore, problems)).toList();
        java.util.SortedMap<String, List<SourceFile>> translations = new java.util.TreeMap<>();
        files.translations().forEach((language, list) -> {
            List<SourceFile> read = list.stream().filter(translation -> decodes(translation, decodedBefore, problems)).toList();
            if (!read.isEmpty()) {
                translations.put(language, read);
            }
        });
        if (!indexRead) {
            return new LoadedFolder(java.util.Optional.empty(), problems);
        }
        if (problems.isEmpty()) {
            return new LoadedFolder(java.util.Optional.of(files), problems);
        }
        return new LoadedFolder(java.util.Optional.of(new GuideFiles(files.slug(), files.index(), sections, files.assets(), files.sectionNames(),
                java.util.Collections.unmodifiableSortedMap(translations))), problems);
    }

    /** Whether the file's text is UTF-8 (decoding it now if it was not yet); if not, its problem is added. */
    private static boolean decodes(SourceFile file, java.util.function.Function<SourceFile, SourceFile.Known> decodedBefore,
                                   List<Problem> problems) {
        if (file.isDecoded()) {
            return true;
        }
        SourceFile.Known known = decodedBefore.apply(file);
        if (known != null) {
            file.know(known);
            return true;
        }
        if (file.decode() instanceof TextDecoding.Invalid invalid) {
            problems.add(invalid.problem());
            return false;
        }
        return true;
    }

    /**
     * A section's file name is its address. A name that is not a slug ('a?b.md', 'c#d.md', 'e%20f.md') makes links
     * that lead nowhere, and two names that differ only in case are one address on most hosts (and one file on
     * macOS and Windows), so both are errors.
     */
    private void checkSlug(String guide, String name, String path, java.util.Map<String, String> seen, List<Problem> problems) {
        String stem = name.substring(0, name.length() - ".md".length());
        if (!SLUG.matcher(stem).matches()) {
            problems.add(Problem.error(Code.UNCLEAN_NAME, display(path), 0, "file name '" + name + "' does not make a clean address",
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

    /**
     * One string for each section name however many guides have it ("causes", "symptoms"): every guide's list lives to
     * the end of a build, and a copy per guide was two objects more for each young collection to copy.
     */
    private String sectionName(String name) {
        String known = sectionNames.putIfAbsent(name, name);
        return known != null ? known : name;
    }

    private final java.util.concurrent.ConcurrentMap<String, String> sectionNames = new java.util.concurrent.ConcurrentHashMap<>();

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

    private static List<Path> sortedChildren(Path folder) throws IOException {
        // A DirectoryStream, not Files.list's stream: 2,000 guide folders listed by every build, each a stream pipeline.
        List<Path> children = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                children.add(entry);
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw e.getCause();
        }
        children.sort(null);
        return children;
    }

    /** What an entry of the content folder is to the loader. */
    private enum Kind { FILE, FOLDER, SKIP }

    /**
     * An ordinary file or a folder (not a link) by one stat ({@link UnixStat}); null for anything else, or when it
     * cannot be stated, which {@link #kindOf} then looks at and reports.
     */
    private static Kind plainKind(Path entry) {
        UnixStat stat = UnixStat.of(entry);
        return stat == null ? null : stat.isFolder() ? Kind.FOLDER : stat.isRegularFile() ? Kind.FILE : null;
    }

    /**
     * Whether an entry is read as a file, walked as a folder, or skipped with an error: a symbolic link is followed
     * only to a file inside the content folder, and a FIFO, socket or device (which would block a read forever or
     * mean nothing) is never read.
     */
    private Kind kindOf(Path entry, String path, List<Problem> problems) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            problems.add(Problem.error(Code.FILE_UNREADABLE, display(path), 0, "cannot read it (" + e + ")", "check its permissions"));
            return Kind.SKIP;
        }
        if (attributes.isSymbolicLink()) {
            Path target;
            try {
                target = entry.toRealPath();
            } catch (IOException e) {
                problems.add(Problem.error(Code.SYMLINK_BROKEN, display(path), 0, "this symbolic link leads nowhere", "delete the link or restore what it pointed to"));
                return Kind.SKIP;
            }
            if (!target.startsWith(realRoot)) {
                problems.add(Problem.error(Code.SYMLINK_OUTSIDE_FOLDER, display(path), 0, "this symbolic link leads outside " + displayRoot + " (to " + target
                        + "), so it is not read or published", "copy the file into the content folder instead of linking to it"));
                return Kind.SKIP;
            }
            if (Files.isDirectory(target)) {
                problems.add(Problem.error(Code.SYMLINK_TO_FOLDER, display(path), 0, "this symbolic link leads to a folder, which is not followed",
                        "move or copy the folder here instead of linking to it"));
                return Kind.SKIP;
            }
            try {
                attributes = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                problems.add(Problem.error(Code.FILE_UNREADABLE, display(path), 0, "cannot read it (" + e + ")", "check its permissions"));
                return Kind.SKIP;
            }
        }
        if (attributes.isDirectory()) {
            return Kind.FOLDER;
        }
        if (!attributes.isRegularFile()) {
            problems.add(Problem.error(Code.NOT_A_REGULAR_FILE, display(path), 0, "this is not an ordinary file (a FIFO, socket or device), so it is not read",
                    "replace it with an ordinary file or delete it"));
            return Kind.SKIP;
        }
        return Kind.FILE;
    }

    /**
     * Whether a file beside the sections is published: only images and PDFs are. An HTML file could run script in
     * a reader's browser and an SVG is checked for script first; anything else is an error naming the file.
     */
    private boolean isPublishable(Path file, String path, List<Problem> problems) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        if (type.equals("html") || type.equals("htm") || type.equals("xhtml")) {
            problems.add(Problem.error(Code.HTML_FILE_NOT_PUBLISHED, display(path), 0, "HTML files in the content are not published, since they could run script in readers' browsers",
                    "write the page as a Markdown section (.md) instead"));
            return false;
        }
        if (!PUBLISHED_TYPES.contains(type)) {
            problems.add(Problem.error(Code.FILE_TYPE_NOT_PUBLISHED, display(path), 0, "files of type '" + (type.isEmpty() ? name : "." + type) + "' are not published",
                    "only images (" + String.join(", ", new java.util.TreeSet<>(PUBLISHED_TYPES)) + ") are published beside the pages; move it out of " + displayRoot + " or delete it"));
            return false;
        }
        if (!Files.isReadable(file)) {
            problems.add(Problem.error(Code.FILE_UNREADABLE, display(path), 0, "cannot read this file", "check the file's permissions"));
            return false;
        }
        if (type.equals("svg")) {
            String unsafe;
            try {
                unsafe = SafeSvg.unsafePart(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                unsafe = "it cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ")";
            }
            if (unsafe != null) {
                problems.add(Problem.error(Code.UNSAFE_SVG, display(path), 0, "this SVG image is not published: " + unsafe,
                        "remove scripts, event handlers, foreignObject and links to other files, or export the image as PNG"));
                return false;
            }
        }
        return true;
    }

    /** The files under a folder, without hidden files and folders, editor leftovers, or links that leave the content. */
    private List<Path> filesUnder(Path folder, List<Problem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path entry : sortedChildren(folder)) {
            String name = entry.getFileName().toString();
            if (isHidden(name) || isEditorLeftover(name)) {
                continue;
            }
            Kind kind = kindOf(entry, relative(entry), problems);
            if (kind == Kind.FOLDER) {
                files.addAll(filesUnder(entry, problems));
            } else if (kind == Kind.FILE) {
                files.add(entry);
            }
        }
        return files;
    }

    private List<Path> markdownUnder(Path folder, List<Problem> problems) throws IOException {
        return filesUnder(folder, problems).stream().filter(p -> p.getFileName().toString().endsWith(".md")).toList();
    }
}
