package org.healthguides.links;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A page's ids as UTF-8 bytes: a count, then each id's length and bytes, in the page's order (the form the build
 * cache stores them in). A cold 10,000-page build finds about 320,000 ids, of which the link check looks up only the
 * fragments of the editors' links; made strings (and a hash set) only if listed, e.g. for a fragment not found, whose
 * suggestion goes through them in the order of a {@link HashSet} filled in the page's order, as {@link
 * LinkChecker#idsOf(String)} fills it.
 */
public final class PageIds extends AbstractSet<String> {
    /** The ids as written; null once read into {@link #ids}. */
    private byte[] stored;
    private Set<String> ids;

    /** Ids in their stored form (a count, then each id's length, -1 for none, and UTF-8 bytes), checked by the caller. */
    public PageIds(byte[] stored) {
        this.stored = stored;
    }

    private synchronized Set<String> ids() {
        if (ids == null) {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(stored);
            Set<String> read = new HashSet<>();
            for (int i = in.getInt(); i > 0; i--) {
                int length = in.getInt();
                if (length == -1) {
                    read.add(null);
                    continue;
                }
                read.add(new String(stored, in.position(), length, StandardCharsets.UTF_8));
                in.position(in.position() + length);
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException("data after the ids");
            }
            ids = read;
            stored = null;
        }
        return ids;
    }

    /** Writes the ids in their stored form: as given, if nothing listed them since. */
    public synchronized void writeTo(DataOutputStream out) throws IOException {
        if (stored != null) {
            out.write(stored);
            return;
        }
        out.writeInt(ids.size());
        for (String id : ids) {
            if (id == null) {
                out.writeInt(-1);
                continue;
            }
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Looked up in the ids as stored, without making them strings: a link to a heading asks only this. */
    @Override
    public boolean contains(Object id) {
        byte[] raw;
        synchronized (this) {
            raw = stored;
        }
        if (raw == null) {
            return ids().contains(id);
        }
        if (!(id instanceof String text)) {
            return false;
        }
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer ints = java.nio.ByteBuffer.wrap(raw);
        int at = 4;
        for (int i = ints.getInt(0); i > 0; i--) {
            int length = ints.getInt(at);
            at += 4;
            if (length == wanted.length && java.util.Arrays.equals(raw, at, at + length, wanted, 0, length)) {
                return true;
            }
            at += Math.max(length, 0); // -1: a null, which no id equals
        }
        return false;
    }

    @Override
    public Iterator<String> iterator() {
        return java.util.Collections.unmodifiableSet(ids()).iterator();
    }

    @Override
    public int size() {
        return ids().size();
    }

    /** Collects ids as a page is scanned: each id's bytes appended where they are, no string made. */
    static final class Builder {
        private byte[] bytes = new byte[1024];
        private int length;
        private int count;

        void reset() {
            length = 4;
            count = 0;
        }

        void add(byte[] from, int start, int end) {
            int size = end - start;
            if (bytes.length - length < size + 4) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + size + 4));
            }
            putInt(length, size);
            System.arraycopy(from, start, bytes, length + 4, size);
            length += 4 + size;
            count++;
        }

        PageIds build() {
            putInt(0, count);
            return new PageIds(java.util.Arrays.copyOf(bytes, length));
        }

        private void putInt(int at, int value) {
            bytes[at] = (byte) (value >>> 24);
            bytes[at + 1] = (byte) (value >>> 16);
            bytes[at + 2] = (byte) (value >>> 8);
            bytes[at + 3] = (byte) value;
        }
    }
}
