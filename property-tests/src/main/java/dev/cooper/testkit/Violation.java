package dev.cooper.testkit;

import java.util.List;

/**
 * One breach of a delivery guarantee found by {@link DeliveryLog#check()}, naming the messages.
 *
 * @param <M> the message type
 */
public sealed interface Violation<M> permits Violation.Lost, Violation.Duplicated, Violation.Unexpected,
        Violation.Reordered {

    /** Sent by {@code producer} as {@code seq}, never received. */
    record Lost<M>(int producer, long seq, M message) implements Violation<M> {
        @Override
        public String toString() {
            return "LOST       producer " + producer + " seq " + seq + ": " + Show.value(message);
        }
    }

    /** Received {@code count} times, by {@code consumers} (one entry per reception). */
    record Duplicated<M>(int producer, long seq, M message, int count, List<Integer> consumers) implements Violation<M> {
        /** Copies {@code consumers}. */
        public Duplicated {
            consumers = List.copyOf(consumers);
        }

        @Override
        public String toString() {
            return "DUPLICATED producer " + producer + " seq " + seq + " received " + count + " times (consumers "
                    + consumers + "): " + Show.value(message);
        }
    }

    /** Received by {@code consumer}, but never sent: an unknown producer or sequence number. */
    record Unexpected<M>(int consumer, M message) implements Violation<M> {
        @Override
        public String toString() {
            return "UNEXPECTED consumer " + consumer + " received: " + Show.value(message);
        }
    }

    /**
     * {@code producer} sent {@code earlier} before {@code later}, but {@code consumer} received
     * {@code later} first: per-producer FIFO broken as that consumer saw it.
     */
    record Reordered<M>(int producer, int consumer, M earlier, M later) implements Violation<M> {
        @Override
        public String toString() {
            return "REORDERED  producer " + producer + " at consumer " + consumer + ": " + Show.value(earlier)
                    + " received after " + Show.value(later) + ", which was sent after it";
        }
    }
}
