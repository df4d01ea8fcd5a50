package org.healthguides.content;

import java.util.Map;

/**
 * What a build saw of each content file it read, as git's index keeps it: the file's stat data (size, modification and
 * change times to the nanosecond, inode, device) beside the fingerprint of the bytes read after stating it. A later
 * build that finds a file's stat data all equal takes the recorded fingerprint instead of reading the file (at 10,000
 * pages, 12,000 files and 86 MB read on every rebuild); the fingerprint stays what keys the cache.
 *
 * <p>The racy-timestamp rule (git's "racy git"): a file whose modification or change time is not older than
 * {@link #trustedBefore} (the moment the recording build began reading, less {@link #MARGIN}) is read again whatever its
 * stat data: an edit made during that build, or right after it within the same timestamp tick and keeping the size,
 * leaves the stat data as recorded, and only its time tells. The change time is compared too because no tool sets it
 * back ({@code touch -d}, {@code cp -p}, {@code rsync -t} set the modification time only).
 *
 * @param trustedBefore nanoseconds since the epoch: only a file whose recorded times are both earlier may be trusted
 * @param files         by path in the content folder
 */
public record FileStates(long trustedBefore, Map<String, State> files) {
    /**
     * Kept between the moment reading began and the newest timestamp trusted: more than any file system's timestamp
     * granularity (FAT's 2 s modification time; the kernel's coarse clock, a few milliseconds, stamps files on Linux).
     */
    public static final long MARGIN = 3_000_000_000L;
    /** No record: every file is read. */
    public static final FileStates NONE = new FileStates(Long.MIN_VALUE, Map.of());

    public FileStates {
        files = files instanceof Filled ? java.util.Collections.unmodifiableMap(files) : Map.copyOf(files);
    }

    /**
     * A map filled for one record and never changed after it is made (the states read from the cache's file): taken
     * as it is, not copied (a copy of 12,000 entries on every build with the cache).
     */
    public static final class Filled extends java.util.HashMap<String, State> {
        public Filled(int capacity) {
            super(capacity);
        }
    }

    /** One file's stat data as the build saw them before reading it, and the fingerprint of the bytes it then read. */
    public record State(long size, long modified, long changed, long inode, long device, byte[] fingerprint) {
        /** Whether the stat data (not the fingerprint) are these. */
        boolean sameStat(State other) {
            return size == other.size && modified == other.modified && changed == other.changed && inode == other.inode
                    && device == other.device;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State state && sameStat(state) && java.util.Arrays.equals(fingerprint, state.fingerprint);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(modified) * 31 + Long.hashCode(inode);
        }
    }

    /** Whether a file recorded in this state may be trusted by its stat data: both its times older than the window. */
    public boolean trustable(State state) {
        return state.modified < trustedBefore && state.changed < trustedBefore;
    }

    /**
     * Whether a loading with this record would read a file that one with {@code newer} need not: a file gone or added,
     * or one newer trusts that this does not (read this time, or out of the racy window now). Only then is it worth
     * writing the newer record (an up-to-date build otherwise leaves the cache as it was).
     */
    public boolean staleBeside(FileStates newer) {
        if (!files.keySet().equals(newer.files.keySet())) {
            return true;
        }
        for (Map.Entry<String, State> file : newer.files.entrySet()) {
            State mine = files.get(file.getKey());
            if (newer.trustable(file.getValue()) && !(trustable(mine) && mine.equals(file.getValue()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The recorded fingerprint of a file whose stat data are now {@code now}, or null when it must be read: not
     * recorded, any stat datum different, or either recorded time within the racy window.
     */
    byte[] trusted(String path, State now) {
        State recorded = files.get(path);
        if (recorded == null || !recorded.sameStat(now) || !trustable(recorded)) {
            return null;
        }
        return recorded.fingerprint;
    }
}
