package dev.cooper.concurrent.queue;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, lock-free, array-backed queue for one producer thread and one consumer thread
 * ({@link QueueKind#SPSC_ARRAY}).
 *
 * <p>Threads: one thread at a time inserts ({@code offer}, {@code add}, {@code put},
 * {@code fill}) and one thread at a time removes or peeks ({@code poll}, {@code take},
 * {@code remove()}, {@code peek}, {@code element}, {@code drain}, {@code drainTo},
 * {@code clear}); any thread may call {@code size}, {@code isEmpty}, {@code contains} and
 * iterate. {@code -Dcooper.queue.checkThreads=true} reports a second live producer (consumer)
 * thread with an {@link IllegalStateException}.
 *
 * <p>Progress: {@code offer}, {@code poll}, {@code peek}, {@code fill} and {@code drain} are
 * wait-free (a bounded number of steps, no retry loop); {@code put} and {@code take} block
 * (yield twice, then park). Memory consistency: actions in the producer before it inserts an
 * element happen-before actions in the consumer after it removes (or peeks) that element.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is rounded up
 * to a power of two, which {@link #capacity()} reports; {@code offer} fails exactly when
 * {@code size() == capacity()}. {@code size()} is exact when the queue is quiescent and
 * always within {@code [0, capacity()]}. Iteration is weakly consistent; the iterator's
 * {@code remove} and {@link #remove(Object)} throw {@link UnsupportedOperationException}.
 * Inserting and removing allocate nothing. Besides the ring, the array holds 64 unused slots,
 * 32 on either side, which keep both sides' writes off the cache line where every access
 * reads the array's length.
 *
 * @param <E> the type of the elements
 */
public final class SpscArrayQueue<E> extends AbstractArrayQueue<E> {
    /*
     * Algorithm. Lamport's single-producer single-consumer ring buffer (L. Lamport,
     * "Specifying concurrent program modules", ACM TOPLAS 5(2), 1983), with two refinements
     * that keep each side off the other's cache line:
     *
     * - The slot itself says whether it is free: null is empty, non-null is full. The consumer
     *   reads the slot it is about to take instead of the producer index, and the producer
     *   reads the slot it is about to fill instead of the consumer index (the FastFlow SWSR
     *   buffer: M. Torquati, "Single-Producer/Single-Consumer Queues on Shared Cache
     *   Multi-Core Systems", TR-10-20, Univ. of Pisa, 2010; M. Aldinucci et al., "FastFlow:
     *   high-level and efficient streaming on multi-core", 2012).
     * - The producer probes a slot lookAhead positions ahead; if that one is free, so are all
     *   the slots before it (the consumer frees slots in index order), and the producer may
     *   fill them without reading shared state again (the batched probe of B-Queue:
     *   J. Wang et al., "B-Queue: Efficient and Practical Queuing for Fast Core-to-Core
     *   Communication", IJPP 41(1), 2013). Only when the probe fails does it look at its own
     *   slot, so "full" is exact. A successful probe grants lookAhead + 1 slots, and drain
     *   gives slots back in runs of as many (freeRun): one run given back is what one probe
     *   needs. (With runs of lookAhead, the probe after each run freed would fail: a producer
     *   trailing a full ring would then read two slots per offer, one of them on the line
     *   drain is reading.)
     * - drain gives slots back in runs (the batched update of control variables of
     *   MCRingBuffer: P. P. C. Lee, T. Bu, G. Chandranmenon, "A Lock-Free, Cache-Efficient
     *   Multi-Core Synchronization Mechanism for Line-Rate Network Traffic Monitoring",
     *   IPDPS 2010; here the slots are the control variables). It hands the elements on one
     *   by one, but leaves their slots non-null until it frees a run of freeRun of them at
     *   once, then advances its index. A producer that has caught up with the consumer (a
     *   full ring, a slow consumer) then refills lines the consumer has finished with, not the
     *   line it is reading, so lines should change cores once per run rather than once per
     *   element (inferred from throughput, decision 0028; this VM counts no cache misses).
     *
     * Departures: the indices are kept although the slots alone decide empty/full, because
     * size(), isEmpty() and the iterator need them; each side writes only its own index, with a
     * release store (no CAS anywhere). The slot of index i is buffer[PAD + (i & mask)]: the
     * ring sits between two runs of PAD unused slots (decision 0033). The probe distance is
     * capacity/4, at most 4096 slots; a run, and a probe's grant, one slot more.
     *
     * Invariants (I = producerIndex, O = consumerIndex):
     * - O <= I <= O + capacity, as seen by the owning threads; the slot of index i holds the
     *   element of index i for O <= i < I, and null otherwise. During a drain the elements of
     *   the run not yet freed are in [O, I) although they were handed on: they still count in
     *   size() and still fill their slots, so "full" and size() == capacity stay the same.
     * - producerLimit <= O' + capacity for the consumer index O' at the time of the last
     *   successful probe: every index below producerLimit has a free slot.
     * - Each side publishes its slot store before its index store (the consumer nulls the
     *   slot, then advances its index: JCTools' order; with the mask field below, 3% faster
     *   than the reverse in paired rounds). So a reader may see an index that lags the slots:
     *   the producer may refill a slot whose freeing index store is still in flight
     *   (producerIndex - consumerIndex = capacity + 1 for a moment, up to capacity + a run
     *   while drain frees one), and a consumer may take an element whose producer index store
     *   is still in flight (a negative difference). size() brings the difference into
     *   [0, capacity].
     * - A blocking call that must wait, made from inside this queue's drain consumer (a put or
     *   timed offer into this queue or another, a take or timed poll from another) gives back
     *   the run that drain holds (giveBackRun) before it waits: into this queue it then
     *   retries rather than wait for room only its own thread could free. A plain offer there
     *   still finds the ring full, as size() says.
     */

    /**
     * Unused slots on either side of the ring ({@link #pad}): 128 bytes with compressed
     * references, two cache lines. Without them the array's header line, whose length both
     * sides read for the bounds check of every access, also held the ring's first slots, which
     * the two sides write once a lap. With them, the VM's slow state (cores far apart) ran
     * 3-13% faster in paired rounds (medians of four runs, three of a probe build with the same
     * hot paths and one of this class; ahead in 19 of 20 rounds) and the fast state level
     * (decision 0033). The hot paths use this constant, not the {@code pad} field, so no access
     * loads it.
     */
    static final int PAD = 32;

    /** Slots the producer probes ahead of its index. */
    private final int lookAhead;
    /**
     * {@code capacity() - 1}. The hot paths index with this field rather than with the
     * array's length (decision 0005's default for the array kinds); with the consumer's store
     * order below, this ran 3% faster in paired rounds (benchmarks/RESULTS.md, "SPSC in paired
     * rounds").
     */
    private final int mask;
    /** The most slots {@link #drain} holds before it gives them back to the producer. */
    private final int freeRun;
    /** Debug role checks; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final ThreadRoleCheck producerCheck = ThreadRoleCheck.forRole(QueueKind.SPSC_ARRAY, "producer");
    private final ThreadRoleCheck consumerCheck = ThreadRoleCheck.forRole(QueueKind.SPSC_ARRAY, "consumer");

    /**
     * Creates an empty queue.
     *
     * @param capacity the least number of elements it must hold; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public SpscArrayQueue(int capacity) {
        super(capacity, PAD, false, false);
        this.mask = capacity() - 1;
        this.lookAhead = quarterRing(capacity());
        this.freeRun = lookAhead + 1;
    }

    @Override
    public QueueKind kind() {
        return QueueKind.SPSC_ARRAY;
    }

    /** Producer thread only. */
    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            producerCheck.check();
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the producer index and limit.
        long index = plainProducerIndex();
        if (index >= plainProducerLimit() && !probeRoom(buffer, index)) {
            return false;
        }
        insert(buffer, index, e);
        signalNotEmpty();
        return true;
    }

    /**
     * Producer thread only. Inserts up to {@code limit} elements, probing for room once per
     * {@code capacity/4} slots, and checks for a waiting consumer once per call.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            producerCheck.enter();
        }
        Object[] buffer = this.buffer;
        long index = plainProducerIndex();
        int n = 0;
        try {
            while (n < limit && (index < plainProducerLimit() || probeRoom(buffer, index))) {
                E e = Objects.requireNonNull(supplier.get(), "supplier returned null");
                insert(buffer, index++, e);
                n++;
            }
        } finally {
            // Also when the supplier throws: the elements already in must wake a consumer.
            if (n > 0) {
                signalNotEmpty();
            }
            if (ThreadRoleCheck.ENABLED) {
                producerCheck.exit();
            }
        }
        return n;
    }

    /**
     * Whether the slot of {@code index} is free, raising the producer limit past it when the
     * look-ahead slot is free too. Called when {@code index} reached the limit.
     */
    private boolean probeRoom(Object[] buffer, long index) {
        long ahead = index + lookAhead;
        // Acquire: a null here was written by the consumer after it read the old element; the
        // free slots below it follow (the consumer frees in index order).
        if (acquireElement(buffer, PAD + ((int) ahead & mask)) == null) {
            plainProducerLimit(ahead + 1);
            return true;
        }
        return lookAhead > 0 && acquireElement(buffer, PAD + ((int) index & mask)) == null;
    }

    /** Publishes {@code e} at {@code index}, a slot known to be free. */
    private void insert(Object[] buffer, long index, E e) {
        // Release: the consumer's acquire of the slot then sees the element's contents.
        releaseElement(buffer, PAD + ((int) index & mask), e);
        // Release, after the element: a reader that sees the index sees the element.
        releaseProducerIndex(index + 1);
    }

    /** Consumer thread only. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the consumer index.
        long index = plainConsumerIndex();
        int offset = PAD + ((int) index & mask);
        // Acquire: pairs with the producer's release of the element.
        E e = acquireElement(buffer, offset);
        if (e == null) {
            return null;
        }
        free(buffer, index, offset);
        signalNotFull();
        return e;
    }

    /**
     * Consumer thread only. Removes up to {@code limit} elements and checks for a waiting
     * producer once per call, at its end: a producer parked on the full ring may wait until the
     * call returns. Each element is taken before it is handed on (if the consumer throws, it is
     * gone), but its slot goes back to the producer in runs of a quarter of the ring plus one
     * slot (at most 4097 slots), or at the end of the call: until then {@code size()} still counts it.
     * This keeps a producer that has caught up with the consumer off the cache lines the
     * consumer is reading. A {@code put} or timed {@code offer} made from inside the consumer
     * that finds the ring full gives the run back first, as does any blocking call there that
     * must wait on another queue.
     */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.enter();
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the consumer index. The slots of [freed, index) hold
        // elements this call has handed on (or is handing on) and not yet given back. A
        // blocking call from inside the consumer may give them back first (giveBackRun)
        // and refill the slots, so each free starts at the consumer index, which is then at or
        // past freed: a slot is never freed twice.
        long start = plainConsumerIndex();
        long freed = start;
        long index = start;
        OwnDrain own = OwnDrain.current();
        own.enter(this);
        try {
            while (index - start < limit) {
                // Acquire: pairs with the producer's release of the element. The slots read and
                // not yet freed stay non-null, so the producer cannot refill them.
                E e = acquireElement(buffer, PAD + ((int) index & mask));
                if (e == null) {
                    break;
                }
                own.end = ++index;
                consumer.accept(e);
                if (index - freed == freeRun) {
                    freeSlots(buffer, plainConsumerIndex(), index);
                    freed = index;
                }
            }
        } finally {
            own.exit();
            // Also when the consumer throws: the element it was given counts as removed.
            freed = plainConsumerIndex();
            if (index != freed) {
                freeSlots(buffer, freed, index);
            }
            // A producer that parked on the full ring before this call waits for this signal
            // (or its next bounded re-check, decision 0015): a long consumer callback delays
            // it, as the javadoc says.
            if (index != start) {
                signalNotFull();
            }
            if (ThreadRoleCheck.ENABLED) {
                consumerCheck.exit();
            }
        }
        return (int) (index - start);
    }

    /**
     * Gives the slots of {@code [from, to)} back to the producer, oldest first, then advances
     * the consumer index past them.
     */
    private void freeSlots(Object[] buffer, long from, long to) {
        for (long i = from; i < to; i++) {
            // Release: ordered after this thread's read of the element (the acquire that read it
            // already keeps the store after it). The producer may refill the slot from here on;
            // it probes in index order, so freeing oldest first never shows it a gap.
            releaseElement(buffer, PAD + ((int) i & mask), null);
        }
        // Release, after the nulls: a reader that sees the new index sees the slots free.
        releaseConsumerIndex(to);
    }

    /**
     * Consumer thread only, from a blocking call that must wait, inside this queue's drain
     * consumer (on any queue): frees the slots of {@code [consumer index, end)}, which that drain has handed
     * on and not yet freed, and wakes a waiting producer (see {@link OwnDrain}).
     *
     * @return whether any slot was freed
     */
    boolean giveBackRun(long end) {
        long freed = plainConsumerIndex();
        if (end == freed) {
            return false;
        }
        freeSlots(buffer, freed, end);
        signalNotFull();
        return true;
    }

    /** Frees the slot of {@code index} after its element was read. */
    private void free(Object[] buffer, long index, int offset) {
        // Release: ordered after our read of the element (the acquire above already forbids
        // moving the store before it). The producer may refill the slot from here on.
        releaseElement(buffer, offset, null);
        // Release, after the null: a reader that sees the new index sees the slot free.
        releaseConsumerIndex(index + 1);
    }

    /** Consumer thread only. */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        // Plain own index; acquire of the slot as in poll.
        return acquireElement(buffer, PAD + ((int) plainConsumerIndex() & mask));
    }
}
