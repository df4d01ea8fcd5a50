package org.healthguides.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import freemarker.ext.beans.BeanModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperConfiguration;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

/**
 * FreeMarker's object wrapper with a quicker way into this project's records ({@code page.title},
 * {@code link.current}): one map look-up and a call of the accessor, instead of the bean model's introspection
 * caches, locks and descriptors on every {@code .} of every page. What a template sees is the same: a record's
 * accessors read as before, and anything else asked of a record (its other keys, a method call, its text, the
 * {@code ?api} FreeMarker refuses anyway) goes to the bean model FreeMarker makes for it, under the same
 * {@link ModelOnlyAccess} policy.
 */
final class RecordModels extends DefaultObjectWrapper {
    private static final String OURS = "org.healthguides.";

    /** The zero-argument accessors templates read as properties, by record class and name. */
    private final Map<Class<?>, Map<String, Method>> accessors = new ConcurrentHashMap<>();

    RecordModels(DefaultObjectWrapperConfiguration configuration) {
        super(configuration, true);
    }

    /**
     * Of this project's record classes, those {@link DefaultObjectWrapper#wrap} hands to {@link #handleUnknownType}: all
     * that are none of the kinds it tries first (a template model, collection, map, iterator, enumeration or iterable).
     */
    private final Map<Class<?>, Boolean> plainRecords = new ConcurrentHashMap<>();

    /**
     * A string and a plain record of this project (nearly every value a page reads) go straight to what
     * {@link DefaultObjectWrapper#wrap} makes of them, past its interface checks (template model, collection, map,
     * iterator, iterable...), which under C1 each go through its slow subtype check: with two threads rendering, both
     * rewriting the same classes' one-entry cache of the last interface matched (JDK-8180450, fixed in Java 23).
     */
    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof String text) {
            return new SimpleScalar(text); // what the superclass returns for a String, which is no template model
        }
        if (object instanceof Record && plainRecords.computeIfAbsent(object.getClass(), RecordModels::plain)) {
            return handleUnknownType(object);
        }
        return super.wrap(object);
    }

    private static boolean plain(Class<?> type) {
        return type.getName().startsWith(OURS) && !TemplateModel.class.isAssignableFrom(type) && !java.util.Collection.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type) && !java.util.Iterator.class.isAssignableFrom(type)
                && !java.util.Enumeration.class.isAssignableFrom(type) && !Iterable.class.isAssignableFrom(type);
    }

    @Override
    protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
        if (object instanceof Record && object.getClass().getName().startsWith(OURS)) {
            return new RecordModel(object, accessors.computeIfAbsent(object.getClass(), RecordModels::accessorsOf), this);
        }
        return super.handleUnknownType(object);
    }

    /**
     * What FreeMarker reads as a record's properties: its public methods of this project that take nothing and
     * return something (the components, and {@code untranslated()}-like derived values), except those a bean
     * property ({@code getX()}, {@code isX()}) or Object's methods could also answer to, which the bean model keeps.
     */
    private static Map<String, Method> accessorsOf(Class<?> type) {
        Map<String, Method> found = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())
                    && !method.isBridge() && !method.isSynthetic() && method.getDeclaringClass().getName().startsWith(OURS)) {
                found.put(method.getName(), method);
            }
        }
        for (String name : java.util.List.copyOf(found.keySet())) {
            String capital = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (found.containsKey("get" + capital) || found.containsKey("is" + capital) || name.startsWith("get") || name.startsWith("is")
                    || name.equals("hashCode") || name.equals("toString")) {
                found.remove(name);
            }
        }
        for (Method method : found.values()) {
            method.setAccessible(true); // records nested in an interface (Page.Section) are public, but be sure
        }
        return Map.copyOf(found);
    }

    /** One record as templates see it; the bean model is made only when something beyond an accessor is asked. */
    private static final class RecordModel implements TemplateHashModelEx, MethodCallAwareTemplateHashModel, TemplateScalarModel,
            AdapterTemplateModel, WrapperTemplateModel {
        private final Object record;
        private final Map<String, Method> accessors;
        private final RecordModels wrapper;
        private BeanModel bean;

        RecordModel(Object record, Map<String, Method> accessors, RecordModels wrapper) {
            this.record = record;
            this.accessors = accessors;
            this.wrapper = wrapper;
        }

        private BeanModel bean() throws TemplateModelException {
            if (bean == null) {
                bean = (BeanModel) wrapper.superHandleUnknownType(record);
            }
            return bean;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            Method accessor = accessors.get(key);
            if (accessor == null) {
                return bean().get(key);
            }
            Object value;
            try {
                value = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new TemplateModelException("cannot read '" + key + "' of " + record.getClass().getSimpleName(), e);
            }
            return wrapper.wrap(value);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return ((MethodCallAwareTemplateHashModel) bean()).getBeforeMethodCall(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return bean().isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return bean().size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return bean().keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            return bean().values();
        }

        @Override
        public String getAsString() throws TemplateModelException {
            return ((TemplateScalarModel) bean()).getAsString();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return record;
        }

        @Override
        public Object getWrappedObject() {
            return record;
        }
    }

    private TemplateModel superHandleUnknownType(Object object) throws TemplateModelException {
        return super.handleUnknownType(object);
    }
}
