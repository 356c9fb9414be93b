package dev.cooper.variant;

import io.vavr.control.Try;
import java.util.Objects;
import java.util.function.Function;

/**
 * An exhaustive handler over a sealed hierarchy, built at run time: one branch per case, found by
 * tag.
 *
 * <p>Where a {@code switch} over a sealed type cannot be written in one place (the branches come
 * from several components, or from configuration), a handler table is checked for exhaustiveness
 * when it is built instead of when it is compiled:
 * {@snippet :
 * Handler<Msg, String> describe = Handler.builder(Msg.class)   // Handler.Start<Msg>
 *         .on(Ping.class, ping -> "ping " + ping.id())         // the first branch fixes R
 *         .on(Control.class, control -> "control")             // a sealed sub-interface: all its cases
 *         .build();                                            // MissingCasesException if a case is left
 * }
 *
 * <ul>
 *   <li>A branch may be registered for a leaf case, a sealed type inside the hierarchy, or the root;
 *       it covers every case below that type. A case goes to the branch of its nearest registered
 *       supertype (itself included), whatever the registration order: a branch for {@code Ping}
 *       wins over one for {@code Msg}. A case below two registered types neither of which is
 *       below the other is refused by {@code build()} with an {@link IllegalStateException}.
 *       The branch is chosen per case, by {@link Cases#tag}: an object whose class implements
 *       two {@code non-sealed} cases belongs to the first of them in {@code permits} order (see
 *       {@link Cases}), and goes to that case's branch even where a pattern {@code switch} would
 *       match a branch of the second.</li>
 *   <li>{@link Builder#otherwise(Function) otherwise} makes a deliberately partial set of branches
 *       total: the cases no branch covers go there. {@link Builder#buildPartial() buildPartial}
 *       instead builds a {@link PartialHandler} that answers with Vavr's {@code Option}.</li>
 *   <li>{@link #consumer(Class)} builds the same kind of table of {@code Consumer}s, for branches
 *       that return nothing.</li>
 * </ul>
 *
 * <p>{@code build()} compiles the branches into a class of the handler's own (a hidden class, about
 * 2.5 KB of metaspace, unloaded with the handler), where the JIT inlines them behind one test of
 * the message's exact class per case, as it does for a pattern {@code switch}: with up to 32 such
 * exact classes (records, final classes, enums; each constant body of an enum counts as one),
 * {@link #apply} costs about what that {@code switch} costs.
 * Other messages (subclasses of {@code non-sealed} cases, larger hierarchies) take one
 * {@link Cases#tag} lookup and a table switch. Dispatch allocates nothing of its own; building
 * takes on the order of 100 microseconds, so build handlers once, not per message. A handler is
 * immutable; it is safe to share between threads if
 * its branches are. A null message is refused with a {@link NullPointerException}.
 *
 * @param <T> the sealed root
 * @param <R> the result type
 */
public final class Handler<T, R> implements Function<T, R> {
    private final Cases<T> cases;
    /** Indexed by tag; the branch at a tag is only called with instances of that case. */
    private final Function<Object, ? extends R>[] branches;
    /** The same branches compiled into one inlinable tree; see {@link DispatchTree}. */
    private final Dispatcher dispatcher;

    private Handler(Cases<T> cases, Function<Object, ? extends R>[] branches) {
        this.cases = cases;
        this.branches = branches;
        this.dispatcher = DispatchTree.ofFunctions(cases, branches);
    }

    /**
     * Starts a handler over the sealed hierarchy under {@code root}; the first
     * {@link Start#on(Class, Function) on} fixes the result type.
     *
     * @param <T> the sealed root
     * @param root the class of the sealed root; not null
     * @return the first stage of a builder, with no branch registered yet
     * @throws IllegalArgumentException if {@code root} is not a sealed interface or class
     */
    public static <T> Start<T> builder(Class<T> root) {
        return new Start<>(Cases.of(root));
    }

    /**
     * Starts a {@link CaseConsumer} over the sealed hierarchy under {@code root}: a handler whose
     * branches return nothing, with the same rules as {@link #builder(Class)}.
     *
     * @param <T> the sealed root
     * @param root the class of the sealed root; not null
     * @return a builder of a {@link CaseConsumer}, with no branch registered yet
     * @throws IllegalArgumentException if {@code root} is not a sealed interface or class
     */
    public static <T> CaseConsumer.Builder<T> consumer(Class<T> root) {
        return new CaseConsumer.Builder<>(Cases.of(root));
    }

    /** Runs the branch of {@code message}'s case and returns its result. */
    @Override
    @SuppressWarnings("unchecked")
    public R apply(T message) {
        Objects.requireNonNull(message, "message is null");
        // Sound: the dispatcher returns what a branch returned, and every branch returns an R.
        return (R) dispatcher.dispatch(message);
    }

    /**
     * Runs the branch of {@code message}'s case, capturing what it throws: a {@code Success} with
     * the result or a {@code Failure} with the exception (fatal errors such as
     * {@code OutOfMemoryError} are rethrown, as {@link Try#of} does).
     *
     * @param message the message to handle; not null
     * @return {@code Success} of the branch's result, or {@code Failure} of what it threw
     * @throws NullPointerException if {@code message} is null (not captured: the branch never ran)
     * @throws IllegalArgumentException if {@code message} is not in the hierarchy, which only raw
     *         types let through (not captured either)
     */
    public Try<R> tryApply(T message) {
        Objects.requireNonNull(message, "message is null");
        Function<Object, ? extends R> branch = branches[cases.tag(message)];
        return Try.of(() -> branch.apply(message));
    }

    /**
     * The descriptor of the hierarchy this handler covers.
     *
     * @return the {@link Cases} of the sealed root
     */
    public Cases<T> cases() {
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static <R> Function<Object, ? extends R>[] newBranches(int count) {
        return (Function<Object, ? extends R>[]) new Function<?, ?>[count];
    }

    /**
     * The first stage of a builder: the result type is not known until the first branch.
     *
     * @param <T> the sealed root
     */
    public static final class Start<T> {
        private final Cases<T> cases;

        private Start(Cases<T> cases) {
            this.cases = cases;
        }

        /**
         * Registers the first branch, for {@code type} and every case below it, and fixes the
         * result type {@code R} from the branch's result. When that is narrower than wanted (or
         * the branch only throws, which infers {@code Object}), give it explicitly:
         * {@code Handler.builder(Msg.class).<Ping, Number>on(Ping.class, ping -> 1)}.
         *
         * @param <S> the type the branch covers
         * @param <R> the result type of the handler
         * @param type the root, a sealed type inside the hierarchy, or a case; not null
         * @param branch the function run for messages of the cases below {@code type}; not null
         * @return a builder with the result type fixed and this branch registered
         * @throws IllegalArgumentException if {@code type} is neither the root, a sealed type
         *                                  inside the hierarchy, nor a case
         */
        public <S extends T, R> Builder<T, R> on(Class<S> type, Function<? super S, ? extends R> branch) {
            return new Builder<T, R>(cases).on(type, branch);
        }
    }

    /**
     * A builder whose result type is fixed. Not thread-safe; building copies the registrations,
     * so a builder may go on being used after {@link #build()}.
     *
     * @param <T> the sealed root
     * @param <R> the result type
     */
    public static final class Builder<T, R> {
        private final BranchTable<T, Function<Object, ? extends R>> table;

        private Builder(Cases<T> cases) {
            this.table = new BranchTable<>(cases);
        }

        /**
         * Registers a branch for {@code type} and every case below it.
         *
         * @param <S> the type the branch covers
         * @param type the root, a sealed type inside the hierarchy, or a case; not null
         * @param branch the function run for messages of the cases below {@code type}; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is neither the root, a sealed type
         *                                  inside the hierarchy, nor a case
         * @throws IllegalStateException    if {@code type} already has a branch
         */
        @SuppressWarnings("unchecked")
        public <S extends T> Builder<T, R> on(Class<S> type, Function<? super S, ? extends R> branch) {
            // Sound: the table calls this branch only with instances of cases below type.
            table.on(type, (Function<Object, ? extends R>) branch);
            return this;
        }

        /**
         * Registers the branch for every case that no {@code on} covers.
         *
         * @param fallback the function run for messages of the uncovered cases; not null
         * @return this builder
         * @throws IllegalStateException if a fallback is already set
         */
        @SuppressWarnings("unchecked")
        public Builder<T, R> otherwise(Function<? super T, ? extends R> fallback) {
            // Sound: every message the table is called with is a T.
            table.otherwise((Function<Object, ? extends R>) fallback);
            return this;
        }

        /**
         * Builds the handler.
         *
         * @return a new handler with the branches registered so far
         * @throws MissingCasesException if a case has no branch and no fallback is set
         * @throws IllegalStateException if a case is below two registered types neither of which
         *                               is below the other
         */
        public Handler<T, R> build() {
            return new Handler<>(table.cases(), table.resolveAll(Handler::newBranches));
        }

        /**
         * Builds a handler that is defined only for the cases a branch covers.
         *
         * @return a new partial handler with the branches registered so far
         * @throws IllegalStateException if a fallback is set (the handler would be total: use
         *                               {@link #build()}), or a case is below two registered
         *                               types neither of which is below the other
         */
        public PartialHandler<T, R> buildPartial() {
            if (table.hasOtherwise()) {
                throw new IllegalStateException("otherwise(...) makes the handler total; use build()");
            }
            return new PartialHandler<>(table.cases(), table.resolve(Handler::newBranches));
        }
    }
}
