package org.healthguides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records whose equals and hashCode are written out (to spare a cold build the ObjectMethods bootstrap) behave as the
 * generated ones would: equal exactly when every component is, hashed as {@code 31 * h + hash(component)} in order.
 * A component added later without its line in equals or hashCode fails here.
 */
class RecordMethodsTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.healthguides.diagnostics.Problem", "org.healthguides.render.AToZIndex$Entry",
            "org.healthguides.content.UnixStat", "org.healthguides.pipeline.FolderStates$State", "org.healthguides.pipeline.LastBuild$State"})
    void equals_and_hash_code_cover_every_component(String name) throws Exception {
        Class<? extends Record> type = Class.forName(name).asSubclass(Record.class);
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true); // a package's own record, as its package makes it
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = sample(types[i], 0);
        }
        Record record = constructor.newInstance(base);
        Record same = constructor.newInstance(base.clone());
        assertEquals(record, same);
        assertEquals(generatedHash(record), record.hashCode());
        assertEquals(record.hashCode(), same.hashCode());
        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = sample(types[i], 1);
            Record other = constructor.newInstance(changed);
            assertNotEquals(record, other, components[i].getName());
            assertNotEquals(other, record, components[i].getName());
            assertEquals(generatedHash(other), other.hashCode(), components[i].getName());
            assertNotEquals(record.hashCode(), other.hashCode(), components[i].getName());
            if (!types[i].isPrimitive()) {
                changed[i] = null;
                Record withNull = constructor.newInstance(changed);
                assertEquals(generatedHash(withNull), withNull.hashCode(), components[i].getName());
                assertEquals(withNull, constructor.newInstance(changed.clone()), components[i].getName());
            }
        }
    }

    private static int generatedHash(Record record) throws Exception {
        int hash = 0;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            hash = 31 * hash + Objects.hashCode(accessor.invoke(record));
        }
        return hash;
    }

    private static Object sample(Class<?> type, int which) {
        if (type == int.class) {
            return 3 + which;
        }
        if (type == boolean.class) {
            return which == 1;
        }
        if (type == long.class) {
            return 5_000_000_000L + which;
        }
        if (type == String.class) {
            return which == 0 ? "first" : "second";
        }
        if (type.isEnum()) {
            // The last constants: a constructor may replace null (or nothing) by the first.
            List<Object> constants = new ArrayList<>(List.of(type.getEnumConstants()));
            return constants.get(constants.size() - 1 - which);
        }
        throw new IllegalArgumentException("no sample values for " + type);
    }
}
