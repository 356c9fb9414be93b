package dev.cooper.concurrent.consumer;

import java.util.Objects;

/**
 * A message a {@link ConsumerGroup} gave up on: its handler threw on every allowed attempt (see
 * {@link Retry}), or, with {@link Routing#byKey}, its key could not be computed
 * ({@code attempts == 0}).
 *
 * @param message the message, as taken from the source
 * @param cause what the last attempt threw
 * @param attempts how many times the handler ran on the message
 * @param <T> the message type
 */
public record DeadLetter<T>(T message, Throwable cause, int attempts) {

    /**
     * A dead letter for {@code message}, given up on because of {@code cause}.
     *
     * @throws NullPointerException if {@code message} or {@code cause} is null
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public DeadLetter {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(cause, "cause is null");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: " + attempts + " (expected: >= 0)");
        }
    }
}
