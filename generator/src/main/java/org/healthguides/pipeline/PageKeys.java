package org.healthguides.pipeline;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a page is rendered from, fed into a {@link KeyDigest}: the page's record and its metadata, walked through
 * their components. A page's bytes are a function of these and of what every page's key already covers (the
 * generator, the settings, the templates with their static files and string tables, the options): the templates see
 * nothing else (see {@code render.TemplateRenderer}), which is also what lets the preview reuse a page whose record and
 * metadata are equal. Every component is walked, so a field added to a page's record is in its key without anyone
 * remembering to add it; a value of a kind not listed here makes no key (the page is rendered).
 */
final class PageKeys {
    private PageKeys() {
    }

    /** Thrown for a value whose bytes are not defined here: its page gets no key. */
    static final class NotKeyable extends RuntimeException {
        NotKeyable(Class<?> type) {
            super("no key for a " + type.getName(), null, false, false);
        }
    }

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    /** Adds {@code value} (a record, list, map, text, number, boolean, enum or null) with its kind and its record classes' names. */
    static void update(KeyDigest digest, Object value) {
        if (value == null) {
            digest.update((byte) 0);
        } else if (value instanceof String text) {
            digest.update((byte) 1);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            BuildCache.update(digest, bytes.length);
            digest.update(bytes);
        } else if (value instanceof Boolean bool) {
            digest.update((byte) (bool ? 2 : 3));
        } else if (value instanceof Integer number) {
            digest.update((byte) 4);
            BuildCache.update(digest, number);
        } else if (value instanceof Long number) {
            digest.update((byte) 5);
            updateLong(digest, number);
        } else if (value instanceof Double number) {
            digest.update((byte) 6);
            updateLong(digest, Double.doubleToLongBits(number));
        } else if (value instanceof List<?> list) {
            digest.update((byte) 7);
            BuildCache.update(digest, list.size());
            for (Object item : list) {
                update(digest, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            // In the map's own order, the one a template lists it in.
            digest.update((byte) 8);
            BuildCache.update(digest, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                update(digest, entry.getKey());
                update(digest, entry.getValue());
            }
        } else if (value instanceof Enum<?> constant) {
            digest.update((byte) 9);
            update(digest, constant.getDeclaringClass().getName());
            update(digest, constant.name());
        } else if (value instanceof Record record) {
            digest.update((byte) 10);
            update(digest, record.getClass().getName());
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                try {
                    update(digest, accessor.invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new NotKeyable(record.getClass());
                }
            }
        } else {
            throw new NotKeyable(value.getClass());
        }
    }

    private static void updateLong(KeyDigest digest, long value) {
        BuildCache.update(digest, (int) (value >>> 32));
        BuildCache.update(digest, (int) value);
    }
}
