package org.healthguides.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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

import org.healthguides.content.ContentLoader;
import org.healthguides.content.ContentTree;
import org.healthguides.content.FileStates;
import org.healthguides.content.FrontMatter;
import org.healthguides.content.YamlNode;
import org.healthguides.content.Language;
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
import org.healthguides.output.OutputFolder;
import org.healthguides.output.Precompressed;
import org.healthguides.output.TemporaryFile;
import org.healthguides.readability.ReadingStats;
import org.healthguides.render.AToZIndex;

/**
 * What {@code guide build} keeps between runs, in a folder beside the output ({@code target/site.cache} for
 * {@code target/site}), one file per guide folder ({@code guides/<md5 of the folder name>.bin}), so that a build of
 * unchanged content renders nothing again and an edit rewrites only its guide's file:
 * <ul>
 *   <li>each Markdown body's rendering, keyed by a hash of the generator, the settings and the body with its
 *   place (file, page, first line), without its HTML for a guide's own files: that HTML is only needed to render
 *   the guide's pages, and those are reused from the last output; a guide that must be rendered again has its
 *   files rendered again (a translation's pages are rendered every build, so its HTML is kept);</li>
 *   <li>each guide's published pages, keyed by a hash of the generator, the settings, the templates with their
 *   static files, the --base-url and every file of the guide folder: a guide whose key is known is not planned
 *   or rendered again, its pages are hard links to the last output's files (checked by size and modification
 *   time when the build starts, so a file deleted or changed by hand since is rendered again).</li>
 * </ul>
 * A guide's pages depend on nothing outside its own folder but those global inputs (navigation, previous/next and
 * the whole-guide page are all the guide's own); the home, A to Z and 404 pages, which list every guide, are always
 * rendered, but the A to Z's sorted letters are kept ({@code a-to-z/<md5 of the language>.bin}, keyed by its entries)
 * so a build in which no title or keyword changed does not collate its terms again. A record of the last build
 * ({@link LastBuild}) lets a build in which nothing changed, and whose output and cache are as that build left them,
 * leave everything as it is. The cache is written only after a build succeeded and its output was swapped in; a cache made by
 * another generator is ignored with a one-line note and replaced, and so is a damaged guide entry (that guide
 * alone is built cold).
 */
public final class BuildCache implements MarkdownRenderer.Store, FrontMatter.Store, org.healthguides.site.SiteAssembler.KnownGuides {
    /** Changes whenever what is written here changes shape. */
    static final int FORMAT = 13; // 13: each kept model with its GuideChecks' findings; 12: of each page's metadata only what the sitemap reads (output.PublishedPage); 11: each guide's assembled model, its files' Markdown and front matter after it, skipped for a reused guide; 10: keys are MurmurHash3 (KeyDigest), not MD5; 9: whether each file holds the scaffold's marker; 8: where each file's body starts; 7: each file's parsed front matter; 6: one file per guide, no HTML for a guide's own files
    private static final String MAGIC = "guide build cache";
    /** The single file of formats up to 5: another version's cache, noted as such and removed. */
    private static final String OLD_FILE = "cache.bin";
    /** One file per guide folder, named after a key of the folder's name: an edit rewrites only its guide's file. */
    static final String ENTRIES = "guides";
    private static final String ENTRY_SUFFIX = ".bin";
    /** Marks a folder as this tool's cache, so a folder of the same name that is not one is never overwritten. */
    private static final String MARKER = ".guide-build-cache";
    /** The A to Z index's sorted letters, one file per language (named like the guides' entries, by a key of its tag). */
    static final String A_TO_Z = "a-to-z";
    /**
     * Each content file's stat data and fingerprint as the last build that read it saw them (see {@link FileStates}):
     * rewritten by any build that read a file, even one that is up to date, so it is not part of the last build's record.
     */
    static final String CONTENT_STATES = "content-states.bin";
    private static final String STATES_MAGIC = "guide content states";
    /**
     * Pages the last build published under a key of their own ({@link #pageKey}): the site's own pages (each language's
     * home, A to Z and 404), which list every guide, and the pages of the guides being edited ({@link #editedGuides}),
     * whose key as a whole changes with every edit. A page whose key is this build's and whose file is as that build
     * left it is linked, not rendered again.
     */
    static final String KEYED_PAGES = "keyed-pages.bin";
    private static final String KEYED_PAGES_MAGIC = "guide keyed pages";
    /** The states read from {@link #CONTENT_STATES} (null until asked for), and this build's, to write when they differ. */
    private FileStates lastStates;
    private java.util.concurrent.FutureTask<FileStates> statesRead;
    private java.util.concurrent.CompletableFuture<FileStates> newStates;

    private final Path folder;
    private final boolean writable;
    private final String generator;
    /**
     * What the last build kept, by guide folder, as read: to tell which entries this build changed. Read only when
     * the build is not {@link #upToDate up to date} (see {@link #readEntries}).
     */
    private Map<String, Entry> known = Map.of();
    private Map<Key, RenderedMarkdown> knownMarkdown = Map.of();
    private Map<Key, List<StoredPage>> knownGuides = Map.of();
    /** Each file's front matter as the last build parsed it, by its path in the content folder. */
    private Map<String, StoredFrontMatter> knownFrontMatter = Map.of();
    /**
     * Each reused guide's model as the last build assembled it, by guide folder: read instead of its files' Markdown and
     * front matter when the guide's key is the same and its last pages are intact (see {@link #readEntry}).
     */
    private final Map<String, org.healthguides.site.SiteAssembler.KeptGuide> knownModels = new ConcurrentHashMap<>();
    /** The files each of those models was made from (their fingerprints, whether they hold the scaffold's marker), by guide folder. */
    private final Map<String, StoredFiles> knownFiles = new ConcurrentHashMap<>();
    /** Guide folders whose entry was read only as far as the model: left on disk as they are unless their pages change. */
    private final Set<String> readWhole = ConcurrentHashMap.newKeySet();
    /** This build's assembled models, by guide folder: written into the entries written again. */
    private final Map<String, org.healthguides.site.SiteAssembler.KeptGuide> usedModels = new ConcurrentHashMap<>();
    /** Entry files found that are stale, damaged or another version's: removed when the cache is saved. */
    private boolean untidy;
    /** The entry files found when the cache was opened, read by {@link #readEntries} (null: nothing to read). */
    private List<Path> entryFiles;
    private Consumer<String> notes = note -> { };
    /** A key of everything the last build's output and warnings came from (see {@link #hashInputs}); null until hashed. */
    private Key siteKey;
    /** This build's Markdown and pages, by guide folder. */
    private final Map<String, Map<Key, RenderedMarkdown>> usedMarkdown = new ConcurrentHashMap<>();
    private final Map<String, Kept> usedGuides = new ConcurrentHashMap<>();
    /** This build's parsed front matter, by guide folder, then by file. */
    private final Map<String, Map<String, KeptFrontMatter>> usedFrontMatter = new ConcurrentHashMap<>();
    /** Guide folders with something this build rendered: their entries are written again. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** The A to Z files this build sorted anew, by file name: written when the cache is saved. */
    private final Map<String, byte[]> sortedAToZ = new ConcurrentHashMap<>();
    /** The A to Z files this build used or wrote: the others (a language no longer in the site) are removed. */
    private final Set<String> usedAToZ = ConcurrentHashMap.newKeySet();
    /** The languages whose A to Z file could not be read, and why: each gets its one-line note when the cache is saved. */
    private final Map<String, String> damagedAToZ = new ConcurrentHashMap<>();
    private byte[] markdownInputs = new byte[0];
    private byte[] pageInputs;
    /** A fingerprint (length, CRC32, CRC32C) of each source file's text by its path in the content folder: taken once, used by both kinds of key. */
    private Map<String, byte[]> fileHashes = Map.of();
    private boolean pdf;
    private Path content;
    /** The guide folder of each source file, translations included. */
    private Map<String, String> folderOfFile = Map.of();
    /** A guide's own (not translated) files: their Markdown is kept without its HTML. */
    private Set<String> ownFiles = Set.of();
    /**
     * Guides whose last published pages are reused, decided before anything is rendered: their Markdown is taken
     * from the cache without its HTML, which only their (reused) pages needed. By guide folder, and by key.
     */
    private Set<String> reusedGuides = Set.of();
    private Map<Key, List<StoredPage>> reusedPages = Map.of();
    /**
     * Guides the last build kept but whose pages are rendered again, when they are few (an editor at work, not a
     * template edit that renders every guide): their own files' HTML is kept in their entries too, so the next edit of
     * the same guide renders the Markdown of the file that changed only, not of every file of the guide (each ~10 ms
     * under C1, one after another on one thread, at 10,000 pages). By guide folder.
     */
    private Set<String> editedGuides = Set.of();
    /** At most this many guides rendered again count as {@link #editedGuides}. */
    private static final int EDITED_GUIDES = 8;
    /**
     * The states of each reused guide's files (pages and .gz copies) in the last output, by the guide's key, as read when
     * they were found unchanged (the state of each one's hard link or moved folder in the new output), with the folders
     * holding them, in the record's encoding: for {@link #recordLastBuild}.
     */
    private Map<Key, LastBuild.Encoded> reusedStates = Map.of();
    /**
     * The state of each page (and .gz copy) whose size and time {@link #save} read for its entry, by its path in the
     * output: {@link #recordLastBuild}, right after, takes it from here instead of reading it again (14,000 pages of a
     * cold 10,000-page build). Read without following a link, as the record reads it.
     */
    private Map<String, LastBuild.State> savedStates = Map.of();
    /** The pages {@link #KEYED_PAGES} holds, by key: read when first asked for (null until then). */
    private Map<Key, StoredPage> knownKeyedPages;
    /** This build's pages kept by their own key, by file: written into {@link #KEYED_PAGES} when they are not those it holds. */
    private final Map<String, KeyedPage> usedKeyedPages = new ConcurrentHashMap<>();
    /** One page kept by its own key. */
    private record KeyedPage(Key key, StoredPage page) {
    }
    /** The mode of the files the last build wrote (see {@link #modeOfNewFiles}), for a page reused by its own key. */
    private Set<java.nio.file.attribute.PosixFilePermission> lastFileMode;
    /** The last output, and the mode the build gives its folders (that of the last output's own; null without POSIX modes). */
    private Path lastOutput;
    private Set<java.nio.file.attribute.PosixFilePermission> folderMode;
    /** {@link #folderMode}'s permission bits, or -1 without POSIX modes (then no folder is trusted by its stat data). */
    private int folderModeBits = -1;
    /**
     * The output's folders as the last build that walked them saw them ({@link FolderStates}), read when the first
     * reused guide's folder is walked (null until then); and this build's record, written by {@link #saveFolderStates}
     * when it lets the next build list fewer folders.
     */
    static final String FOLDER_STATES = "folder-states.bin";
    private FolderStates lastFolders;
    private FolderStates newFolders = new FolderStates(Long.MIN_VALUE, new ConcurrentHashMap<>());
    /** Folders of the last output trusted by their stat data and folders listed by {@link #movableFolder} (for tests). */
    private final java.util.concurrent.atomic.AtomicInteger foldersTrusted = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger foldersListed = new java.util.concurrent.atomic.AtomicInteger();
    /** Now, in nanoseconds since the epoch: the racy window's clock ({@link FolderStates#trustedBefore}); tests move it. */
    private java.util.function.LongSupplier clock = () -> System.currentTimeMillis() * 1_000_000L;
    /** Each guide's key, computed once (with leaflets on it reads the guide's images), and the folder of each key. */
    private Map<String, Key> guideKeys = Map.of();
    private Map<Key, String> folderOfKey = Map.of();
    /** The content's guide folders by name, while the entries are read (see {@link #readModel(EntryReader, java.util.function.UnaryOperator)}). */
    private Map<String, GuideFiles> guideFolders = Map.of();

    /** One guide folder's entry: its pages' key and pages (or null), the keys of its files' Markdown and the files whose front matter it holds. */
    private record Entry(Key pages, List<StoredPage> published, Set<Key> markdown, Set<String> frontMatter) {
    }

    /**
     * A file's front matter as parsed, with the fingerprint of the text it was parsed from (see {@link #fingerprint}):
     * used only for a file whose text has that fingerprint now.
     */
    private record StoredFrontMatter(byte[] fingerprint, FrontMatter.Split split, boolean scaffoldMarker) {
    }

    /**
     * A file's front matter as this build will write it into its guide's entry: the fields already in the entry's
     * form, since a cold build keeps them for every file until the cache is saved, and 12,000 parsed mappings held
     * that long are several times their written size (10,000 pages: peak RSS 458-462 MB against 467-488).
     */
    private record KeptFrontMatter(byte[] fingerprint, FrontMatter.Split place, byte[] fields, boolean scaffoldMarker) {
    }


    /**
     * The files of a guide kept whole, as its entry lists them (a count, then for each its path, the fingerprint of the
     * bytes its model was made from and whether they hold the scaffold's marker): looked up in those bytes, a few files
     * a guide, instead of being read into a map of 12,000 paths, fingerprints and records at 10,000 pages that lived to
     * the end of the build (five objects a file for each young collection to copy).
     */
    private record StoredFiles(byte[] bytes, int count) {
        private static final int FINGERPRINT = 16;

        /** Where the fingerprint of the file at {@code path} is in {@link #bytes} when it is {@code fingerprint}, else -1. */
        int find(String path, byte[] fingerprint) {
            if (fingerprint == null || fingerprint.length != FINGERPRINT) {
                return -1;
            }
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            int at = 4;
            for (int i = 0; i < count; i++) {
                int length = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
                at += 4;
                int next = at + Math.max(length, 0);
                if (length == name.length && java.util.Arrays.equals(bytes, at, next, name, 0, name.length)) {
                    return java.util.Arrays.equals(bytes, next, next + FINGERPRINT, fingerprint, 0, FINGERPRINT) ? next : -1;
                }
                at = next + FINGERPRINT + 1;
            }
            return -1;
        }

        /** Whether the file whose fingerprint {@link #find} found at {@code at} holds the scaffold's marker. */
        boolean scaffoldMarker(int at) {
            return bytes[at + FINGERPRINT] != 0;
        }
    }

    /** A guide's pages as this build published them, under its key. */
    private record Kept(Key key, List<StoredPage> pages) {
    }

    /**
     * One page as the last build published it: where its file is, what the link check and the emitters need to
     * know about it, and the size and time of its file (and of its .gz copy, or -1) to tell it was not touched.
     */
    record StoredPage(String file, String pagePath, Set<String> ids, org.healthguides.output.PublishedPage published, long size, long modified,
                      long gzSize, long gzModified) {
    }

    /** 128 bits of a {@link KeyDigest}: a key, not a protection against anyone (who could edit the content anyway). */
    record Key(long high, long low) {
        static Key of(KeyDigest digest) {
            return digest.key();
        }

        // Written out: a record's own equals and hashCode go through an invokedynamic bootstrap and method handles,
        // which the C1 compiler runs several times slower, and keys are looked up ~40,000 times a rebuild (1% of an
        // edit rebuild's samples at 10,000 pages).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.high == high && key.low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high * 31 + low);
        }
    }

    private BuildCache(Path folder, boolean writable, String generator, boolean untidy) {
        this.folder = folder;
        this.writable = writable;
        this.generator = generator;
        this.untidy = untidy;
    }

    private static BuildCache empty(Path folder, boolean writable, String generator, boolean untidy) {
        return new BuildCache(folder, writable, generator, untidy);
    }

    /** The folder the cache of an output folder lives in: beside it, named after it. */
    public static Path folderFor(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".cache");
    }

    /**
     * Opens the cache kept for {@code out}; its guides' entries are read when first needed. Never fails: what cannot
     * be used is ignored, with one line to {@code notes} saying why.
     */
    public static BuildCache open(Path out, Consumer<String> notes) {
        BuildCache cache = find(out, notes);
        cache.notes = notes;
        return cache;
    }

    private static BuildCache find(Path out, Consumer<String> notes) {
        Path folder = folderFor(out);
        String generator = generatorIdentity();
        if (Files.exists(folder) && !Files.exists(folder.resolve(MARKER))) {
            notes.accept("note: " + folder + " is not a build cache; building without one (rename it to use the cache)");
            return empty(folder, false, generator, false);
        }
        if (Files.exists(folder.resolve(OLD_FILE))) {
            notes.accept("note: the build cache in " + folder + " was made by another version of the generator; building cold");
            return empty(folder, true, generator, true);
        }
        Path entries = folder.resolve(ENTRIES);
        if (!Files.isDirectory(entries)) {
            return empty(folder, true, generator, false);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(entries)) {
            files = list.toList();
        } catch (IOException | RuntimeException e) {
            notes.accept("note: the build cache in " + folder + " could not be read (" + e.getClass().getSimpleName() + "); ignoring it and building cold");
            return empty(folder, true, generator, true);
        }
        BuildCache cache = new BuildCache(folder, true, generator, false);
        cache.entryFiles = files;
        if (!files.isEmpty()) {
            cache.startReadingStates();
        }
        return cache;
    }

    /**
     * Whether this build may turn out to be up to date ({@link #upToDate}): only when the last build left its record
     * here. A build that cannot be (the first one, or one after a failed or killed build) may start everything it will
     * need at once (see {@link Pipeline#startAhead}).
     */
    boolean mayBeUpToDate() {
        return writable && Files.exists(folder.resolve(LastBuild.FILE), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether the last build left entries here: then this one may be up to date, or know most files' front matter,
     * and its content is read without decoding it first (see {@link ContentLoader#loadUndecoded}); a first build decodes
     * each file as it reads it and keeps no bytes (its peak memory is a cold build's).
     */
    boolean hasEntries() {
        return writable && entryFiles != null && !entryFiles.isEmpty();
    }

    /**
     * The content files' stat data as the last build that read them saw them, or {@link FileStates#NONE} when there are
     * none, another generator wrote them, or they are damaged (with a one-line note): then every file is read.
     */
    FileStates contentStates() {
        if (lastStates == null) {
            lastStates = FileStates.NONE;
            java.util.concurrent.FutureTask<FileStates> reading = statesRead != null ? statesRead : readingStates();
            reading.run(); // at once, unless its thread began it
            try {
                FileStates read = reading.get();
                if (read != null) {
                    lastStates = read;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                notes.accept("note: the content files' states kept in the build cache in " + folder + " could not be read ("
                        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + "); reading every content file");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return lastStates;
    }

    /** Reading {@link #CONTENT_STATES} (null when there is none or another generator wrote it), not yet run. */
    private java.util.concurrent.FutureTask<FileStates> readingStates() {
        Path file = folder.resolve(CONTENT_STATES);
        return new java.util.concurrent.FutureTask<>(() -> writable && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? readStates(Files.readAllBytes(file), generator) : null);
    }

    /**
     * Starts reading the content states on a thread of its own, while the main thread starts the build (about 30 ms
     * under C1 for 12,000 files, which the first guide folder read would otherwise wait for).
     */
    private void startReadingStates() {
        statesRead = readingStates();
        Thread thread = new Thread(statesRead, "content states");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * What this build's loading saw of the content files: written by {@link #saveContentStates} if the next build would
     * read fewer files with it (see {@link FileStates#staleBeside}).
     */
    void keepContentStates(java.util.function.Supplier<FileStates> states) {
        FileStates last = contentStates();
        // Made and compared on the pool (a copy and a comparison of 12,000 states at 10,000 pages, ~15 ms of the main
        // thread under C1): only saveContentStates, at the end of the build, needs the answer.
        newStates = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            FileStates now = states.get();
            return last.staleBeside(now) ? now : null;
        });
    }

    /**
     * Writes this build's content states when they let the next build read fewer files (or one went): after a build that succeeded, up to date
     * or not; by a rename, so a killed build leaves the old file or the new one.
     */
    void saveContentStates() {
        FileStates states;
        try {
            states = newStates == null ? null : newStates.join();
        } catch (java.util.concurrent.CompletionException e) {
            states = null; // never expected; then the states are not written and the next build reads the files it would trust
        }
        newStates = null;
        if (!writable || states == null || !Files.isRegularFile(folder.resolve(MARKER))) {
            return;
        }
        try {
            Path temporary = TemporaryFile.create(folder, "content-states", ".tmp", TemporaryFile.OWNER_ONLY);
            try {
                Files.write(temporary, writeStates(states, generator));
                Files.move(temporary, folder.resolve(CONTENT_STATES), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the content files' states in the build cache in " + folder + " (" + e.getMessage()
                    + "); the next build reads every content file");
        }
    }

    static byte[] writeStates(FileStates states, String generator) throws IOException {
        java.io.ByteArrayOutputStream body = new EntryReader.Buffer(64 + states.files().size() * 96);
        DataOutputStream out = new DataOutputStream(body);
        out.writeLong(states.trustedBefore());
        out.writeInt(states.files().size());
        for (Map.Entry<String, FileStates.State> file : new java.util.TreeMap<>(states.files()).entrySet()) {
            FileStates.State state = file.getValue();
            writeString(out, file.getKey());
            out.writeLong(state.size());
            out.writeLong(state.modified());
            out.writeLong(state.changed());
            out.writeLong(state.inode());
            out.writeLong(state.device());
            out.write(state.fingerprint());
        }
        out.flush();
        return withHeader(STATES_MAGIC, generator, body.toByteArray());
    }

    /** The states in a file written by {@link #writeStates}, or null when another generator or format wrote it. */
    static FileStates readStates(byte[] bytes, String generator) throws IOException {
        EntryReader in = checkedBody(bytes, STATES_MAGIC, generator);
        if (in == null) {
            return null;
        }
        long trustedBefore = in.readLong();
        int count = readCount(in);
        Map<String, FileStates.State> files = new FileStates.Filled(count * 2);
        for (int i = 0; i < count; i++) {
            String path = readString(in);
            long size = in.readLong();
            long modified = in.readLong();
            long changed = in.readLong();
            long inode = in.readLong();
            long device = in.readLong();
            int at = in.position();
            in.skip(16);
            byte[] fingerprint = in.copyFrom(at); // the 16 bytes as written
            files.put(path, new FileStates.State(size, modified, changed, inode, device, fingerprint));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return new FileStates(trustedBefore, files);
    }

    /** Reads the guides' entries found when the cache was opened, once: only a build that is not up to date needs them. */
    /** @return false when the entries are not used at all (another version's): nothing {@code whole} was told of holds */
    private boolean readEntries(WholeGuide whole) {
        List<Path> files = entryFiles;
        if (files == null) {
            return true;
        }
        entryFiles = null;
        // Sized for about 8 files a guide: growing a concurrent map while both cores fill it was 3% of an edit rebuild.
        Map<String, Entry> known = new ConcurrentHashMap<>(files.size() * 2);
        Map<Key, RenderedMarkdown> markdown = new ConcurrentHashMap<>(files.size() * 8);
        Map<Key, List<StoredPage>> guides = new ConcurrentHashMap<>(files.size() * 2);
        Map<String, StoredFrontMatter> frontMatter = new ConcurrentHashMap<>(files.size() * 8);
        java.util.concurrent.atomic.AtomicInteger foreign = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger damaged = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> why = new java.util.concurrent.atomic.AtomicReference<>();
        // Each guide's entry on its own: a damaged one costs that guide a cold build, not the whole site.
        files.parallelStream().forEach(file -> {
            String name = file.getFileName().toString();
            if (!name.endsWith(ENTRY_SUFFIX)) {
                damaged.incrementAndGet(); // a temporary file left by a killed build
                why.compareAndSet(null, "unfinished file");
                return;
            }
            try {
                if (!readEntry(file, generator, known, markdown, guides, frontMatter, whole)) {
                    foreign.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                damaged.incrementAndGet();
                why.compareAndSet(null, e.getClass().getSimpleName());
            }
        });
        if (foreign.get() > 0) {
            notes.accept("note: the build cache in " + folder + " was made by another version of the generator; building cold");
            untidy = true;
            forgetKeyedPages();
            knownModels.clear();
            knownFiles.clear();
            readWhole.clear();
            return false;
        }
        if (damaged.get() > 0) {
            notes.accept("note: the build cache in " + folder + " could not be read (" + why.get() + ", " + damaged.get() + " of "
                    + files.size() + " guides' entries); ignoring those and building their guides cold");
        }
        this.known = known;
        this.knownMarkdown = markdown;
        this.knownGuides = guides;
        this.knownFrontMatter = frontMatter;
        this.untidy = damaged.get() > 0;
        return true;
    }

    /**
     * Reads one guide's entry into the maps; false when another generator wrote it. Throws when it is damaged: a
     * CRC32 of everything after its header is checked before anything in it is used.
     */
    /** Whether a guide's model is taken instead of its files' Markdown and front matter: its pages will be reused (see {@link #inputs}). */
    private interface WholeGuide {
        boolean reused(String slug, Key pagesKey, List<StoredPage> pages);
    }

    private boolean readEntry(Path file, String generator, Map<String, Entry> known, Map<Key, RenderedMarkdown> markdown,
                              Map<Key, List<StoredPage>> guides, Map<String, StoredFrontMatter> frontMatter, WholeGuide whole) throws IOException {
        // Read into this thread's buffer: everything used is copied out of it while the entry is read.
        org.healthguides.content.ReadBuffer read = ENTRY_BUFFER.get().read(file);
        EntryReader in = checkedBody(new EntryReader(read.bytes(), read.length()), MAGIC, generator);
        if (in == null) {
            return false;
        }
        String slug = readString(in);
        if (slug == null || !file.getFileName().toString().equals(entryName(slug))) {
            throw new IOException("entry of another folder");
        }
        Key pagesKey = null;
        List<StoredPage> pages = null;
        if (in.readBoolean()) {
            pagesKey = readKey(in);
            List<StoredPage> list = new ArrayList<>();
            for (int p = readCount(in); p > 0; p--) {
                list.add(readPage(in));
            }
            pages = List.copyOf(list);
        }
        org.healthguides.site.SiteAssembler.KeptGuide model = null;
        StoredFiles modelFiles = null;
        if (in.readBoolean()) {
            Map<String, String> shared = new HashMap<>();
            if (pages != null) {
                pages.forEach(page -> shared.put(page.pagePath(), page.pagePath()));
            }
            GuideFiles folder = guideFolders.get(slug);
            if (folder != null) {
                folder.sections().forEach(section -> shared.put(section.displayPath(), section.displayPath()));
            }
            model = readModel(in, text -> text == null ? null : shared.getOrDefault(text, text));
            int from = in.position();
            int count = readCount(in);
            for (int i = count; i > 0; i--) {
                skipString(in);
                in.skip(StoredFiles.FINGERPRINT + 1);
            }
            modelFiles = new StoredFiles(in.copyFrom(from), count);
        }
        int details = in.readInt();
        if (details < 0 || details != in.available()) {
            throw new IOException("bad length of the files' entries");
        }
        if (model != null && pages != null && whole.reused(slug, pagesKey, pages)) {
            // The guide's pages are reused and its model is here: its files' Markdown and front matter are not needed.
            in.skip(details);
            guides.put(pagesKey, pages);
            knownModels.put(slug, model);
            knownFiles.put(slug, modelFiles);
            readWhole.add(slug);
            known.put(slug, new Entry(pagesKey, pages, Set.of(), Set.of()));
            return true;
        }
        Map<Key, RenderedMarkdown> entries = new HashMap<>();
        for (int i = readCount(in); i > 0; i--) {
            entries.put(readKey(in), readMarkdown(in));
        }
        Map<String, StoredFrontMatter> fields = new HashMap<>();
        for (int i = readCount(in); i > 0; i--) {
            String path = readString(in);
            byte[] fingerprint = new byte[16];
            for (int b = 0; b < fingerprint.length; b += 8) {
                java.nio.ByteBuffer.wrap(fingerprint).putLong(b, in.readLong());
            }
            int bodyStart = in.readInt();
            int bodyLength = in.readInt();
            int bodyLine = in.readInt();
            if (bodyStart < 0 || bodyLength < 0 || bodyLine < 1) {
                throw new IOException("bad body place");
            }
            boolean scaffoldMarker = in.readBoolean();
            fields.put(path, new StoredFrontMatter(fingerprint, new FrontMatter.Split(readYamlMapping(in), bodyStart, bodyLength, bodyLine),
                    scaffoldMarker));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        markdown.putAll(entries);
        frontMatter.putAll(fields);
        if (pages != null) {
            guides.put(pagesKey, pages);
        }
        known.put(slug, new Entry(pagesKey, pages, Set.copyOf(entries.keySet()), Set.copyOf(fields.keySet())));
        return true;
    }

    /** The entry file of a guide folder: named by a key of the folder's name, which may hold any letter. */
    private static String entryName(String slug) {
        KeyDigest digest = keyDigest();
        update(digest, slug);
        return java.util.HexFormat.of().formatHex(digest.digest()) + ENTRY_SUFFIX;
    }

    /**
     * Sets the inputs every key depends on: the settings file (and a --base-url given instead of its base_url) for
     * the Markdown; those, the templates folder and the generator for the pages.
     */
    void inputs(ContentTree tree, BuildOptions options, java.time.LocalDate today) throws IOException {
        if (siteKey == null) {
            hashInputs(tree, options, today);
        }
        Path lastOutput = options.out().toAbsolutePath().normalize();
        Set<java.nio.file.attribute.PosixFilePermission> fileMode = modeOfNewFiles(lastOutput);
        this.lastFileMode = fileMode;
        this.lastOutput = lastOutput;
        folderMode = modeOf(lastOutput);
        folderModeBits = permissionBits(folderMode);
        // Before any folder of the last output is stated: one changed after this moment is newer than the window.
        newFolders = new FolderStates(clock.getAsLong() - FileStates.MARGIN, new ConcurrentHashMap<>());
        Map<Key, List<StoredPage>> reused = new ConcurrentHashMap<>(tree.guides().size() * 2);
        Set<String> reusedFolders = ConcurrentHashMap.newKeySet();
        Map<Key, LastBuild.Encoded> states = new ConcurrentHashMap<>(tree.guides().size() * 2);
        Set<String> inTree = new java.util.HashSet<>();
        Map<String, GuideFiles> byName = new HashMap<>(tree.guides().size() * 2);
        tree.guides().forEach(files -> {
            inTree.add(files.slug());
            byName.put(files.slug(), files);
        });
        guideFolders = byName;
        // A guide whose key is this build's and whose last pages are intact is known reused as its entry is read: its
        // model is read, not its files' Markdown and front matter (stated on the reading threads, not after them).
        boolean usable = readEntries((slug, pagesKey, pages) -> {
            if (!inTree.contains(slug) || !pagesKey.equals(guideKeys.get(slug))) {
                return false;
            }
            LastBuild.Encoded found = intactPages(pages, slug, lastOutput, fileMode);
            if (found == null) {
                return false;
            }
            states.put(pagesKey, found);
            reused.put(pagesKey, pages);
            reusedFolders.add(slug);
            return true;
        });
        if (!usable) {
            reused.clear();
            reusedFolders.clear();
            states.clear();
        }
        tree.guides().parallelStream().forEach(files -> {
            if (reusedFolders.contains(files.slug())) {
                return; // found intact when its entry was read
            }
            Key key = guideKeys.get(files.slug());
            List<StoredPage> pages = intactPages(key, files.slug(), lastOutput, fileMode, states);
            if (pages != null) {
                reused.put(key, pages);
                reusedFolders.add(files.slug());
            }
        });
        guideFolders = Map.of();
        reusedPages = reused;
        reusedGuides = reusedFolders;
        reusedStates = states;
        Set<String> edited = new java.util.HashSet<>();
        for (GuideFiles files : tree.guides()) {
            if (known.containsKey(files.slug()) && !reusedFolders.contains(files.slug())) {
                edited.add(files.slug());
            }
        }
        editedGuides = edited.size() <= EDITED_GUIDES ? edited : Set.of();
    }

    /**
     * Hashes what every key depends on (see {@link #inputs}): each source file's fingerprint, each guide's key and the
     * key of the whole build ({@link #upToDate}), which adds the options, the day, the loader's problems and each
     * published image's place and bytes to the guides' keys.
     */
    private void hashInputs(ContentTree tree, BuildOptions options, java.time.LocalDate today) throws IOException {
        String baseUrlOverride = options.baseUrl();
        Path templates = options.templates();
        // A guide's PDF leaflet embeds its images and, for a guide without a review date, the day it was printed.
        pdf = options.pdf();
        content = options.content();
        KeyDigest digest = keyDigest();
        update(digest, generator);
        update(digest, System.getProperty("java.version"));
        update(digest, tree.settings().text());
        markdownInputs = digest.digest();
        digest.update(markdownInputs);
        update(digest, baseUrlOverride == null ? "" : baseUrlOverride);
        update(digest, pdf ? "pdf " + today + " " + content.toAbsolutePath().normalize() : "no pdf");
        // With --drafts a guide's pages include its draft sections (with the banner): never reused by a build without it.
        update(digest, options.drafts() ? "drafts" : "no drafts");
        if (Files.isDirectory(templates)) {
            byte[] buffer = new byte[FINGERPRINT_BUFFER];
            try (Stream<Path> walk = Files.walk(templates)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    update(digest, templates.relativize(file).toString());
                    // The fingerprint, not the bytes, into the key: the leaflet fonts (2.4 MB) went through MD5 in the
                    // interpreter on every build, 25 ms of a 100-page build's start (docs/performance.md).
                    digest.update(fingerprintOf(file, buffer));
                }
            }
        }
        pageInputs = digest.digest();
        // Markdown prints words from the templates' string tables (heading links), so its key covers them too.
        markdownInputs = pageInputs;
        fileHashes = tree.guides().parallelStream()
                .flatMap(files -> Stream.concat(Stream.concat(Stream.of(files.index()), files.sections().stream()),
                        files.translations().values().stream().flatMap(List::stream)))
                .collect(java.util.stream.Collectors.toConcurrentMap(SourceFile::path,
                        this::fingerprintOf, (a, b) -> a));
        Map<String, String> folders = new HashMap<>();
        Set<String> own = new java.util.HashSet<>();
        for (GuideFiles files : tree.guides()) {
            own.add(files.index().path());
            folders.put(files.index().path(), files.slug());
            files.sections().forEach(section -> {
                own.add(section.path());
                folders.put(section.path(), files.slug());
            });
            files.translations().values().forEach(list -> list.forEach(source -> folders.put(source.path(), files.slug())));
        }
        folderOfFile = folders;
        ownFiles = own;
        // By folder name: a GuideFiles record's hash code would hash the text of every file in it.
        Map<String, Key> keys = new ConcurrentHashMap<>(tree.guides().size() * 2);
        tree.guides().parallelStream().forEach(files -> keys.put(files.slug(), keyOfGuide(files)));
        guideKeys = keys;
        Map<Key, String> folderOfKeys = new HashMap<>();
        keys.forEach((slug, key) -> folderOfKeys.put(key, slug));
        folderOfKey = folderOfKeys;

        // The whole build: what the guides' keys leave out but a build's output or warnings depend on.
        KeyDigest site = keyDigest();
        site.update(pageInputs);
        update(site, "today " + today + " strict " + options.strict() + " allow-overdue " + options.allowOverdue() + " external "
                + options.external() + " pdf " + options.pdf() + " drafts " + options.drafts());
        update(site, options.content().toAbsolutePath().normalize().toString());
        update(site, org.healthguides.diagnostics.DisplayPath.of(options.content()));
        update(site, org.healthguides.diagnostics.DisplayPath.of(options.templates()));
        update(site, options.out().toAbsolutePath().normalize().toString());
        update(site, tree.settings().path() + " " + tree.settings().displayPath());
        // Every entry of the templates folder as it is, not only the files read above: a FIFO or link there fails a build.
        if (Files.isDirectory(templates)) {
            try (Stream<Path> walk = Files.walk(templates)) {
                for (Path entry : walk.sorted().toList()) {
                    BasicFileAttributes kind = Files.readAttributes(entry, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    update(site, templates.relativize(entry) + (kind.isRegularFile() ? " file" : kind.isDirectory() ? " folder"
                            : kind.isSymbolicLink() ? " link to " + Files.readSymbolicLink(entry) : " other"));
                }
            }
        }
        update(site, tree.problems().size());
        tree.problems().forEach(problem -> update(site, problem.toString()));
        update(site, tree.guides().size());
        for (GuideFiles files : tree.guides()) {
            update(site, files.slug());
            Key key = keys.get(files.slug());
            writeKey(site, key);
            // Images are copied into every build's output: their bytes and where they lead (a link may leave the folder).
            for (String asset : files.assets()) {
                update(site, asset);
                try {
                    Path file = content.resolve(asset);
                    update(site, file.toRealPath().toString());
                    byte[] bytes = Files.readAllBytes(file);
                    update(site, bytes.length);
                    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                    crc.update(bytes);
                    update(site, Long.toString(crc.getValue()));
                } catch (IOException | RuntimeException e) {
                    update(site, "unreadable " + System.nanoTime()); // never matches: the build runs and reports it
                }
            }
        }
        siteKey = Key.of(site);
    }

    /** The fingerprint of a file: of the bytes the loader read it from (see {@link SourceFile#fingerprint()}). */
    private byte[] fingerprintOf(SourceFile source) {
        return source.fingerprint();
    }

    private static void writeKey(KeyDigest digest, Key key) {
        digest.update(java.nio.ByteBuffer.allocate(16).putLong(key.high()).putLong(key.low()).array());
    }

    /**
     * The last build's record when this build would do nothing else than it did: the same key of everything it reads
     * (generator, JDK, settings, templates, options, the day, every content file and image), and its output, its
     * cache and the nginx include beside the output exactly as it left them (see {@link LastBuild}). Then nothing
     * needs to be read, rendered or written; else null, and the build goes on with the guides' entries.
     */
    LastBuild upToDate(ContentTree tree, BuildOptions options, java.time.LocalDate today) throws IOException {
        hashInputs(tree, options, today);
        if (!writable || options.external()) {
            return null; // external links are asked again every build
        }
        LastBuild last;
        try {
            last = LastBuild.read(folder, generator, siteKey);
        } catch (IOException | RuntimeException e) {
            notes.accept("note: the record of the last build in the build cache in " + folder + " could not be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); building from the guides' entries");
            return null;
        }
        if (last == null || !last.key().equals(siteKey)) {
            return null;
        }
        Path out = options.out().toAbsolutePath().normalize();
        java.util.concurrent.CompletableFuture<Boolean> cacheIntact = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> LastBuild.intact(folder, last.cache(), false) && java.util.Objects.equals(last.nginx(), nginxState(out)));
        boolean outputIntact = LastBuild.intact(out, last.output(), true);
        return outputIntact && cacheIntact.join() ? last : null;
    }

    private static LastBuild.State nginxState(Path out) {
        return LastBuild.State.of("", out.resolveSibling(org.healthguides.output.RedirectFiles.NGINX_FILE));
    }

    /**
     * Removes the record of the last build, before the output is changed: should the build be killed while it commits,
     * the next one finds no record and checks every guide folder it reuses. A record that cannot be removed (a cache
     * folder made read-only) is left: it could not call a half-moved output up to date either, since a build checks
     * every file and folder it lists (a moved folder is not where it says), and {@link #recordLastBuild} says why it
     * cannot write the next one.
     */
    void forgetLastBuild() {
        if (writable) {
            try {
                Files.deleteIfExists(folder.resolve(LastBuild.FILE));
            } catch (IOException e) {
                // See above.
            }
        }
    }

    /**
     * Records what this build published and reported, for the next build to find it {@link #upToDate}: after the
     * output was swapped in and the cache saved. A record that cannot be written is removed (the next build then
     * reads the guides' entries).
     *
     * @param listing the warnings as printed, with their excerpts, or null when an excerpt was read from a file whose
     *                bytes the key does not cover: an up-to-date build prints the kept listing (its excerpts are lines of
     *                files whose fingerprints are in the key it matched) instead of reading ~2,500 files' lines again
     */
    void recordLastBuild(Path output, Set<String> files, int pages, int written, List<Problem> warnings, List<String> draftsLeftOut,
                         java.util.function.Supplier<String> listing) {
        if (!writable || siteKey == null) {
            return;
        }
        Path out = output.toAbsolutePath().normalize();
        try {
            Files.deleteIfExists(folder.resolve(LastBuild.FILE));
            if (!Files.isRegularFile(folder.resolve(MARKER))) {
                return; // the cache could not be written
            }
            java.util.concurrent.CompletableFuture<List<LastBuild.State>> cacheStates = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return LastBuild.states(folder, LastBuild.cacheFiles(folder), false);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // The reused guides' states as encoded when they were found unchanged, each guide's whole when every file of
            // it is published (a guide taken out again is not); the written pages' as their entries were saved.
            Map<Key, LastBuild.Encoded> reused = reusedStates;
            Map<String, LastBuild.Encoded> encoded = new HashMap<>(reused.size() * 16);
            Map<String, List<StoredPage>> withFolders = new HashMap<>(reused.size() * 2);
            List<LastBuild.Encoded> guides = new ArrayList<>(reused.size());
            reusedPages.forEach((key, guidePages) -> {
                LastBuild.Encoded states = reused.get(key);
                if (states == null || !published(guidePages, files)) {
                    return;
                }
                guides.add(states);
                for (StoredPage page : guidePages) {
                    encoded.put(page.file(), states);
                    if (page.gzSize() >= 0) {
                        encoded.put(page.file() + ".gz", states);
                    }
                }
                if (states.withFolders()) {
                    withFolders.put(folderOfKey.get(key), guidePages);
                }
            });
            // A folder another file is in is in a guide's states when one of that guide's pages is in it.
            java.util.function.Predicate<String> encodedFolder = path -> {
                int slash = path.indexOf('/');
                List<StoredPage> inGuide = withFolders.get(slash < 0 ? path : path.substring(0, slash));
                if (inGuide != null) {
                    for (StoredPage page : inGuide) {
                        if (inFolder(page.file(), path)) {
                            return true;
                        }
                    }
                }
                return false;
            };
            Map<String, LastBuild.State> saved = savedStates;
            List<LastBuild.State> outputStates = LastBuild.states(out, files, true, saved::get, encoded, encodedFolder);
            List<LastBuild.State> cache = cacheStates.join();
            if (outputStates.contains(null) || cache.contains(null)) {
                return; // something changed while it was being recorded: no record, the next build checks everything
            }
            new LastBuild(siteKey, pages, written, List.copyOf(warnings), List.copyOf(draftsLeftOut), outputStates, cache, nginxState(out),
                    listing.get())
                    .write(folder, generator, guides);
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the record of the last build in " + folder + " (" + e.getMessage()
                    + "); the next build will read the guides' entries");
        }
    }

    /** Whether every file of these pages (.gz copies included) is in the new output. */
    private static boolean published(List<StoredPage> pages, Set<String> files) {
        for (StoredPage page : pages) {
            if (!files.contains(page.file()) || page.gzSize() >= 0 && !files.contains(page.file() + ".gz")) {
                return false;
            }
        }
        return true;
    }

    /** The key of one guide's pages: the page inputs and every file of its folder. */
    Key guideKey(GuideFiles files) {
        Key known = guideKeys.get(files.slug());
        return known != null ? known : keyOfGuide(files);
    }

    private Key keyOfGuide(GuideFiles files) {
        KeyDigest digest = keyDigest();
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

    /**
     * The pages the last build published for a guide with this key, when every file was still as it left it when
     * this build began (its Markdown was then taken without HTML: such a guide must be reused, not rendered).
     */
    List<StoredPage> reusablePages(Key guide) {
        return reusedPages.get(guide);
    }

    /** Every guide whose last pages this build reuses, by its key (see {@link #inputs}). */
    Map<Key, List<StoredPage>> reusedPages() {
        return reusedPages;
    }

    /**
     * The pages the last build published for a guide with this key, when every file is still as it left it (its size,
     * modification time and mode) and the guide's folder is a folder, not a symbolic link; their files' states are
     * added to {@code states}.
     */
    private List<StoredPage> intactPages(Key guide, String slug, Path lastOutput, Set<java.nio.file.attribute.PosixFilePermission> fileMode,
                                         Map<Key, LastBuild.Encoded> states) {
        List<StoredPage> pages = knownGuides.get(guide);
        if (pages == null) {
            return null;
        }
        LastBuild.Encoded found = intactPages(pages, slug, lastOutput, fileMode);
        if (found == null) {
            return null;
        }
        states.put(guide, found);
        return pages;
    }

    /**
     * The states of these pages of a guide when they are as the last build left them (see above), and of the folders
     * holding them when they are all in the guide's folder; else null.
     */
    private static LastBuild.Encoded intactPages(List<StoredPage> pages, String slug, Path lastOutput,
                                                 Set<java.nio.file.attribute.PosixFilePermission> fileMode) {
        if (!Files.isDirectory(lastOutput.resolve(slug), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        LastBuild.Encoder found = new LastBuild.Encoder();
        boolean own = slug.indexOf('/') < 0;
        for (StoredPage page : pages) {
            if (!unchanged(page.file(), lastOutput, page.size(), page.modified(), fileMode, found)
                    || page.gzSize() >= 0 && !unchanged(page.file() + ".gz", lastOutput, page.gzSize(), page.gzModified(), fileMode, found)) {
                return null;
            }
            own &= inFolder(page.file(), slug);
        }
        if (own) {
            // Every folder from each page's own up to the guide's: no other guide's file is in them.
            Set<String> folders = new java.util.HashSet<>();
            for (StoredPage page : pages) {
                String file = page.file();
                for (int slash = file.lastIndexOf('/'); slash >= slug.length() && folders.add(file.substring(0, slash));
                     slash = file.lastIndexOf('/', slash - 1)) {
                    // every folder on the way to the page
                }
            }
            folders.forEach(folder -> found.add(LastBuild.State.folder(folder)));
        }
        return found.done(own);
    }

    /** Whether {@code path} is in {@code folder} or below it. */
    private static boolean inFolder(String path, String folder) {
        return path.length() > folder.length() && path.charAt(folder.length()) == '/' && path.startsWith(folder);
    }

    /**
     * The folder of the last output a reused guide with this key can be taken from whole, or null. Asked on the thread
     * that links the reused guides' files (not on the main thread, whose time is a rebuild's), after the checks of
     * {@link #intactPages}: the folder is walked, never following a link, and must hold the guide's files (its pages,
     * their .gz copies, its leaflet), the folders on the way to them and nothing else, each folder with the mode the
     * build gives its folders and none a symbolic link. Otherwise the new site links the files, and so leaves out
     * whatever else is there, as a cold build would. A folder whose stat data prove it holds what the last build that
     * listed it found there ({@link FolderStates}) is not listed again: a guide's page folders, which an edit rebuild
     * moves with their guide's folder but does not touch, are stated once each instead of listed.
     */
    String movableFolder(Key guide) {
        String slug = folderOfKey.get(guide);
        List<StoredPage> pages = reusedPages.get(guide);
        if (slug == null || pages == null) {
            return null;
        }
        // What each folder of the guide must hold (names of files and folders), by its path in the site.
        Map<String, Set<String>> holds = new HashMap<>();
        holds.put(slug, new java.util.HashSet<>());
        Set<String> files = new java.util.HashSet<>(pages.size() * 2);
        for (StoredPage page : pages) {
            String file = page.file();
            if (!file.startsWith(slug + "/")) {
                return null;
            }
            int slash = file.lastIndexOf('/');
            Set<String> names = folderIn(holds, file.substring(0, slash));
            files.add(file);
            names.add(file.substring(slash + 1));
            if (page.gzSize() >= 0) {
                files.add(file + ".gz");
                names.add(file.substring(slash + 1) + ".gz");
            }
        }
        return exact(slug, null, null, holds, files) ? slug : null;
    }

    /** The names a folder of a guide must hold, the folder added (and named in its parent's) if it was not yet. */
    private static Set<String> folderIn(Map<String, Set<String>> holds, String folder) {
        Set<String> names = holds.get(folder);
        if (names == null) {
            names = new java.util.HashSet<>(4);
            holds.put(folder, names);
            int slash = folder.lastIndexOf('/');
            folderIn(holds, folder.substring(0, slash)).add(folder.substring(slash + 1));
        }
        return names;
    }

    /**
     * Whether the folder at {@code sitePath} in the last output is a folder of the build's mode holding exactly the names
     * {@code holds} gives it, and each folder among them too (walked in turn). Trusted by its stat data where the last
     * record proves it unchanged ({@link FolderStates#trusts}); else listed, through {@code parent} where the folder is
     * an entry of a {@link java.nio.file.SecureDirectoryStream} being listed (opened relative to it, never following a
     * link), and recorded for the next build when its ctime, read before the listing, is older than the window.
     */
    private boolean exact(String sitePath, java.nio.file.SecureDirectoryStream<Path> parent, Path name, Map<String, Set<String>> holds,
                          Set<String> files) {
        Path path = lastOutput.resolve(sitePath);
        Set<String> names = holds.get(sitePath);
        // Stated before it is opened (a FIFO put in its place would wait for a writer), its link not followed.
        FolderStates.Stat now = folderModeBits >= 0 ? FolderStates.stat(path) : null;
        String listed = null;
        try {
            if (now != null) {
                if (!now.folder() || now.permissions() != folderModeBits) {
                    return false;
                }
                listed = FolderStates.names(names);
                FolderStates.State kept = lastFolders().trusted(now, listed);
                if (kept != null) {
                    foldersTrusted.incrementAndGet();
                    newFolders.folders().put(now.id(), kept);
                    for (String child : names) {
                        String childPath = sitePath + "/" + child;
                        if (holds.containsKey(childPath) && !exact(childPath, null, null, holds, files)) {
                            return false;
                        }
                    }
                    return true;
                }
            } else if (!buildsMode(parent != null ? folderAttributes(parent, name) : attributes(path))) {
                return false;
            }
            foldersListed.incrementAndGet();
            try (java.nio.file.DirectoryStream<Path> entries = parent != null
                    ? parent.newDirectoryStream(name, java.nio.file.LinkOption.NOFOLLOW_LINKS) : Files.newDirectoryStream(path)) {
                int found = 0;
                for (Path entry : entries) {
                    Path fileName = entry.getFileName();
                    String child = sitePath + "/" + fileName;
                    if (holds.containsKey(child)) {
                        if (!exact(child, entries instanceof java.nio.file.SecureDirectoryStream<Path> secure ? secure : null, fileName, holds, files)) {
                            return false;
                        }
                    } else if (!files.contains(child)) {
                        return false; // its size, time and mode were checked by intactPages
                    }
                    found++;
                }
                if (found != names.size()) {
                    return false;
                }
            }
            // The guide's own folder too: the new output takes it in place (SiteWriter.commitInPlace), its ctime unchanged;
            // one moved by a swap instead gets a new ctime, and is listed again.
            FolderStates.State seen = newFolders.recordable(now, listed);
            if (seen != null) {
                newFolders.folders().put(now.id(), seen);
            }
            return true;
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return false;
        }
    }

    /** The bits of a permission set as a mode holds them ({@code rwxr-xr-x}: 0755), or -1 for none. */
    private static int permissionBits(Set<java.nio.file.attribute.PosixFilePermission> permissions) {
        if (permissions == null) {
            return -1;
        }
        int bits = 0;
        for (java.nio.file.attribute.PosixFilePermission permission : permissions) {
            bits |= 0400 >> permission.ordinal();
        }
        return bits;
    }

    /** The lines the last build's warnings pointed at (see {@link ExcerptLines}); none when there is no such file. */
    static final String EXCERPT_LINES = "excerpt-lines.bin";

    /** The lines {@link #EXCERPT_LINES} holds: none when it is missing, another generator wrote it, or it is damaged (with a one-line note). */
    ExcerptLines lastExcerptLines() {
        ExcerptLines read = readRecord(EXCERPT_LINES, ExcerptLines::read, "the warnings' lines", "reading them from their files");
        return read != null ? read : ExcerptLines.NONE;
    }

    /** How a record of the cache folder is made from its bytes: null when another generator or format wrote them. */
    private interface RecordReader<T> {
        T read(byte[] bytes, String generator) throws IOException;
    }

    /**
     * One of the cache folder's own records ({@code name}) as {@code reader} reads it; null when there is none, another
     * generator wrote it, or it is damaged: then with a one-line note naming {@code what} it holds and what is done {@code instead}.
     */
    private <T> T readRecord(String name, RecordReader<T> reader, String what, String instead) {
        Path file = folder.resolve(name);
        try {
            if (writable && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return reader.read(Files.readAllBytes(file), generator);
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("note: " + what + " kept in the build cache in " + folder + " could not be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); " + instead);
        }
        return null;
    }

    /**
     * Replaces one of the cache folder's own records ({@code name}) with these bytes, by a rename, so a killed build
     * leaves the old file or the new one; a one-line note naming {@code what} it holds and what {@code instead} happens
     * when it cannot be written. Nothing is written into a folder that is not the cache's (no marker).
     */
    private void writeRecord(String name, String temporaryPrefix, IoSupplier<byte[]> bytes, String what, String instead) {
        if (!Files.isRegularFile(folder.resolve(MARKER))) {
            return;
        }
        try {
            Path temporary = TemporaryFile.create(folder, temporaryPrefix, ".tmp", TemporaryFile.OWNER_ONLY);
            try {
                Files.write(temporary, bytes.get());
                Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write " + what + " in the build cache in " + folder + " (" + e.getMessage() + "); " + instead);
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /**
     * Writes the lines this build's warnings pointed at, when they are not those the file holds; by a rename, so a killed
     * build leaves the old file or the new one (either is used only where a file's fingerprint matches).
     */
    void saveExcerptLines(ExcerptLines lines, ExcerptLines last) {
        if (writable && !lines.sameAs(last)) {
            writeRecord(EXCERPT_LINES, "excerpt-lines", () -> lines.write(generator), "the warnings' lines", "the next build reads them from their files");
        }
    }

    /**
     * The last record of the output's folders ({@link #FOLDER_STATES}), read at the first call; {@link FolderStates#NONE}
     * when there is none, another generator wrote it, or it is damaged (with a one-line note): then every folder is listed.
     */
    private synchronized FolderStates lastFolders() {
        if (lastFolders == null) {
            FolderStates read = readRecord(FOLDER_STATES, FolderStates::read, "the output folders' states", "listing every folder");
            lastFolders = read != null ? read : FolderStates.NONE;
        }
        return lastFolders;
    }

    /**
     * Writes this build's record of the output's folders when it lets the next build list fewer folders (see
     * {@link FolderStates#staleBeside}): after a build that succeeded and committed its output (whose folders it
     * describes); by a rename, so a killed build leaves the old file or the new one.
     */
    void saveFolderStates() {
        FolderStates states = newFolders;
        if (writable && !states.folders().isEmpty() && lastFolders().staleBeside(states)) {
            writeRecord(FOLDER_STATES, "folder-states", () -> states.write(generator), "the output folders' states", "the next build lists every folder");
        }
    }

    /** Moves the racy window's clock (tests: a folder made a moment ago is then as old as one made an hour ago). */
    void useClock(java.util.function.LongSupplier now) {
        clock = now;
    }

    /** How many folders of the last output {@link #movableFolder} trusted by their stat data, and how many it listed. */
    int foldersTrusted() {
        return foldersTrusted.get();
    }

    int foldersListed() {
        return foldersListed.get();
    }

    /** Whether these attributes are a folder's, with the mode the build gives its folders. */
    private boolean buildsMode(BasicFileAttributes attributes) {
        return attributes.isDirectory() && (folderMode == null || attributes instanceof java.nio.file.attribute.PosixFileAttributes posix
                && posix.permissions().equals(folderMode));
    }

    /** The attributes of an entry of a folder being listed, POSIX ones where there are, not following a link. */
    private static BasicFileAttributes folderAttributes(java.nio.file.SecureDirectoryStream<Path> folder, Path name) throws IOException {
        try {
            return folder.getFileAttributeView(name, java.nio.file.attribute.PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (UnsupportedOperationException e) {
            return folder.getFileAttributeView(name, java.nio.file.attribute.BasicFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        }
    }

    /** A file's attributes, POSIX ones where there are, not following a link. */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * The mode the last build gave the files it wrote, read from its marker file (written as every page is); null where
     * there are no POSIX modes. A hard link shares its file's mode, so a page whose mode was changed by hand (a 0600
     * page is a 403 from nginx) must be written again, not linked.
     */
    private static Set<java.nio.file.attribute.PosixFilePermission> modeOfNewFiles(Path lastOutput) {
        try {
            return Files.readAttributes(lastOutput.resolve(OutputFolder.MARKER), java.nio.file.attribute.PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).permissions();
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** The mode of a folder (the last output: every folder the build made has the mode it was made with); null where there are none. */
    private static Set<java.nio.file.attribute.PosixFilePermission> modeOf(Path folder) {
        try {
            return Files.readAttributes(folder, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).permissions();
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /** Whether a file of the last output is as it was left; if so its state is put into {@code states}. */
    private static boolean unchanged(String sitePath, Path lastOutput, long size, long modified, Set<java.nio.file.attribute.PosixFilePermission> mode,
                                     LastBuild.Encoder states) {
        Path file = lastOutput.resolve(sitePath);
        org.healthguides.content.UnixStat stat = mode == null ? null : org.healthguides.content.UnixStat.of(file);
        if (stat != null) {
            // One stat, no permission set or file key made (see UnixStat); the same answer and state as below (FileTime.toMillis
            // truncates its nanoseconds as this division does).
            boolean same = stat.isRegularFile() && stat.size() == size && stat.modified() / 1_000_000L == modified
                    && stat.permissions() == permissionBits(mode);
            if (same) {
                states.add(LastBuild.State.of(sitePath, stat));
            }
            return same;
        }
        try {
            BasicFileAttributes read = attributes(file);
            // Asked once: each call makes a new set (14,000 pages' worth on every rebuild).
            Set<java.nio.file.attribute.PosixFilePermission> permissions =
                    read instanceof java.nio.file.attribute.PosixFileAttributes posix ? posix.permissions() : null;
            boolean same = read.isRegularFile() && read.size() == size && read.lastModifiedTime().toMillis() == modified
                    && (mode == null || mode.equals(permissions));
            if (same) {
                states.add(LastBuild.State.of(sitePath, read, permissions));
            }
            return same;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the pages of the guide with this key get keys of their own ({@link #pageKey}): a guide being edited (see
     * {@link #editedGuides}), so its next edit renders only the pages that edit changes. Not every guide: a page's key
     * reads its whole record (a whole-guide page holds every section's HTML), which a cold build would pay for 14,000
     * pages at 10,000.
     */
    boolean keysPagesOf(Key guide) {
        String slug = folderOfKey.get(guide);
        return slug != null && editedGuides.contains(slug);
    }

    /**
     * The key of a page kept by its own key: what every page's key covers (generator, settings, templates with their
     * static files, options) and the page's record and metadata, which are all its template sees (see {@link PageKeys});
     * null before the inputs were hashed, or for a page with a value no key is made from.
     */
    Key pageKey(org.healthguides.render.Page page, org.healthguides.render.PageMetadata meta) {
        if (pageInputs == null) {
            return null;
        }
        KeyDigest digest = keyDigest();
        digest.update(pageInputs);
        update(digest, "page");
        try {
            PageKeys.update(digest, page);
            PageKeys.update(digest, meta);
        } catch (PageKeys.NotKeyable e) {
            return null;
        }
        return Key.of(digest);
    }

    /**
     * The last build's page with this key, when its file (and .gz copy) in the last output is as that build left
     * it: its size, modification time and mode, not a link; else null, and the page is rendered.
     */
    StoredPage reusableKeyedPage(Key key) {
        StoredPage page = knownKeyedPages().get(key);
        if (page == null || lastOutput == null || page.published() == null) {
            return null;
        }
        LastBuild.Encoder found = new LastBuild.Encoder(); // not kept: the record states the site pages it lists
        boolean intact = unchanged(page.file(), lastOutput, page.size(), page.modified(), lastFileMode, found)
                && (page.gzSize() < 0 || unchanged(page.file() + ".gz", lastOutput, page.gzSize(), page.gzModified(), lastFileMode, found));
        return intact ? page : null;
    }

    /** Records one of this build's pages kept by their own key (rendered or reused), to be stored once the build succeeded. */
    void keepKeyedPage(Key key, StoredPage page) {
        usedKeyedPages.put(page.file(), new KeyedPage(key, page));
    }

    /** Nothing of a cache found to be another version's is used: not its keyed pages either (rewritten when it is saved). */
    private synchronized void forgetKeyedPages() {
        knownKeyedPages = Map.of();
    }

    private synchronized Map<Key, StoredPage> knownKeyedPages() {
        if (knownKeyedPages == null) {
            knownKeyedPages = readKeyedPages();
        }
        return knownKeyedPages;
    }

    /** The pages the last build kept by their own keys; none when there is no such file, another generator wrote it, or it is damaged. */
    private Map<Key, StoredPage> readKeyedPages() {
        Path file = folder.resolve(KEYED_PAGES);
        if (!writable || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        try {
            EntryReader in = checkedBody(Files.readAllBytes(file), KEYED_PAGES_MAGIC, generator);
            if (in == null) {
                return Map.of(); // another generator's: rewritten when the cache is saved
            }
            Map<Key, StoredPage> pages = new HashMap<>();
            for (int i = readCount(in); i > 0; i--) {
                pages.put(readKey(in), readPage(in));
            }
            if (in.read() != -1) {
                throw new IOException("data after the end");
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            // Damaged: never trusted; the pages are rendered and the file rewritten when the cache is saved.
            notes.accept("note: the pages kept by their own keys in the build cache in " + folder + " could not be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); rendering them again");
            return Map.of();
        }
    }

    /**
     * Writes {@link #KEYED_PAGES} when this build's keyed pages are not those it holds (one rendered, one gone), by a
     * rename, so a killed build leaves the old file or the new one; each page's size and time read from the output.
     */
    private void saveKeyedPages(Path output, Set<String> files) throws IOException {
        Map<Key, StoredPage> known = knownKeyedPages();
        boolean same = usedKeyedPages.size() == known.size()
                && usedKeyedPages.values().stream().allMatch(kept -> known.get(kept.key()) == kept.page());
        Path file = folder.resolve(KEYED_PAGES);
        if (same && (!known.isEmpty() || !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        EntryReader.Buffer body = new EntryReader.Buffer(1 << 12);
        DataOutputStream out = new DataOutputStream(body);
        List<KeyedPage> pages = new ArrayList<>(usedKeyedPages.values());
        pages.sort(Comparator.comparing(kept -> kept.page().file()));
        out.writeInt(pages.size());
        Map<String, LastBuild.State> states = savedStates instanceof ConcurrentHashMap<String, LastBuild.State> saved ? saved : new HashMap<>();
        for (KeyedPage kept : pages) {
            writeKey(out, kept.key());
            writePage(out, kept.page(), output, files, states);
        }
        out.flush();
        byte[] bytes = withHeader(KEYED_PAGES_MAGIC, generator, body.toByteArray());
        Path temporary = TemporaryFile.create(folder, "keyed-pages", ".tmp", TemporaryFile.OWNER_ONLY);
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Records this build's pages of a guide (rendered or reused), to be stored once the build succeeded. */
    void keepPages(Key guide, List<StoredPage> pages) {
        String slug = folderOfKey.get(guide);
        if (slug == null) {
            return;
        }
        if (knownGuides.get(guide) != pages) {
            changed.add(slug);
        }
        usedGuides.put(slug, new Kept(guide, pages));
    }

    /**
     * A guide folder's model as the last build assembled it, when its pages are reused (so its key, which covers every
     * file of the folder, the settings, the templates, the generator and the options, is this build's) and every file
     * of the folder has the fingerprint it was assembled from; else null, and the folder is assembled.
     */
    @Override
    public org.healthguides.site.SiteAssembler.KeptGuide find(GuideFiles files) {
        org.healthguides.site.SiteAssembler.KeptGuide model = knownModels.get(files.slug());
        if (model == null || !reusedGuides.contains(files.slug()) || !files.translations().isEmpty()) {
            return null;
        }
        StoredFiles kept = knownFiles.get(files.slug());
        if (kept == null || kept.count() != 1 + files.sections().size() || kept.find(files.index().path(), fileHashes.get(files.index().path())) < 0) {
            return null;
        }
        for (SourceFile section : files.sections()) {
            if (kept.find(section.path(), fileHashes.get(section.path())) < 0) {
                return null;
            }
        }
        return model;
    }

    @Override
    public void keep(GuideFiles files, org.healthguides.site.SiteAssembler.KeptGuide guide) {
        if (folderOfFile.containsKey(files.index().path())) {
            usedModels.put(files.slug(), guide);
        }
    }

    /**
     * How the last build split this file (its front matter's fields and its body's place), when the file's bytes are
     * the same (its fingerprint): taken without decoding its text.
     */
    @Override
    public FrontMatter.Split find(SourceFile file) {
        String guide = folderOfFile.get(file.path());
        byte[] fingerprint = fileHashes.get(file.path());
        if (guide == null || fingerprint == null) {
            return null;
        }
        StoredFrontMatter stored = knownFrontMatter.get(file.path());
        if (stored == null || !java.util.Arrays.equals(stored.fingerprint(), fingerprint)) {
            changed.add(guide);
            return null;
        }
        return stored.split();
    }

    /**
     * What the last build knew of this file, when its bytes are those of a file it decoded (and split) without a
     * problem: then they are UTF-8 and need not be decoded to be found so, and whether its text holds the scaffold's
     * marker is known (see {@link ContentLoader#decoded(ContentTree, java.util.function.Function)}); else null.
     */
    SourceFile.Known decodedBefore(SourceFile file) {
        String guide = folderOfFile.get(file.path());
        StoredFiles whole = guide == null ? null : knownFiles.get(guide);
        int at = whole == null ? -1 : whole.find(file.path(), fileHashes.get(file.path()));
        if (at >= 0) {
            return new SourceFile.Known(whole.scaffoldMarker(at));
        }
        StoredFrontMatter stored = knownFrontMatter.get(file.path());
        return stored != null && java.util.Arrays.equals(stored.fingerprint(), fileHashes.get(file.path()))
                ? new SourceFile.Known(stored.scaffoldMarker()) : null;
    }

    @Override
    public void keep(SourceFile file, FrontMatter.Split split) {
        String guide = folderOfFile.get(file.path());
        byte[] fingerprint = fileHashes.get(file.path());
        if (guide != null && fingerprint != null) {
            StoredFrontMatter stored = knownFrontMatter.get(file.path());
            if (stored != null && stored.split() == split) {
                // Taken from the cache (see find): written out again only if its guide's entry is, which an edit
                // rebuild does for one guide; serialising all 12,000 here was a few per cent of it.
                usedFrontMatter.computeIfAbsent(guide, g -> new ConcurrentHashMap<>())
                        .put(file.path(), new KeptFrontMatter(fingerprint, split, null, stored.scaffoldMarker()));
                return;
            }
            // Each thread's buffer (unsynchronised writes), for every file's front matter: a new one grew twice for most files.
            EntryReader.Buffer written = FRONT_MATTER_OUT.get();
            written.reset();
            try {
                writeYamlMapping(new DataOutputStream(written), split.fields());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array's stream does not fail
            }
            // Only the body's place is kept beside the written fields: a cold build holds 12,000 of these until saved.
            // Whether it holds the scaffold's marker: searched in its text now (just parsed, so decoded), once for the check too.
            usedFrontMatter.computeIfAbsent(guide, g -> new ConcurrentHashMap<>()).put(file.path(), new KeptFrontMatter(fingerprint,
                    new FrontMatter.Split(Map.of(), split.bodyStart(), split.bodyLength(), split.bodyLine()), written.toByteArray(),
                    file.holdsScaffoldMarker()));
        }
    }

    @Override
    public RenderedMarkdown find(MarkdownSource source) {
        String guide = folderOfFile.get(source.sourcePath());
        if (guide == null) {
            return null; // not a guide folder's file: not kept
        }
        RenderedMarkdown known = knownMarkdown.get(keyOf(source));
        if (known != null && known.html() == null) {
            // Kept without its HTML: enough for a guide whose pages are reused (checks, links, the home page), not to render one.
            known = reusedGuides.contains(guide) ? new RenderedMarkdown("", known.headings(), known.callouts(),
                    known.references(), known.links(), known.problems(), known.reading()) : null;
        }
        if (known == null) {
            changed.add(guide);
        }
        return known;
    }

    @Override
    public void keep(MarkdownSource source, RenderedMarkdown rendered) {
        // A guide's own file's HTML is in its published pages, which the cache reuses: only what the rest of the build
        // reads is kept (a tenth of the size at 10,000 pages), but for a guide being edited (see editedGuides). A
        // translation's pages are rendered every build: kept whole.
        String guide = folderOfFile.get(source.sourcePath());
        if (guide == null) {
            return;
        }
        usedMarkdown.computeIfAbsent(guide, g -> new ConcurrentHashMap<>()).put(keyOf(source), ownFiles.contains(source.sourcePath())
                && rendered.html() != null && !editedGuides.contains(guide)
                ? new RenderedMarkdown(null, rendered.headings(), rendered.callouts(), rendered.references(), rendered.links(),
                        rendered.problems(), rendered.reading())
                : rendered);
    }

    private Key keyOf(MarkdownSource source) {
        KeyDigest digest = keyDigest();
        digest.update(markdownInputs);
        update(digest, source.displayPath());
        update(digest, source.sourcePath());
        update(digest, source.pagePath());
        update(digest, source.bodyLine());
        update(digest, source.bodyLength()); // known without the body, which an unchanged file's text is not decoded for
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
     * swapped in: each page's size and time are read from {@code output} now. Only the entries of guides this
     * build rendered something of are written (one file each, replaced by a rename); those of guides no longer
     * there are removed. Never fails the build: a cache that cannot be written is removed, with a note.
     */
    /**
     * The A to Z index's letters as {@link AToZIndex#sorted} makes them, read from the last build's file when that
     * was made from the same entries (titles, keywords, addresses, in order), language and alphabet, by this
     * generator on this JDK (whose collation sorts them); else sorted, and kept for the next build. A file that
     * does not match or cannot be read is not trusted: the entries are sorted again.
     */
    List<AToZIndex.Letter> sortedAToZ(List<AToZIndex.Entry> entries, Language language, List<String> alphabet) {
        KeyDigest digest = keyDigest();
        update(digest, generator);
        update(digest, System.getProperty("java.version"));
        update(digest, language.tag());
        update(digest, alphabet.size());
        alphabet.forEach(letter -> update(digest, letter));
        update(digest, entries.size());
        for (AToZIndex.Entry entry : entries) {
            update(digest, entry.term());
            update(digest, entry.url());
            update(digest, entry.where());
            update(digest, entry.guide());
        }
        Key key = Key.of(digest);
        String name = entryName(language.tag());
        Path file = folder.resolve(A_TO_Z).resolve(name);
        if (writable && Files.isRegularFile(file)) {
            try {
                List<AToZIndex.Letter> stored = readAToZ(Files.readAllBytes(file), generator, key);
                if (stored != null) {
                    usedAToZ.add(name);
                    return stored;
                }
            } catch (IOException | RuntimeException e) {
                // Damaged: never trusted; sorted again below and rewritten when the cache is saved.
                damagedAToZ.put(language.tag(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        List<AToZIndex.Letter> letters = AToZIndex.sorted(entries, language, alphabet);
        if (writable) {
            try {
                sortedAToZ.put(name, writeAToZ(key, letters));
                usedAToZ.add(name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return letters;
    }

    /** The letters in a file of the A to Z folder, or null when another generator or other entries made it. */
    private static List<AToZIndex.Letter> readAToZ(byte[] bytes, String generator, Key key) throws IOException {
        EntryReader in = checkedBody(bytes, MAGIC, generator);
        if (in == null) {
            return null;
        }
        if (!key.equals(readKey(in))) {
            return null;
        }
        List<AToZIndex.Letter> letters = new ArrayList<>();
        for (int l = readCount(in); l > 0; l--) {
            String letter = readString(in);
            String id = readString(in);
            boolean other = in.readBoolean();
            List<AToZIndex.Entry> entries = new ArrayList<>();
            for (int e = readCount(in); e > 0; e--) {
                entries.add(new AToZIndex.Entry(readString(in), readString(in), readString(in), readString(in)));
            }
            letters.add(new AToZIndex.Letter(letter, id, List.copyOf(entries), other));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return List.copyOf(letters);
    }

    private byte[] writeAToZ(Key key, List<AToZIndex.Letter> letters) throws IOException {
        java.io.ByteArrayOutputStream body = new EntryReader.Buffer(1 << 16);
        DataOutputStream out = new DataOutputStream(body);
        writeKey(out, key);
        out.writeInt(letters.size());
        for (AToZIndex.Letter letter : letters) {
            writeString(out, letter.letter());
            writeString(out, letter.id());
            out.writeBoolean(letter.other());
            out.writeInt(letter.entries().size());
            for (AToZIndex.Entry entry : letter.entries()) {
                writeString(out, entry.term());
                writeString(out, entry.url());
                writeString(out, entry.where());
                writeString(out, entry.guide());
            }
        }
        out.flush();
        return withHeader(MAGIC, generator, body.toByteArray());
    }

    /** A body behind the header {@link #afterHeader} reads: what wrote it (magic, format, generator) and the body's CRC32. */
    static byte[] withHeader(String magic, String generator, byte[] body) throws IOException {
        CRC32 checksum = new CRC32();
        checksum.update(body);
        java.io.ByteArrayOutputStream whole = new EntryReader.Buffer(body.length + 256);
        DataOutputStream header = new DataOutputStream(whole);
        writeString(header, magic);
        header.writeInt(FORMAT);
        writeString(header, generator);
        header.writeLong(checksum.getValue());
        header.write(body);
        header.flush();
        return whole.toByteArray();
    }

    /** Writes the A to Z files this build sorted anew, each by a rename, so a killed build leaves the old file or the new one. */
    private void saveAToZ() throws IOException {
        Path aToZ = folder.resolve(A_TO_Z);
        if (Files.isDirectory(aToZ)) {
            try (Stream<Path> list = Files.list(aToZ)) {
                for (Path file : list.filter(file -> !usedAToZ.contains(file.getFileName().toString())).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (sortedAToZ.isEmpty()) {
            return;
        }
        Files.createDirectories(aToZ);
        for (Map.Entry<String, byte[]> file : sortedAToZ.entrySet()) {
            Path temporary = TemporaryFile.create(aToZ, "a-to-z", ".tmp", TemporaryFile.OWNER_ONLY);
            try {
                Files.write(temporary, file.getValue());
                Files.move(temporary, aToZ.resolve(file.getKey()), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    void save(Path output, Set<String> files, Consumer<String> notes) {
        if (!writable) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MARKER), "This folder is guide build's cache; delete it at any time.\n");
            new java.util.TreeMap<>(damagedAToZ).forEach((tag, why) -> notes.accept("note: the A to Z of '" + tag + "' kept in the build cache in "
                    + folder + " could not be read (" + why + "); sorted it again and replaced it"));
            saveAToZ();
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the build cache in " + folder + " (" + e.getMessage() + "); the next build will sort the A to Z again");
        }
        Set<String> folders = new java.util.HashSet<>(usedMarkdown.keySet());
        folders.addAll(usedGuides.keySet());
        folders.addAll(usedFrontMatter.keySet());
        folders.addAll(usedModels.keySet());
        // A guide taken whole (its model, not its files) keeps its entry as it is, unless its pages changed.
        readWhole.stream().filter(usedGuides::containsKey).forEach(folders::add);
        List<String> toWrite = folders.stream().filter(this::entryChanged).toList();
        // Nothing rendered and nothing left out: every reused file is the same inode, so the entries on disk are still exact.
        if (toWrite.isEmpty() && !untidy && folders.equals(known.keySet())) {
            saveKeyedPages(output, files, notes);
            return;
        }
        Path entries = folder.resolve(ENTRIES);
        try {
            Files.createDirectories(entries);
            Files.writeString(folder.resolve(MARKER), "This folder is guide build's cache; delete it at any time.\n");
            Files.deleteIfExists(folder.resolve(OLD_FILE));
            // Sized for every file of the output at once: grown from 16 by both threads, its copies were 1-2% of the save.
            savedStates = new ConcurrentHashMap<>(files.size());
            toWrite.parallelStream().forEach(slug -> {
                try {
                    writeEntry(entries, slug, output, files);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Set<String> names = new java.util.HashSet<>();
            folders.forEach(slug -> names.add(entryName(slug)));
            try (Stream<Path> list = Files.list(entries)) {
                for (Path file : list.filter(file -> !names.contains(file.getFileName().toString())).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the build cache in " + folder + " (" + e.getMessage() + "); the next build will be cold");
            try {
                org.apache.commons.io.file.PathUtils.deleteDirectory(entries);
            } catch (IOException ignored) {
                // Nothing more to do: a missing entry means that guide is built cold.
            }
        }
        saveKeyedPages(output, files, notes);
    }

    /** {@link #saveKeyedPages(Path, Set)}, or a note and no file (the next build renders those pages) when it cannot be written. */
    private void saveKeyedPages(Path output, Set<String> files, Consumer<String> notes) {
        try {
            saveKeyedPages(output, files);
        } catch (IOException | RuntimeException e) {
            notes.accept("note: could not write the pages kept by their own keys into the build cache in " + folder + " (" + e.getMessage()
                    + "); the next build will render them again");
            try {
                Files.deleteIfExists(folder.resolve(KEYED_PAGES));
            } catch (IOException ignored) {
                // A file left behind is never trusted beyond its keys and the pages' states.
            }
        }
    }

    /** Whether this build changed what a guide's entry holds: something of it rendered, added or left out. */
    private boolean entryChanged(String slug) {
        Entry before = known.get(slug);
        if (before == null || changed.contains(slug)) {
            return true;
        }
        Kept pages = usedGuides.get(slug);
        if (readWhole.contains(slug)) {
            // Its entry was read only as far as its model: written again only if this build assembled the guide after all
            // (then the entry is made from what it used), or published other pages.
            return usedModels.containsKey(slug) || usedMarkdown.containsKey(slug) || usedFrontMatter.containsKey(slug)
                    || pages == null || !pages.key().equals(before.pages()) || pages.pages() != before.published();
        }
        Map<Key, RenderedMarkdown> markdown = usedMarkdown.getOrDefault(slug, Map.of());
        if (!usedFrontMatter.getOrDefault(slug, Map.of()).keySet().equals(before.frontMatter())) {
            return true;
        }
        return pages == null ? before.pages() != null : !pages.key().equals(before.pages()) || pages.pages() != before.published()
                || !markdown.keySet().equals(before.markdown());
    }

    private static final Set<java.nio.file.OpenOption> NEW_ENTRY = Set.of(java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE);
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    private void writeEntry(Path entries, String slug, Path output, Set<String> files) throws IOException {
        // Each thread's buffer, written to the file where it stands: a new one per entry grew once (16 to 32 KB) and was
        // copied out, 140 MB of garbage for 2,000 entries.
        EntryReader.Buffer bytes = ENTRY_OUT.get();
        bytes.reset();
        DataOutputStream out = new DataOutputStream(bytes);
        writeString(out, MAGIC);
        out.writeInt(FORMAT);
        writeString(out, generator);
        int checksumAt = out.size();
        out.writeLong(0); // filled in below
        int bodyStart = out.size();
        writeString(out, slug);
        Kept pages = usedGuides.get(slug);
        out.writeBoolean(pages != null);
        if (pages != null) {
            writeKey(out, pages.key());
            out.writeInt(pages.pages().size());
            for (StoredPage page : pages.pages()) {
                writePage(out, page, output, files, savedStates);
            }
        }
        Map<String, KeptFrontMatter> frontMatter = usedFrontMatter.getOrDefault(slug, Map.of());
        // The guide's model, for the next build to take whole while its pages are reused: only beside its pages.
        org.healthguides.site.SiteAssembler.KeptGuide model = pages == null ? null : usedModels.get(slug);
        out.writeBoolean(model != null);
        if (model != null) {
            writeModel(out, model);
            out.writeInt(frontMatter.size());
            for (Map.Entry<String, KeptFrontMatter> entry : frontMatter.entrySet()) {
                writeString(out, entry.getKey());
                out.write(entry.getValue().fingerprint());
                out.writeBoolean(entry.getValue().scaffoldMarker());
            }
        }
        // The files' Markdown and front matter, after their length: a build that takes the model skips them unread.
        int detailsAt = out.size();
        out.writeInt(0); // filled in below
        Map<Key, RenderedMarkdown> markdown = usedMarkdown.getOrDefault(slug, Map.of());
        // Markdown kept without its HTML serves a reused guide only, which the model serves now: only HTML is kept beside it.
        List<Map.Entry<Key, RenderedMarkdown>> markdownKept = markdown.entrySet().stream()
                .filter(entry -> model == null || entry.getValue().html() != null).toList();
        out.writeInt(markdownKept.size());
        for (Map.Entry<Key, RenderedMarkdown> entry : markdownKept) {
            writeKey(out, entry.getKey());
            writeMarkdown(out, entry.getValue());
        }
        out.writeInt(frontMatter.size());
        for (Map.Entry<String, KeptFrontMatter> entry : frontMatter.entrySet()) {
            writeString(out, entry.getKey());
            KeptFrontMatter kept = entry.getValue();
            out.write(kept.fingerprint());
            out.writeInt(kept.place().bodyStart());
            out.writeInt(kept.place().bodyLength());
            out.writeInt(kept.place().bodyLine());
            out.writeBoolean(kept.scaffoldMarker());
            if (kept.fields() != null) {
                out.write(kept.fields());
            } else {
                writeYamlMapping(out, kept.place().fields());
            }
        }
        out.flush();
        byte[] data = bytes.array();
        int length = bytes.size();
        java.nio.ByteBuffer.wrap(data).putInt(detailsAt, length - detailsAt - 4);
        CRC32 checksum = new CRC32();
        checksum.update(data, bodyStart, length - bodyStart);
        java.nio.ByteBuffer.wrap(data).putLong(checksumAt, checksum.getValue());
        // Named after the entry and this process, not by Files.createTempFile (a random name, tried for each of 2,000
        // entries): one build at a time writes an output's cache, and each entry once. Mode 0600, as createTempFile made it.
        Path temporary = entries.resolve(entryName(slug) + "." + ProcessHandle.current().pid() + ".new");
        try {
            boolean posix = entries.getFileSystem().supportedFileAttributeViews().contains("posix");
            try (java.nio.channels.SeekableByteChannel channel = posix ? Files.newByteChannel(temporary, NEW_ENTRY, OWNER_ONLY)
                    : Files.newByteChannel(temporary, NEW_ENTRY)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(data, 0, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            try {
                Files.move(temporary, entries.resolve(entryName(slug)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entries.resolve(entryName(slug)), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary); // only when it was not moved: a successful build's entries leave nothing to delete
            throw e;
        }
    }

    /** Rebuilt jar or classes: a different identity, so nothing a different generator made is trusted. */
    static String generatorIdentity() {
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            KeyDigest digest = keyDigest();
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

    /** A file's fingerprint as a source file's (see {@link SourceFile#fingerprint(byte[], int)}). */
    private static byte[] fingerprint(byte[] bytes) {
        return SourceFile.fingerprint(bytes, bytes.length);
    }

    /** Read through {@link #fingerprintOf(Path, byte[])}'s buffer: a templates folder is mostly the leaflet's fonts. */
    private static final int FINGERPRINT_BUFFER = 64 * 1024;

    /**
     * {@link #fingerprint(byte[])} of a file's bytes, read through {@code buffer} instead of whole: the same value,
     * without a 2.4 MB array per build for the leaflet fonts (a cold 100-page build allocates about 55 MB, eden is
     * 51 MB, and each array read whole brings its one young collection nearer: docs/performance.md).
     */
    static byte[] fingerprintOf(Path file, byte[] buffer) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        long length = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
                crcC.update(buffer, 0, read);
                length += read;
            }
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("Required array size too large"); // as Files.readAllBytes refused such a file
        }
        return java.nio.ByteBuffer.allocate(16).putInt((int) length).putInt((int) crc.getValue()).putLong(crcC.getValue()).array();
    }

    private static final ThreadLocal<KeyDigest> DIGEST = ThreadLocal.withInitial(KeyDigest::new);

    /** This thread's digest, reset: a key's bytes go in, {@link Key#of} takes it out (see {@link KeyDigest} for why not MD5). */
    static KeyDigest keyDigest() {
        KeyDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }

    static void update(KeyDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        update(digest, bytes.length);
        digest.update(bytes);
    }

    static void update(KeyDigest digest, int value) {
        digest.update((byte) (value >>> 24));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 8));
        digest.update((byte) value);
    }

    // The file: a header, then each record's fields in order; strings as a length (-1 for null) and UTF-8 bytes.

    static void writeKey(DataOutputStream out, Key key) throws IOException {
        out.writeLong(key.high());
        out.writeLong(key.low());
    }

    static Key readKey(EntryReader in) throws IOException {
        return new Key(in.readLong(), in.readLong());
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        // A page's JSON-LD and other long texts are ASCII: checked eight bytes at a time (see ByteScan).
        byte[] bytes = text.length() >= 64 ? org.healthguides.content.ByteScan.asciiBytes(text) : null;
        if (bytes == null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A reader past a cache file's header (its kind, format and generator), or null when another kind, format or generator wrote it. */
    /**
     * The body of a record {@link #withHeader} wrote, its CRC32 checked (throws when it differs: damaged); null when
     * another kind, format or generator wrote it.
     */
    static EntryReader checkedBody(byte[] bytes, String magic, String generator) throws IOException {
        return checkedBody(new EntryReader(bytes), magic, generator);
    }

    private static EntryReader checkedBody(EntryReader reader, String magic, String generator) throws IOException {
        EntryReader in = afterHeader(reader, magic, FORMAT, generator);
        if (in != null) {
            long expected = in.readLong();
            in.requireCrc32(expected, in.position());
        }
        return in;
    }

    static EntryReader afterHeader(byte[] bytes, String magic, int format, String generator) throws IOException {
        return afterHeader(new EntryReader(bytes), magic, format, generator);
    }

    private static EntryReader afterHeader(EntryReader in, String magic, int format, String generator) throws IOException {
        return magic.equals(readString(in)) && in.readInt() == format && generator.equals(readString(in)) ? in : null;
    }

    /** Each thread's buffer for the front matter it parses (see {@link #keep(SourceFile, FrontMatter.Split)}). */
    private static final ThreadLocal<EntryReader.Buffer> FRONT_MATTER_OUT = ThreadLocal.withInitial(() -> new EntryReader.Buffer(2048));

    /** Each thread's buffer for the guides' entries it writes (see {@link #writeEntry}). */
    private static final ThreadLocal<EntryReader.Buffer> ENTRY_OUT = ThreadLocal.withInitial(() -> new EntryReader.Buffer(1 << 15));

    /** Each thread's buffer for the guides' entries, read in parallel (40 MB at 10,000 pages), each parsed at once. */
    private static final ThreadLocal<org.healthguides.content.ReadBuffer> ENTRY_BUFFER =
            ThreadLocal.withInitial(org.healthguides.content.ReadBuffer::new);

    static String readString(EntryReader in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > 1 << 28) {
            throw new IOException("bad length " + length);
        }
        return in.readUtf8(length);
    }

    static int readCount(EntryReader in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1 << 24) {
            throw new IOException("bad count " + count);
        }
        return count;
    }

    static void writeStrings(DataOutputStream out, java.util.Collection<String> list) throws IOException {
        out.writeInt(list.size());
        for (String text : list) {
            writeString(out, text);
        }
    }

    static List<String> readStrings(EntryReader in) throws IOException {
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
            writeProblem(out, problem);
        }
        out.writeInt(markdown.reading().words());
        out.writeInt(markdown.reading().sentences());
        out.writeInt(markdown.reading().syllables());
    }

    private static RenderedMarkdown readMarkdown(EntryReader in) throws IOException {
        String html = readString(in);
        List<Heading> headings = readHeadings(in);
        List<Callout> callouts = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            callouts.add(readCallout(in));
        }
        List<Reference> references = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            references.add(readReference(in));
        }
        List<ContentLink> links = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            links.add(readLink(in));
        }
        return new RenderedMarkdown(html, headings, List.copyOf(callouts), List.copyOf(references), List.copyOf(links), readProblems(in),
                readReading(in));
    }

    /**
     * A kept model's Markdown result (see {@link #withoutHtml}): its care cards, references and links left in the
     * model's bytes ({@link StoredList}), each list's lengths checked now as it is skipped; its HTML "".
     */
    private static RenderedMarkdown readKeptMarkdown(EntryReader in, StoredList.Bytes held) throws IOException {
        readString(in); // null: a kept model has no HTML
        List<Heading> headings = readHeadings(in);
        int calloutsAt = in.position() - held.start;
        int callouts = readCount(in);
        for (int i = callouts; i > 0; i--) {
            skipString(in);
            skipString(in);
            skipString(in);
            for (int item = readCount(in); item > 0; item--) {
                skipString(in);
            }
            in.skip(4);
        }
        int referencesAt = in.position() - held.start;
        int references = readCount(in);
        for (int i = references; i > 0; i--) {
            in.skip(4);
            skipString(in);
            skipString(in);
            skipString(in);
        }
        int linksAt = in.position() - held.start;
        int links = readCount(in);
        for (int i = links; i > 0; i--) {
            skipString(in);
            skipString(in);
            skipString(in);
            in.skip(9);
        }
        return new RenderedMarkdown("", headings, stored(held, calloutsAt, callouts, BuildCache::readCallout),
                stored(held, referencesAt, references, BuildCache::readReference), stored(held, linksAt, links, BuildCache::readLink),
                readProblems(in), readReading(in));
    }

    /** {@code count} elements after a count at {@code at}, left in the bytes; an empty list is List.of(). */
    private static <T> List<T> stored(StoredList.Bytes held, int at, int count, StoredList.Decoder<T> decoder) {
        return count == 0 ? List.of() : new StoredList<>(held, at + 4, count, decoder);
    }

    private static void skipString(EntryReader in) throws IOException {
        int length = in.readInt();
        if (length != -1) {
            if (length < 0 || length > 1 << 28) {
                throw new IOException("bad length " + length);
            }
            in.skip(length);
        }
    }

    private static List<Heading> readHeadings(EntryReader in) throws IOException {
        int count = readCount(in);
        if (count == 0) {
            return List.of();
        }
        List<Heading> headings = new ArrayList<>(count);
        for (int i = count; i > 0; i--) {
            headings.add(new Heading(in.readInt(), readString(in), readString(in), in.readInt()));
        }
        return List.copyOf(headings);
    }

    private static Callout readCallout(EntryReader in) throws IOException {
        return new Callout(readString(in), readString(in), readString(in), readStrings(in), in.readInt());
    }

    private static Reference readReference(EntryReader in) throws IOException {
        return new Reference(in.readInt(), readString(in), readString(in), readString(in));
    }

    private static ContentLink readLink(EntryReader in) throws IOException {
        return new ContentLink(readString(in), readString(in), readString(in), in.readBoolean(), in.readInt(), in.readInt());
    }

    private static List<Problem> readProblems(EntryReader in) throws IOException {
        int count = readCount(in);
        if (count == 0) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(count);
        for (int i = count; i > 0; i--) {
            problems.add(readProblem(in));
        }
        return List.copyOf(problems);
    }

    private static ReadingStats readReading(EntryReader in) throws IOException {
        return new ReadingStats(in.readInt(), in.readInt(), in.readInt());
    }

    // A YAML value: its line and column, then a tag (0 nothing, 1 text, 2 list, 3 mapping) and what it holds.

    static void writeYamlMapping(DataOutputStream out, Map<String, YamlNode> fields) throws IOException {
        out.writeInt(fields.size());
        for (Map.Entry<String, YamlNode> field : fields.entrySet()) {
            writeString(out, field.getKey());
            writeYaml(out, field.getValue());
        }
    }

    private static void writeYaml(DataOutputStream out, YamlNode node) throws IOException {
        out.writeInt(node.line());
        out.writeInt(node.column());
        if (node.value() == null) {
            out.writeByte(0);
        } else if (node.value() instanceof String text) {
            out.writeByte(1);
            writeString(out, text);
        } else if (node.value() instanceof List<?>) {
            out.writeByte(2);
            out.writeInt(node.asList().size());
            for (YamlNode item : node.asList()) {
                writeYaml(out, item);
            }
        } else {
            out.writeByte(3);
            writeYamlMapping(out, node.asMap());
        }
    }

    /** A mapping as {@link FrontMatter#parseYamlMapping} returns it: a {@link java.util.LinkedHashMap} in the order written. */
    static Map<String, YamlNode> readYamlMapping(EntryReader in) throws IOException {
        Map<String, YamlNode> fields = new java.util.LinkedHashMap<>();
        for (int i = readCount(in); i > 0; i--) {
            fields.put(readString(in), readYaml(in));
        }
        return fields;
    }

    private static YamlNode readYaml(EntryReader in) throws IOException {
        int line = in.readInt();
        int column = in.readInt();
        int tag = in.read();
        return switch (tag) {
            case 0 -> new YamlNode(null, line, column);
            case 1 -> new YamlNode(readString(in), line, column);
            case 2 -> {
                List<YamlNode> items = new ArrayList<>();
                for (int i = readCount(in); i > 0; i--) {
                    items.add(readYaml(in));
                }
                yield new YamlNode(List.copyOf(items), line, column);
            }
            case 3 -> new YamlNode(readYamlMapping(in), line, column);
            default -> throw new IOException("bad YAML tag " + tag);
        };
    }

    // A guide's model: its meta, its introduction's and sections' Markdown results (without HTML: its pages are reused
    // whenever the model is), each section's meta and place, the drafts found in its folder.

    static void writeModel(DataOutputStream out, org.healthguides.site.SiteAssembler.KeptGuide model) throws IOException {
        writeGuideMeta(out, model.meta());
        writeMarkdown(out, withoutHtml(model.introduction()));
        out.writeInt(model.sections().size());
        for (org.healthguides.site.SectionPage section : model.sections()) {
            writeSectionMeta(out, section.meta());
            writeString(out, section.path());
            writeString(out, section.displayPath());
            writeMarkdown(out, withoutHtml(section.content()));
            out.writeInt(section.reading().words());
            out.writeInt(section.reading().sentences());
            out.writeInt(section.reading().syllables());
        }
        out.writeInt(model.drafts().size());
        for (org.healthguides.site.Draft draft : model.drafts()) {
            writeString(out, draft.displayPath());
            writeString(out, draft.pagePath());
            out.writeBoolean(draft.guide());
            out.writeBoolean(draft.leftOut());
        }
        out.writeInt(model.findings().size());
        for (Problem finding : model.findings()) {
            writeProblem(out, finding);
        }
    }

    /**
     * What a kept model keeps of a Markdown result: neither its HTML nor its headings, which only its pages show (the
     * headings as each page's contents), and a model is used only when its pages are reused.
     */
    private static RenderedMarkdown withoutHtml(RenderedMarkdown markdown) {
        return new RenderedMarkdown(null, List.of(), markdown.callouts(), markdown.references(), markdown.links(),
                markdown.problems(), markdown.reading());
    }

    /** A model as written; its Markdown's HTML is "", as a reused guide's Markdown has always been (see {@link #find(MarkdownSource)}). */
    static org.healthguides.site.SiteAssembler.KeptGuide readModel(EntryReader in) throws IOException {
        return readModel(in, text -> text);
    }

    /**
     * @param shared the string equal to each section's page path and display path that already lives elsewhere (its
     *               stored page's, its content file's), or the text read: one string each instead of two
     */
    private static org.healthguides.site.SiteAssembler.KeptGuide readModel(EntryReader in, java.util.function.UnaryOperator<String> shared)
            throws IOException {
        StoredList.Bytes held = new StoredList.Bytes(in.position());
        org.healthguides.content.GuideMeta meta = readGuideMeta(in);
        RenderedMarkdown introduction = readKeptMarkdown(in, held);
        List<org.healthguides.site.SectionPage> sections = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            org.healthguides.content.SectionMeta sectionMeta = readSectionMeta(in);
            String path = shared.apply(readString(in));
            String displayPath = shared.apply(readString(in));
            RenderedMarkdown content = readKeptMarkdown(in, held);
            int words = in.readInt();
            int sentences = in.readInt();
            int syllables = in.readInt();
            ReadingStats own = content.reading();
            // The same numbers as its Markdown's (as assembled): one object, not two, for each young collection to copy.
            sections.add(new org.healthguides.site.SectionPage(sectionMeta, path, displayPath, content,
                    own.words() == words && own.sentences() == sentences && own.syllables() == syllables ? own
                            : new ReadingStats(words, sentences, syllables)));
        }
        List<org.healthguides.site.Draft> drafts = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            drafts.add(new org.healthguides.site.Draft(readString(in), readString(in), in.readBoolean(), in.readBoolean()));
        }
        List<Problem> findings = readProblems(in);
        held.bytes = in.copyFrom(held.start); // one array for the guide's stored lists
        return new org.healthguides.site.SiteAssembler.KeptGuide(meta, introduction, List.copyOf(sections), List.copyOf(drafts),
                findings);
    }

    static void writeGuideMeta(DataOutputStream out, org.healthguides.content.GuideMeta meta) throws IOException {
        writeString(out, meta.slug());
        writeString(out, meta.title());
        writeString(out, meta.description());
        writeDate(out, meta.reviewed());
        writeDate(out, meta.nextReview());
        writeStrings(out, meta.requiredSections());
        out.writeInt(meta.requiredSectionsLine());
        out.writeInt(meta.requiredWarnings().size());
        for (org.healthguides.content.RequiredWarning warning : meta.requiredWarnings()) {
            writeString(out, warning.name());
            writeString(out, warning.kind());
            writeString(out, warning.section());
            writeStrings(out, warning.mentions());
            out.writeInt(warning.line());
            out.writeInt(warning.mentionsByLanguage().size());
            for (Map.Entry<String, List<String>> language : warning.mentionsByLanguage().entrySet()) {
                writeString(out, language.getKey());
                writeStrings(out, language.getValue());
            }
        }
        out.writeDouble(meta.maxGrade());
        out.writeInt(meta.reviewedLine());
        out.writeInt(meta.nextReviewLine());
        out.writeBoolean(meta.weight() != null);
        if (meta.weight() != null) {
            out.writeInt(meta.weight());
        }
        writeStrings(out, meta.keywords());
        writeAliases(out, meta.aliases());
        out.writeInt(meta.changes().size());
        for (org.healthguides.content.Change change : meta.changes()) {
            writeDate(out, change.date());
            writeString(out, change.summary());
            out.writeInt(change.line());
        }
        out.writeBoolean(meta.reviewedBy() != null);
        if (meta.reviewedBy() != null) {
            writeString(out, meta.reviewedBy().name());
            writeString(out, meta.reviewedBy().role());
        }
        out.writeBoolean(meta.draft());
    }

    static org.healthguides.content.GuideMeta readGuideMeta(EntryReader in) throws IOException {
        String slug = readString(in);
        String title = readString(in);
        String description = readString(in);
        java.time.LocalDate reviewed = readDate(in);
        java.time.LocalDate nextReview = readDate(in);
        List<String> requiredSections = readStrings(in);
        int requiredSectionsLine = in.readInt();
        List<org.healthguides.content.RequiredWarning> warnings = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            String name = readString(in);
            String kind = readString(in);
            String section = readString(in);
            List<String> mentions = readStrings(in);
            int line = in.readInt();
            int languages = readCount(in);
            if (languages == 0) {
                warnings.add(new org.healthguides.content.RequiredWarning(name, kind, section, mentions, line));
                continue;
            }
            Map<String, List<String>> byLanguage = new java.util.LinkedHashMap<>();
            for (int l = languages; l > 0; l--) {
                byLanguage.put(readString(in), readStrings(in));
            }
            warnings.add(new org.healthguides.content.RequiredWarning(name, kind, section, mentions, line,
                    java.util.Collections.unmodifiableMap(byLanguage)));
        }
        double maxGrade = Double.longBitsToDouble(in.readLong());
        int reviewedLine = in.readInt();
        int nextReviewLine = in.readInt();
        Integer weight = in.readBoolean() ? in.readInt() : null;
        List<String> keywords = readStrings(in);
        List<org.healthguides.content.Alias> aliases = readAliases(in);
        List<org.healthguides.content.Change> changes = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            changes.add(new org.healthguides.content.Change(readDate(in), readString(in), in.readInt()));
        }
        org.healthguides.content.GuideMeta.Reviewer reviewedBy = in.readBoolean()
                ? new org.healthguides.content.GuideMeta.Reviewer(readString(in), readString(in)) : null;
        boolean draft = in.readBoolean();
        return new org.healthguides.content.GuideMeta(slug, title, description, reviewed, nextReview, requiredSections, requiredSectionsLine,
                List.copyOf(warnings), maxGrade, reviewedLine, nextReviewLine, weight, keywords, aliases, List.copyOf(changes), reviewedBy, draft);
    }

    static void writeSectionMeta(DataOutputStream out, org.healthguides.content.SectionMeta meta) throws IOException {
        writeString(out, meta.slug());
        writeString(out, meta.title());
        out.writeInt(meta.order());
        out.writeInt(meta.orderLine());
        writeString(out, meta.description());
        writeStrings(out, meta.keywords());
        writeAliases(out, meta.aliases());
        out.writeBoolean(meta.draft());
    }

    static org.healthguides.content.SectionMeta readSectionMeta(EntryReader in) throws IOException {
        return new org.healthguides.content.SectionMeta(readString(in), readString(in), in.readInt(), in.readInt(), readString(in),
                readStrings(in), readAliases(in), in.readBoolean());
    }

    private static void writeAliases(DataOutputStream out, List<org.healthguides.content.Alias> aliases) throws IOException {
        out.writeInt(aliases.size());
        for (org.healthguides.content.Alias alias : aliases) {
            writeString(out, alias.address());
            out.writeInt(alias.line());
        }
    }

    private static List<org.healthguides.content.Alias> readAliases(EntryReader in) throws IOException {
        List<org.healthguides.content.Alias> aliases = new ArrayList<>();
        for (int i = readCount(in); i > 0; i--) {
            aliases.add(new org.healthguides.content.Alias(readString(in), in.readInt()));
        }
        return List.copyOf(aliases);
    }

    /** A date as its text (ISO), or null. */
    private static void writeDate(DataOutputStream out, java.time.LocalDate date) throws IOException {
        writeString(out, date == null ? null : date.toString());
    }

    private static java.time.LocalDate readDate(EntryReader in) throws IOException {
        String text = readString(in);
        return text == null ? null : org.healthguides.content.IsoDate.parse(text);
    }

    static void writeProblem(DataOutputStream out, Problem problem) throws IOException {
        writeString(out, problem.code().name());
        writeString(out, problem.file());
        out.writeInt(problem.line());
        out.writeInt(problem.column());
        writeString(out, problem.severity().name());
        writeString(out, problem.message());
        writeString(out, problem.fix());
    }

    static Problem readProblem(EntryReader in) throws IOException {
        return new Problem(Code.valueOf(readString(in)), readString(in), in.readInt(), in.readInt(), Severity.valueOf(readString(in)),
                readString(in), readString(in));
    }

    private static void writePage(DataOutputStream out, StoredPage page, Path output, Set<String> files,
                                  Map<String, LastBuild.State> states) throws IOException {
        writeString(out, page.file());
        writeString(out, page.pagePath());
        if (page.ids() instanceof org.healthguides.links.PageIds stored) {
            stored.writeTo(out); // as the page was scanned or the entry read, if nothing listed them since
        } else {
            writeStrings(out, page.ids()); // in the set's order, as a copy of it into a list had them
        }
        org.healthguides.output.PublishedPage published = page.published();
        out.writeBoolean(published != null);
        if (published != null) {
            writePublished(out, published);
        }
        writeFileState(out, page, output, files, states);
    }

    static void writePublished(DataOutputStream out, org.healthguides.output.PublishedPage page) throws IOException {
        writeString(out, page.url());
        out.writeBoolean(page.indexable());
        writeString(out, page.lastReviewed());
        out.writeInt(page.alternates().size());
        for (Map.Entry<String, String> alternate : page.alternates().entrySet()) {
            writeString(out, alternate.getKey());
            writeString(out, alternate.getValue());
        }
    }

    /**
     * @param files  every file of the output by its site path (see {@link org.healthguides.output.SiteWriter#files()})
     * @param states where the state of each file read is put, by its site path, for the record of the last build
     */
    private static void writeFileState(DataOutputStream out, StoredPage page, Path output, Set<String> files,
                                       Map<String, LastBuild.State> states) throws IOException {
        BasicFileAttributes file = stateOf(page.file(), output, states);
        out.writeLong(file.size());
        out.writeLong(file.lastModifiedTime().toMillis());
        // Whether a .gz copy is there is known from the output's list: asking the file system for one that is not
        // (every page without precompression) cost an exception each, 50 ms for 14,000 pages under C1.
        String gz = page.file() + ".gz";
        if (Precompressed.isText(page.file()) && files.contains(gz)) {
            BasicFileAttributes copy = stateOf(gz, output, states);
            out.writeLong(copy.size());
            out.writeLong(copy.lastModifiedTime().toMillis());
        } else {
            out.writeLong(-1);
            out.writeLong(-1);
        }
    }

    /**
     * A file's attributes, following a link as before; a regular file's (nearly every one) read once, without following
     * a link, and its state kept in {@code states} for the record of the last build.
     */
    private static BasicFileAttributes stateOf(String sitePath, Path output, Map<String, LastBuild.State> states) throws IOException {
        Path file = output.resolve(sitePath);
        BasicFileAttributes read;
        try {
            read = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            read = Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        if (!read.isRegularFile()) {
            return Files.readAttributes(file, BasicFileAttributes.class);
        }
        states.put(sitePath, LastBuild.State.of(sitePath, read));
        return read;
    }

    private static StoredPage readPage(EntryReader in) throws IOException {
        String file = readString(in);
        String pagePath = readString(in);
        int idsStart = in.position();
        for (int i = readCount(in); i > 0; i--) {
            int length = in.readInt();
            if (length != -1) {
                if (length < 0 || length > 1 << 28) {
                    throw new IOException("bad length " + length);
                }
                in.skip(length);
            }
        }
        Set<String> ids = new org.healthguides.links.PageIds(in.copyFrom(idsStart));
        org.healthguides.output.PublishedPage published = in.readBoolean() ? readPublished(in) : null;
        return new StoredPage(file, pagePath, ids, published, in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    static org.healthguides.output.PublishedPage readPublished(EntryReader in) throws IOException {
        String url = readString(in);
        boolean indexable = in.readBoolean();
        String lastReviewed = readString(in);
        int count = readCount(in);
        Map<String, String> alternates = Map.of();
        if (count > 0) {
            Map<String, String> read = new java.util.LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                read.put(readString(in), readString(in));
            }
            alternates = java.util.Collections.unmodifiableMap(read);
        }
        return new org.healthguides.output.PublishedPage(url, indexable, lastReviewed, alternates);
    }
}
