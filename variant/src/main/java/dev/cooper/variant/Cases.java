package dev.cooper.variant;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The descriptor of a sealed hierarchy: its leaf cases in a fixed order, each with a dense tag.
 *
 * <p>{@code Cases.of(Msg.class)} walks the hierarchy below the sealed root {@code Msg} depth-first,
 * following each sealed type's {@link Class#getPermittedSubclasses() permits} order, and lists the
 * leaves it reaches. Tag {@code i} is the {@code i}-th leaf of {@link #types()}, for {@code i} in
 * {@code 0..count()-1}.
 * <ul>
 *   <li>A record, a final class, an enum (with or without constant bodies) and a {@code non-sealed}
 *       class or interface are leaves. A {@code non-sealed} leaf covers all its subtypes: an
 *       instance of any of them gets that leaf's tag. An enum constant with a class body gets its
 *       enum's tag.</li>
 *   <li>A sealed interface or a sealed abstract class is walked into and is not a leaf.</li>
 *   <li>A sealed class that is not abstract is walked into <em>and</em> is a leaf for the
 *       instances whose class is exactly it. It comes before the leaves below it (pre-order), so
 *       {@code sealed class Shape permits Circle} gives the cases {@code Shape, Circle}.</li>
 *   <li>A type permitted by two sealed supertypes (a diamond) is listed once, where the walk first
 *       reaches it.</li>
 *   <li>An object that is a subtype of several leaves that are not subtypes of one another (a
 *       class implementing two {@code non-sealed} interfaces, say) gets the first of them in
 *       {@code types()} order, as a {@code switch} listing the cases in that order would.</li>
 * </ul>
 *
 * <p>A descriptor is computed once per root class and cached for as long as the root class is
 * loaded: every call of {@code Cases.of(Msg.class)}, from any thread, returns the same instance.
 * Instances are immutable and safe to share between threads.
 *
 * <p>{@link #tag(Object)} is O(1) and allocates nothing: an identity-hashed table maps the class of
 * each leaf (and of each enum constant body) to its tag. The subclasses of {@code non-sealed}
 * leaves are not known in advance; the first time one is seen its tag is resolved by walking up
 * its supertypes and kept in a {@link ClassValue}, which does not keep the subclass (or its class
 * loader) alive.
 *
 * @param <T> the root of the hierarchy
 */
public final class Cases<T> {

    private static final ClassValue<Cases<?>> CACHE = new ClassValue<>() {
        @Override
        protected Cases<?> computeValue(Class<?> root) {
            return new Cases<>(root);
        }
    };

    private final Class<T> root;
    /** The leaves in tag order. */
    private final Class<? extends T>[] leaves;
    private final List<Class<? extends T>> types;
    /** The sealed types that were walked into, the root included. */
    private final Set<Class<?>> branches;
    /** Exact class to tag: every leaf and every enum constant body class. */
    private final TagTable exact;
    /** Tags of the classes not in {@link #exact}, resolved on first sight. */
    private final ClassValue<Integer> resolved = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return resolve(type);
        }
    };

    @SuppressWarnings("unchecked")
    private Cases(Class<T> root) {
        if (!root.isSealed() || root.isEnum()) {
            throw new IllegalArgumentException(root.getName()
                    + " is not a sealed interface or class; Cases needs a sealed root");
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Class<?>> found = new ArrayList<>();
        Set<Class<?>> sealed = new LinkedHashSet<>();
        walk(root, seen, found, sealed);
        if (found.isEmpty()) {
            // getPermittedSubclasses() leaves out the permitted classes it cannot load.
            throw new IllegalArgumentException(root.getName() + " is sealed, but none of its permitted subclasses "
                    + "could be loaded (missing from the class path?): it has no cases");
        }
        this.root = root;
        this.leaves = (Class<? extends T>[]) found.toArray(new Class<?>[0]);
        this.types = List.of(leaves);
        this.branches = Set.copyOf(sealed);
        Map<Class<?>, Integer> tags = new HashMap<>();
        for (int tag = 0; tag < leaves.length; tag++) {
            tags.put(leaves[tag], tag);
            if (leaves[tag].isEnum() && leaves[tag].isSealed()) {
                // An enum with constant bodies permits exactly those anonymous body classes.
                for (Class<?> body : leaves[tag].getPermittedSubclasses()) {
                    tags.put(body, tag);
                }
            }
        }
        this.exact = new TagTable(tags);
    }

    private static void walk(Class<?> type, Set<Class<?>> seen, List<Class<?>> leaves, Set<Class<?>> sealed) {
        if (!seen.add(type)) {
            return;
        }
        if (!type.isSealed() || type.isEnum()) {
            leaves.add(type);
            return;
        }
        sealed.add(type);
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            leaves.add(type);
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            walk(permitted, seen, leaves, sealed);
        }
    }

    /**
     * The descriptor of the sealed hierarchy under {@code root}, computed on first use and cached.
     *
     * @param <T> the root of the hierarchy
     * @param root the class of the sealed root; not null
     * @return the descriptor; the same instance for every call with the same {@code root}
     * @throws IllegalArgumentException if {@code root} is not a sealed interface or class (an enum
     *                                  is a leaf, not a root), or has no case: none of the
     *                                  classes it permits could be loaded
     */
    @SuppressWarnings("unchecked")
    public static <T> Cases<T> of(Class<T> root) {
        Objects.requireNonNull(root, "root is null");
        return (Cases<T>) CACHE.get(root);
    }

    /**
     * The sealed root this descriptor was built for.
     *
     * @return the class given to {@link #of(Class)}
     */
    public Class<T> root() {
        return root;
    }

    /**
     * The number of leaf cases; tags run from 0 to {@code count() - 1}.
     *
     * @return the number of cases; at least 1
     */
    public int count() {
        return leaves.length;
    }

    /**
     * The leaf cases in tag order (depth-first, in {@code permits} order); unmodifiable.
     *
     * @return the case classes, the one at index {@code i} having tag {@code i}
     */
    public List<Class<? extends T>> types() {
        return types;
    }

    /**
     * The tag of {@code value}'s case: the index in {@link #types()} of the leaf its class is or
     * descends from. O(1), allocation-free once the class has been seen.
     *
     * @param value an instance of a class in the hierarchy; not null
     * @return the tag, in {@code 0..count()-1}
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not in the hierarchy (possible only
     *                                  through unchecked or raw use)
     */
    public int tag(T value) {
        Objects.requireNonNull(value, "value is null");
        Class<?> type = value.getClass();
        int tag = exact.get(type);
        return tag != TagTable.ABSENT ? tag : resolved.get(type);
    }

    /**
     * The tag that every instance of exactly {@code type} gets: the tag of {@code type} if it is a
     * leaf, or of the leaf it descends from.
     *
     * @param type a case, or a class below one; not null
     * @return the tag, in {@code 0..count()-1}
     * @throws NullPointerException     if {@code type} is null
     * @throws IllegalArgumentException if {@code type} is a sealed type above cases (even one), or
     *                                  is not in the hierarchy
     */
    public int tagOf(Class<? extends T> type) {
        Objects.requireNonNull(type, "type is null");
        int tag = exact.get(type);
        if (tag != TagTable.ABSENT) {
            return tag;
        }
        if (branches.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " is a sealed type above cases of "
                    + root.getName() + ", not a case: its instances are tagged by their own class");
        }
        return resolved.get(type);
    }

    /**
     * Whether {@code type} is one of the leaf cases listed by {@link #types()}.
     *
     * @param type any class; not null
     * @return true for a case itself; false for any other class, even one below a case
     * @throws NullPointerException if {@code type} is null
     */
    public boolean isCase(Class<?> type) {
        Objects.requireNonNull(type, "type is null");
        int tag = exact.get(type);
        return tag != TagTable.ABSENT && leaves[tag] == type;
    }

    /**
     * The leaf case with tag {@code tag}.
     *
     * @param tag a tag, in {@code 0..count()-1}
     * @return the class of that case
     * @throws IndexOutOfBoundsException if {@code tag} is not in {@code 0..count()-1}
     */
    public Class<? extends T> type(int tag) {
        if (tag < 0 || tag >= leaves.length) {
            throw new IndexOutOfBoundsException(
                    "tag: " + tag + " (expected: >= 0 and < " + leaves.length + ")");
        }
        return leaves[tag];
    }

    /**
     * The simple name of the leaf case with tag {@code tag}.
     *
     * @param tag a tag, in {@code 0..count()-1}
     * @return the {@link Class#getSimpleName() simple name} of that case's class
     * @throws IndexOutOfBoundsException if {@code tag} is not in {@code 0..count()-1}
     */
    public String name(int tag) {
        return type(tag).getSimpleName();
    }

    /**
     * {@code Cases[Msg: A, B, C]}: the root and the leaves in tag order, by simple name, or by
     * {@linkplain #displayName qualified name} where two leaves share one.
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "Cases[" + root.getSimpleName() + ": ", "]");
        for (Class<?> leaf : leaves) {
            joiner.add(displayName(leaf));
        }
        return joiner.toString();
    }

    /**
     * A leaf's name for messages: its simple name, or, if another leaf has the same simple name,
     * its name within its package ({@code North.Leaf}, {@code South.Leaf}).
     */
    String displayName(Class<?> leaf) {
        for (Class<?> other : leaves) {
            if (other != leaf && other.getSimpleName().equals(leaf.getSimpleName())) {
                String name = leaf.getName();
                String pkg = leaf.getPackageName();
                return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)).replace('$', '.');
            }
        }
        return leaf.getSimpleName();
    }

    /** Whether {@code type} is the root, a sealed type walked into, or a leaf. */
    boolean isNode(Class<?> type) {
        return branches.contains(type) || isCase(type);
    }

    /**
     * Resolves a class that is not a leaf: the most specific leaf among its supertypes, the first
     * in tag order when several leaves are equally specific.
     */
    private int resolve(Class<?> type) {
        for (int tag = 0; tag < leaves.length; tag++) {
            if (leaves[tag].isAssignableFrom(type) && !hasMoreSpecificLeaf(tag, type)) {
                return tag;
            }
        }
        throw new IllegalArgumentException(
                type.getName() + " is not in the sealed hierarchy of " + root.getName());
    }

    private boolean hasMoreSpecificLeaf(int tag, Class<?> type) {
        for (Class<?> other : leaves) {
            if (other != leaves[tag] && leaves[tag].isAssignableFrom(other) && other.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
