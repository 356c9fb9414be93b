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
 *   AbstractLockFreeQueue fields (read-only after construction: two flags)
 *   LockFreeQueuePad          128 bytes (two 64-byte lines, or one adjacent-line prefetch
 *                             pair)
 *   ArrayQueueProducerFields  producerIndex, producerLimit, notEmptyTop
 *   ArrayQueuePad1            128 bytes
 *   ArrayQueueConsumerFields  consumerIndex, consumerLimit, notFullTop
 *   ArrayQueuePad2            128 bytes
 *   AbstractArrayQueue        buffer (final, read-only after construction)
 *
 * Each side's line also holds the waiter-stack top that side reads after every change
 * (decision 0018): the producers check notEmptyTop after an insert, the consumers notFullTop
 * after a removal, so the check reads a line the checking core has just written.
 *
 * The padding is in bytes, not longs: HotSpot lays superclass fields before subclass fields
 * but puts a subclass's field into a gap a superclass left before 8-byte alignment, and with
 * long pads the consumers' 4-byte notFullTop landed in the gap after the producers'
 * notEmptyTop. Byte pads fill such gaps themselves. Checked with JOL 0.17 on JDK 25:
 * producer fields at offsets 144-163, consumer fields at 292-311, buffer at 440.
 */

/** The producer side's index and its bound cache. */
abstract class ArrayQueueProducerFields<E> extends LockFreeQueuePad<E> {
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
    /**
     * Top of the stack of consumers waiting for an element (see {@link AbstractLockFreeQueue}):
     * on this line because producers read it after every insert.
     */
    private volatile Waiters.Node notEmptyTop;

    ArrayQueueProducerFields(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }

    // VarHandle mechanics

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle PRODUCER_LIMIT;
    private static final VarHandle NOT_EMPTY_TOP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(ArrayQueueProducerFields.class, "producerIndex", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(ArrayQueueProducerFields.class, "producerLimit", long.class);
            NOT_EMPTY_TOP = lookup.findVarHandle(ArrayQueueProducerFields.class, "notEmptyTop", Waiters.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    final VarHandle notEmptyTop() {
        return NOT_EMPTY_TOP;
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
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

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
    /**
     * Top of the stack of producers waiting for room (see {@link AbstractLockFreeQueue}): on
     * this line because consumers read it after every removal.
     */
    private volatile Waiters.Node notFullTop;

    ArrayQueueConsumerFields(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }

    // VarHandle mechanics

    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle CONSUMER_LIMIT;
    private static final VarHandle NOT_FULL_TOP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONSUMER_INDEX = lookup.findVarHandle(ArrayQueueConsumerFields.class, "consumerIndex", long.class);
            CONSUMER_LIMIT = lookup.findVarHandle(ArrayQueueConsumerFields.class, "consumerLimit", long.class);
            NOT_FULL_TOP = lookup.findVarHandle(ArrayQueueConsumerFields.class, "notFullTop", Waiters.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    final VarHandle notFullTop() {
        return NOT_FULL_TOP;
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
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p20a, p20b, p20c, p20d, p20e, p20f;
    byte p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p21a, p21b, p21c, p21d, p21e, p21f;
    byte p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p22a, p22b, p22c, p22d, p22e, p22f;
    byte p230, p231, p232, p233, p234, p235, p236, p237, p238, p239, p23a, p23b, p23c, p23d, p23e, p23f;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p24a, p24b, p24c, p24d, p24e, p24f;
    byte p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p25a, p25b, p25c, p25d, p25e, p25f;
    byte p260, p261, p262, p263, p264, p265, p266, p267, p268, p269, p26a, p26b, p26c, p26d, p26e, p26f;
    byte p270, p271, p272, p273, p274, p275, p276, p277, p278, p279, p27a, p27b, p27c, p27d, p27e, p27f;

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
     * twice). The ring is {@code buffer[pad, pad + capacity())}, its length a power of two,
     * with {@link #pad} unused slots on either side; with no pad, {@code buffer.length - 1} is
     * the index mask.
     */
    final Object[] buffer;

    /**
     * Unused slots before the ring and after it: 0, or {@code SPSC_ARRAY}'s
     * {@code SpscArrayQueue.PAD}. They keep the array's header, whose length every bounds check
     * reads, off the lines that the two sides write, and the ring's last line off the next
     * object in the heap (benchmarks/RESULTS.md, "Twenty-second session"). Kinds with no pad
     * index with {@link #offset}.
     */
    final int pad;

    AbstractArrayQueue(int capacity, boolean fencedInsert, boolean fencedRemove) {
        this(capacity, 0, fencedInsert, fencedRemove);
    }

    AbstractArrayQueue(int capacity, int pad, boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
        this.pad = pad;
        this.buffer = new Object[roundToPowerOfTwo(capacity) + 2 * pad];
    }

    /**
     * The smallest power of two {@code >= capacity}.
     *
     * @throws IllegalArgumentException if {@code capacity < 1} or above {@link #MAX_ARRAY_CAPACITY}
     */
    static int roundToPowerOfTwo(int capacity) {
        checkArrayCapacity(capacity);
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }

    /**
     * The slot of {@code index} in {@code buffer}, for kinds with no {@link #pad}. The mask is
     * taken from the array's own length rather than from a field: the JIT then knows the result
     * is below the length, and the bounds check of the access that follows shrinks to a test
     * that the length is not 0 (decision 0005; perfasm shows a second access to the same slot
     * still compiling a full check). SpscArrayQueue measured faster with a mask field and keeps
     * one instead.
     */
    static int offset(long index, Object[] buffer) {
        return (int) index & (buffer.length - 1);
    }

    /** The slot of {@code index} in {@link #buffer}, for any kind; off the hot paths. */
    final int slot(long index) {
        return pad + ((int) index & (capacity() - 1));
    }

    /**
     * A quarter of a ring of {@code length} slots, at most 4096: how far SpscArrayQueue's
     * producer probes ahead, and how many slots the single-consumer drains free before they
     * publish them (SpscArrayQueue's and MpscArrayQueue's algorithm notes, decision 0028).
     */
    static int quarterRing(int length) {
        return Math.min(length / 4, 4096);
    }

    /** The ring's length: the capacity asked for, rounded up to a power of two. */
    @Override
    public final int capacity() {
        return buffer.length - 2 * pad;
    }

    /**
     * Any thread may ask. Reads the consumer index, then the producer index, then the
     * consumer index again until it has not moved, so that the two indices belong to one
     * moment of the consumer side (the approach of JCTools' {@code lvSize}). The result is
     * exact when the queue is quiescent; under concurrency the difference may be out of
     * range by stores still in flight (one, or on {@code SPSC_ARRAY} up to a run of a drain;
     * see the kind's class comment for which orderings allow it) and is then brought into
     * {@code [0, capacity()]}.
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
                return size <= 0 ? 0 : (int) Math.min(size, capacity());
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
        return new Itr(Math.max(consumer, producer - capacity()), producer);
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
                E e = acquireElement(buffer, slot(index++));
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

        @Override
        public void remove() {
            throw new UnsupportedOperationException(kind() + " does not support removal through its iterator");
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
