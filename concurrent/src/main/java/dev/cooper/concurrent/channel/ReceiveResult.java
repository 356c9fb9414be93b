package dev.cooper.concurrent.channel;

import java.util.Objects;

/**
 * The outcome of a receive that may not deliver an element: {@link Channel#tryReceive()},
 * {@link Channel#receive(java.time.Duration)}, and the receive clauses of a {@link Select}.
 * Handle it with an exhaustive {@code switch}:
 *
 * <pre>{@code
 * switch (channel.tryReceive()) {
 *     case ReceiveResult.Received<Order>(Order order) -> process(order);
 *     case ReceiveResult.Empty<Order>() -> idle();
 *     case ReceiveResult.Closed<Order>() -> shutDown();
 * }
 * }</pre>
 *
 * @param <E> the element type
 */
public sealed interface ReceiveResult<E> {

    /**
     * An element was received.
     *
     * @param value the element received
     * @param <E> the element type
     */
    record Received<E>(E value) implements ReceiveResult<E> {
        /**
         * A result holding {@code value}.
         *
         * @throws NullPointerException if {@code value} is null (channels carry no nulls)
         */
        public Received {
            Objects.requireNonNull(value, "value is null");
        }
    }

    /**
     * Nothing was received: the channel had no element (now, or before the timeout).
     *
     * @param <E> the element type
     */
    record Empty<E>() implements ReceiveResult<E> {
        private static final Empty<?> INSTANCE = new Empty<>();
    }

    /**
     * Nothing was received: the channel is closed and drained, and never will deliver again.
     *
     * @param <E> the element type
     */
    record Closed<E>() implements ReceiveResult<E> {
        private static final Closed<?> INSTANCE = new Closed<>();
    }

    /**
     * A {@link Received} holding {@code value}.
     *
     * @param <E> the element type
     * @param value the element received; not null
     * @return a new {@link Received}
     */
    static <E> ReceiveResult<E> received(E value) {
        return new Received<>(value);
    }

    /**
     * The shared {@link Empty} instance (a record without components: all are equal).
     *
     * @param <E> the element type
     * @return the one {@link Empty}, typed for {@code E}
     */
    @SuppressWarnings("unchecked")
    static <E> ReceiveResult<E> empty() {
        return (ReceiveResult<E>) Empty.INSTANCE;
    }

    /**
     * The shared {@link Closed} instance (a record without components: all are equal).
     *
     * @param <E> the element type
     * @return the one {@link Closed}, typed for {@code E}
     */
    @SuppressWarnings("unchecked")
    static <E> ReceiveResult<E> closed() {
        return (ReceiveResult<E>) Closed.INSTANCE;
    }
}
