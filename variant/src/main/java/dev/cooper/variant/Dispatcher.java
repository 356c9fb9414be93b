package dev.cooper.variant;

/**
 * The compiled dispatch of one {@link Handler} or {@link CaseConsumer}: runs the branch of a
 * message's case. Implemented only by the hidden classes that {@link DispatchTree} defines from
 * {@link DispatchTemplate}, one per built handler.
 */
interface Dispatcher {

    /**
     * Runs the branch of {@code message}'s case and returns its result ({@code null} for a
     * consumer's branch). {@code message} is not null: the caller checks.
     */
    Object dispatch(Object message);
}
