package dev.cooper.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The registrations behind a handler builder, and their resolution into one branch per tag.
 *
 * <p>Shared by {@link Handler} and {@link CaseConsumer}: {@code B} is the branch type
 * ({@code Function} or {@code Consumer}). A branch registered for a type is only ever called with
 * instances of the leaves below that type, which is what makes the unchecked casts of the
 * builders sound. Not thread-safe, like the builders that own it.
 *
 * @param <T> the root of the hierarchy
 * @param <B> the branch type
 */
final class BranchTable<T, B> {
    private final Cases<T> cases;
    private final Map<Class<?>, B> registered = new LinkedHashMap<>();
    private B otherwise;

    BranchTable(Cases<T> cases) {
        this.cases = cases;
    }

    Cases<T> cases() {
        return cases;
    }

    /** Registers {@code branch} for {@code type}: the root, a sealed type inside, or a leaf. */
    void on(Class<?> type, B branch) {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(branch, "branch is null");
        if (!cases.isNode(type)) {
            throw new IllegalArgumentException(type.getName()
                    + " is neither a case nor a sealed type of " + cases.root().getName()
                    + "; expected one of " + cases + " or a sealed type above them");
        }
        if (registered.putIfAbsent(type, branch) != null) {
            throw new IllegalStateException(type.getName() + " is registered twice");
        }
    }

    void otherwise(B branch) {
        Objects.requireNonNull(branch, "branch is null");
        if (otherwise != null) {
            throw new IllegalStateException("otherwise is set twice");
        }
        otherwise = branch;
    }

    boolean hasOtherwise() {
        return otherwise != null;
    }

    /**
     * One branch per tag: the branch of the leaf's nearest registered supertype (the leaf itself
     * included), else the otherwise branch, else null.
     *
     * @throws IllegalStateException if a leaf is below two registered types neither of which is
     *                               below the other
     */
    B[] resolve(IntFunction<B[]> newArray) {
        B[] table = newArray.apply(cases.count());
        for (int tag = 0; tag < table.length; tag++) {
            Class<?> nearest = nearest(cases.type(tag));
            table[tag] = nearest != null ? registered.get(nearest) : otherwise;
        }
        return table;
    }

    /**
     * Like {@link #resolve}, but every tag must get a branch.
     *
     * @throws MissingCasesException naming the leaves that no branch covers
     */
    B[] resolveAll(IntFunction<B[]> newArray) {
        B[] table = resolve(newArray);
        List<Class<?>> missing = new ArrayList<>();
        for (int tag = 0; tag < table.length; tag++) {
            if (table[tag] == null) {
                missing.add(cases.type(tag));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingCasesException(cases, missing);
        }
        return table;
    }

    /** The most specific registered supertype of {@code leaf}, or null if none. */
    private Class<?> nearest(Class<?> leaf) {
        Class<?> best = null;
        for (Class<?> type : registered.keySet()) {
            if (type.isAssignableFrom(leaf) && (best == null || best.isAssignableFrom(type))) {
                best = type;
            }
        }
        for (Class<?> type : registered.keySet()) {
            if (type.isAssignableFrom(leaf) && !type.isAssignableFrom(best)) {
                throw new IllegalStateException(leaf.getSimpleName() + " is covered by both "
                        + best.getSimpleName() + " and " + type.getSimpleName()
                        + ", neither more specific; register " + leaf.getSimpleName() + " itself");
            }
        }
        return best;
    }
}
