package org.healthguides.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;

/**
 * Writes a site into a fresh folder beside the output folder and swaps it in only when the build succeeded,
 * so a failed build leaves the last good site exactly as it was and a good one leaves nothing stale. The output
 * of {@code guide build}.
 */
public final class SiteWriter implements Output, AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;
    /** The deletion of the site this one replaced, under way after {@link #commit}. */
    private java.util.concurrent.CompletableFuture<Void> oldDeleted;
    /** Set once by the pipeline from the site's settings, before the first file is written. */
    private volatile boolean gzipCopies;
    private final java.util.concurrent.atomic.AtomicInteger filesWritten = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<Path> createdFolders = ConcurrentHashMap.newKeySet();
    /** Every file of the new site by its site path, .gz copies and the marker included: what the build cache records. */
    private final Set<String> files = ConcurrentHashMap.newKeySet();

    private SiteWriter(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts a new site for {@code target}; nothing is visible there until {@link #commit()}. */
    public static SiteWriter begin(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent, PublicModes.FOLDER);
        removeStaleFolders(parent, absolute.getFileName().toString());
        // 0755: this folder becomes the published site (see PublicModes).
        // The name carries this process's id, so a later build can tell a folder left by a killed build from a running one.
        Path staging = newFolder(parent, "." + absolute.getFileName() + ".building-" + ProcessHandle.current().pid() + "-");
        writeWhole(staging.resolve(OutputFolder.MARKER), "Written by 'guide build'; the next build replaces this folder as a whole.\n"
                .getBytes(StandardCharsets.UTF_8));
        SiteWriter writer = new SiteWriter(absolute, staging);
        writer.files.add(OutputFolder.MARKER);
        return writer;
    }

    /**
     * Deletes the staging and old folders beside the output that a build killed mid-way (kill -9, Ctrl-C, power
     * loss) left behind: those whose process is gone. A running build's folders, in this process or another, stay.
     * Done when a build begins, and by a build that finds its output up to date.
     */
    public static void removeStaleFolders(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        removeStaleFolders(absolute.getParent(), absolute.getFileName().toString());
    }

    private static void removeStaleFolders(Path parent, String name) throws IOException {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(name) + "\\.(building|old)-(\\d+)-[^/]*");
        List<Path> stale;
        try (Stream<Path> siblings = Files.list(parent)) {
            stale = siblings.filter(sibling -> {
                java.util.regex.Matcher matcher = ours.matcher(sibling.getFileName().toString());
                return matcher.matches() && Files.isDirectory(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !isRunning(Long.parseLong(matcher.group(2)));
            }).toList();
        }
        for (Path folder : stale) {
            try {
                PathUtils.deleteDirectory(folder);
            } catch (java.nio.file.NoSuchFileException e) {
                // Another build removed it first.
            }
        }
    }

    /**
     * A new folder named {@code prefix} and a number, made 0755. Not Files.createTempDirectory: its random names need
     * SecureRandom, whose first use (seeding, Java's security providers) was 10 ms of every cold build's start on the
     * main thread, before anything else could begin. The clock gives the number; a name that exists is never reused.
     */
    private static Path newFolder(Path parent, String prefix) throws IOException {
        for (long number = System.nanoTime(); ; number++) {
            try {
                return Files.createDirectory(parent.resolve(prefix + Long.toUnsignedString(number, 36)), PublicModes.FOLDER);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another build's, or an old one's: the next number.
            }
        }
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Writes a page or other text file at a site path ("g/technique/index.html"). */
    @Override
    public void writeText(String sitePath, String text) {
        write(sitePath, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeGzipCopies(boolean on) {
        gzipCopies = on;
    }

    /** Writes a file; with gzip copies on, a text file (see {@link Precompressed}) also gets its gzip copy beside it. */
    @Override
    public void write(String sitePath, byte[] bytes) {
        write(sitePath, bytes, bytes.length);
    }

    @Override
    public void write(String sitePath, byte[] buffer, int length) {
        Path file = resolve(sitePath);
        try {
            createFolder(file.getParent());
            writeWhole(file, buffer, length);
            files.add(sitePath);
            if (gzipCopies && Precompressed.isText(sitePath)) {
                writeWhole(resolve(sitePath + ".gz"), Precompressed.gzip(length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length)));
                files.add(sitePath + ".gz");
            }
            filesWritten.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void copy(String sitePath, Path source) {
        if (gzipCopies && Precompressed.isText(sitePath)) {
            try {
                write(sitePath, Files.readAllBytes(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Path file = resolve(sitePath);
        try {
            createFolder(file.getParent());
            copyWhole(source, file);
            files.add(sitePath);
            filesWritten.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hard link to the earlier build's file (and its .gz copy): no copying and no new inode; a copy where links fail. */
    @Override
    public void reuse(String sitePath, Path previous) {
        Path file = resolve(sitePath);
        try {
            createFolder(file.getParent());
            linkOrCopy(previous, file);
            files.add(sitePath);
            if (gzipCopies && Precompressed.isText(sitePath)) {
                linkOrCopy(previous.resolveSibling(previous.getFileName() + ".gz"), resolve(sitePath + ".gz"));
                files.add(sitePath + ".gz");
            }
            filesWritten.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void discard(String sitePath) {
        Path file = resolve(sitePath);
        try {
            if (files.remove(sitePath) && Files.deleteIfExists(file)) {
                filesWritten.decrementAndGet();
            }
            if (files.remove(sitePath + ".gz")) {
                Files.deleteIfExists(resolve(sitePath + ".gz"));
            }
            for (Path folder = file.getParent(); !folder.equals(staging) && isEmpty(folder); folder = folder.getParent()) {
                createdFolders.remove(folder);
                Files.delete(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void linkOrCopy(Path previous, Path file) throws IOException {
        try {
            Files.createLink(file, previous);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            copyWhole(previous, file);
        }
    }

    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);

    /** One write call for the whole file (Files.write writes in 8 KB pieces); the same open options as Files.write. */
    private static void writeWhole(Path file, byte[] bytes) throws IOException {
        writeWhole(file, bytes, bytes.length);
    }

    /** The first {@code length} bytes of {@code bytes} as the whole file. */
    private static void writeWhole(Path file, byte[] bytes, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE, PublicModes.FILE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Copies a file as it is, with mode 0644 (Files.copy gives the copy the source's mode, 0600 for some editors' files). */
    private static void copyWhole(Path source, Path file) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(file, CREATE, PublicModes.FILE)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                long sent = in.transferTo(done, size - done, out);
                if (sent <= 0) {
                    break; // the source shrank while being copied
                }
                done += sent;
            }
        }
    }

    /** Creates a folder of the new site once, however many files go into it. */
    private void createFolder(Path folder) throws IOException {
        if (!createdFolders.contains(folder)) {
            Files.createDirectories(folder, PublicModes.FOLDER);
            createdFolders.add(folder);
        }
    }

    /** Every file of the new site by its site path ("g/basics/index.html"), .gz copies and the marker included. */
    public Set<String> files() {
        return Set.copyOf(files);
    }

    /** Files written, not counting the .gz copies. */
    public int filesWritten() {
        return filesWritten.get();
    }

    /**
     * Replaces the output folder with the new site. The old one is first moved aside, then the new one moved
     * in (two renames on one file system), then the old one deleted, on a thread of its own: {@link #close} waits
     * for it (a build then records its output and cache meanwhile).
     */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = staging.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            move(target, old);
        }
        move(staging, target);
        committed = true;
        if (old != null) {
            Path oldSite = old;
            Set<String> likely = files();
            // On a thread of its own, not the common pool: that pool has one worker on two cores, and the build's
            // record of its output (parallel stat and the cache's files) queued behind 28,000 unlinks at 10,000 pages.
            java.util.concurrent.CompletableFuture<Void> deleted = new java.util.concurrent.CompletableFuture<>();
            Thread deleting = new Thread(() -> {
                try {
                    deleteOld(oldSite, likely);
                    deleted.complete(null);
                } catch (IOException e) {
                    deleted.completeExceptionally(new UncheckedIOException(e));
                } catch (RuntimeException | Error e) {
                    deleted.completeExceptionally(e);
                }
            }, "old-output-delete");
            deleting.setDaemon(true);
            deleting.start();
            oldDeleted = deleted;
        }
    }

    /**
     * Deletes the old site. Most of its files have the new site's names (with the build cache, most are the very same
     * files, hard-linked), so those are unlinked by name, one call each, and their folders removed deepest first:
     * no folder listed and nothing looked up first. Whatever else is there (a page the new site no longer has) keeps
     * its folder from being removed, and that folder is then walked and emptied.
     */
    private static void deleteOld(Path old, Set<String> likely) throws IOException {
        Map<String, List<String>> byFolder = new java.util.HashMap<>();
        for (String file : likely) {
            int slash = file.indexOf('/');
            byFolder.computeIfAbsent(slash < 0 ? "" : file.substring(0, slash), top -> new java.util.ArrayList<>()).add(file);
        }
        try {
            byFolder.entrySet().parallelStream().forEach(group -> {
                Set<String> folders = new java.util.HashSet<>();
                for (String file : group.getValue()) {
                    old.resolve(file).toFile().delete(); // one unlink; a file that is not there is fine
                    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
                        if (!folders.add(file.substring(0, slash))) {
                            break;
                        }
                    }
                }
                folders.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
                        .forEach(folder -> removeFolder(old.resolve(folder)));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        removeFolder(old);
    }

    /** Removes an emptied folder; one that is not empty is walked and emptied first. */
    private static void removeFolder(Path folder) {
        if (folder.toFile().delete() || !Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            deleteWalk(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteWalk(Path path) throws IOException {
        Files.walkFileTree(path, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException failed) throws IOException {
                if (failed != null) {
                    throw failed;
                }
                Files.delete(directory);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /** Discards the new site unless it was committed; else waits until the old one is deleted. */
    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(staging)) {
            PathUtils.deleteDirectory(staging);
        }
        if (oldDeleted != null) {
            try {
                oldDeleted.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            } finally {
                oldDeleted = null;
            }
        }
    }

    private Path resolve(String sitePath) {
        Path file = staging.resolve(sitePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("site path leaves the output folder: " + sitePath);
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
