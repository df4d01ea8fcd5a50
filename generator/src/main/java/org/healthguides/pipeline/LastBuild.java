package org.healthguides.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.healthguides.diagnostics.Problem;
import org.healthguides.output.TemporaryFile;

/**
 * The record of the last successful build with the cache ({@code last-build.bin} in the cache folder): the key of
 * everything it read ({@link BuildCache#upToDate}), what it reported (pages, files, warnings, drafts left out), and
 * the state of every file and folder it left behind, in the output folder and in the cache, and of the nginx
 * include beside the output: type, size, modification time (to the nanosecond where the file system keeps it),
 * inode and mode. A build whose key is the same, and which finds every one of those exactly as recorded and no
 * other entry in any of the recorded folders, would write the same bytes again: it leaves everything as it is and
 * reports the same. (Like the rest of the cache it cannot see a hand edit that keeps a file's size and puts its
 * modification time back; see docs/performance.md.)
 *
 * @param key    the key of the build's inputs
 * @param output every file and folder of the output, by its path in it ("" for the folder itself)
 * @param cache  every file and folder of the cache folder but this record
 * @param nginx  the nginx include beside the output, or null when there was none
 * @param listing the warnings as the build printed them, each with its excerpt ({@link
 *                org.healthguides.diagnostics.ProblemListing#format}), or null when an excerpt came from a file whose
 *                bytes the key does not cover (see {@link BuildCache#recordLastBuild})
 */
record LastBuild(BuildCache.Key key, int pages, int files, List<Problem> warnings, List<String> draftsLeftOut,
                 List<State> output, List<State> cache, State nginx, String listing) {

    static final String FILE = "last-build.bin";
    private static final String MAGIC = "guide build cache: last build";
    // 2: the key is a KeyDigest (MurmurHash3), not an MD5; 3: the warnings' listing kept
    private static final int FORMAT = 3;

    /** One file or folder as a build left it (of a folder only that it is one: what it holds is listed instead). */
    record State(String path, boolean folder, long size, long modified, String inode, int mode) {
        // Written out: the generated ones link through ObjectMethods' bootstrap on their first call, method handles spun in
        // the interpreter, a few ms of every up-to-date build (RecordMethodsTest keeps these in step with the components).
        @Override
        public boolean equals(Object other) {
            return other instanceof State state && java.util.Objects.equals(state.path, path) && state.folder == folder
                    && state.size == size && state.modified == modified && java.util.Objects.equals(state.inode, inode) && state.mode == mode;
        }

        @Override
        public int hashCode() {
            int hash = java.util.Objects.hashCode(path);
            hash = 31 * hash + Boolean.hashCode(folder);
            hash = 31 * hash + Long.hashCode(size);
            hash = 31 * hash + Long.hashCode(modified);
            hash = 31 * hash + java.util.Objects.hashCode(inode);
            return 31 * hash + mode;
        }

        static State folder(String path) {
            return new State(path, true, 0, 0, "", -1);
        }

        /** Whether {@code file} is still as this state says. */
        boolean holds(Path file) {
            return folder ? Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) : equals(of(path, file));
        }

        /** The state of {@code file} now (not following a link), or null when there is nothing there. */
        static State of(String path, Path file) {
            try {
                BasicFileAttributes basic;
                try {
                    basic = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (UnsupportedOperationException e) {
                    basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                }
                return of(path, basic);
            } catch (IOException e) {
                return null;
            }
        }

        /** The state these attributes (read without following a link; POSIX ones where there are) describe. */
        static State of(String path, BasicFileAttributes basic) {
            return of(path, basic, basic instanceof PosixFileAttributes posix ? posix.permissions() : null);
        }

        /** @param permissions those of {@code basic}, already asked for (null without POSIX attributes) */
        static State of(String path, BasicFileAttributes basic, Set<PosixFilePermission> permissions) {
            int mode = -1;
            if (permissions != null) {
                mode = 0;
                for (PosixFilePermission permission : permissions) {
                    mode |= 1 << permission.ordinal();
                }
            }
            if (!basic.isRegularFile() && !basic.isDirectory()) {
                return new State(path, false, -1, -1, "not a file or folder", -1);
            }
            return new State(path, basic.isDirectory(), basic.isDirectory() ? 0 : basic.size(),
                    basic.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(basic.fileKey()), mode);
        }

        /**
         * The state a stat describes ({@link org.healthguides.content.UnixStat}): equal to {@link #of(String,
         * BasicFileAttributes)}'s of the same file (its inode written as the JDK's file key prints itself; LastBuildTest
         * compares both), without the permission set and the file key's objects made for each of a rebuild's 14,000 pages.
         */
        static State of(String path, org.healthguides.content.UnixStat stat) {
            if (!stat.isRegularFile() && !stat.isFolder()) {
                return new State(path, false, -1, -1, "not a file or folder", -1);
            }
            int mode = 0;
            for (int bit = 0; bit < 9; bit++) {
                if ((stat.permissions() & (0400 >> bit)) != 0) {
                    mode |= 1 << bit; // PosixFilePermission's order: OWNER_READ (0400) first, OTHERS_EXECUTE (0001) last
                }
            }
            return new State(path, stat.isFolder(), stat.isFolder() ? 0 : stat.size(), stat.modified(),
                    "(dev=" + Long.toHexString(stat.device()) + ",ino=" + stat.inode() + ")", mode);
        }
    }

    /**
     * States already in the record's encoding, for a part of the output known before it is committed: a reused guide's
     * files as found unchanged when the build began, and the folders holding them when they are all in the guide's own
     * folder ({@code withFolders}). Encoded as they are found, on the threads that read the guides' entries: the record
     * at the end of an edit rebuild then copies ~2,000 arrays instead of making and encoding ~28,000 states on the main
     * thread, and the young collections in between copy one array per guide instead of ~28 objects.
     */
    record Encoded(byte[] bytes, int count, boolean withFolders) {
    }

    /** Collects states in the record's encoding (see {@link Encoded}). */
    static final class Encoder {
        private final EntryReader.Buffer out = new EntryReader.Buffer(1024);
        private int count;

        void add(State state) {
            writeState(out, state);
            count++;
        }

        Encoded done(boolean withFolders) {
            return new Encoded(out.toByteArray(), count, withFolders);
        }
    }

    /**
     * The states of these paths in {@code folder} and of every folder holding one of them, and of the folder itself
     * unless it is the cache's (which this record, written after, changes).
     */
    static List<State> states(Path folder, Set<String> files, boolean withFolder) {
        return states(folder, files, withFolder, file -> null);
    }

    /**
     * {@link #states(Path, Set, boolean)}, with the states of some files already known: those of the files hard-linked
     * from the last output, read when the build began (a hard link is the same inode, with the same size, time and
     * mode). Stating them again was most of the record's cost (28,000 files at 10,000 pages). Should one have been
     * changed since, the next build finds it not as recorded and is not up to date: never the other way round.
     */
    static List<State> states(Path folder, Set<String> files, boolean withFolder, java.util.function.Function<String, State> known) {
        return states(folder, files, withFolder, known, Map.of(), path -> false);
    }

    /**
     * {@link #states(Path, Set, boolean, java.util.function.Function)} but for the files {@code encoded} already (their
     * states are written from there, see {@link #write(Path, String, java.util.Collection)}): left out, and so are the
     * folders holding them when their {@link Encoded} has those folders ({@code encodedFolder} tells which folders it
     * has, for the other files in them).
     */
    static List<State> states(Path folder, Set<String> files, boolean withFolder, java.util.function.Function<String, State> known,
                              Map<String, Encoded> encoded, java.util.function.Predicate<String> encodedFolder) {
        Set<String> folders = new HashSet<>();
        if (withFolder) {
            folders.add("");
        }
        for (String file : files) {
            Encoded states = encoded.get(file);
            if (states != null && states.withFolders()) {
                continue; // its folders are in its guide's states
            }
            for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
                String parent = file.substring(0, slash);
                if (!encoded.isEmpty() && encodedFolder.test(parent) || !folders.add(parent)) {
                    break;
                }
            }
        }
        List<State> states = new ArrayList<>(files.parallelStream().filter(file -> !folders.contains(file) && !encoded.containsKey(file))
                .map(file -> {
                    State state = known.apply(file);
                    return state != null ? state : State.of(file, folder.resolve(file));
                }).toList());
        folders.forEach(path -> states.add(State.folder(path)));
        return states;
    }

    /**
     * Whether {@code folder} holds exactly what is recorded: each file and folder in the same state, and no other entry
     * in any recorded folder. Walked folder by folder through {@link SecureDirectoryStream}s (as a listing of the folder
     * already opens them): each entry is stated relative to its folder, never by its whole path, and each folder is
     * listed through the descriptor that proved it a folder (opened without following a link), instead of being stated
     * by its whole path and then opened again by it. At 10,000 pages that is 28,000 states: the path lookups, a stat of
     * each folder and a map of every folder's children by path were most of an up-to-date build's check of its output.
     */
    static boolean intact(Path folder, List<State> recorded, boolean withFolder) {
        Map<String, List<Child>> inFolder = new HashMap<>();
        Set<String> folders = new HashSet<>();
        boolean rootRecorded = false;
        for (State state : recorded) {
            if (state == null) {
                return false;
            }
            String path = state.path();
            if (path.isEmpty()) {
                if (!state.folder()) {
                    return false;
                }
                rootRecorded = true;
                inFolder.putIfAbsent("", new ArrayList<>());
                continue;
            }
            if (state.folder()) {
                folders.add(path);
                inFolder.putIfAbsent(path, new ArrayList<>());
            }
            int slash = path.lastIndexOf('/');
            inFolder.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), parent -> new ArrayList<>())
                    .add(new Child(path.substring(slash + 1), state));
        }
        for (String parent : inFolder.keySet()) {
            if (!parent.isEmpty() && !folders.contains(parent)) {
                return intactByPaths(folder, recorded, withFolder); // not a record this class writes: checked path by path
            }
        }
        if (rootRecorded && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!inFolder.containsKey("")) {
            return true; // nothing recorded
        }
        try (DirectoryStream<Path> root = Files.newDirectoryStream(folder)) {
            if (!(root instanceof SecureDirectoryStream<Path> secure)) {
                return intactByPaths(folder, recorded, withFolder);
            }
            List<Child> top = inFolder.get("");
            Path[] names = listsExactly(secure, top, !withFolder);
            if (names == null) {
                return false;
            }
            // The top folders (a guide each) side by side, each walked on one thread; files at the top on this one.
            List<Integer> topFolders = new ArrayList<>();
            for (int i = 0; i < top.size(); i++) {
                if (top.get(i).state().folder()) {
                    topFolders.add(i);
                } else if (!holds(secure, names[i], top.get(i).state())) {
                    return false;
                }
            }
            return topFolders.parallelStream().allMatch(i -> holds(secure, names[i], top.get(i).state(), inFolder));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A recorded file or folder, by its name in its folder. */
    private record Child(String name, State state) {
    }

    /** Whether the folder {@code parent} holds the folder {@code state} as recorded, and all it holds too. */
    private static boolean holds(SecureDirectoryStream<Path> parent, Path name, State state, Map<String, List<Child>> inFolder) {
        try {
            // Stated before it is opened: opening a FIFO put in its place would wait for a writer.
            if (!parent.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes().isDirectory()) {
                return false;
            }
            try (SecureDirectoryStream<Path> folder = parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                List<Child> children = inFolder.get(state.path());
                Path[] names = listsExactly(folder, children, false);
                if (names == null) {
                    return false;
                }
                for (int i = 0; i < names.length; i++) {
                    State child = children.get(i).state();
                    if (!(child.folder() ? holds(folder, names[i], child, inFolder) : holds(folder, names[i], child))) {
                        return false;
                    }
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the file {@code name} in {@code parent} is in the state recorded (stated without following a link). */
    private static boolean holds(SecureDirectoryStream<Path> parent, Path name, State state) {
        try {
            BasicFileAttributes attributes;
            try {
                attributes = parent.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (UnsupportedOperationException e) {
                attributes = parent.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
            }
            return state.equals(State.of(state.path(), attributes));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The names {@code folder} lists, child for child, when it lists exactly {@code children}; else null. A page's folder
     * holds one or two files: they are looked for one by one, a set made only for larger folders.
     *
     * @param cacheRoot the cache folder: this record and the content states, which later builds rewrite, are not listed
     */
    private static Path[] listsExactly(DirectoryStream<Path> folder, List<Child> children, boolean cacheRoot) {
        Path[] names = new Path[children.size()];
        Map<String, Integer> places = null;
        if (children.size() > 8) {
            places = new HashMap<>(children.size() * 2);
            for (int i = 0; i < children.size(); i++) {
                places.put(children.get(i).name(), i);
            }
        }
        int found = 0;
        for (Path entry : folder) {
            Path name = entry.getFileName();
            String text = name.toString();
            if (cacheRoot && UNRECORDED.contains(text)) {
                continue;
            }
            int place = -1;
            if (places != null) {
                Integer at = places.get(text);
                place = at == null ? -1 : at;
            } else {
                for (int i = 0; i < names.length; i++) {
                    if (children.get(i).name().equals(text)) {
                        place = i;
                        break;
                    }
                }
            }
            if (place < 0 || names[place] != null) {
                return null;
            }
            names[place] = name;
            found++;
        }
        return found == names.length ? names : null;
    }

    /** {@link #intact}, each state checked by its whole path: for records of another shape, or no secure listing. */
    static boolean intactByPaths(Path folder, List<State> recorded, boolean withFolder) {
        Map<String, Set<String>> children = new HashMap<>();
        for (State state : recorded) {
            if (state == null) {
                return false;
            }
            if (state.folder()) {
                children.putIfAbsent(state.path(), new HashSet<>());
            }
            if (!state.path().isEmpty()) {
                int slash = state.path().lastIndexOf('/');
                children.computeIfAbsent(slash < 0 ? "" : state.path().substring(0, slash), parent -> new HashSet<>())
                        .add(state.path().substring(slash + 1));
            }
        }
        boolean same = recorded.parallelStream().allMatch(state -> state.holds(state.path().isEmpty() ? folder : folder.resolve(state.path())));
        return same && children.entrySet().parallelStream().allMatch(entry -> {
            Path dir = entry.getKey().isEmpty() ? folder : folder.resolve(entry.getKey());
            Set<String> found = new HashSet<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                for (Path child : list) {
                    found.add(child.getFileName().toString());
                }
                if (!withFolder && entry.getKey().isEmpty()) {
                    found.removeAll(UNRECORDED);
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
            return found.equals(entry.getValue());
        });
    }

    /**
     * The files of the cache folder this record leaves out: itself, and those that decide what a build reads or where a
     * warning's line is taken from, never what it builds (rewritten by builds, up to date or not).
     */
    private static final Set<String> UNRECORDED = Set.of(FILE, BuildCache.CONTENT_STATES, BuildCache.FOLDER_STATES, BuildCache.EXCERPT_LINES);

    /** Every file and folder in the cache folder but this record and temporary files, by path in it. */
    static Set<String> cacheFiles(Path cacheFolder) throws IOException {
        Set<String> files = new HashSet<>();
        try (var walk = Files.walk(cacheFolder)) {
            walk.filter(path -> !path.equals(cacheFolder))
                    .map(path -> cacheFolder.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !UNRECORDED.contains(path))
                    .forEach(files::add);
        }
        return files;
    }

    void write(Path cacheFolder, String generator) throws IOException {
        write(cacheFolder, generator, List.of());
    }

    /** @param encoded more states of the output, written before {@link #output}'s (see {@link Encoded}) */
    void write(Path cacheFolder, String generator, java.util.Collection<Encoded> encoded) throws IOException {
        int encodedStates = 0;
        int encodedBytes = 0;
        for (Encoded states : encoded) {
            encodedStates += states.count();
            encodedBytes += states.bytes().length;
        }
        // Sized for the states at once (about 70 bytes each): grown from 1 MB it was copied twice at 10,000 pages.
        EntryReader.Buffer bytes = new EntryReader.Buffer(Math.max(1 << 16, (output.size() + cache.size()) * 80 + encodedBytes
                + warnings.size() * 256));
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(key.high());
        out.writeLong(key.low());
        out.writeInt(pages);
        out.writeInt(files);
        out.writeInt(warnings.size());
        for (Problem problem : warnings) {
            BuildCache.writeProblem(out, problem);
        }
        BuildCache.writeStrings(out, draftsLeftOut);
        out.flush();
        // The states (30,000 at 10,000 pages) straight into the buffer, as DataOutputStream writes them: through it each
        // number was a call per byte, most of the record's time on the main thread at the end of a rebuild.
        bytes.putInt(encodedStates + output.size());
        for (Encoded states : encoded) {
            bytes.write(states.bytes(), 0, states.bytes().length);
        }
        for (State state : output) {
            writeState(bytes, state);
        }
        writeStates(bytes, cache);
        bytes.write(nginx != null ? 1 : 0);
        if (nginx != null) {
            writeState(bytes, nginx);
        }
        bytes.putText(listing);
        // The header, then the body from the buffer where it stands (the 3 MB of a 10,000-page record were copied thrice).
        CRC32 checksum = new CRC32();
        checksum.update(bytes.array(), 0, bytes.size());
        EntryReader.Buffer head = new EntryReader.Buffer(256);
        DataOutputStream header = new DataOutputStream(head);
        BuildCache.writeString(header, MAGIC);
        header.writeInt(FORMAT);
        BuildCache.writeString(header, generator);
        header.writeLong(checksum.getValue());
        header.flush();
        Path temporary = TemporaryFile.create(cacheFolder, "last-build", ".tmp", TemporaryFile.OWNER_ONLY);
        try {
            try (java.io.OutputStream file = Files.newOutputStream(temporary)) {
                file.write(head.array(), 0, head.size());
                file.write(bytes.array(), 0, bytes.size());
            }
            Files.move(temporary, cacheFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The record in {@code cacheFolder}, or null when there is none, another generator wrote it or it has another key
     * (then the rest is not even read: a build after an edit does not pay for it). Throws when it is damaged: its
     * CRC32 is checked before anything in it is used.
     */
    static LastBuild read(Path cacheFolder, String generator, BuildCache.Key expected) throws IOException {
        Path file = cacheFolder.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!headMatches(file, generator, expected)) {
            return null;
        }
        EntryReader in = BuildCache.afterHeader(Files.readAllBytes(file), MAGIC, FORMAT, generator);
        if (in == null) {
            return null;
        }
        long sum = in.readLong();
        int bodyStart = in.position();
        BuildCache.Key key = new BuildCache.Key(in.readLong(), in.readLong());
        if (!key.equals(expected)) {
            return null;
        }
        in.requireCrc32(sum, bodyStart);
        int pages = in.readInt();
        int files = in.readInt();
        List<Problem> warnings = new ArrayList<>();
        for (int i = BuildCache.readCount(in); i > 0; i--) {
            warnings.add(BuildCache.readProblem(in));
        }
        List<String> drafts = BuildCache.readStrings(in);
        List<State> output = readStates(in);
        List<State> cache = readStates(in);
        State nginx = in.readBoolean() ? readState(in) : null;
        String listing = BuildCache.readString(in);
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return new LastBuild(key, pages, files, List.copyOf(warnings), drafts, output, cache, nginx, listing);
    }

    /** How much of the record {@link #headMatches} reads: its header and key, unless the generator's name is longer. */
    private static final int HEAD = 4096;

    /**
     * Whether the record's head (kind, format, generator, key) is this build's: read first, so that a build whose key
     * differs (an edit rebuild) reads ~4 KB of the record instead of all of it (4 MB at 10,000 pages, the warnings'
     * listing included). A head longer than {@link #HEAD} is left to the whole file, read as before.
     */
    private static boolean headMatches(Path file, String generator, BuildCache.Key expected) throws IOException {
        byte[] head = new byte[HEAD];
        int length;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        try {
            EntryReader in = BuildCache.afterHeader(java.util.Arrays.copyOf(head, length), MAGIC, FORMAT, generator);
            if (in == null) {
                return false;
            }
            in.readLong(); // the checksum, checked when the whole record is read
            return new BuildCache.Key(in.readLong(), in.readLong()).equals(expected);
        } catch (java.io.EOFException e) {
            return true; // the head goes on past what was read: the whole file decides
        }
    }

    private static void writeStates(EntryReader.Buffer out, List<State> states) {
        out.putInt(states.size());
        for (State state : states) {
            writeState(out, state);
        }
    }

    private static void writeState(EntryReader.Buffer out, State state) {
        out.putText(state.path());
        out.write(state.folder() ? 1 : 0);
        out.putLong(state.size());
        out.putLong(state.modified());
        out.putText(state.inode());
        out.putInt(state.mode());
    }

    private static List<State> readStates(EntryReader in) throws IOException {
        List<State> states = new ArrayList<>();
        for (int i = BuildCache.readCount(in); i > 0; i--) {
            states.add(readState(in));
        }
        return List.copyOf(states);
    }

    private static State readState(EntryReader in) throws IOException {
        return new State(BuildCache.readString(in), in.readBoolean(), in.readLong(), in.readLong(), BuildCache.readString(in), in.readInt());
    }
}
