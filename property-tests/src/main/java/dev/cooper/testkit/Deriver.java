package dev.cooper.testkit;

import dev.cooper.variant.Cases;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One derivation from a root type. Non-generic classes are derived once and shared; a class
 * met again while it is being derived closes a cycle: the inner use gets a forwarding
 * generator, the class becomes a cycle head whose generator counts depth in the source, and
 * every class on the cycle is marked so that sealed types can prefer cases outside it at the
 * depth limit.
 */
final class Deriver {

    /** Nesting beyond the depth limit at which a cycle is taken to have no way to stop. */
    private static final int RUNAWAY_SLACK = 32;
    /** Most generic nesting followed before a self-referencing generic type is refused. */
    private static final int MAX_GENERIC_NESTING = 64;
    /** Constructor or builder rejections in a row after which a derived type gives up. */
    private static final int MAX_REJECTIONS = 100;

    private final Derivation config;
    /** Keyed by class, or for a generic class by {@link #genericKey}. */
    private final Map<Object, Gen<?>> done = new HashMap<>();
    private final LinkedHashMap<Object, Forward> inProgress = new LinkedHashMap<>();
    private final Set<Object> inCycle = new HashSet<>();
    private int genericNesting;

    Deriver(Derivation config) {
        this.config = config;
    }

    Gen<?> derive(Class<?> root) {
        return derive(root, Map.of(), Path.root(root));
    }

    private Gen<?> derive(Type type, Map<TypeVariable<?>, Type> env, Path path) {
        Type resolved = resolve(type, env, path);
        Class<?> raw = rawClass(resolved, env, path);
        Gen<?> override = config.types.get(Types.boxed(raw));
        if (override != null) {
            return override;
        }
        Gen<?> builtIn = builtIn(raw);
        if (builtIn != null) {
            return builtIn;
        }
        if (resolved instanceof GenericArrayType || raw.isArray()) {
            return array(resolved, raw, env, path);
        }
        if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
            return guarded(derive(argument(resolved, 0, path), env, path.element()).list(0, config.maxSize), List.of());
        }
        if (raw == Set.class) {
            return guarded(derive(argument(resolved, 0, path), env, path.element()).set(0, config.maxSize), Set.of());
        }
        if (raw == Map.class) {
            Gen<?> keys = derive(argument(resolved, 0, path), env, path.key());
            Gen<?> values = derive(argument(resolved, 1, path), env, path.value());
            return guarded(Gen.mapOf(keys, values, 0, config.maxSize), Map.of());
        }
        if (raw == Optional.class) {
            return guarded(derive(argument(resolved, 0, path), env, path.present()).optional(), Optional.empty());
        }
        if (raw.getTypeParameters().length > 0) {
            return generic(resolved, raw, env, path);
        }
        return memoized(raw, raw, Map.of(), path);
    }

    /**
     * The generator of {@code raw} with its type variables bound by {@code env}, derived once per
     * {@code key} (the class itself, or for a generic class its name with the bound arguments).
     * A key met again while it is being derived is a cycle: the generator is a forward reference
     * to the one being built, and every type on the cycle is marked, so that collections,
     * optionals and sealed types inside it end at the depth limit.
     */
    private Gen<?> memoized(Object key, Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        Gen<?> cached = done.get(key);
        if (cached != null) {
            return cached;
        }
        Forward forward = inProgress.get(key);
        if (forward != null) {
            boolean on = false;
            for (Object k : inProgress.keySet()) {
                on |= k.equals(key);
                if (on) {
                    inCycle.add(k);
                }
            }
            forward.head = true;
            return forward;
        }
        forward = new Forward();
        inProgress.put(key, forward);
        Gen<?> gen = structured(raw, env, path);
        inProgress.remove(key);
        if (forward.head) {
            gen = depthCounting(gen, raw);
        }
        forward.target = gen;
        done.put(key, gen);
        return gen;
    }

    /** A generic class: its type variables bound to the arguments, derived once per binding. */
    private Gen<?> generic(Type resolved, Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        if (!(resolved instanceof ParameterizedType parameterized)) {
            throw path.cannot(raw, "a raw type: its type arguments are not known");
        }
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        TypeVariable<?>[] parameters = raw.getTypeParameters();
        Type[] arguments = parameterized.getActualTypeArguments();
        for (int i = 0; i < parameters.length; i++) {
            bound.put(parameters[i], resolve(arguments[i], env, path));
        }
        return boundGeneric(raw, bound, path);
    }

    /** {@link #memoized} for a generic class whose variables {@code bound} binds. */
    private Gen<?> boundGeneric(Class<?> raw, Map<TypeVariable<?>, Type> bound, Path path) {
        if (++genericNesting > MAX_GENERIC_NESTING) {
            throw path.cannot(raw, "it nests itself without end through type arguments");
        }
        try {
            return memoized(genericKey(raw, bound, path), raw, bound, path);
        } finally {
            genericNesting--;
        }
    }

    /** {@code raw}'s name with its bound arguments, every type variable in them resolved: {@code Cons<Integer>}. */
    private static String genericKey(Class<?> raw, Map<TypeVariable<?>, Type> bound, Path path) {
        StringBuilder key = new StringBuilder(raw.getName()).append('<');
        for (TypeVariable<?> parameter : raw.getTypeParameters()) {
            Type argument = bound.get(parameter);
            key.append(argument == null ? "?" : typeName(argument, bound, path)).append(',');
        }
        return key.append('>').toString();
    }

    private static String typeName(Type type, Map<TypeVariable<?>, Type> env, Path path) {
        Type resolved = type instanceof TypeVariable<?> v && !env.containsKey(v) ? type : resolve(type, env, path);
        if (resolved instanceof ParameterizedType p) {
            StringBuilder name = new StringBuilder(((Class<?>) p.getRawType()).getName()).append('<');
            for (Type argument : p.getActualTypeArguments()) {
                name.append(typeName(argument, env, path)).append(',');
            }
            return name.append('>').toString();
        }
        if (resolved instanceof GenericArrayType g) {
            return typeName(g.getGenericComponentType(), env, path) + "[]";
        }
        return resolved.getTypeName();
    }

    private Gen<?> structured(Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        if (raw.isEnum()) {
            if (raw.getEnumConstants().length == 0) {
                throw path.cannot(raw, "an enum without constants");
            }
            return Gen.elements(raw.getEnumConstants());
        }
        if (raw.isRecord()) {
            return record(raw, env, path);
        }
        if (raw.isSealed()) {
            return sealed(raw, env, path);
        }
        Optional<Types.Builder> builder = Types.builderOf(raw);
        if (builder.isPresent()) {
            return built(raw, builder.get(), env, path);
        }
        Optional<Class<?>> immutable = Types.immutableOf(raw);
        if (immutable.isPresent()) {
            return derive(immutable.get(), Map.of(), path);
        }
        String why = raw.isInterface() ? "an interface that is neither sealed nor an Immutables type"
                : Modifier.isAbstract(raw.getModifiers()) ? "an abstract class that is neither sealed nor an Immutables type"
                : "a class that is not a record, enum or builder-built value type";
        throw path.cannot(raw, why);
    }

    private Gen<?> record(Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        RecordComponent[] components = raw.getRecordComponents();
        Gen<?>[] gens = new Gen<?>[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            parameterTypes[i] = components[i].getType();
            Gen<?> override = componentOverride(raw, name, parameterTypes[i], path);
            gens[i] = override != null ? override
                    : derive(components[i].getGenericType(), env, path.component(raw, name));
        }
        Constructor<?> constructor;
        try {
            constructor = raw.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw path.cannot(raw, "its canonical constructor is missing");
        }
        open(constructor, raw, path);
        return rejecting(raw, src -> {
            Object[] args = new Object[gens.length];
            for (int i = 0; i < gens.length; i++) {
                args[i] = gens[i].generate(src);
            }
            return constructor.newInstance(args);
        });
    }

    private Gen<?> built(Class<?> raw, Types.Builder shape, Map<TypeVariable<?>, Type> env, Path path) {
        List<Types.Attribute> attributes = shape.attributes();
        Gen<?>[] gens = new Gen<?>[attributes.size()];
        for (int i = 0; i < gens.length; i++) {
            Types.Attribute attribute = attributes.get(i);
            Gen<?> override = componentOverride(raw, attribute.name(), attribute.setter().getParameterTypes()[0], path);
            gens[i] = override != null ? override
                    : derive(attribute.type(), env, path.component(raw, attribute.name()));
            open(attribute.setter(), raw, path);
        }
        open(shape.builder(), raw, path);
        open(shape.build(), raw, path);
        return rejecting(raw, src -> {
            Object builder = shape.builder().invoke(null);
            for (int i = 0; i < gens.length; i++) {
                attributes.get(i).setter().invoke(builder, gens[i].generate(src));
            }
            return shape.build().invoke(builder);
        });
    }

    /**
     * A sealed type's generator: one of its cases. {@code env} binds the sealed type's own type
     * variables when it is generic ({@code Result<String>}); a generic case gets its variables
     * bound through its supertypes ({@code Ok<T> implements Result<T>}).
     */
    private Gen<?> sealed(Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        List<Class<?>> cases = new ArrayList<>();
        for (Class<?> leaf : Cases.of(raw).types()) {
            // A sealed class that is not abstract is a case of its own, but only an override can make one.
            if (!leaf.isSealed() || leaf.isEnum() || config.types.containsKey(leaf)) {
                cases.add(leaf);
            }
        }
        List<Gen<?>> all = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (Class<?> leaf : cases) {
            Path casePath = path.sealedCase(leaf);
            Gen<?> inner = innerOverride(raw, leaf);
            boolean generic = inner == null && leaf.getTypeParameters().length > 0 && !config.types.containsKey(leaf);
            Map<TypeVariable<?>, Type> bound = generic ? bindings(leaf, raw, env) : Map.of();
            keys.add(generic ? genericKey(leaf, bound, casePath) : leaf);
            all.add(inner != null ? inner : generic ? boundGeneric(leaf, bound, casePath) : derive(leaf, Map.of(), casePath));
        }
        List<Gen<?>> base = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!inCycle.contains(keys.get(i))) {
                base.add(all.get(i));
            }
        }
        Gen<?> any = Gen.oneOf(all.toArray(Gen<?>[]::new));
        if (base.isEmpty() || base.size() == all.size()) {
            return any;
        }
        Gen<?> stop = Gen.oneOf(base.toArray(Gen<?>[]::new));
        int maxDepth = config.maxDepth;
        return src -> src.depth() >= maxDepth ? stop.generate(src) : any.generate(src);
    }

    /**
     * The override of the nearest sealed type between {@code root} and its case {@code leaf}
     * (both excluded), or null: {@code with(Round.class, gen)} then makes every case below
     * {@code Round}, keeping the weight of one case each, as {@link Cases} flattens them.
     */
    private Gen<?> innerOverride(Class<?> root, Class<?> leaf) {
        Class<?> nearest = null;
        for (Class<?> type : config.types.keySet()) {
            if (type != root && type != leaf && type.isSealed() && root.isAssignableFrom(type)
                    && type.isAssignableFrom(leaf) && (nearest == null || nearest.isAssignableFrom(type))) {
                nearest = type;
            }
        }
        return nearest == null ? null : config.types.get(nearest);
    }

    /**
     * {@code type}'s type variables bound to what {@code rootEnv} binds {@code root}'s to, through
     * the supertypes that lead from {@code type} up to {@code root}: for {@code record Ok<T>(T
     * value) implements Result<T>} and {@code Result<String>}, T of Ok is String. A variable the
     * root does not determine stays unbound (deriving it then fails, naming it).
     */
    private static Map<TypeVariable<?>, Type> bindings(Class<?> type, Class<?> root, Map<TypeVariable<?>, Type> rootEnv) {
        if (type == root) {
            return rootEnv;
        }
        List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Class<?> raw = supertype instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                    : supertype instanceof Class<?> c ? c : null;
            if (raw == null || !root.isAssignableFrom(raw)) {
                continue;
            }
            Map<TypeVariable<?>, Type> above = bindings(raw, root, rootEnv);
            Map<TypeVariable<?>, Type> mine = new HashMap<>();
            if (supertype instanceof ParameterizedType p) {
                Type[] arguments = p.getActualTypeArguments();
                TypeVariable<?>[] parameters = raw.getTypeParameters();
                for (int i = 0; i < arguments.length; i++) {
                    if (arguments[i] instanceof TypeVariable<?> variable && above.containsKey(parameters[i])) {
                        mine.put(variable, above.get(parameters[i]));
                    }
                }
            }
            return mine;
        }
        return Map.of();
    }

    private Gen<?> array(Type resolved, Class<?> raw, Map<TypeVariable<?>, Type> env, Path path) {
        Type component = resolved instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
        Class<?> componentClass = raw.getComponentType();
        Gen<? extends List<?>> lists = derive(component, env, path.element()).list(0, config.maxSize);
        return guarded(lists, List.of()).map(list -> {
            Object array = Array.newInstance(componentClass, list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(array, i, list.get(i));
            }
            return array;
        });
    }

    private Gen<?> builtIn(Class<?> raw) {
        Class<?> c = Types.boxed(raw);
        if (c == Integer.class) {
            return Gen.ints();
        } else if (c == Long.class) {
            return Gen.longs();
        } else if (c == Short.class) {
            return Gen.ints(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue);
        } else if (c == Byte.class) {
            return Gen.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue);
        } else if (c == Character.class) {
            return Gen.chars(Containers.PRINTABLE);
        } else if (c == Boolean.class) {
            return Gen.booleans();
        } else if (c == Double.class) {
            return Gen.doubles(-1e9, 1e9);
        } else if (c == Float.class) {
            return Gen.doubles(-1e6, 1e6).map(Double::floatValue);
        } else if (c == String.class) {
            return Gen.strings(0, 2 * config.maxSize);
        }
        return null;
    }

    /**
     * The {@link Derivation#withComponent} generator of {@code raw}'s component or attribute
     * {@code name}, or null; checked to make values of {@code type}, so that an override of the
     * wrong type is named, not left to fail in a reflective call.
     */
    private Gen<?> componentOverride(Class<?> raw, String name, Class<?> type, Path path) {
        Gen<?> gen = findComponentOverride(raw, name);
        if (gen == null) {
            return null;
        }
        Class<?> expected = Types.boxed(type);
        String where = path.component(raw, name).text();
        return src -> {
            Object value = gen.generate(src);
            if (value != null && !expected.isInstance(value)) {
                throw new GenerationException("the generator for " + where + " made a "
                        + value.getClass().getName() + ", not a " + expected.getName());
            }
            return value;
        };
    }

    private Gen<?> findComponentOverride(Class<?> raw, String name) {
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            Gen<?> gen = overrideOn(c, name);
            if (gen != null) {
                return gen;
            }
            for (Class<?> i : c.getInterfaces()) {
                gen = overrideOn(i, name);
                if (gen != null) {
                    return gen;
                }
            }
        }
        return null;
    }

    private Gen<?> overrideOn(Class<?> type, String name) {
        Map<String, Gen<?>> byName = config.components.get(type);
        return byName == null ? null : byName.get(name);
    }

    /** Empty instead of {@code gen} at the depth limit, so that recursive types end. */
    private <C> Gen<C> guarded(Gen<? extends C> gen, C empty) {
        // At least 1: outside every recursive type (depth 0) collections are not cut off.
        int maxDepth = Math.max(config.maxDepth, 1);
        return src -> src.depth() >= maxDepth ? empty : gen.generate(src);
    }

    private Gen<?> depthCounting(Gen<?> gen, Class<?> raw) {
        int runaway = config.maxDepth + RUNAWAY_SLACK;
        return src -> {
            if (src.depth() > runaway) {
                throw new GenerationException(raw.getSimpleName() + " nests itself without end: no Optional, "
                        + "collection or sealed alternative stops it; register a generator with Derivation.with("
                        + raw.getSimpleName() + ".class, gen)");
            }
            src.enter();
            try {
                return gen.generate(src);
            } finally {
                src.exit();
            }
        };
    }

    /** A reflective construction that may be refused: the type's own validation is a filter. */
    private interface Construction {
        Object construct(Source src) throws ReflectiveOperationException;
    }

    private static Gen<?> rejecting(Class<?> raw, Construction construction) {
        return src -> {
            Throwable last = null;
            for (int i = 0; i < MAX_REJECTIONS; i++) {
                boolean repeats = src.pastEnd();
                int start = src.startSpan();
                try {
                    Object value = construction.construct(src);
                    src.endSpan(start);
                    return value;
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof RuntimeException)) {
                        throw new GenerationException("constructing " + raw.getSimpleName() + " failed", e.getCause());
                    }
                    last = e.getCause();
                } catch (ReflectiveOperationException e) {
                    throw new GenerationException("constructing " + raw.getSimpleName() + " failed", e);
                }
                src.endSpan(start);
                if (repeats) {
                    break;
                }
            }
            throw new GenerationException(raw.getSimpleName() + " rejected " + MAX_REJECTIONS
                    + " derived values in a row (last: " + last + "); register a generator that makes valid ones "
                    + "with Derivation.with(" + raw.getSimpleName() + ".class, gen) or withComponent", last);
        };
    }

    private static void open(java.lang.reflect.AccessibleObject member, Class<?> raw, Path path) {
        try {
            member.setAccessible(true);
        } catch (InaccessibleObjectException | SecurityException e) {
            throw path.cannot(raw, "its package is not open to dev.cooper.testkit (" + e.getMessage() + ")");
        }
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> env, Path path) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = env.get(variable);
            if (bound == null) {
                throw path.cannot(variable, "the type variable is not bound here");
            }
            return bound;
        }
        if (type instanceof WildcardType wildcard) {
            return resolve(wildcard.getUpperBounds()[0], env, path);
        }
        return type;
    }

    private static Class<?> rawClass(Type type, Map<TypeVariable<?>, Type> env, Path path) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            // T[]: the component may be a type variable, bound in env.
            Type component = resolve(g.getGenericComponentType(), env, path);
            return Array.newInstance(rawClass(component, env, path), 0).getClass();
        }
        throw path.cannot(type, "unsupported kind of type");
    }

    private static Type argument(Type type, int index, Path path) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw path.cannot(type, "a raw type: its element type is not known");
    }

    /** Stands for a class while it is being derived; forwards to its generator once built. */
    private static final class Forward implements Gen<Object> {
        Gen<?> target;
        boolean head;

        @Override
        public Object generate(Source source) {
            return target.generate(source);
        }
    }
}
