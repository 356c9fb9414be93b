package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded, array-backed queue for any number of producer and consumer threads
 * ({@link QueueKind#MPMC_ARRAY}).
 *
 * <p>Threads: any thread may call any method.
 *
 * <p>Progress: a failed CAS in {@code offer} or {@code poll} means another thread completed
 * its own call. One window waits instead: a producer has claimed a slot but not yet published
 * its element (a few instructions), or a consumer has claimed one but not yet released it;
 * a consumer (producer) that needs that very slot waits for it (spin, then yield) rather than
 * report empty (full) while the indices say otherwise. A thread descheduled inside that window
 * delays the others at that slot until it runs again (as in Vyukov's queue and JCTools'
 * MpmcArrayQueue). {@code put} and {@code take} block (spin, yield, then park). Memory
 * consistency: actions in a thread before it inserts an element happen-before actions in the
 * thread that removes (or peeks) that element, after the removal.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is rounded up
 * to a power of two (1 stays 1), which {@link #capacity()} reports; {@code offer} fails
 * exactly when {@code size() == capacity()}. {@code size()} is exact when the queue is
 * quiescent and always within {@code [0, capacity()]}. Iteration is weakly consistent; the
 * iterator's {@code remove} and {@link #remove(Object)} throw
 * {@link UnsupportedOperationException}. Inserting and removing allocate nothing.
 *
 * @param <E> the type of the elements
 */
public final class MpmcArrayQueue<E> extends AbstractArrayQueue<E> {
    /*
     * Algorithm. D. Vyukov, "Bounded MPMC queue", 1024cores.net, 2010: a ring whose every
     * slot carries a sequence number that says whose turn it is. A producer reads the producer
     * index i, checks that slot i is free for index i, claims i by CAS on the producer index,
     * writes the element and moves the sequence to "holds i". A consumer does the mirror image
     * on the consumer index and moves the sequence to "free for i + capacity". Producers and
     * consumers meet only in the slots, never on each other's index, except to tell a full or
     * empty ring from a slot still in use.
     *
     * Departures:
     * - Sequence encoding. Vyukov uses seq = i (free for i), i + 1 (holds i), and
     *   i + capacity (free for the next lap); with capacity 1, "holds i" and "free for i + 1"
     *   are the same number. Here they are 2i (free for i) and 2i + 1 (holds i), distinct for
     *   every capacity, so capacity 1 works and needs no rounding. A long index overflows
     *   2i only after 2^62 operations.
     * - Full and empty. Vyukov's enqueue fails (dequeue fails) as soon as the slot is not yet
     *   free (not yet published). Here, as in JCTools' MpmcArrayQueue (N. Wakart), that only
     *   leads to reading the other side's index: offer fails only when producerIndex -
     *   consumerIndex == capacity, poll returns null only when the indices are equal; a slot
     *   still in use by a claimed operation is waited for. Hence offer fails exactly when
     *   size() == capacity(), and poll never returns null from a non-empty queue.
     * - A consumer clears the slot before it frees it for the next lap, so that the ring does
     *   not keep removed elements reachable and the iterator skips removed ones.
     * - The producerLimit/consumerLimit caches of the shared layout are not needed: the
     *   sequence answers "may I" without looking at the other side.
     *
     * Invariants (I = producerIndex, O = consumerIndex, s(i) = sequence of slot i & mask):
     * - O <= I <= O + capacity.
     * - For i in [O, I): s(i) = 2i + 1 and the slot holds element i, or s(i) = 2i while
     *   the producer that won i is still writing. For i in [I - capacity, O): s(i) = 2i + 1
     *   while the consumer that won i is still clearing the slot, else 2(i + capacity).
     * - A producer writes slot i only after seeing s(i) = 2i and winning the CAS I: i -> i+1;
     *   a consumer reads and clears it only after seeing s(i) = 2i + 1 and winning the CAS
     *   O: i -> i+1; each hands the slot on with a release of the next sequence value, after
     *   its element store. So every element is written once, read once, by one thread each.
     * - size() bounds: a reader that sees O = o sees I >= o (the consumer of o - 1 saw s =
     *   2(o-1) + 1, released after the producer's CAS); a reader that sees I = i sees
     *   O >= i - capacity (the producer of i - 1 saw s = 2(i - 1), released after its
     *   consumer's CAS one lap back). Neither needs the clamp in size().
     */

    /** The slots' sequence numbers; see the class comment for their meaning. */
    private final long[] sequences;

    /**
     * Creates an empty queue.
     *
     * @param capacity the least number of elements it must hold; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public MpmcArrayQueue(int capacity) {
        super(capacity, true, true);
        long[] s = new long[buffer.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 2L * i; // free for index i; published with the final field
        }
        this.sequences = s;
    }

    @Override
    public QueueKind kind() {
        return QueueKind.MPMC_ARRAY;
    }

    /** Any thread. */
    @Override
    public boolean offer(E e) {
        checkElement(e);
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        int capacity = buffer.length;
        for (int round = 0; ; ) {
            // Acquire, here and for the sequence: any recent value will do; the sequence
            // check and the CAS below validate it.
            long index = acquireProducerIndex();
            int offset = offset(index, buffer);
            long sequence = acquireSequence(sequences, offset);
            long free = 2 * index;
            if (sequence == free) {
                if (casProducerIndex(index, index + 1)) { // success claims the slot (linearizes)
                    // Release: ordered before the sequence store below anyway; a concurrent
                    // iterator's acquire of the slot then sees the element's contents.
                    releaseElement(buffer, offset, e);
                    // Release: hands the slot to the consumer of index, with the element.
                    releaseSequence(sequences, offset, free + 1);
                    signalNotEmpty();
                    return true;
                }
            } else if (sequence < free) {
                // The slot still holds index - capacity. Acquire: pairs with the consumers'
                // CAS; if none has claimed it, the ring is full.
                if (index - capacity >= acquireConsumerIndex()) {
                    return false;
                }
                // A consumer has claimed it and is clearing it, or our index was stale.
                Backoff.pause(round++);
            }
            // sequence > free: another producer took index; read the index again.
        }
    }

    /** Any thread. */
    @Override
    public E poll() {
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        for (int round = 0; ; ) {
            // Acquire, here and for the sequence: validated by the check and the CAS below.
            long index = acquireConsumerIndex();
            int offset = offset(index, buffer);
            long sequence = acquireSequence(sequences, offset);
            long full = 2 * index + 1;
            if (sequence == full) {
                if (casConsumerIndex(index, index + 1)) { // success claims the element (linearizes)
                    // Acquire: the producer's element store precedes its release of the
                    // sequence we saw, so this is the element of index.
                    E e = acquireElement(buffer, offset);
                    // Release, before the sequence store: the next producer of this slot
                    // writes only after seeing the sequence, so it cannot meet this null.
                    releaseElement(buffer, offset, null);
                    // Release: hands the slot to the producer of index + capacity.
                    releaseSequence(sequences, offset, 2 * (index + buffer.length));
                    signalNotFull();
                    return e;
                }
            } else if (sequence < full) {
                // Not published yet. Acquire: pairs with the producers' CAS; equal means empty.
                if (index >= acquireProducerIndex()) {
                    return null;
                }
                // A producer has claimed it and is writing it, or our index was stale.
                Backoff.pause(round++);
            }
            // sequence > full: another consumer took index; read the index again.
        }
    }

    /** Any thread: the head element at one moment, or null if the queue is empty. */
    @Override
    public E peek() {
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        for (int round = 0; ; ) {
            // Acquire, all: as in poll.
            long index = acquireConsumerIndex();
            int offset = offset(index, buffer);
            long sequence = acquireSequence(sequences, offset);
            long full = 2 * index + 1;
            if (sequence == full) {
                E e = acquireElement(buffer, offset);
                // A null or a newer lap's element means a consumer took index meanwhile (and
                // the acquire of what replaced it makes that consumer's CAS visible).
                if (e != null && acquireConsumerIndex() == index) {
                    return e;
                }
            } else if (sequence < full) {
                if (index >= acquireProducerIndex()) {
                    return null;
                }
                Backoff.pause(round++);
            }
        }
    }

    // VarHandle mechanics

    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    private static long acquireSequence(long[] sequences, int offset) {
        return (long) SEQUENCE.getAcquire(sequences, offset);
    }

    private static void releaseSequence(long[] sequences, int offset, long value) {
        SEQUENCE.setRelease(sequences, offset, value);
    }
}
