package dev.cooper.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A record of what producers sent and consumers received through a pipeline under test, and a
 * checker of the delivery guarantees: exactly once (nothing lost, duplicated or unexpected) and
 * per-producer FIFO as each consumer sees it.
 *
 * <pre>{@code
 * DeliveryLog<Envelope> log = DeliveryLog.create(producers, consumers, Envelope::producer, Envelope::seq);
 * // producer p:  log.sent(p, seq, envelope);  queue.put(envelope);
 * // consumer c:  Envelope e = queue.take();  log.received(c, e);
 * // after joining every thread:
 * log.check().assertClean();
 * }</pre>
 *
 * <p>Messages carry their identity: the producer and sequence number extractors given at
 * creation read it from a received message.
 *
 * <p><b>Threads.</b> Each producer id and each consumer id has its own lane (a growable array),
 * so recording is an array store and a counter bump, without locks or shared writes. A lane has
 * one writer at a time: use each producer and consumer id from one thread, or hand it over with a
 * happens-before edge (a join, a lock, a queue). {@link #check()} reads every lane: call it after
 * the recording threads have finished and been joined.
 *
 * @param <M> the message type
 */
public final class DeliveryLog<M> {

    /** Which order guarantee to check besides exactly-once delivery. */
    public enum Ordering {
        /** No order is checked (priority queues, retrying consumers). */
        NONE,
        /**
         * Each consumer receives the messages of each producer in the order they were sent: what a
         * FIFO queue or channel guarantees with any number of producers and consumers. With one
         * consumer it is the global per-producer order.
         */
        PER_PRODUCER
    }

    private final ToIntFunction<? super M> producerOf;
    private final ToLongFunction<? super M> seqOf;
    private final SendLane[] sendLanes;
    private final ReceiveLane[] receiveLanes;

    private DeliveryLog(int producers, int consumers, ToIntFunction<? super M> producerOf, ToLongFunction<? super M> seqOf) {
        this.producerOf = producerOf;
        this.seqOf = seqOf;
        this.sendLanes = new SendLane[producers];
        this.receiveLanes = new ReceiveLane[consumers];
        Arrays.setAll(sendLanes, i -> new SendLane());
        Arrays.setAll(receiveLanes, i -> new ReceiveLane());
    }

    /**
     * A log for producer ids {@code 0..producers-1} and consumer ids {@code 0..consumers-1};
     * {@code producerOf} and {@code seqOf} read the sender and sequence number out of a message.
     */
    public static <M> DeliveryLog<M> create(int producers, int consumers,
            ToIntFunction<? super M> producerOf, ToLongFunction<? super M> seqOf) {
        Checks.atLeast("producers", producers, 1);
        Checks.atLeast("consumers", consumers, 1);
        Objects.requireNonNull(producerOf, "producerOf is null");
        Objects.requireNonNull(seqOf, "seqOf is null");
        return new DeliveryLog<>(producers, consumers, producerOf, seqOf);
    }

    /** Records that {@code producer} sent {@code message} as its sequence number {@code seq}. */
    public void sent(int producer, long seq, M message) {
        Objects.requireNonNull(message, "message is null");
        lane(sendLanes, producer, "producer").add(seq, message);
    }

    /** Records that {@code consumer} received {@code message}. */
    public void received(int consumer, M message) {
        Objects.requireNonNull(message, "message is null");
        lane(receiveLanes, consumer, "consumer").add(message);
    }

    /** Checks exactly-once delivery and {@link Ordering#PER_PRODUCER} order. */
    public DeliveryReport<M> check() {
        return check(Ordering.PER_PRODUCER);
    }

    /**
     * Checks exactly-once delivery and {@code ordering}.
     *
     * @throws IllegalStateException when the log itself is inconsistent: a producer sent one
     *         sequence number twice, or a sent message carries another identity than it was sent as
     */
    public DeliveryReport<M> check(Ordering ordering) {
        Objects.requireNonNull(ordering, "ordering is null");
        List<Map<Long, Integer>> sendIndex = indexSends();
        List<List<List<Integer>>> receivers = new ArrayList<>();   // [producer][send index] -> consumers
        long sent = 0;
        for (SendLane lane : sendLanes) {
            List<List<Integer>> perMessage = new ArrayList<>(lane.size);
            for (int i = 0; i < lane.size; i++) {
                perMessage.add(new ArrayList<>(1));
            }
            receivers.add(perMessage);
            sent += lane.size;
        }
        List<Violation<M>> unexpected = new ArrayList<>();
        List<Violation<M>> reordered = new ArrayList<>();
        long received = 0;
        for (int c = 0; c < receiveLanes.length; c++) {
            ReceiveLane lane = receiveLanes[c];
            received += lane.size;
            int[] latest = new int[sendLanes.length];      // per producer: highest send index seen so far
            Arrays.fill(latest, -1);
            for (int i = 0; i < lane.size; i++) {
                M message = message(lane.messages[i]);
                int p = producerOf.applyAsInt(message);
                Integer index = p >= 0 && p < sendLanes.length ? sendIndex.get(p).get(seqOf.applyAsLong(message)) : null;
                if (index == null) {
                    unexpected.add(new Violation.Unexpected<>(c, message));
                    continue;
                }
                List<Integer> consumers = receivers.get(p).get(index);
                // Order is checked on each consumer's first reception of a message, also when
                // another consumer had it first (a duplicate, reported as such too).
                boolean firstHere = !consumers.contains(c);
                consumers.add(c);
                if (ordering == Ordering.PER_PRODUCER && firstHere) {
                    if (index < latest[p]) {
                        reordered.add(new Violation.Reordered<>(p, c, message, message(sendLanes[p].messages[latest[p]])));
                    } else {
                        latest[p] = index;
                    }
                }
            }
        }
        List<Violation<M>> violations = new ArrayList<>();
        List<Violation<M>> duplicated = new ArrayList<>();
        for (int p = 0; p < sendLanes.length; p++) {
            SendLane lane = sendLanes[p];
            for (int i = 0; i < lane.size; i++) {
                List<Integer> consumers = receivers.get(p).get(i);
                M message = message(lane.messages[i]);
                if (consumers.isEmpty()) {
                    violations.add(new Violation.Lost<>(p, lane.seqs[i], message));
                } else if (consumers.size() > 1) {
                    duplicated.add(new Violation.Duplicated<>(p, lane.seqs[i], message, consumers.size(), consumers));
                }
            }
        }
        violations.addAll(duplicated);
        violations.addAll(unexpected);
        violations.addAll(reordered);
        return new DeliveryReport<>(sent, received, violations);
    }

    private List<Map<Long, Integer>> indexSends() {
        List<Map<Long, Integer>> index = new ArrayList<>(sendLanes.length);
        for (int p = 0; p < sendLanes.length; p++) {
            SendLane lane = sendLanes[p];
            Map<Long, Integer> bySeq = HashMap.newHashMap(lane.size);
            for (int i = 0; i < lane.size; i++) {
                M message = message(lane.messages[i]);
                int carriedProducer = producerOf.applyAsInt(message);
                long carriedSeq = seqOf.applyAsLong(message);
                if (carriedProducer != p || carriedSeq != lane.seqs[i]) {
                    throw new IllegalStateException("message sent as producer " + p + " seq " + lane.seqs[i]
                            + " carries producer " + carriedProducer + " seq " + carriedSeq + ": " + Show.value(message));
                }
                if (bySeq.putIfAbsent(lane.seqs[i], i) != null) {
                    throw new IllegalStateException("producer " + p + " sent seq " + lane.seqs[i] + " twice");
                }
            }
            index.add(bySeq);
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private M message(Object stored) {
        return (M) stored;
    }

    private static <L> L lane(L[] lanes, int id, String role) {
        if (id < 0 || id >= lanes.length) {
            throw new IllegalArgumentException(role + ": " + id + " (expected: 0.." + (lanes.length - 1) + ")");
        }
        return lanes[id];
    }

    /** A producer's sends in order; written by one thread at a time, read after all writers are joined. */
    private static final class SendLane {
        long[] seqs = new long[64];
        Object[] messages = new Object[64];
        int size;

        void add(long seq, Object message) {
            if (size == seqs.length) {
                seqs = Arrays.copyOf(seqs, size * 2);
                messages = Arrays.copyOf(messages, size * 2);
            }
            seqs[size] = seq;
            messages[size] = message;
            size++;
        }
    }

    /** A consumer's receptions in order; written by one thread at a time, read after all writers are joined. */
    private static final class ReceiveLane {
        Object[] messages = new Object[64];
        int size;

        void add(Object message) {
            if (size == messages.length) {
                messages = Arrays.copyOf(messages, size * 2);
            }
            messages[size++] = message;
        }
    }
}
