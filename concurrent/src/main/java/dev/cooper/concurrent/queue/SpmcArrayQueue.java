package dev.cooper.concurrent.queue;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, array-backed queue for one producer thread and any number of consumer threads
 * ({@link QueueKind#SPMC_ARRAY}).
 *
 * <p>Threads: one thread at a time inserts ({@code offer}, {@code add}, {@code put},
 * {@code fill}); any thread may remove or peek, and call {@code size}, {@code isEmpty},
 * {@code contains} and iterate. {@code -Dcooper.queue.checkThreads=true} reports a second live
 * producer thread with an {@link IllegalStateException}, and a take or an insert from inside
 * {@link #drain}'s consumer on the same queue (which {@link MessageQueue#drain} forbids; see
 * {@link #drain}).
 *
 * <p>Progress: {@code poll} and {@code peek} are lock-free (a failed CAS or re-read means
 * another consumer got an element). The producer's {@code offer} and {@code fill} are
 * wait-free except in one window: a consumer has claimed the slot the producer needs next
 * (one lap back) but not yet cleared it (a few instructions); the producer then waits for it
 * (spin, yield, then short parks) rather than report a queue full whose indices say
 * otherwise. A consumer descheduled inside that window delays the producer until it runs
 * again; a consumer in {@code drain} clears its claimed slots one by one between calls of its
 * consumer, so there the window lasts as long as those calls. {@code put} and {@code take}
 * block (yield twice, then park). Memory consistency: actions in the producer
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
     * Batches. drain claims a run of indices with one CAS on the consumer index, bounded by
     * the same cached producer index as poll (the consumer-side mirror of the batch claim of
     * the Disruptor's multi-producer sequencer and of JCTools' MpscArrayQueue.fill), then
     * takes and clears the slots one by one in index order, each with its own release of the
     * null, handing each element on after clearing its slot; the waiting-producer check runs
     * once per drain. If the consumer throws, the rest of the run goes back by a CAS of the
     * consumer index from the run's end to the first index not handed on, which succeeds
     * only if no consumer has claimed past the run; otherwise the rest is handed to the same
     * consumer. fill needs no claim: the producer is the only thread that moves I.
     *
     * Invariants (I = producerIndex, O = consumerIndex, L = consumerLimit):
     * - O <= I <= O + capacity. The slot of index i in [O, I) holds its element; a slot of an
     *   index in [I - capacity, O) whose consumer has not finished still holds that old
     *   element; every other slot is null. The producer writes a slot only when it is null,
     *   and only the consumer that claimed an index clears its slot: no element is lost or
     *   overwritten, and none is taken twice (the CAS hands each index to one consumer).
     * - L <= I for the current I (I only grows; L is always some earlier I). L may move
     *   backwards when two consumers refresh it at once; that costs a re-read of I.
     * - O moves down only by a drain giving back [f, e) with a CAS from e to f: the slots of
     *   [f, e) still hold their elements, so the producer cannot have written one lap past
     *   them (I <= f + capacity), and a consumer that claims from f finds its elements. A
     *   producer waiting for one of those slots to be cleared re-reads O on every round, so
     *   it then reports the ring full instead of waiting for a clear that may never come. A
     *   value of O seen again after such a move means the same claims as before it.
     * - size() bounds: a reader that sees O = o sees I >= o (the claiming consumer read it
     *   before its CAS); a reader that sees I = i sees O >= i - capacity (the producer saw the
     *   slot cleared, after the CAS of its consumer). Neither needs the clamp in size().
     */

    /** Debug checks; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final ThreadRoleCheck producerCheck = ThreadRoleCheck.forRole(QueueKind.SPMC_ARRAY, "producer");
    private final CallbackReentryCheck drainCheck =
            CallbackReentryCheck.forDrain(QueueKind.SPMC_ARRAY, CallbackReentryCheck.DRAIN_CLAIMS_RUN);

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
            drainCheck.check("offer", CallbackReentryCheck.DRAIN_HOLDS_SLOTS);
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
     * Producer thread only. Inserts up to {@code limit} elements and checks for waiting
     * consumers once per call, waking up to one per element.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("fill", CallbackReentryCheck.DRAIN_HOLDS_SLOTS);
            producerCheck.enter();
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
            // Also when the supplier throws: the elements already in must wake consumers, up
            // to one per element.
            signalNotEmpty(n);
            if (ThreadRoleCheck.ENABLED) {
                producerCheck.exit();
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
        for (int round = 0; ; round++) {
            // Acquire: pairs with the consumers' CAS; index - O == capacity means truly full.
            // Read again on every round: a drain whose consumer threw may give its claim on
            // this slot back, moving O down, and the ring is then full after all.
            if (index - acquireConsumerIndex() >= buffer.length) {
                return false;
            }
            Backoff.pause(round);
            // Acquire: as above.
            if (acquireElement(buffer, offset) == null) {
                return true;
            }
        }
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
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("poll");
        }
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
        E e = take(buffer, index);
        signalNotFull();
        return e;
    }

    /**
     * Any thread. Claims a run of elements with one CAS on the consumer index (as many as the
     * cached producer index allows, up to what is left of {@code limit}), then takes each out
     * of its slot and hands it to {@code consumer}; repeats until {@code limit} elements are
     * out or the queue is empty. Checks for a waiting producer once per call. If
     * {@code consumer} throws, the claimed elements it was not given are given back when no
     * other consumer has claimed past them; otherwise they are handed to it too (each further
     * exception added to the first as suppressed), since no other consumer can reach them any
     * more (decision 0008). The first exception then propagates.
     *
     * <p>Until {@code consumer} has been given them, the claimed elements are out of reach of
     * every other call, this thread's too: a {@code poll} from inside {@code consumer} gets the
     * element after the run before the rest of the run, {@code isEmpty()} and {@code size()}
     * leave the run out, and a {@code take} there on a queue holding nothing past the run
     * waits for a new element, for ever if none comes. {@link MessageQueue#drain} forbids
     * such takes, and {@code -Dcooper.queue.checkThreads=true} refuses them ({@code poll},
     * {@code take}, {@code drain}, {@code drainTo}, {@code clear}) with an
     * {@link IllegalStateException}. {@code peek} there is allowed, and sees the element after
     * the run. An insert there must not be made either: the slots of the run not yet handed
     * on stay held, and an insert that wraps onto one (a nearly full ring) waits for this very
     * call, for ever; the debug option refuses it too.
     */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.enter();
        }
        Object[] buffer = this.buffer;
        int n = 0;
        try {
            while (n < limit) {
                // Acquire: as in poll.
                long bound = acquireConsumerLimit();
                long index;
                long end;
                do {
                    // Acquire: any recent value will do, the CAS below validates it.
                    index = acquireConsumerIndex();
                    if (index >= bound) {
                        // Acquire: as in poll.
                        bound = acquireProducerIndex();
                        if (index >= bound) {
                            return n;
                        }
                        releaseConsumerLimit(bound);
                    }
                    // Every slot below the bound holds its element (see the class comment).
                    end = Math.min(bound, index + (limit - n));
                } while (!casConsumerIndex(index, end)); // claims [index, end) (linearizes)
                for (; index < end; index++) {
                    E e = take(buffer, index);
                    n++;
                    try {
                        consumer.accept(e);
                    } catch (Throwable t) {
                        n += handBack(buffer, consumer, index + 1, end, t);
                        throw t;
                    }
                }
            }
        } finally {
            // Once per call; the claim was a CAS, so the handshake is fenced (decision 0002).
            if (n > 0) {
                signalNotFull();
            }
            if (ThreadRoleCheck.ENABLED) {
                drainCheck.exit();
            }
        }
        return n;
    }

    /**
     * After {@code consumer} threw with {@code failure}: gives back the claimed, untouched
     * elements of {@code [from, end)} by moving the consumer index back from {@code end} to
     * {@code from} if no consumer has claimed past {@code end}; otherwise takes them and hands
     * them to {@code consumer}, adding what it throws to {@code failure}.
     *
     * @return how many elements it took
     */
    private int handBack(Object[] buffer, Consumer<? super E> consumer, long from, long end, Throwable failure) {
        // Succeeds only when the index is still end: no index at or past end is claimed. The
        // slots of [from, end) still hold their elements, so the consumer index moved back
        // satisfies every invariant; the producer, if it waits for one of them to be cleared,
        // re-reads it and sees the ring full.
        if (from == end || casConsumerIndex(end, from)) {
            return 0;
        }
        for (long index = from; index < end; index++) {
            try {
                consumer.accept(take(buffer, index));
            } catch (Throwable t) {
                failure.addSuppressed(t);
            }
        }
        return (int) (end - from);
    }

    /** Takes the element out of the slot of {@code index}, claimed by the caller. */
    private static <E> E take(Object[] buffer, long index) {
        int offset = offset(index, buffer);
        // Acquire: non-null, since index is below a producer index seen before the claim and
        // only the claimer may clear the slot before the producer writes it again.
        E e = acquireElement(buffer, offset);
        // Release: the producer's acquire of the null orders our read before its next write.
        releaseElement(buffer, offset, null);
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
