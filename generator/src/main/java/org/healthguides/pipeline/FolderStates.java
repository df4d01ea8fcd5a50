package org.healthguides.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build saw of the output's folders it listed and found holding exactly what it expected: each folder's identity
 * (device and inode), its change and modification times to the nanosecond, its mode and the names it held. A later
 * build that finds a folder with the same identity, times and mode trusts that it still holds those names without
 * listing it (one stat instead of about ten system calls: stat, open, dup, two fcntl, fstat, two getdents64, two
 * close).
 *
 * <p>Why that holds: a folder's entries change only by a create, link, unlink or rename in it, and each of these (as
 * do chmod and chown) sets the folder's change time (ctime) to the current time, which no tool can set back (unlike
 * the modification time: {@code rsync -a} and {@code cp -a} put a folder's mtime back after filling it). A folder
 * moved to another place gets a new ctime too (rename sets it on the moved inode), and one made in another's place is
 * another inode, or the same number reused with a newer ctime. The record is keyed by identity, not by path: a folder
 * whose identity and ctime are the recorded ones is the recorded folder, as it was, wherever it is now looked at.
 *
 * <p>The racy-timestamp rule, as for the content files ({@link org.healthguides.content.FileStates}): a folder is
 * recorded only when its ctime, read before it was listed, is older than {@link #trustedBefore} (the moment the
 * recording build began its walk, less {@link org.healthguides.content.FileStates#MARGIN}); a change made during or
 * after that walk, even within the same timestamp tick as the one before it, then leaves a newer ctime than any
 * recorded. The modification time is compared too (on FAT, which keeps no ctime, Linux's ctime lives in memory only).
 * A file system without the {@code unix} attribute view, without inodes or ctimes (zero) never has a folder trusted:
 * every folder is listed, as before.
 *
 * @param trustedBefore nanoseconds since the epoch: only a folder whose recorded ctime is earlier may be trusted
 * @param folders       by identity
 */
record FolderStates(long trustedBefore, Map<Id, State> folders) {
    /** No record: every folder is listed. */
    static final FolderStates NONE = new FolderStates(Long.MIN_VALUE, Map.of());
    private static final int TYPE = 0170000;
    private static final int FOLDER = 0040000;

    /** A folder's identity: what stays the same for as long as the folder exists, wherever it is moved. */
    record Id(long device, long inode) {
        // Written out: a record's own equals and hashCode go through an invokedynamic bootstrap, which C1 runs several
        // times slower (see BuildCache.Key), and an edit rebuild looks up ~12,000 of these.
        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && id.device == device && id.inode == inode;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(inode * 31 + device);
        }
    }

    /**
     * A folder as a build saw it before listing it, with what the listing held.
     *
     * @param names its entries' names, sorted, each followed by '/' (a character no name can hold)
     */
    record State(long changed, long modified, int mode, String names) {
        // Written out, as Id's are (RecordMethodsTest keeps them in step with the components).
        @Override
        public boolean equals(Object other) {
            return other instanceof State state && state.changed == changed && state.modified == modified && state.mode == mode
                    && java.util.Objects.equals(state.names, names);
        }

        @Override
        public int hashCode() {
            int hash = Long.hashCode(changed);
            hash = 31 * hash + Long.hashCode(modified);
            hash = 31 * hash + mode;
            return 31 * hash + java.util.Objects.hashCode(names);
        }
    }

    /** A folder's stat data now (read by whole path without following a link at its end). */
    record Stat(Id id, long changed, long modified, int mode) {
        boolean folder() {
            return (mode & TYPE) == FOLDER;
        }

        /** Its permission bits (no type, set-id or sticky bits), as a {@code java.nio} permission set says them. */
        int permissions() {
            return mode & 0777;
        }
    }

    /**
     * The stat data of {@code folder} itself (a link at its end not followed), or null when it cannot be stated or the
     * file system has no {@code unix} view: then it is listed, never trusted.
     */
    static Stat stat(Path folder) {
        org.healthguides.content.UnixStat stat = org.healthguides.content.UnixStat.of(folder);
        return stat == null ? null : new Stat(new Id(stat.device(), stat.inode()), stat.changed(), stat.modified(), stat.mode());
    }

    /** The names a folder holds as a {@link State} keeps them: sorted, each followed by '/'. */
    static String names(Collection<String> names) {
        String[] sorted = names.toArray(String[]::new);
        Arrays.sort(sorted);
        StringBuilder text = new StringBuilder(sorted.length * 16);
        for (String name : sorted) {
            text.append(name).append('/');
        }
        return text.toString();
    }

    /** Whether a folder recorded in this state may be trusted by its stat data at all: its ctime older than the window. */
    boolean trustable(State state) {
        return state.changed < trustedBefore;
    }

    /**
     * The recorded state of the folder stated {@code now} when it may be taken to hold exactly {@code names} (as
     * {@link #names} writes them) without being listed, else null: recorded with that identity, the same ctime,
     * modification time and mode, those names, and a ctime older than the window. Never for a folder whose file system
     * gives no inode or no ctime.
     */
    State trusted(Stat now, String names) {
        if (now == null || now.id().inode() == 0 || now.changed() <= 0 || !now.folder()) {
            return null;
        }
        State recorded = folders.get(now.id());
        return recorded != null && trustable(recorded) && recorded.changed == now.changed() && recorded.modified == now.modified()
                && recorded.mode == now.mode() && recorded.names.equals(names) ? recorded : null;
    }

    /** The state to record of a folder stated {@code now} and then listed holding {@code names}, or null when no later build could trust it. */
    State recordable(Stat now, String names) {
        if (now == null || now.id().inode() == 0 || now.changed() <= 0 || !now.folder() || now.changed() >= trustedBefore) {
            return null;
        }
        return new State(now.changed(), now.modified(), now.mode(), names);
    }

    /**
     * Whether the next build would list a folder with this record that it need not list with {@code newer}: one newer
     * records that this does not (or records otherwise). Only then is the newer one written.
     */
    boolean staleBeside(FolderStates newer) {
        for (Map.Entry<Id, State> folder : newer.folders.entrySet()) {
            State mine = folders.get(folder.getKey());
            if (newer.trustable(folder.getValue()) && !(mine != null && trustable(mine) && mine.equals(folder.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static final String MAGIC = "guide output folder states";

    /** The record as {@link #read} reads it, behind the cache's header (its kind, format, generator and CRC32). */
    byte[] write(String generator) throws IOException {
        EntryReader.Buffer body = new EntryReader.Buffer(64 + folders.size() * 48);
        DataOutputStream out = new DataOutputStream(body);
        out.writeLong(trustedBefore);
        // The names once each (a page's folder holds index.html and index.html.gz: 12,000 folders, a few lists).
        Map<String, Integer> lists = new HashMap<>();
        List<Map.Entry<Id, State>> entries = List.copyOf(folders.entrySet());
        List<String> order = new java.util.ArrayList<>();
        for (Map.Entry<Id, State> entry : entries) {
            if (lists.putIfAbsent(entry.getValue().names, lists.size()) == null) {
                order.add(entry.getValue().names);
            }
        }
        BuildCache.writeStrings(out, order);
        out.writeInt(entries.size());
        for (Map.Entry<Id, State> entry : entries) {
            out.writeLong(entry.getKey().device());
            out.writeLong(entry.getKey().inode());
            out.writeLong(entry.getValue().changed);
            out.writeLong(entry.getValue().modified);
            out.writeInt(entry.getValue().mode);
            out.writeInt(lists.get(entry.getValue().names));
        }
        out.flush();
        return BuildCache.withHeader(MAGIC, generator, body.toByteArray());
    }

    /** The record in bytes {@link #write} wrote, or null when another generator or format wrote them; throws when damaged. */
    static FolderStates read(byte[] bytes, String generator) throws IOException {
        EntryReader in = BuildCache.checkedBody(bytes, MAGIC, generator);
        if (in == null) {
            return null;
        }
        long trustedBefore = in.readLong();
        List<String> lists = BuildCache.readStrings(in);
        int count = BuildCache.readCount(in);
        Map<Id, State> folders = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            Id id = new Id(in.readLong(), in.readLong());
            long changed = in.readLong();
            long modified = in.readLong();
            int mode = in.readInt();
            int list = in.readInt();
            if (list < 0 || list >= lists.size() || lists.get(list) == null) {
                throw new IOException("bad list of names " + list);
            }
            folders.put(id, new State(changed, modified, mode, lists.get(list)));
        }
        if (in.read() != -1) {
            throw new IOException("data after the end");
        }
        return new FolderStates(trustedBefore, folders);
    }
}
