package dev.cooper.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives generators from types, with user overrides.
 *
 * <p>Derivable types:
 * <ul>
 *   <li>records, through their canonical constructor, each component derived from its generic
 *       type; a constructor that rejects its arguments (throws) is retried with new ones, like a
 *       {@linkplain Gen#filter filter};
 *   <li>enums (shrinking to the first constant);
 *   <li>sealed interfaces and classes: every leaf case is reachable, shrinking towards the first
 *       in {@code permits} order;
 *   <li>Immutables value types (and any final class with a static {@code builder()} whose
 *       builder has a {@code build()} and a setter named after each accessor): through the
 *       builder, setting every attribute that has a setter. An abstract value type whose
 *       {@code Immutable*} class sits in its package is derived through that class;
 *   <li>inside them: primitives and their boxes, {@code String}, {@code List}, {@code Set},
 *       {@code Collection}, {@code Map}, {@code Optional} and arrays of derivable types.
 * </ul>
 * A type that refers to itself is cut off at {@linkplain #maxDepth(int) a depth}: from there
 * collections and optionals inside it are empty and a sealed type picks only cases that do not
 * lead back into the cycle. Derived generators never produce {@code null}.
 *
 * <p>Overrides: {@link #with} replaces the generator of a type wherever it appears (primitive
 * and boxed types are one); {@link #withComponent} replaces the generator of one record
 * component or Immutables attribute.
 *
 * <p>Generic types are derived with their type arguments, once per binding ({@code Cons<Integer>}
 * and {@code Cons<String>} are two types), and a generic type that refers to itself
 * ({@code record Cons<T>(T head, Optional<Cons<T>> tail)}) is cut off at the depth like any
 * other. A generic sealed hierarchy ({@code sealed interface Result<T> permits Ok, Err}) binds
 * each generic case through its supertypes to the root's arguments; a case type variable the
 * root's arguments do not determine ({@code record Pair<A, B>(A a, B b) implements Box<A>})
 * is not derived.
 *
 * <p>{@link #with} on a sealed interface inside another sealed hierarchy applies there too: the
 * outer hierarchy's cases below it come from the override (with the weight of one case each).
 *
 * <p>Reflection needs access: on the module path, the derived types' packages must be open to
 * {@code dev.cooper.testkit} unless the types and their constructors or builders are public in
 * exported packages.
 *
 * <p>A derivation is immutable: each setter returns a new one.
 */
public final class Derivation {

    private static final Derivation DEFAULTS = new Derivation(Map.of(), Map.of(), 3, 8);

    final Map<Class<?>, Gen<?>> types;
    final Map<Class<?>, Map<String, Gen<?>>> components;
    final int maxDepth;
    final int maxSize;

    private Derivation(Map<Class<?>, Gen<?>> types, Map<Class<?>, Map<String, Gen<?>>> components,
            int maxDepth, int maxSize) {
        this.types = types;
        this.components = components;
        this.maxDepth = maxDepth;
        this.maxSize = maxSize;
    }

    /** The standard derivation: no overrides, depth 3, collections of 0..8 elements. */
    public static Derivation defaults() {
        return DEFAULTS;
    }

    /** This derivation using {@code gen} for every {@code type} (exactly that class, not subclasses). */
    public <X> Derivation with(Class<X> type, Gen<? extends X> gen) {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(gen, "gen is null");
        Map<Class<?>, Gen<?>> copy = new HashMap<>(types);
        copy.put(Types.boxed(type), gen);
        return new Derivation(Map.copyOf(copy), components, maxDepth, maxSize);
    }

    /**
     * This derivation using {@code gen} for the component {@code name} of the record
     * {@code type}, or for the attribute {@code name} of the Immutables type {@code type} (the
     * abstract value type or its {@code Immutable*} class).
     *
     * @throws IllegalArgumentException when {@code type} has no such component or attribute
     */
    public Derivation withComponent(Class<?> type, String name, Gen<?> gen) {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(gen, "gen is null");
        List<String> names = Types.componentNames(type);
        if (!names.contains(name)) {
            throw new IllegalArgumentException("component: \"" + name + "\" (expected: one of " + type.getSimpleName()
                    + "'s " + (names.isEmpty() ? "components, but it is neither a record nor an Immutables type"
                            : "components " + names) + ")");
        }
        Map<Class<?>, Map<String, Gen<?>>> copy = new HashMap<>(components);
        Map<String, Gen<?>> byName = new HashMap<>(copy.getOrDefault(type, Map.of()));
        byName.put(name, gen);
        copy.put(type, Map.copyOf(byName));
        return new Derivation(types, Map.copyOf(copy), maxDepth, maxSize);
    }

    /**
     * This derivation cutting recursive types off at {@code depth} levels (default 3): a value
     * nests at most {@code depth} instances of a recursive type inside one another (at least
     * one, when the root is the recursive type itself).
     */
    public Derivation maxDepth(int depth) {
        Checks.atLeast("depth", depth, 0);
        return new Derivation(types, components, depth, maxSize);
    }

    /** This derivation making collections of at most {@code size} elements (default 8). */
    public Derivation maxSize(int size) {
        Checks.atLeast("size", size, 0);
        return new Derivation(types, components, maxDepth, size);
    }

    /**
     * A generator of {@code type}.
     *
     * @throws IllegalArgumentException naming the type that cannot be derived and the path from
     *         {@code type} to it
     */
    public <T> Gen<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type is null");
        @SuppressWarnings("unchecked")
        Gen<T> gen = (Gen<T>) new Deriver(this).derive(type);
        return gen;
    }
}
