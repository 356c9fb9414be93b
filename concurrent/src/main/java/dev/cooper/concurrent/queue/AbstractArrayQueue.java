package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;

/*
 * The field layout shared by the four lock-free array kinds, padded through the class
 * hierarchy so that the producer's and the consumer's hot fields never share a cache line
 * with each other or with the read-mostly fields around them:
 *
 *   AbstractLockFreeQueue fields (read-mostly: the two waiter stacks, two flags)
 *   ArrayQueuePad0            16 longs (128 bytes: two 64-byte lines, or one adjacent-line
 *                             prefetch pair)
 *   ArrayQueueProducerFields  producerIndex, producerLimit
 *   ArrayQueuePad1            16 longs
 *   ArrayQueueConsumerFields  consumerIndex, consumerLimit
 *   ArrayQueuePad2            16 longs
 *   AbstractArrayQueue        buffer (final, read-only after construction)
 *
 * HotSpot lays superclass fields before subclass fields and, from JDK 15 on, may move a
 * subclass field into a gap of a superclass only if it fits the gap; the pads and indices are
 * all longs and leave no gap, so the order above holds. Checked once with JOL on JDK 25.
 */

/** Padding before the producer's fields. */
abstract class ArrayQueuePad0<E> extends AbstractLockFreeQueue<E> {
    long p0_00, p0_01, p0_02, p0_03, p0_04, p0_05, p0_06, p0_07;
    long p0_08, p0_09, p0_10, p0_11, p0_12, p0_13, p0_14, p0_15;

    ArrayQueuePad0(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }
}

/** The producer side's index and its bound cache. */
abstract class ArrayQueueProducerFields<E> extends ArrayQueuePad0<E> {
    /**
     * Count of elements inserted (or slots claimed, on multi-producer kinds) since creation.
     * It only grows, with one exception: a multi-producer {@code fill} whose supplier fails
     * gives the unfilled end of its claimed run back by moving it down again, and only while
     * no other producer has claimed past that run. Written only through the VarHandle helpers
     * below.
     */
    private long producerIndex;
    /**
     * A bound below which the producer may insert without looking at the consumer side: the
     * single producer's look-ahead limit (SPSC) or the producers' shared cache of
     * {@code consumerIndex + capacity} (MPSC). Unused by the other kinds.
     */
    private long producerLimit;

    ArrayQueueProducerFields(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }

    // VarHandle mechanics

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle PRODUCER_LIMIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(ArrayQueueProducerFields.class, "producerIndex", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(ArrayQueueProducerFields.class, "producerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long plainProducerIndex() {
        return (long) PRODUCER_INDEX.get(this);
    }

    final long acquireProducerIndex() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    final void releaseProducerIndex(long value) {
        PRODUCER_INDEX.setRelease(this, value);
    }

    final boolean casProducerIndex(long expected, long value) {
        return PRODUCER_INDEX.compareAndSet(this, expected, value);
    }

    final long plainProducerLimit() {
        return (long) PRODUCER_LIMIT.get(this);
    }

    final void plainProducerLimit(long value) {
        PRODUCER_LIMIT.set(this, value);
    }

    final long acquireProducerLimit() {
        return (long) PRODUCER_LIMIT.getAcquire(this);
    }

    final void releaseProducerLimit(long value) {
        PRODUCER_LIMIT.setRelease(this, value);
    }
}

/** Padding between the producer's and the consumer's fields. */
abstract class ArrayQueuePad1<E> extends ArrayQueueProducerFields<E> {
    long p1_00, p1_01, p1_02, p1_03, p1_04, p1_05, p1_06, p1_07;
    long p1_08, p1_09, p1_10, p1_11, p1_12, p1_13, p1_14, p1_15;

    ArrayQueuePad1(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }
}

/** The consumer side's index and its bound cache. */
abstract class ArrayQueueConsumerFields<E> extends ArrayQueuePad1<E> {
    /**
     * Count of elements removed (or slots claimed, on multi-consumer kinds) since creation;
     * never passes the producer index by more than a not-yet-visible store (see
     * {@link AbstractArrayQueue#size()}). It only grows, with one exception: a multi-consumer
     * {@code drain} whose consumer throws gives the untouched end of its claimed run back by
     * moving it down again, and only while no other consumer has claimed past that run.
     */
    private long consumerIndex;
    /**
     * The consumers' shared cache of the producer index (SPMC): below it a consumer may claim
     * without reading the producer's line. Unused by the other kinds.
     */
    private long consumerLimit;

    ArrayQueueConsumerFields(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }

    // VarHandle mechanics

    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle CONSUMER_LIMIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONSUMER_INDEX = lookup.findVarHandle(ArrayQueueConsumerFields.class, "consumerIndex", long.class);
            CONSUMER_LIMIT = lookup.findVarHandle(ArrayQueueConsumerFields.class, "consumerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long plainConsumerIndex() {
        return (long) CONSUMER_INDEX.get(this);
    }

    final long acquireConsumerIndex() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    final void releaseConsumerIndex(long value) {
        CONSUMER_INDEX.setRelease(this, value);
    }

    final boolean casConsumerIndex(long expected, long value) {
        return CONSUMER_INDEX.compareAndSet(this, expected, value);
    }

    final long acquireConsumerLimit() {
        return (long) CONSUMER_LIMIT.getAcquire(this);
    }

    final void releaseConsumerLimit(long value) {
        CONSUMER_LIMIT.setRelease(this, value);
    }
}

/** Padding after the consumer's fields. */
abstract class ArrayQueuePad2<E> extends ArrayQueueConsumerFields<E> {
    long p2_00, p2_01, p2_02, p2_03, p2_04, p2_05, p2_06, p2_07;
    long p2_08, p2_09, p2_10, p2_11, p2_12, p2_13, p2_14, p2_15;

    ArrayQueuePad2(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }
}

/**
 * What the four lock-free array kinds share: a ring of {@code 2^k} slots indexed by two
 * ever-growing {@code long} indices ({@code index & (length - 1)} is the slot), size and emptiness
 * from those indices, a weakly consistent iterator over the slots, and the slot accessors.
 *
 * <p>None of these kinds can remove an element from the middle of the ring, so
 * {@link #remove(Object)} and iterator removal throw {@link UnsupportedOperationException}.
 */
abstract class AbstractArrayQueue<E> extends ArrayQueuePad2<E> {
    /** Largest power of two an {@code int} capacity can round up to. */
    static final int MAX_CAPACITY = 1 << 30;

    /**
     * What a multi-producer {@code fill} publishes into a slot it had claimed but could not
     * fill, when its supplier failed and another producer had already claimed past it (so the
     * claim could not be given back). It is not an element: consumers remove and discard it
     * without handing it on or counting it, and the iterator skips it. Until a consumer passes
     * it, it takes up room and counts in {@code size()} (decision 0008).
     */
    static final Object GAP = new Object();

    /**
     * The slots; a slot holds null, {@link #GAP}, or exactly one element (never the same one
     * twice). Its
     * length is a power of two, so {@code buffer.length - 1} is the index mask.
     */
    final Object[] buffer;

    AbstractArrayQueue(int capacity, boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
        this.buffer = new Object[roundToPowerOfTwo(capacity)];
    }

    /**
     * The smallest power of two {@code >= capacity}.
     *
     * @throws IllegalArgumentException if {@code capacity < 1} or above {@link #MAX_CAPACITY}
     */
    static int roundToPowerOfTwo(int capacity) {
        checkCapacity(capacity);
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity: " + capacity + " (expected: <= " + MAX_CAPACITY + ")");
        }
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }

    /**
     * The slot of {@code index} in {@code buffer}. The mask is taken from the array's own
     * length rather than from a field: the JIT then knows the result is below the length, and
     * the bounds check of the access that follows shrinks to a test that the length is not 0
     * (decision 0005; perfasm shows a second access to the same slot still compiling a full
     * check). SpscArrayQueue measured faster with a mask field and keeps one instead.
     */
    static int offset(long index, Object[] buffer) {
        return (int) index & (buffer.length - 1);
    }

    /** The ring's length: the capacity asked for, rounded up to a power of two. */
    @Override
    public final int capacity() {
        return buffer.length;
    }

    /**
     * Any thread may ask. Reads the consumer index, then the producer index, then the
     * consumer index again until it has not moved, so that the two indices belong to one
     * moment of the consumer side (the approach of JCTools' {@code lvSize}). The result is
     * exact when the queue is quiescent; under concurrency the difference may be out of
     * range by a store still in flight (see the kind's class comment for which orderings allow
     * it) and is then brought into {@code [0, capacity()]}.
     */
    @Override
    public final int size() {
        long after = acquireConsumerIndex();
        while (true) {
            long before = after;
            long producer = acquireProducerIndex();
            after = acquireConsumerIndex();
            if (before == after) {
                long size = producer - after;
                return size <= 0 ? 0 : (int) Math.min(size, buffer.length);
            }
        }
    }

    /**
     * Any thread may ask; from the indices, consumer index first, so exact when quiescent.
     * Every kind's {@code poll} returns null only when the indices say empty, so a
     * {@code false} seen by the only consumer guarantees that its next {@code poll} returns an
     * element.
     */
    @Override
    public final boolean isEmpty() {
        long consumer = acquireConsumerIndex();
        return consumer >= acquireProducerIndex();
    }

    /**
     * Always throws: the ring cannot give up a slot in its middle.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public final boolean remove(Object o) {
        throw new UnsupportedOperationException(kind() + " does not support remove(Object)");
    }

    /**
     * A weakly consistent iterator: it walks the slots of the indices present when it was
     * created (at most {@link #capacity()} of them), returning each non-null element it finds
     * there. It never throws {@link java.util.ConcurrentModificationException}, returns no
     * element twice, and may return an element inserted or removed after its creation. Its
     * {@code remove} throws {@link UnsupportedOperationException}. Any thread may iterate.
     */
    @Override
    public final Iterator<E> iterator() {
        long consumer = acquireConsumerIndex();
        long producer = acquireProducerIndex();
        // The elements present at creation sit at most one ring length below the producer.
        return new Itr(Math.max(consumer, producer - buffer.length), producer);
    }

    private final class Itr implements Iterator<E> {
        private final long end;
        private long index;
        private E next;

        Itr(long start, long end) {
            this.index = start;
            this.end = end;
            this.next = advance();
        }

        /**
         * The next slot in range holding an element (not null, not a gap). Every slot is read
         * at most once and an element lives in one slot only, hence no element is returned
         * twice.
         */
        private E advance() {
            while (index < end) {
                E e = acquireElement(buffer, offset(index++, buffer));
                if (e != null && e != GAP) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public E next() {
            E e = next;
            if (e == null) {
                throw new NoSuchElementException();
            }
            next = advance();
            return e;
        }
    }

    // VarHandle mechanics

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    @SuppressWarnings("unchecked")
    static <E> E acquireElement(Object[] buffer, int offset) {
        return (E) ELEMENT.getAcquire(buffer, offset);
    }

    static void releaseElement(Object[] buffer, int offset, Object value) {
        ELEMENT.setRelease(buffer, offset, value);
    }
}
