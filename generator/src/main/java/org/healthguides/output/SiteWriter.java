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
    /**
     * Folders of the current output to be moved into the new site whole when it is committed ({@link #adopt}), by
     * their name, with the site paths of their files.
     */
    private final Map<String, Adoption> adopted = new ConcurrentHashMap<>();
    /** Adopted folders taken out again ({@link #discard}): their files are no longer the new site's. */
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    /** Folders moved from the current output into the new site by {@link #commit}, and folders whose files were linked instead. */
    private int foldersMoved;
    private int foldersLinked;

    /** An adopted folder's files, .gz copies included, and how many of them are pages and other files (not copies). */
    private record Adoption(List<String> files, int written) {
    }

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

    /**
     * Publishes a folder of the current output whole: at {@link #commit}, after everything else was written, it is
     * moved into the new site in one rename instead of its files being linked one by one (and unlinked again with the
     * old site). The caller has checked that it holds exactly {@code sitePaths} (with their .gz copies when gzip
     * copies are on) as the last build left them. Should anything else have written into a folder of that name in the
     * new site by then (an emitter), or the folder no longer be a folder, its files are linked as {@link #reuse}
     * links them; nothing is moved before the commit, so a build that fails leaves the output as it was.
     *
     * @param folder    a folder at the top of the site ("lifting")
     * @param previous  the last build's output: this writer's output folder
     * @param sitePaths the site paths of its files, without .gz copies ("lifting/index.html")
     */
    @Override
    public void adopt(String folder, Path previous, List<String> sitePaths) {
        if (!previous.toAbsolutePath().normalize().equals(target)) {
            Output.super.adopt(folder, previous, sitePaths); // another folder's: only the output can be moved from
            return;
        }
        if (folder.isEmpty() || folder.contains("/") || folder.equals(".") || folder.equals("..") || folder.equals(OutputFolder.MARKER)) {
            throw new IllegalArgumentException("not a folder at the top of the site: " + folder);
        }
        List<String> all = new java.util.ArrayList<>(sitePaths.size() * 2);
        for (String sitePath : sitePaths) {
            if (!sitePath.startsWith(folder + "/")) {
                throw new IllegalArgumentException(sitePath + " is not in " + folder);
            }
            resolve(sitePath);
            all.add(sitePath);
            if (gzipCopies && Precompressed.isText(sitePath)) {
                all.add(sitePath + ".gz");
            }
        }
        if (adopted.putIfAbsent(folder, new Adoption(List.copyOf(all), sitePaths.size())) != null) {
            throw new IllegalStateException("folder adopted twice: " + folder);
        }
        files.addAll(all);
        filesWritten.addAndGet(sitePaths.size());
    }

    @Override
    public void discard(String sitePath) {
        int slash = sitePath.indexOf('/');
        if (slash > 0) {
            String top = sitePath.substring(0, slash);
            Adoption folder = adopted.remove(top);
            if (folder != null) {
                // A folder is adopted for one guide: taking out one of its files takes out the guide.
                folder.files().forEach(files::remove);
                filesWritten.addAndGet(-folder.written());
                dropped.add(top);
                return;
            }
            if (dropped.contains(top) && !files.contains(sitePath)) {
                return; // one of the adopted folder's files, already taken out with it
            }
        }
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
     * Replaces the output folder with the new site: in place when folders were adopted from it ({@link #commitInPlace}),
     * else as follows. First the adopted folders ({@link #adopt}) are moved from the
     * output into the new site, one rename each; then the output is moved aside and the new site moved in (two
     * renames on one file system); then what is left of the old one is deleted, on a thread of its own: {@link #close}
     * waits for it (a build then records its output and cache meanwhile). Should a move fail, the folders already
     * moved are moved back before this throws, so the output is as it was. A process killed between the first move
     * and the swap leaves an output without the folders moved so far (and the new site in a folder the next build
     * removes, see {@link #removeStaleFolders}): the build cache's record is removed before this is called, so the
     * next build checks every folder it would reuse and renders the missing guides again.
     */
    public void commit() throws IOException {
        if (canCommitInPlace()) {
            commitInPlace();
            return;
        }
        List<String> moved = new java.util.ArrayList<>(adopted.size());
        Path old = null;
        try {
            boolean outputThere = !adopted.isEmpty() && Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            // What the new site has at its top, listed once: a rename onto an empty folder of the same name would
            // replace it without a word, so an adopted folder is moved only where the new site has nothing.
            Set<String> taken = outputThere ? topNames(staging) : Set.of();
            for (Map.Entry<String, Adoption> folder : adopted.entrySet()) {
                if (outputThere && !taken.contains(folder.getKey()) && moveIn(folder.getKey())) {
                    moved.add(folder.getKey());
                } else {
                    linkIn(folder.getValue().files());
                }
            }
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                old = staging.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                move(target, old);
            }
            try {
                move(staging, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                    old = null;
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (old == null) {
                moveBack(moved, e);
            }
            throw e;
        }
        committed = true;
        foldersMoved = moved.size();
        foldersLinked = adopted.size() - moved.size();
        if (old != null) {
            Path oldSite = old;
            // Only what was written or linked into the new site has its name in the old one too; the moved folders are gone from it.
            Set<String> likely = new java.util.HashSet<>(files);
            moved.forEach(folder -> adopted.get(folder).files().forEach(likely::remove));
            deleteInBackground(oldSite, likely);
        }
    }

    /**
     * Deletes what the new site replaced ({@link #deleteOld}) on a thread of its own, not the common pool: that pool has
     * one worker on two cores, and the build's record of its output (parallel stat and the cache's files) queued behind
     * 28,000 unlinks at 10,000 pages. {@link #close} waits for it.
     */
    private void deleteInBackground(Path old, Set<String> likely) {
        java.util.concurrent.CompletableFuture<Void> deleted = new java.util.concurrent.CompletableFuture<>();
        Thread deleting = new Thread(() -> {
            try {
                deleteOld(old, likely);
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

    /**
     * Whether the output can take the new site in place ({@link #commitInPlace}): folders were adopted from it, and it is
     * a folder (not a link) this tool wrote (its marker there), which the new site's files may be moved into, with the
     * mode the new site's own folder has (what a web server's worker needs to enter it).
     */
    private boolean canCommitInPlace() {
        if (adopted.isEmpty()) {
            return false;
        }
        try {
            java.nio.file.attribute.PosixFileAttributes output = Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            java.nio.file.attribute.PosixFileAttributes site = Files.readAttributes(staging, java.nio.file.attribute.PosixFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return output.isDirectory() && output.permissions().equals(site.permissions()) && output.owner().equals(site.owner())
                    && Files.isRegularFile(target.resolve(OutputFolder.MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isWritable(target);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // the swap below, as without adopted folders
        }
    }

    /**
     * Publishes the new site into the output folder itself, by its top-level names: each adopted folder stays where it
     * is, each name of the new site is moved in (what was there under that name moved aside first, one after the other,
     * so no name is missing for longer than between two renames), and what the output holds that the new site does not
     * is moved aside; then what was moved aside is deleted on a thread of its own, as {@link #commit} deletes the old
     * site. An edit rebuild at 10,000 pages then renames about ten names, not 2,000 guide folders out of the output and
     * the output twice (20 ms of its main thread), and the kept guides' folders keep their change times (see
     * pipeline.FolderStates). Every adopted folder is looked at first: one that is no longer a folder fails the commit
     * before anything moved. Should a rename fail, those made are undone in reverse order before this throws.
     */
    private void commitInPlace() throws IOException {
        Set<String> incoming = topNames(staging);
        Set<String> present = topNames(target);
        Set<String> staying = new java.util.HashSet<>();
        for (Map.Entry<String, Adoption> folder : adopted.entrySet()) {
            if (incoming.contains(folder.getKey())) {
                linkIn(folder.getValue().files()); // something else was written under its name: its files linked, as in a swap
            } else if (!isFolder(target.resolve(folder.getKey()))) {
                throw new IOException(target.resolve(folder.getKey()) + " changed while the site was being published; build again");
            } else {
                staying.add(folder.getKey());
            }
        }
        Path aside = newFolder(target.getParent(), "." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-");
        List<Path[]> done = new java.util.ArrayList<>();
        try {
            for (String name : present) {
                if (!staying.contains(name) && !incoming.contains(name)) {
                    renameLogged(target.resolve(name), aside.resolve(name), done);
                }
            }
            for (String name : incoming) {
                if (present.contains(name)) {
                    renameLogged(target.resolve(name), aside.resolve(name), done);
                }
                renameLogged(staging.resolve(name), target.resolve(name), done);
            }
        } catch (IOException | RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                try {
                    Files.move(done.get(i)[1], done.get(i)[0], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            try {
                Files.delete(aside);
            } catch (IOException | RuntimeException left) {
                e.addSuppressed(left); // removed by the next build (removeStaleFolders) once this process is gone
            }
            throw e;
        }
        committed = true;
        foldersMoved = staying.size();
        foldersLinked = adopted.size() - staying.size();
        staging.toFile().delete(); // emptied; should it not be, the next build removes it (removeStaleFolders)
        deleteInBackground(aside, Set.of());
    }

    /** Whether {@code path} is a folder, not a link to one: one stat (see content.UnixStat), or the basic view's where it has none. */
    private static boolean isFolder(Path path) {
        org.healthguides.content.UnixStat stat = org.healthguides.content.UnixStat.of(path);
        return stat != null ? stat.isFolder() : Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** One rename, noted (from, to) so that it can be undone. */
    private void renameLogged(Path from, Path to, List<Path[]> done) throws IOException {
        rename.move(from, to);
        done.add(new Path[] {from, to});
    }

    /** How {@link #commitInPlace} renames; a test makes one fail. */
    interface Rename {
        void move(Path from, Path to) throws IOException;
    }

    private Rename rename = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

    /** For tests: the renames {@link #commitInPlace} makes. */
    void renameWith(Rename rename) {
        this.rename = rename;
    }

    /** The names at the top of a folder (the new site, or the output). */
    private static Set<String> topNames(Path folder) throws IOException {
        Set<String> names = new java.util.HashSet<>();
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    /**
     * Moves an adopted folder from the output into the new site, where nothing has its name; false, having moved
     * nothing, when the rename cannot be made (another file system) or what was moved is not a folder (a symbolic
     * link is never moved, nor followed: it is put back). One rename and one look at what was moved.
     */
    private boolean moveIn(String folder) throws IOException {
        Path from = target.resolve(folder);
        Path to = staging.resolve(folder);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | java.nio.file.NoSuchFileException e) {
            return false; // linked instead, or found missing by the links
        }
        if (!Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Replaced by something else since the build checked it: put it back, and link what is there.
            Files.move(to, from, StandardCopyOption.ATOMIC_MOVE);
            return false;
        }
        return true;
    }

    /** Links an adopted folder's files one by one (as {@link #reuse} does), where the folder itself could not be moved. */
    private void linkIn(List<String> sitePaths) throws IOException {
        for (String sitePath : sitePaths) {
            Path previous = target.resolve(sitePath);
            Path folder = previous.getParent();
            // Never through a symbolic link put where a folder of the output was.
            for (Path part = folder; !part.equals(target); part = part.getParent()) {
                if (!Files.isDirectory(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(part + " changed while the site was being published; build again");
                }
            }
            Path file = resolve(sitePath);
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue; // an emitter wrote it: in a cold build too it writes after the pages
            }
            createFolder(file.getParent());
            linkOrCopy(previous, file);
        }
    }

    /** Puts moved folders back into the output after a failed commit; what cannot be put back is added to {@code failure}. */
    private void moveBack(List<String> moved, Throwable failure) {
        for (String folder : moved) {
            try {
                Files.move(staging.resolve(folder), target.resolve(folder), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Adopted folders the last {@link #commit} moved whole, and those whose files it linked instead. */
    public int foldersMoved() {
        return foldersMoved;
    }

    public int foldersLinked() {
        return foldersLinked;
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
                // A name is never unlinked through a symbolic link put where a folder was (it would delete a file
                // outside the output): each folder is looked at once, and what is under a link is left to the walk below.
                Map<String, Boolean> real = new java.util.HashMap<>();
                for (String file : group.getValue()) {
                    int last = file.lastIndexOf('/');
                    if (last > 0 && !isRealFolder(old, file.substring(0, last), real)) {
                        continue;
                    }
                    old.resolve(file).toFile().delete(); // one unlink; a file that is not there is fine
                    for (int slash = last; slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
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
        // Whatever is left (a file the new site does not have, a symbolic link) is walked, never following a link.
        removeFolder(old);
    }

    /** Whether a folder of the old site, and each folder above it, is a folder and not a symbolic link; looked at once each. */
    private static boolean isRealFolder(Path old, String folder, Map<String, Boolean> known) {
        Boolean isReal = known.get(folder);
        if (isReal == null) {
            int slash = folder.lastIndexOf('/');
            isReal = (slash < 0 || isRealFolder(old, folder.substring(0, slash), known))
                    && Files.isDirectory(old.resolve(folder), java.nio.file.LinkOption.NOFOLLOW_LINKS);
            known.put(folder, isReal);
        }
        return isReal;
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
