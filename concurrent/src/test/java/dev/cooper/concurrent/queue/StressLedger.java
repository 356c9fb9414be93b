package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What the consumers of a multi-threaded queue stress run received, checked for exactly-once
 * delivery, per-producer order and no loss. Shared by {@link QueueStressTest} and
 * {@link BatchClaimStressTest}; every method is thread-safe except that each consumer keeps its
 * own {@link #newLastSeen()} array.
 */
final class StressLedger {

    /** A message: who sent it and its place in that producer's sequence. */
    record Message(int producer, int seq) {
    }

    private final int producers;
    private final int perProducer;
    private final boolean consecutive;
    private final AtomicIntegerArray deliveries;
    private final AtomicInteger received = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    /**
     * @param consecutive whether each consumer must see a producer's messages with no gap
     *                    (true with a single consumer), not only in increasing order
     */
    StressLedger(int producers, int perProducer, boolean consecutive) {
        this.producers = producers;
        this.perProducer = perProducer;
        this.consecutive = consecutive;
        this.deliveries = new AtomicIntegerArray(producers * perProducer);
    }

    /** Whether as many messages were received as were sent (not that they were the right ones). */
    boolean allReceived() {
        return received.get() >= producers * perProducer;
    }

    /** A consumer's record of the last sequence it saw per producer. */
    int[] newLastSeen() {
        int[] last = new int[producers];
        Arrays.fill(last, -1);
        return last;
    }

    /** Records a received message, with the calling consumer's {@code last} array. */
    void accept(Message m, int[] last) {
        received.incrementAndGet();
        int p = m.producer();
        if (p < 0 || p >= producers || m.seq() < 0 || m.seq() >= perProducer) {
            violations.add("unexpected " + m);
            return;
        }
        if (deliveries.incrementAndGet(p * perProducer + m.seq()) > 1) {
            violations.add("duplicated " + m);
        }
        boolean inOrder = consecutive ? m.seq() == last[p] + 1 : m.seq() > last[p];
        if (!inOrder) {
            violations.add("reordered " + m + " after seq " + last[p] + " of producer " + p
                    + " on " + Thread.currentThread().getName());
        }
        last[p] = m.seq();
    }

    /** Records a violation found outside the deliveries (a size out of bounds, say). */
    void violation(String what) {
        violations.add(what);
    }

    /**
     * Throws an {@link AssertionError} naming {@code run} and the first 20 problems if any
     * message was unexpected, duplicated, reordered or lost, or {@code extra} is not empty.
     */
    void assertClean(Object run, List<String> extra) {
        List<String> all = new ArrayList<>(violations);
        for (int i = 0; i < deliveries.length(); i++) {
            if (deliveries.get(i) == 0) {
                all.add("lost " + new Message(i / perProducer, i % perProducer));
            }
        }
        all.addAll(extra);
        if (!all.isEmpty()) {
            throw new AssertionError(run + ": " + all.size() + " violations, first: "
                    + all.subList(0, Math.min(20, all.size())));
        }
    }
}
