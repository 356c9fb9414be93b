package dev.cooper.variant;

import java.util.List;
import java.util.StringJoiner;

/**
 * Thrown when an exhaustive handler is built without a branch for every case of its hierarchy.
 * The message names the root and every missing case (by simple name, qualified where two
 * cases share one); {@link #missing()} lists them.
 */
public final class MissingCasesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The sealed root of the handler that was being built. */
    private final Class<?> root;
    /** The leaf cases no branch covers, in tag order; unmodifiable. */
    @SuppressWarnings("serial") // List.copyOf returns a serializable list of classes
    private final List<Class<?>> missing;

    MissingCasesException(Cases<?> cases, List<Class<?>> missing) {
        super(message(cases, missing));
        this.root = cases.root();
        this.missing = List.copyOf(missing);
    }

    private static String message(Cases<?> cases, List<Class<?>> missing) {
        StringJoiner names = new StringJoiner(", ");
        for (Class<?> type : missing) {
            names.add(cases.displayName(type));
        }
        return "handler over " + cases.root().getSimpleName() + " misses " + missing.size()
                + (missing.size() == 1 ? " case: " : " cases: ") + names
                + " (add a branch for each, or for a sealed type above them, or otherwise(...))";
    }

    /**
     * The sealed root of the handler that was being built.
     *
     * @return the class of the root
     */
    public Class<?> root() {
        return root;
    }

    /**
     * The leaf cases no branch covers, in tag order; unmodifiable.
     *
     * @return the missing cases; never empty
     */
    public List<Class<?>> missing() {
        return missing;
    }
}
