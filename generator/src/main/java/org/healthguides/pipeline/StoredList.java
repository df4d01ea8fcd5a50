package org.healthguides.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Spliterator;

/**
 * An immutable list still in the bytes of the cache entry it was read from, decoded again each time it is read and
 * never held as objects. A kept guide's care cards, references and links (~130,000 objects at 10,000 pages) are read by
 * few steps of an edit rebuild (the link checks read the links once each; care cards and references only {@code
 * --verbose}'s numbers and the guide's own checks, which a kept guide does not run): as objects they lived to the end of
 * the build, and each young collection that found them alive copied them, one by one.
 *
 * @param <T> what each element decodes to
 */
final class StoredList<T> extends AbstractList<T> {

    /** Decodes {@code count} elements written one after another, starting where {@code in} stands. */
    interface Decoder<T> {
        T read(EntryReader in) throws IOException;
    }

    /** The bytes of one guide's kept model, shared by all its stored lists; set once the model has been read. */
    static final class Bytes {
        final int start;
        byte[] bytes;

        Bytes(int start) {
            this.start = start;
        }
    }

    private final Bytes held;
    /** Where the first element starts, from {@link Bytes#start}. */
    private final int offset;
    private final int size;
    private final Decoder<T> decoder;

    StoredList(Bytes held, int offset, int size, Decoder<T> decoder) {
        this.held = held;
        this.offset = offset;
        this.size = size;
        this.decoder = decoder;
    }

    /** The elements, decoded now into a list that nothing here keeps. */
    private List<T> decoded() {
        EntryReader in = new EntryReader(held.bytes);
        try {
            in.skip(offset);
            Object[] elements = new Object[size];
            for (int i = 0; i < size; i++) {
                elements[i] = decoder.read(in);
            }
            @SuppressWarnings("unchecked")
            List<T> list = (List<T>) List.of(elements);
            return list;
        } catch (IOException e) {
            // The entry's checksum and every length in it were checked when it was read.
            throw new UncheckedIOException("a kept model's bytes no longer decode", e);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public T get(int index) {
        java.util.Objects.checkIndex(index, size);
        return decoded().get(index);
    }

    @Override
    public Iterator<T> iterator() {
        return decoded().iterator();
    }

    @Override
    public ListIterator<T> listIterator() {
        return decoded().listIterator();
    }

    @Override
    public ListIterator<T> listIterator(int index) {
        return decoded().listIterator(index);
    }

    @Override
    public Spliterator<T> spliterator() {
        return decoded().spliterator();
    }

    @Override
    public Object[] toArray() {
        return decoded().toArray();
    }

    @Override
    public <A> A[] toArray(A[] array) {
        return decoded().toArray(array);
    }

    @Override
    public List<T> subList(int from, int to) {
        return decoded().subList(from, to);
    }
}
