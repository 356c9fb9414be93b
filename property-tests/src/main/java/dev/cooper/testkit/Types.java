package dev.cooper.testkit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reflection over the shapes derivation understands: records and builder-built value types. */
final class Types {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class,
            byte.class, Byte.class, char.class, Character.class, boolean.class, Boolean.class,
            double.class, Double.class, float.class, Float.class);

    private Types() {
    }

    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /** The components of a record, or the attributes of a builder-built type; else empty. */
    static List<String> componentNames(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return builderOf(type).or(() -> immutableOf(type).flatMap(Types::builderOf))
                .map(b -> b.attributes().stream().map(Attribute::name).toList())
                .orElse(List.of());
    }

    /** One settable attribute of a builder-built type: its name, setter and declared type. */
    record Attribute(String name, Method setter, Type type) {
    }

    /** How to build a {@code type}: {@code builder()} then the setters then {@code build()}. */
    record Builder(Method builder, Method build, List<Attribute> attributes) {
    }

    /**
     * The builder shape of {@code type}: a concrete class with a static no-argument
     * {@code builder()} whose result has a no-argument {@code build()} returning the type. Its
     * attributes are the builder's one-argument fluent methods named after an accessor of the
     * type (the setter whose parameter takes the accessor's type), sorted by name so that the
     * order of draws does not depend on reflection order.
     */
    static Optional<Builder> builderOf(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        Method builder;
        Method build;
        try {
            builder = type.getDeclaredMethod("builder");
            build = builder.getReturnType().getMethod("build");
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (!Modifier.isStatic(builder.getModifiers()) || !type.isAssignableFrom(build.getReturnType())) {
            return Optional.empty();
        }
        Class<?> builderType = builder.getReturnType();
        Map<String, Attribute> attributes = new TreeMap<>();
        Method[] candidates = builderType.getMethods();
        Arrays.sort(candidates, Comparator.comparing(Method::toGenericString));
        for (Method setter : candidates) {
            if (Modifier.isStatic(setter.getModifiers()) || setter.getParameterCount() != 1
                    || !builderType.isAssignableFrom(setter.getReturnType())) {
                continue;
            }
            Method accessor;
            try {
                accessor = type.getMethod(setter.getName());
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (accessor.getReturnType() == void.class || Modifier.isStatic(accessor.getModifiers())
                    || !setter.getParameterTypes()[0].isAssignableFrom(accessor.getReturnType())) {
                continue;
            }
            Attribute attribute = new Attribute(setter.getName(), setter, accessor.getGenericReturnType());
            // Prefer the setter taking exactly the accessor's type over a wider one (Iterable, Object).
            attributes.merge(setter.getName(), attribute,
                    (a, b) -> b.setter().getParameterTypes()[0] == accessor.getReturnType() ? b : a);
        }
        return Optional.of(new Builder(builder, build, List.copyOf(attributes.values())));
    }

    /** The Immutables class generated for the abstract value type {@code type}, if present. */
    static Optional<Class<?>> immutableOf(Class<?> type) {
        if (!(type.isInterface() || Modifier.isAbstract(type.getModifiers()))) {
            return Optional.empty();
        }
        String packageName = type.getPackageName();
        String name = (packageName.isEmpty() ? "" : packageName + ".") + "Immutable" + type.getSimpleName();
        try {
            Class<?> generated = Class.forName(name, false, type.getClassLoader());
            return type.isAssignableFrom(generated) ? Optional.of(generated) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
