package dev.cooper.variant;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * An exhaustive consumer over a sealed hierarchy: a {@link Handler} whose branches return nothing.
 * Built by {@link Handler#consumer(Class)}, with the same rules: a branch covers every case below
 * its type, the nearest registered type wins, and {@code build()} refuses to leave a case without
 * a branch unless a fallback is set with {@link Builder#otherwise(Consumer) otherwise}.
 * {@snippet :
 * CaseConsumer<Msg> route = Handler.consumer(Msg.class)
 *         .on(Ping.class, ping -> pongs.add(ping.id()))
 *         .otherwise(msg -> deadLetters.add(msg))
 *         .build();
 * }
 *
 * <p>{@link #accept} dispatches as {@link Handler#apply} does, through a class compiled for this
 * consumer by {@code build()}, and allocates nothing of its own. Immutable; safe to share between threads if its branches are. A
 * null message is refused with a {@link NullPointerException}.
 *
 * @param <T> the sealed root
 */
public final class CaseConsumer<T> implements Consumer<T> {
    private final Cases<T> cases;
    /** The branches, indexed by tag, compiled into one inlinable tree; see {@link DispatchTree}. */
    private final Dispatcher dispatcher;

    private CaseConsumer(Cases<T> cases, Consumer<Object>[] branches) {
        this.cases = cases;
        this.dispatcher = DispatchTree.ofConsumers(cases, branches);
    }

    /** Runs the branch of {@code message}'s case. */
    @Override
    public void accept(T message) {
        Objects.requireNonNull(message, "message is null");
        dispatcher.dispatch(message);
    }

    /**
     * The descriptor of the hierarchy this consumer covers.
     *
     * @return the {@link Cases} of the sealed root
     */
    public Cases<T> cases() {
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Object>[] newBranches(int count) {
        return (Consumer<Object>[]) new Consumer<?>[count];
    }

    /**
     * Collects the branches of a {@link CaseConsumer}. Not thread-safe; building copies the
     * registrations, so a builder may go on being used after {@link #build()}.
     *
     * @param <T> the sealed root
     */
    public static final class Builder<T> {
        private final BranchTable<T, Consumer<Object>> table;

        Builder(Cases<T> cases) {
            this.table = new BranchTable<>(cases);
        }

        /**
         * Registers a branch for {@code type} and every case below it.
         *
         * @param <S> the type the branch covers
         * @param type the root, a sealed type inside the hierarchy, or a case; not null
         * @param branch the consumer run for messages of the cases below {@code type}; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is neither the root, a sealed type
         *                                  inside the hierarchy, nor a case
         * @throws IllegalStateException    if {@code type} already has a branch
         */
        @SuppressWarnings("unchecked")
        public <S extends T> Builder<T> on(Class<S> type, Consumer<? super S> branch) {
            // Sound: the table calls this branch only with instances of cases below type.
            table.on(type, (Consumer<Object>) branch);
            return this;
        }

        /**
         * Registers the branch for every case that no {@code on} covers.
         *
         * @param fallback the consumer run for messages of the uncovered cases; not null
         * @return this builder
         * @throws IllegalStateException if a fallback is already set
         */
        @SuppressWarnings("unchecked")
        public Builder<T> otherwise(Consumer<? super T> fallback) {
            // Sound: every message the table is called with is a T.
            table.otherwise((Consumer<Object>) fallback);
            return this;
        }

        /**
         * Builds the consumer.
         *
         * @return a new consumer with the branches registered so far
         * @throws MissingCasesException if a case has no branch and no fallback is set
         * @throws IllegalStateException if a case is below two registered types neither of which
         *                               is below the other
         */
        public CaseConsumer<T> build() {
            return new CaseConsumer<>(table.cases(), table.resolveAll(CaseConsumer::newBranches));
        }
    }
}
