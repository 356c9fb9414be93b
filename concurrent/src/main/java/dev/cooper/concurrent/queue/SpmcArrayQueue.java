package dev.cooper.concurrent.queue;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A bounded, array-backed queue for one producer thread and any number of consumer threads
 * ({@link QueueKind#SPMC_ARRAY}).
 *
 * <p>Threads: one thread at a time inserts ({@code offer}, {@code add}, {@code put},
 * {@code fill}); any thread may remove or peek, and call {@code size}, {@code isEmpty},
 * {@code contains} and iterate. {@code -Dcooper.queue.checkThreads=true} reports a second live
 * producer thread with an {@link IllegalStateException}.
 *
 * <p>Progress: {@code poll} and {@code peek} are lock-free (a failed CAS or re-read means
 * another consumer got an element). The producer's {@code offer} and {@code fill} are
 * wait-free except in one window: a consumer has claimed the slot the producer needs next
 * (one lap back) but not yet cleared it (a few instructions); the producer then waits for it
 * (spin, then yield) rather than report a queue full whose indices say otherwise. A consumer
 * descheduled inside that window delays the producer until it runs again. {@code put} and
 * {@code take} block (spin, yield, then park). Memory consistency: actions in the producer
 * before it inserts an element happen-before actions in a consumer after it removes (or
 * peeks) that element.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is rounded up
 * to a power of two, which {@link #capacity()} reports; {@code offer} fails exactly when
 * {@code size() == capacity()}. {@code size()} is exact when the queue is quiescent and
 * always within {@code [0, capacity()]}. Iteration is weakly consistent; the iterator's
 * {@code remove} and {@link #remove(Object)} throw {@link UnsupportedOperationException}.
 * Inserting and removing allocate nothing.
 *
 * @param <E> the type of the elements
 */
public final class SpmcArrayQueue<E> extends AbstractArrayQueue<E> {
    /*
     * Algorithm. A Lamport ring (L. Lamport, "Specifying concurrent program modules", ACM
     * TOPLAS 5(2), 1983) with one producer publishing by release stores, and consumers that
     * claim an index by CAS on the consumer index, then take the element out of its slot and
     * clear it. Consumers share a cached copy of the producer index and read the producer's
     * line only when they reach it; the producer reads the slot it is about to fill (as in
     * JCTools' SpmcArrayQueue, N. Wakart; FastFlow's null-slot test, M. Torquati, TR-10-20,
     * Univ. of Pisa, 2010).
     *
     * The hazard: a consumer claims index i (the CAS) and only then reads and clears slot
     * i & mask. Until it clears it, the producer must not write index i + capacity there.
     * So the producer writes only into a null slot. A non-null slot means either the ring is
     * full (producerIndex - consumerIndex == capacity) and offer fails, or a consumer has
     * claimed that slot and is about to clear it, and the producer waits for the null.
     *
     * Invariants (I = producerIndex, O = consumerIndex, L = consumerLimit):
     * - O <= I <= O + capacity. The slot of index i in [O, I) holds its element; a slot of an
     *   index in [I - capacity, O) whose consumer has not finished still holds that old
     *   element; every other slot is null. The producer writes a slot only when it is null,
     *   and only the consumer that claimed an index clears its slot: no element is lost or
     *   overwritten, and none is taken twice (the CAS hands each index to one consumer).
     * - L <= I for the current I (I only grows; L is always some earlier I). L may move
     *   backwards when two consumers refresh it at once; that costs a re-read of I.
     * - size() bounds: a reader that sees O = o sees I >= o (the claiming consumer read it
     *   before its CAS); a reader that sees I = i sees O >= i - capacity (the producer saw the
     *   slot cleared, after the CAS of its consumer). Neither needs the clamp in size().
     */

    /** Debug role check; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final ThreadRoleCheck producerCheck = ThreadRoleCheck.forRole(QueueKind.SPMC_ARRAY, "producer");

    /**
     * Creates an empty queue.
     *
     * @param capacity the least number of elements it must hold; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public SpmcArrayQueue(int capacity) {
        super(capacity, false, true);
    }

    @Override
    public QueueKind kind() {
        return QueueKind.SPMC_ARRAY;
    }

    /** Producer thread only. */
    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            producerCheck.check();
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the producer index.
        long index = plainProducerIndex();
        if (!awaitFreeSlot(buffer, index)) {
            return false;
        }
        insert(buffer, index, e);
        signalNotEmpty();
        return true;
    }

    /**
     * Producer thread only. Inserts up to {@code limit} elements and checks for a waiting
     * consumer once per call.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            producerCheck.check();
        }
        Object[] buffer = this.buffer;
        long index = plainProducerIndex();
        int n = 0;
        try {
            while (n < limit && awaitFreeSlot(buffer, index)) {
                E e = Objects.requireNonNull(supplier.get(), "supplier returned null");
                insert(buffer, index++, e);
                n++;
            }
        } finally {
            // Also when the supplier throws: the elements already in must wake a consumer.
            if (n > 0) {
                signalNotEmpty();
            }
        }
        return n;
    }

    /**
     * Whether the producer may write {@code index}: false if the ring is full; otherwise
     * true, after waiting for a consumer that claimed the slot one lap back to clear it.
     */
    private boolean awaitFreeSlot(Object[] buffer, long index) {
        int offset = offset(index, buffer);
        // Acquire: a null here was written by the consumer of the previous lap after it read
        // its element, so the write that follows cannot race with that read.
        if (acquireElement(buffer, offset) == null) {
            return true;
        }
        // Acquire: pairs with the consumers' CAS; index - O == capacity means truly full.
        if (index - acquireConsumerIndex() >= buffer.length) {
            return false;
        }
        for (int round = 0; acquireElement(buffer, offset) != null; round++) {
            Backoff.pause(round);
        }
        return true;
    }

    /** Publishes {@code e} at {@code index}, a slot known to be free. */
    private void insert(Object[] buffer, long index, E e) {
        // Release: a consumer's acquire of the slot then sees the element's contents.
        releaseElement(buffer, offset(index, buffer), e);
        // Release, after the element: a consumer that sees the index finds the element.
        releaseProducerIndex(index + 1);
    }

    /** Any thread. */
    @Override
    public E poll() {
        // Acquire: pairs with the release of a consumer that refreshed the cache, so the
        // elements below it are visible here too.
        long limit = acquireConsumerLimit();
        long index;
        do {
            // Acquire: any recent value will do, the CAS below validates it.
            index = acquireConsumerIndex();
            if (index >= limit) {
                // Acquire: pairs with the producer's release; elements below it are written.
                limit = acquireProducerIndex();
                if (index >= limit) {
                    return null;
                }
                // Release: passes the producer index just read on to the other consumers.
                releaseConsumerLimit(limit);
            }
        } while (!casConsumerIndex(index, index + 1)); // success claims the element (linearizes)
        Object[] buffer = this.buffer;
        int offset = offset(index, buffer);
        // Acquire: non-null, since index < producerIndex seen above and only this thread may
        // clear the slot before the producer writes it again.
        E e = acquireElement(buffer, offset);
        // Release: the producer's acquire of the null orders our read before its next write.
        releaseElement(buffer, offset, null);
        signalNotFull();
        return e;
    }

    /** Any thread: the head element at one moment, or null if the queue is empty. */
    @Override
    public E peek() {
        Object[] buffer = this.buffer;
        while (true) {
            // Acquire, both: the element below the producer index seen is written.
            long index = acquireConsumerIndex();
            if (index >= acquireProducerIndex()) {
                return null;
            }
            E e = acquireElement(buffer, offset(index, buffer));
            // A null or a newer lap's element means a consumer took index meanwhile (and the
            // acquire of what replaced it makes that consumer's CAS visible): try again.
            if (e != null && acquireConsumerIndex() == index) {
                return e;
            }
        }
    }
}
