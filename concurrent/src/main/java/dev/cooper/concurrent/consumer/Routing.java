package dev.cooper.concurrent.consumer;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link ConsumerGroup} spreads messages over its workers.
 * <ul>
 *   <li>{@link #shared()} (the default): the workers compete for messages on the source itself.
 *       Best throughput and balance; no order between messages handled by different workers.
 *       With more than one worker, a queue source must be of a multi-consumer
 *       {@link dev.cooper.concurrent.queue.QueueKind kind}.</li>
 *   <li>{@link #roundRobin()}: a dispatcher thread takes from the source and hands the messages
 *       to the workers in turn, through a bounded single-producer single-consumer queue per
 *       worker. Each worker gets every N-th message, so a worker's share is exact.</li>
 *   <li>{@link #byKey(Function)}: the dispatcher sends every message with the same key to the
 *       same worker ({@code hash(key) mod workers}), like the partitions of a Kafka topic
 *       in-process. Messages with one key are handled one at a time, in the order the
 *       dispatcher took them from the source: that is the order in which one producer put them
 *       in (several producers of one key are ordered only as their inserts interleave).</li>
 * </ul>
 * With a single worker every routing is the same, and the group skips the dispatcher. The
 * worker then applies a {@link #byKey} key function itself, so that a message without a key
 * is dead-lettered whatever the number of workers.
 *
 * @param <T> the message type
 */
public sealed interface Routing<T> {

    /**
     * Competing consumers on the source.
     *
     * @param <T> the message type
     * @return a {@link Shared} routing
     */
    static <T> Routing<T> shared() {
        return new Shared<>();
    }

    /**
     * A dispatcher gives the workers one message each in turn.
     *
     * @param <T> the message type
     * @return a {@link RoundRobin} routing
     */
    static <T> Routing<T> roundRobin() {
        return new RoundRobin<>();
    }

    /**
     * A dispatcher sends all messages with one key to one worker, which handles them in order.
     * If {@code key} throws or returns null for a message, that message goes to the dead-letter
     * sink with the cause and 0 attempts.
     *
     * @param <T> the message type
     * @param key the function giving a message's key, whose {@code hashCode} picks the
     *     worker; not null
     * @return a {@link ByKey} routing over {@code key}
     */
    static <T> Routing<T> byKey(Function<? super T, ?> key) {
        return new ByKey<>(key);
    }

    /**
     * See {@link #shared()}.
     *
     * @param <T> the message type
     */
    record Shared<T>() implements Routing<T> {
    }

    /**
     * See {@link #roundRobin()}.
     *
     * @param <T> the message type
     */
    record RoundRobin<T>() implements Routing<T> {
    }

    /**
     * See {@link #byKey(Function)}.
     *
     * @param key the function giving a message's key
     * @param <T> the message type
     */
    record ByKey<T>(Function<? super T, ?> key) implements Routing<T> {
        /**
         * A by-key routing over {@code key}.
         *
         * @throws NullPointerException if {@code key} is null
         */
        public ByKey {
            Objects.requireNonNull(key, "key is null");
        }
    }
}
