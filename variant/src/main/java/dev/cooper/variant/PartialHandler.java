package dev.cooper.variant;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Function;

/**
 * A handler over a sealed hierarchy that is defined for some of its cases only, built by
 * {@link Handler.Builder#buildPartial()}. The same rules as {@link Handler} apply to the
 * registered branches; the cases no branch covers answer {@code None}.
 *
 * <p>Immutable; safe to share between threads if its branches are. A null message is refused with
 * a {@link NullPointerException}.
 *
 * @param <T> the sealed root
 * @param <R> the result type
 */
public final class PartialHandler<T, R> {
    private final Cases<T> cases;
    /** Indexed by tag; null where no branch covers the case. */
    private final Function<Object, ? extends R>[] branches;

    PartialHandler(Cases<T> cases, Function<Object, ? extends R>[] branches) {
        this.cases = cases;
        this.branches = branches;
    }

    /**
     * {@code Some} of the branch's result if {@code message}'s case has a branch (also when that
     * result is null), {@code None} otherwise.
     *
     * @param message the message to handle; not null
     * @return the branch's result in an {@code Option}
     */
    public Option<R> applyOption(T message) {
        Objects.requireNonNull(message, "message is null");
        Function<Object, ? extends R> branch = branches[cases.tag(message)];
        return branch == null ? Option.none() : Option.some(branch.apply(message));
    }

    /**
     * Whether {@code message}'s case has a branch.
     *
     * @param message the message to test; not null
     * @return true if {@link #applyOption} would run a branch for it
     */
    public boolean isDefinedAt(T message) {
        Objects.requireNonNull(message, "message is null");
        return branches[cases.tag(message)] != null;
    }

    /**
     * The descriptor of the hierarchy this handler is over.
     *
     * @return the {@link Cases} of the sealed root
     */
    public Cases<T> cases() {
        return cases;
    }
}
