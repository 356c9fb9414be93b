package dev.cooper.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractQueue;
import java.util.Iterator;

/**
 * The floor of {@code SPSC_ARRAY}'s {@code offer}/{@code poll}, as a plain {@link java.util.Queue}
 * ({@code impl=floor.spscRing} in {@link QueueThroughput}): the same ring, the same probe ahead
 * and the same memory orderings, without what lets a thread wait. It has no waiter checks
 * (the load of a waiter stack's top after each insert and each removal), no role check, no
 * blocking calls, no drain runs and no class hierarchy shared with other kinds. Its ring sits
 * between 32 unused slots on either side inside its array, as {@code SPSC_ARRAY}'s does since
 * decision 0033 (RESULTS.md, "Twenty-second session"). It serves one producer thread and one
 * consumer thread, and its {@code size} is a snapshot. It measures what the ring alone costs
 * in the harness where {@code SPSC_ARRAY} is set against JCTools' {@code SpscArrayQueue},
 * which cannot block either (RESULTS.md, "Twenty-first session").
 *
 * @param <E> the type of the elements
 */
public final class SpscRingFloor<E> extends SpscRingFloorFields<E> {
    /*
     * Algorithm: Lamport's single-producer single-consumer ring (ACM TOPLAS 5(2), 1983) with
     * null slots as the empty/full test (FastFlow's SWSR buffer, Torquati, TR-10-20, 2010)
     * and the producer's probe a quarter of the ring ahead (B-Queue, Wang et al., IJPP 41(1),
     * 2013), as in dev.cooper.concurrent.queue.SpscArrayQueue, whose comment states the
     * invariants. Each side writes only its own index and the slots it fills or frees; no CAS.
     */

    /**
     * Creates an empty ring.
     *
     * @param capacity a power of two
     */
    public SpscRingFloor(int capacity) {
        super(capacity);
    }

    @Override
    public boolean offer(E e) {
        if (e == null) {
            throw new NullPointerException("element is null");
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the producer index and limit.
        long index = (long) PRODUCER_INDEX.get(this);
        if (index >= (long) PRODUCER_LIMIT.get(this) && !probeRoom(buffer, index)) {
            return false;
        }
        // Release: the consumer's acquire of the slot then sees the element's contents.
        ELEMENT.setRelease(buffer, PAD + ((int) index & mask), e);
        // Release, after the element: a reader of the index sees the element.
        PRODUCER_INDEX.setRelease(this, index + 1);
        return true;
    }

    /** Whether the slot of {@code index} is free; raises the limit when the probe finds room. */
    private boolean probeRoom(Object[] buffer, long index) {
        long ahead = index + lookAhead;
        // Acquire: a null here was written after the consumer read that slot's element, and
        // the consumer frees slots in index order, so every slot up to it is free too.
        if (ELEMENT.getAcquire(buffer, PAD + ((int) ahead & mask)) == null) {
            PRODUCER_LIMIT.set(this, ahead + 1);
            return true;
        }
        return lookAhead > 0 && ELEMENT.getAcquire(buffer, PAD + ((int) index & mask)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the consumer index.
        long index = (long) CONSUMER_INDEX.get(this);
        int offset = PAD + ((int) index & mask);
        // Acquire: pairs with the producer's release of the element.
        E e = (E) ELEMENT.getAcquire(buffer, offset);
        if (e == null) {
            return null;
        }
        // Release, after the read of the element: the producer may refill the slot from here.
        ELEMENT.setRelease(buffer, offset, null);
        // Release, after the null: a reader of the index sees the slot free.
        CONSUMER_INDEX.setRelease(this, index + 1);
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        return (E) ELEMENT.getAcquire(buffer, PAD + ((int) (long) CONSUMER_INDEX.get(this) & mask));
    }

    /** A snapshot: the producer index less the consumer index, read one after the other. */
    @Override
    public int size() {
        long consumer = (long) CONSUMER_INDEX.getAcquire(this);
        long producer = (long) PRODUCER_INDEX.getAcquire(this);
        return (int) Math.max(0, Math.min(producer - consumer, mask + 1));
    }

    /** The benchmarks that use this floor never iterate it. */
    @Override
    public Iterator<E> iterator() {
        throw new UnsupportedOperationException("a benchmark floor has no iterator");
    }
}

/** Padding between the object header's line and the read-only fields. */
abstract class SpscRingFloorPad0<E> extends AbstractQueue<E> {
    byte c00, c01, c02, c03, c04, c05, c06, c07, c08, c09, c0a, c0b, c0c, c0d, c0e, c0f;
    byte c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c1a, c1b, c1c, c1d, c1e, c1f;
    byte c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c2a, c2b, c2c, c2d, c2e, c2f;
    byte c30, c31, c32, c33, c34, c35, c36, c37, c38, c39, c3a, c3b, c3c, c3d, c3e, c3f;
    byte c40, c41, c42, c43, c44, c45, c46, c47, c48, c49, c4a, c4b, c4c, c4d, c4e, c4f;
    byte c50, c51, c52, c53, c54, c55, c56, c57, c58, c59, c5a, c5b, c5c, c5d, c5e, c5f;
    byte c60, c61, c62, c63, c64, c65, c66, c67, c68, c69, c6a, c6b, c6c, c6d, c6e, c6f;
    byte c70, c71, c72, c73, c74, c75, c76, c77, c78, c79, c7a, c7b, c7c, c7d, c7e, c7f;
}

/** The read-only fields. */
abstract class SpscRingFloorCold<E> extends SpscRingFloorPad0<E> {
    /** Unused slots on either side of the ring inside {@link #buffer}. */
    static final int PAD = 32;

    /** The ring is {@code buffer[PAD, PAD + mask + 1)}. */
    final Object[] buffer;
    final int mask;
    final int lookAhead;

    SpscRingFloorCold(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        buffer = new Object[capacity + 2 * PAD];
        mask = capacity - 1;
        lookAhead = Math.min(capacity / 4, 4096);
    }
}

/*
 * Each padding is a class of its own: HotSpot lays out a class's fields longs first and puts
 * small ones into gaps, so pads declared in the same class as the fields they should isolate
 * end up beside them, not around them (a first build put buffer on the producer's line that
 * way: RESULTS.md, "Twenty-first session").
 */

/** Padding between the read-only fields and the producer's line. */
abstract class SpscRingFloorPad1<E> extends SpscRingFloorCold<E> {
    byte p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
    byte p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
    byte p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
    byte p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
    byte p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p4a, p4b, p4c, p4d, p4e, p4f;
    byte p50, p51, p52, p53, p54, p55, p56, p57, p58, p59, p5a, p5b, p5c, p5d, p5e, p5f;
    byte p60, p61, p62, p63, p64, p65, p66, p67, p68, p69, p6a, p6b, p6c, p6d, p6e, p6f;
    byte p70, p71, p72, p73, p74, p75, p76, p77, p78, p79, p7a, p7b, p7c, p7d, p7e, p7f;

    SpscRingFloorPad1(int capacity) {
        super(capacity);
    }
}

/** The producer's line: its index and how far it may fill before it probes again. */
abstract class SpscRingFloorProducer<E> extends SpscRingFloorPad1<E> {
    long producerIndex;
    long producerLimit;

    SpscRingFloorProducer(int capacity) {
        super(capacity);
    }
}

/** Padding between the producer's line and the consumer's. */
abstract class SpscRingFloorPad2<E> extends SpscRingFloorProducer<E> {
    byte q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q0a, q0b, q0c, q0d, q0e, q0f;
    byte q10, q11, q12, q13, q14, q15, q16, q17, q18, q19, q1a, q1b, q1c, q1d, q1e, q1f;
    byte q20, q21, q22, q23, q24, q25, q26, q27, q28, q29, q2a, q2b, q2c, q2d, q2e, q2f;
    byte q30, q31, q32, q33, q34, q35, q36, q37, q38, q39, q3a, q3b, q3c, q3d, q3e, q3f;
    byte q40, q41, q42, q43, q44, q45, q46, q47, q48, q49, q4a, q4b, q4c, q4d, q4e, q4f;
    byte q50, q51, q52, q53, q54, q55, q56, q57, q58, q59, q5a, q5b, q5c, q5d, q5e, q5f;
    byte q60, q61, q62, q63, q64, q65, q66, q67, q68, q69, q6a, q6b, q6c, q6d, q6e, q6f;
    byte q70, q71, q72, q73, q74, q75, q76, q77, q78, q79, q7a, q7b, q7c, q7d, q7e, q7f;

    SpscRingFloorPad2(int capacity) {
        super(capacity);
    }
}

/** The consumer's line. */
abstract class SpscRingFloorConsumer<E> extends SpscRingFloorPad2<E> {
    long consumerIndex;

    SpscRingFloorConsumer(int capacity) {
        super(capacity);
    }
}

/** Padding after the consumer's line, and the handles on the fields. */
abstract class SpscRingFloorFields<E> extends SpscRingFloorConsumer<E> {
    byte r00, r01, r02, r03, r04, r05, r06, r07, r08, r09, r0a, r0b, r0c, r0d, r0e, r0f;
    byte r10, r11, r12, r13, r14, r15, r16, r17, r18, r19, r1a, r1b, r1c, r1d, r1e, r1f;
    byte r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r2a, r2b, r2c, r2d, r2e, r2f;
    byte r30, r31, r32, r33, r34, r35, r36, r37, r38, r39, r3a, r3b, r3c, r3d, r3e, r3f;
    byte r40, r41, r42, r43, r44, r45, r46, r47, r48, r49, r4a, r4b, r4c, r4d, r4e, r4f;
    byte r50, r51, r52, r53, r54, r55, r56, r57, r58, r59, r5a, r5b, r5c, r5d, r5e, r5f;
    byte r60, r61, r62, r63, r64, r65, r66, r67, r68, r69, r6a, r6b, r6c, r6d, r6e, r6f;
    byte r70, r71, r72, r73, r74, r75, r76, r77, r78, r79, r7a, r7b, r7c, r7d, r7e, r7f;

    static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);
    static final VarHandle PRODUCER_INDEX;
    static final VarHandle PRODUCER_LIMIT;
    static final VarHandle CONSUMER_INDEX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(SpscRingFloorProducer.class, "producerIndex", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(SpscRingFloorProducer.class, "producerLimit", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(SpscRingFloorConsumer.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SpscRingFloorFields(int capacity) {
        super(capacity);
    }
}
