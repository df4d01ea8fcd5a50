package org.healthguides.render;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Predicate;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;

/**
 * What templates may call on the data model: the accessors of this project's own classes and nothing of Java's.
 * FreeMarker's default policy still lets {@code ${site.getClass().getProtectionDomain()}} through, and from a
 * Class a template can reach class loaders and files; here getClass, reflection and every JDK method are hidden.
 * Strings, numbers, lists and maps are wrapped by FreeMarker itself and keep their built-ins.
 */
final class ModelOnlyAccess implements MemberAccessPolicy {
    static final ModelOnlyAccess INSTANCE = new ModelOnlyAccess();
    private static final String OURS = "org.healthguides.";

    private static final ClassMemberAccessPolicy NOTHING = new MethodsOnly(method -> false);
    private static final ClassMemberAccessPolicy OWN_METHODS =
            new MethodsOnly(method -> method.getDeclaringClass().getName().startsWith(OURS));

    /** Exposes the methods the test accepts; never a constructor or a field. */
    private record MethodsOnly(Predicate<Method> exposed) implements ClassMemberAccessPolicy {
        @Override
        public boolean isMethodExposed(Method method) {
            return exposed.test(method);
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    }

    private ModelOnlyAccess() {
    }

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> type) {
        return type.getName().startsWith(OURS) ? OWN_METHODS : NOTHING;
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return true;
    }
}
