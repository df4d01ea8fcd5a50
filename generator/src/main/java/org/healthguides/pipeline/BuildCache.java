package org.healthguides.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.healthguides.content.ContentTree;
import org.healthguides.content.GuideFiles;
import org.healthguides.content.SourceFile;
import org.healthguides.diagnostics.Code;
import org.healthguides.diagnostics.Problem;
import org.healthguides.diagnostics.Severity;
import org.healthguides.markdown.Callout;
import org.healthguides.markdown.ContentLink;
import org.healthguides.markdown.Heading;
import org.healthguides.markdown.MarkdownRenderer;
import org.healthguides.markdown.MarkdownSource;
import org.healthguides.markdown.Reference;
import org.healthguides.markdown.RenderedMarkdown;
import org.healthguides.output.Precompressed;
import org.healthguides.readability.ReadingStats;
import org.healthguides.render.PageMetadata;

/**
 * What {@code guide build} keeps between runs, in a folder beside the output ({@code target/site.cache} for
 * {@code target/site}), so that a build of unchanged content renders nothing again:
 * <ul>
 *   <li>each Markdown body's rendering, keyed by a hash of the generator, the settings and the body with its
 *   place (file, page, first line): a file whose key is known is not parsed again;</li>
 *   <li>each guide's published pages, keyed by a hash of the generator, the settings, the templates with their
 *   static files, the --base-url and every file of the guide folder: a guide whose key is known is not planned
 *   or rendered again, its pages are hard links to the last output's files (checked by size and modification
 *   time, so a file changed by hand since is rendered again).</li>
 * </ul>
 * A guide's pages depend on nothing outside its own folder but those global inputs (navigation, previous/next and
 * the whole-guide page are all the guide's own); the home and 404 pages, which list every guide, are always
 * rendered. The cache is written only after a build succeeded and its output was swapped in; a cache made by
 * another generator, or one that cannot be read, is ignored with a one-line note and replaced.
 */
public final class BuildCache implements MarkdownRenderer.Store {
    /** Changes whenever what is written here changes shape. */
    private static final int FORMAT = 4; // 4: problems keep their code, links their column
    private static final String MAGIC = "guide build cache";
    private static final String FILE = "cache.bin";
    /** Marks a folder as this tool's cache, so a folder of the same name that is not one is never overwritten. */
    private static final String MARKER = ".guide-build-cache";

    private final Path folder;
    private final boolean writable;
    private final String generator;
    private final Map<Key, RenderedMarkdown> knownMarkdown;
    private final Map<Key, List<StoredPage>> knownGuides;
    private final Map<Key, RenderedMarkdown> usedMarkdown = new ConcurrentHashMap<>();
    private final Map<Key, List<StoredPage>> usedGuides = new ConcurrentHashMap<>();
    private byte[] markdownInputs = new byte[0];
    private byte[] pageInputs;
    /** MD5 of each source file's text by its path in the content folder: hashed once, used by both kinds of key. */
    private Map<String, byte[]> fileHashes = Map.of();
    /** Whether this build rendered anything or left anything out: if not, the file on disk already says it all. */
    private volatile boolean changed;
    private boolean pdf;
    private Path content;

    /**
     * One page as the last build published it: where its file is, what the link check and the emitters need to
     * know about it, and the size and time of its file (and of its .gz copy, or -1) to tell it was not touched.
     */
    record StoredPage(String file, String pagePath, Set<String> ids, PageMetadata meta, long size, long modified,
                      long gzSize, long gzModified) {
    }

    /** 128 bits of an MD5 digest: a key, not a protection against anyone (who could edit the content anyway). */
    record Key(long high, long low) {
        static Key of(MessageDigest digest) {
            byte[] d = digest.digest();
            return new Key(java.nio.ByteBuffer.wrap(d, 0, 8).getLong(), java.nio.ByteBuffer.wrap(d, 8, 8).getLong());
        }
    }

    private BuildCache(Path folder, boolean writable, String generator, Map<Key, RenderedMarkdown> markdown,
                       Map<Key, List<StoredPage>> guides) {
        this.folder = folder;
        this.writable = writable;
        this.generator = generator;
        this.knownMarkdown = markdown;
        this.knownGuides = guides;
    }

    /** The folder the cache of an output folder lives in: beside it, named after it. */
    public static Path folderFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".cache");
    }

    /**
     * Reads the cache kept for {@code out}. Never fails: what cannot be used is ignored, with one line to
     * {@code notes} saying why.
     */
    public static BuildCache open(Path out, Consumer<String> notes) {
        Path folder = folderFor(out);
        String generator = generatorIdentity();
        if (Files.exists(folder) && !Files.exists(folder.resolve(MARKER))) {
            notes.accept("note: " + folder + " is not a build cache; building without one (rename it to use the cache)");
            return new BuildCache(folder, false, generator, Map.of(), Map.of());
        }
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new BuildCache(folder, true, generator, Map.of(), Map.of());
        }
        try (InputStream raw = Files.newInputStream(file)) {
            // The header unbuffered, so that everything after it goes through the checksum.
            DataInputStream header = new DataInputStream(raw);
            if (!MAGIC.equals(readString(header)) || header.readInt() != FORMAT || !generator.equals(readString(header))) {
                notes.accept("note: the build cache in " + folder + " was made by another version of the generator; building cold");
                return new BuildCache(folder, true, generator, Map.of(), Map.of());
            }
            long expected = header.readLong();
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(new BufferedInputStream(checked, 1 << 16));
            Map<Key, RenderedMarkdown> markdown = new HashMap<>();
            for (int i = readCount(in); i > 0; i--) {
                markdown.put(readKey(in), readMarkdown(in));
            }
            Map<Key, List<StoredPage>> guides = new HashMap<>();
            for (int i = readCount(in); i > 0; i--) {
                Key key = readKey(in);
                List<StoredPage> pages = new ArrayList<>();
                for (int p = readCount(in); p > 0; p--) {
                    pages.add(readPage(in));
                }
                guides.put(key, List.copyOf(pages));
            }
            if (in.read() != -1) {
                throw new IOException("data after the end");
            }
            // The checksum of everything after the header: a file damaged anywhere is not trusted, not even in part.
            if (checked.getChecksum().getValue() != expected) {
                throw new IOException("checksum mismatch");
            }
            return new BuildCache(folder, true, generator, markdown, guides);
        } catch (IOException | RuntimeException e) {
            notes.accept("note: the build cache in " + folder + " could not be read (" + e.getClass().getSimpleName()
                    + "); ignoring it and building cold");
            return new BuildCache(folder, true, generator, Map.of(), Map.of());
        }
    }

    /**
     * Sets the inputs every key depends on: the settings file (and a --base-url given instead of its base_url) for
     * the Markdown; those, the templates folder and the generator for the pages.
     */
    void inputs(ContentTree tree, BuildOptions options, java.time.LocalDate today) throws IOException {
        String baseUrlOverride = options.baseUrl();
        Path templates = options.templates();
        // A guide's PDF leaflet embeds its images and, for a guide without a review date, the day it was printed.
        pdf = options.pdf();
        content = options.content();
        MessageDigest digest = md5();
        update(digest, generator);
        update(digest, System.getProperty("java.version"));
        update(digest, tree.settings().text());
        markdownInputs = digest.digest();
        digest.update(markdownInputs);
        update(digest, baseUrlOverride == null ? "" : baseUrlOverride);
        update(digest, pdf ? "pdf " + today + " " + content.toAbsolutePath().normalize() : "no pdf");
        if (Files.isDirectory(templates)) {
            try (Stream<Path> walk = Files.walk(templates)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    update(digest, templates.relativize(file).toString());
                    byte[] bytes = Files.readAllBytes(file);
                    update(digest, bytes.length);
                    digest.update(bytes);
                }
            }
        }
        pageInputs = digest.digest();
        // Markdown prints words from the templates' string tables (heading links), so its key covers them too.
        markdownInputs = pageInputs;
        fileHashes = tree.guides().parallelStream()
                .flatMap(files -> Stream.concat(Stream.concat(Stream.of(files.index()), files.sections().stream()),
                        files.translations().values().stream().flatMap(List::stream)))
                .collect(java.util.stream.Collectors.toConcurrentMap(SourceFile::path, source -> {
                    MessageDigest text = md5();
                    update(text, source.text());
                    return text.digest();
                }, (a, b) -> a));
    }

    /** The key of one guide's pages: the page inputs and every file of its folder. */
    Key guideKey(GuideFiles files) {
        MessageDigest digest = md5();
        digest.update(pageInputs);
        update(digest, files.slug());
        List<SourceFile> sources = new ArrayList<>(files.sections());
        sources.add(files.index());
        // A guide's pages show which translations it has; the translations' files are in the same folder.
        files.translations().values().forEach(sources::addAll);
        sources.sort(Comparator.comparing(SourceFile::path));
        update(digest, sources.size());
        for (SourceFile source : sources) {
            update(digest, source.path());
            update(digest, source.displayPath());
            digest.update(fileHashes.get(source.path()));
        }
        update(digest, String.join("\n", files.assets()));
        if (pdf) {
            for (String asset : files.assets()) {
                try {
                    digest.update(Files.readAllBytes(content.resolve(asset)));
                } catch (IOException e) {
                    update(digest, "unreadable " + System.nanoTime()); // never matches: the guide is rendered again
                }
            }
        }
        update(digest, String.join("\n", files.sectionNames()));
        return Key.of(digest);
    }

    /** The pages the last build published for a guide with this key, when every file is still as it left it. */
    List<StoredPage> reusablePages(Key guide, Path lastOutput) {
        List<StoredPage> pages = knownGuides.get(guide);
        if (pages == null) {
            return null;
        }
        for (StoredPage page : pages) {
            if (!unchanged(lastOutput.resolve(page.file()), page.size(), page.modified())
                    || page.gzSize() >= 0 && !unchanged(lastOutput.resolve(page.file() + ".gz"), page.gzSize(), page.gzModified())) {
                return null;
            }
        }
        return pages;
    }

    private static boolean unchanged(Path file, long size, long modified) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() == size && attributes.lastModifiedTime().toMillis() == modified;
        } catch (IOException e) {
            return false;
        }
    }

    /** Records this build's pages of a guide (rendered or reused), to be stored once the build succeeded. */
    void keepPages(Key guide, List<StoredPage> pages) {
        if (knownGuides.get(guide) != pages) {
            changed = true;
        }
        usedGuides.put(guide, pages);
    }

    @Override
    public RenderedMarkdown find(MarkdownSource source) {
        RenderedMarkdown known = knownMarkdown.get(keyOf(source));
        if (known == null) {
            changed = true;
        }
        return known;
    }

    @Override
    public void keep(MarkdownSource source, RenderedMarkdown rendered) {
        usedMarkdown.put(keyOf(source), rendered);
    }

    private Key keyOf(MarkdownSource source) {
        MessageDigest digest = md5();
        digest.update(markdownInputs);
        update(digest, source.displayPath());
        update(digest, source.sourcePath());
        update(digest, source.pagePath());
        update(digest, source.bodyLine());
        update(digest, source.body().length());
        // The body is what the front matter leaves of its file's text; a body from anywhere else is hashed itself.
        byte[] file = fileHashes.get(source.sourcePath());
        if (file != null) {
            digest.update(file);
        } else {
            update(digest, source.body());
        }
        return Key.of(digest);
    }

    /**
     * Stores what this build used (only that, so deleted and renamed files leave the cache) after its output was
     * swapped in: each page's size and time are read from {@code output} now. Never fails the build: a cache that
     * cannot be written is removed, with a note.
     */
    void save(Path output, Consumer<String> notes) {
        // Nothing rendered and nothing left out: every reused file is the same inode, so the cache on disk is still exact.
        if (!writable || !changed && usedMarkdown.size() == knownMarkdown.size() && usedGuides.size() == knownGuides.size()) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MARKER), "This folder is guide build's cache; delete it at any time.\n");
            temporary = Files.createTempFile(folder, FILE, ".new");
            long checksumAt;
            CRC32 checksum = new CRC32();
            try (OutputStream file = Files.newOutputStream(temporary)) {
                DataOutputStream header = new DataOutputStream(file);
                writeString(header, MAGIC);
                header.writeInt(FORMAT);
                writeString(header, generator);
                checksumAt = header.size();
                header.writeLong(0); // filled in below
                header.flush();
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(file, checksum), 1 << 16));
                out.writeInt(usedMarkdown.size());
                for (Map.Entry<Key, RenderedMarkdown> entry : usedMarkdown.entrySet()) {
                    writeKey(out, entry.getKey());
                    writeMarkdown(out, entry.getValue());
                }
                out.writeInt(usedGuides.size());
                for (Map.Entry<Key, List<StoredPage>> entry : usedGuides.entrySet()) {
                    writeKey(out, entry.getKey());
                    out.writeInt(entry.getValue().size());
                    for (StoredPage page : entry.getValue()) {
                        writePage(out, page, output);
                    }
                }
                out.flush();
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.allocate(8).putLong(0, checksum.getValue()), checksumAt);
            }
            try {
                Files.move(temporary, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the build cache in " + folder + " (" + e.getMessage() + "); the next build will be cold");
            try {
                Files.deleteIfExists(folder.resolve(FILE));
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // Nothing more to do: a missing cache file means a cold build.
            }
        }
    }

    /** Rebuilt jar or classes: a different identity, so nothing a different generator made is trusted. */
    private static String generatorIdentity() {
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            MessageDigest digest = md5();
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    update(digest, code.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                }
            }
            return code + " " + java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown identity: a fresh value each run, so no cache is ever trusted.
            return "unknown " + System.nanoTime();
        }
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** MD5 rather than SHA-256: hashing every source file under the C1 compiler took 1.3 s with SHA-256 and 0.3 s with MD5 (60 MB). */
    private static MessageDigest md5() {
        MessageDigest digest = MD5.get();
        digest.reset();
        return digest;
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        update(digest, bytes.length);
        digest.update(bytes);
    }

    private static void update(MessageDigest digest, int value) {
        digest.update((byte) (value >>> 24));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 8));
        digest.update((byte) value);
    }

    // The file: a header, then each record's fields in order; strings as a length (-1 for null) and UTF-8 bytes.

    private static void writeKey(DataOutputStream out, Key key) throws IOException {
        out.writeLong(key.high());
        out.writeLong(key.low());
    }

    private static Key readKey(DataInputStream in) throws IOException {
        return new Key(in.readLong(), in.readLong());
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > 1 << 28) {
            throw new IOException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1 << 24) {
            throw new IOException("bad count " + count);
        }
        return count;
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String text : list) {
            writeString(out, text);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> list = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            list.add(readString(in));
        }
        return List.copyOf(list);
    }

    private static void writeMarkdown(DataOutputStream out, RenderedMarkdown markdown) throws IOException {
        writeString(out, markdown.html());
        out.writeInt(markdown.headings().size());
        for (Heading heading : markdown.headings()) {
            out.writeInt(heading.level());
            writeString(out, heading.id());
            writeString(out, heading.text());
            out.writeInt(heading.line());
        }
        out.writeInt(markdown.callouts().size());
        for (Callout callout : markdown.callouts()) {
            writeString(out, callout.kind());
            writeString(out, callout.heading());
            writeString(out, callout.text());
            writeStrings(out, callout.items());
            out.writeInt(callout.line());
        }
        out.writeInt(markdown.references().size());
        for (Reference reference : markdown.references()) {
            out.writeInt(reference.number());
            writeString(out, reference.id());
            writeString(out, reference.citationId());
            writeString(out, reference.html());
        }
        out.writeInt(markdown.links().size());
        for (ContentLink link : markdown.links()) {
            writeString(out, link.written());
            writeString(out, link.targetPath());
            writeString(out, link.fragment());
            out.writeBoolean(link.image());
            out.writeInt(link.line());
            out.writeInt(link.column());
        }
        out.writeInt(markdown.problems().size());
        for (Problem problem : markdown.problems()) {
            writeString(out, problem.code().name());
            writeString(out, problem.file());
            out.writeInt(problem.line());
            out.writeInt(problem.column());
            writeString(out, problem.severity().name());
            writeString(out, problem.message());
            writeString(out, problem.fix());
        }
        out.writeInt(markdown.reading().words());
        out.writeInt(markdown.reading().sentences());
        out.writeInt(markdown.reading().syllables());
    }

    private static RenderedMarkdown readMarkdown(DataInputStream in) throws IOException {
        String html = readString(in);
        List<Heading> headings = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            headings.add(new Heading(in.readInt(), readString(in), readString(in), in.readInt()));
        }
        List<Callout> callouts = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            callouts.add(new Callout(readString(in), readString(in), readString(in), readStrings(in), in.readInt()));
        }
        List<Reference> references = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            references.add(new Reference(in.readInt(), readString(in), readString(in), readString(in)));
        }
        List<ContentLink> links = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            links.add(new ContentLink(readString(in), readString(in), readString(in), in.readBoolean(), in.readInt(), in.readInt()));
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            problems.add(new Problem(Code.valueOf(readString(in)), readString(in), in.readInt(), in.readInt(), Severity.valueOf(readString(in)),
                    readString(in), readString(in)));
        }
        ReadingStats reading = new ReadingStats(in.readInt(), in.readInt(), in.readInt());
        return new RenderedMarkdown(html, List.copyOf(headings), List.copyOf(callouts), List.copyOf(references),
                List.copyOf(links), List.copyOf(problems), reading);
    }

    private static void writePage(DataOutputStream out, StoredPage page, Path output) throws IOException {
        writeString(out, page.file());
        writeString(out, page.pagePath());
        writeStrings(out, List.copyOf(page.ids()));
        PageMetadata meta = page.meta();
        out.writeBoolean(meta != null);
        if (meta != null) {
            writeMeta(out, meta);
        }
        writeFileState(out, page, output);
    }

    private static void writeMeta(DataOutputStream out, PageMetadata meta) throws IOException {
        writeString(out, meta.url());
        writeString(out, meta.description());
        writeString(out, meta.openGraphType());
        writeString(out, meta.openGraphLocale());
        out.writeBoolean(meta.indexable());
        writeString(out, meta.lastReviewed());
        writeString(out, meta.jsonLd());
        writeString(out, meta.language());
        writeString(out, meta.direction());
        out.writeInt(meta.alternates().size());
        for (PageMetadata.Alternate alternate : meta.alternates()) {
            writeString(out, alternate.language());
            writeString(out, alternate.name());
            writeString(out, alternate.href());
            writeString(out, alternate.link());
            writeString(out, alternate.sitePath());
            out.writeBoolean(alternate.current());
        }
        writeString(out, meta.defaultUrl());
    }

    private static void writeFileState(DataOutputStream out, StoredPage page, Path output) throws IOException {
        BasicFileAttributes file = Files.readAttributes(output.resolve(page.file()), BasicFileAttributes.class);
        out.writeLong(file.size());
        out.writeLong(file.lastModifiedTime().toMillis());
        Path gz = output.resolve(page.file() + ".gz");
        if (Precompressed.isText(page.file()) && Files.isRegularFile(gz)) {
            BasicFileAttributes copy = Files.readAttributes(gz, BasicFileAttributes.class);
            out.writeLong(copy.size());
            out.writeLong(copy.lastModifiedTime().toMillis());
        } else {
            out.writeLong(-1);
            out.writeLong(-1);
        }
    }

    private static StoredPage readPage(DataInputStream in) throws IOException {
        String file = readString(in);
        String pagePath = readString(in);
        Set<String> ids = Set.copyOf(readStrings(in));
        PageMetadata meta = in.readBoolean() ? readMeta(in) : null;
        return new StoredPage(file, pagePath, ids, meta, in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static PageMetadata readMeta(DataInputStream in) throws IOException {
        String url = readString(in);
        String description = readString(in);
        String openGraphType = readString(in);
        String openGraphLocale = readString(in);
        boolean indexable = in.readBoolean();
        String lastReviewed = readString(in);
        String jsonLd = readString(in);
        String language = readString(in);
        String direction = readString(in);
        List<PageMetadata.Alternate> alternates = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            alternates.add(new PageMetadata.Alternate(readString(in), readString(in), readString(in), readString(in), readString(in),
                    in.readBoolean()));
        }
        return new PageMetadata(url, description, openGraphType, openGraphLocale, indexable, lastReviewed, jsonLd,
                language, direction, List.copyOf(alternates), readString(in));
    }
}
