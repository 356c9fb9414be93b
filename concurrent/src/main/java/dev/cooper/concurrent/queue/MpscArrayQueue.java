package dev.cooper.concurrent.queue;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, array-backed queue for any number of producer threads and one consumer thread
 * ({@link QueueKind#MPSC_ARRAY}).
 *
 * <p>Threads: any thread may insert ({@code offer}, {@code add}, {@code put}, {@code fill});
 * one thread at a time removes or peeks ({@code poll}, {@code take}, {@code remove()},
 * {@code peek}, {@code element}, {@code drain}, {@code drainTo}, {@code clear}); any thread may
 * call {@code size}, {@code isEmpty}, {@code contains} and iterate.
 * {@code -Dcooper.queue.checkThreads=true} reports a second live consumer thread with an
 * {@link IllegalStateException}.
 *
 * <p>Progress: {@code offer} is lock-free (a failed CAS means another producer got in). The
 * consumer's {@code poll}, {@code peek} and {@code drain} are wait-free except in one window:
 * a producer has claimed the head slot but not yet written its element (a few instructions);
 * the consumer then waits for that element (spin, yield, then short parks) rather than report a queue empty
 * whose indices say otherwise. A producer descheduled inside that window delays the consumer
 * until it runs again; a producer in {@code fill} holds its claimed slots while it calls the
 * supplier, so there the window lasts as long as those calls. {@code put} and {@code take}
 * block (yield twice, then park). Memory
 * consistency: actions in a thread before it inserts an element happen-before actions in the
 * consumer after it removes (or peeks) that element.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is rounded up
 * to a power of two, which {@link #capacity()} reports; {@code offer} fails exactly when
 * {@code size() == capacity()}. {@code size()} is exact when the queue is quiescent and
 * always within {@code [0, capacity()]}, with one exception: after a {@code fill} whose
 * supplier failed while another producer claimed past its run, the slots it could not fill
 * count in {@code size()} until the consumer passes them (see {@link #fill}). Iteration is weakly consistent; the iterator's
 * {@code remove} and {@link #remove(Object)} throw {@link UnsupportedOperationException}.
 * Inserting and removing allocate nothing.
 *
 * @param <E> the type of the elements
 */
public final class MpscArrayQueue<E> extends AbstractArrayQueue<E> {
    /*
     * Algorithm. A Lamport ring (L. Lamport, "Specifying concurrent program modules", ACM
     * TOPLAS 5(2), 1983) whose producers claim a slot by CAS on the producer index, as the
     * multi-producer sequencer of the LMAX Disruptor does (M. Thompson et al., "Disruptor:
     * High performance alternative to bounded queues for exchanging data between concurrent
     * threads", 2011), then write the element into the claimed slot. The single consumer
     * reads slots, not the producer index (FastFlow's null-slot test: M. Torquati, TR-10-20,
     * Univ. of Pisa, 2010). Producers share a cached limit, consumerIndex + capacity, and
     * read the consumer index only when they reach it (the producer limit of JCTools'
     * MpscArrayQueue, N. Wakart).
     *
     * Departure from the plain null-slot test: a null head slot is ambiguous (empty, or
     * claimed and not yet written). The consumer then reads the producer index: equal to its
     * own means empty; greater means claimed, and it waits for the element, so poll never
     * returns null while the indices say there is an element.
     *
     * Batches. fill claims a run of slots with one CAS on the producer index, bounded by the
     * same cached limit as offer (the batch claim of the Disruptor's multi-producer
     * sequencer, "next(n)", and of JCTools' MpscArrayQueue.fill), then calls the supplier
     * once per claimed slot and publishes each element with its own release store, in index
     * order; the single consumer needs no change for that, since it already reads slot by
     * slot and waits at a claimed, unwritten one. The waiting-consumer check runs once per
     * fill. A claimed run must be completed: if the supplier throws or returns null, the rest
     * of the run goes back by a CAS of the producer index from the run's end to the failed
     * slot, which succeeds only if no producer has claimed past the run; otherwise each
     * remaining slot is published holding GAP, which the consumer frees without handing on.
     * The consumer's drain needs no claim: it is the only thread that moves O.
     *
     * Runs. drain nulls each slot as it takes the element, but publishes O only once per run
     * of freeRun slots, and at its end (the batched update of control variables of
     * MCRingBuffer: P. P. C. Lee, T. Bu, G. Chandranmenon, IPDPS 2010). Producers bound their
     * claims by O, so producers that have caught up with the consumer claim and write a run of
     * lines the consumer has finished with, not the line it is reading, and re-read O once per
     * run rather than once per element. Until a run is published its elements count in size()
     * and their room is not yet offered, so "full" and size() == capacity stay the same.
     *
     * Invariants (I = producerIndex, O = consumerIndex, L = producerLimit):
     * - O <= I <= O + capacity. Indices in [O, I) are claimed; each such slot holds its
     *   element (or a GAP) or, while its producer is still writing (for a fill: still
     *   calling its supplier), null. Every other slot is null.
     * - L <= O + capacity for the current O (O only grows, and L is always some earlier
     *   O' + capacity), so a producer that claims an index below L finds its slot free.
     *   L may move backwards when two producers refresh it at once; that costs a re-read of
     *   O, never correctness.
     * - The consumer nulls a slot before it publishes an O above it; a producer reads O (or an
     *   L derived from it) before claiming; so the producer's write never meets an element.
     * - I moves down only by a fill giving back [f, e) with a CAS from e to f: all of [f, e)
     *   is claimed by that fill and still null, so O <= f (the consumer stops at a null slot
     *   until it is written or I comes down to it), and a later claim from f finds the slots
     *   free as before. A value of I seen again after such a move means the same claims.
     * - size() bounds: a reader that sees I = i sees O >= i - capacity (the claiming producer
     *   read it before its CAS); a reader that sees O = o sees I >= o (the consumer read an
     *   element written after its CAS, and I never comes down below a written slot).
     *   Neither bound needs the clamp in size(). A GAP counts as an element in size() until
     *   the consumer frees it.
     */

    /** The most slots {@link #drain} frees before it publishes them with its index. */
    private final int freeRun;
    /** Debug checks; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final ThreadRoleCheck consumerCheck = ThreadRoleCheck.forRole(QueueKind.MPSC_ARRAY, "consumer");
    private final CallbackReentryCheck fillCheck =
            CallbackReentryCheck.forFill(QueueKind.MPSC_ARRAY, CallbackReentryCheck.FILL_CLAIMS_SLOTS);

    /**
     * Creates an empty queue.
     *
     * @param capacity the least number of elements it must hold; rounded up to a power of two
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public MpscArrayQueue(int capacity) {
        super(capacity, true, false);
        this.freeRun = Math.max(1, quarterRing(buffer.length));
    }

    @Override
    public QueueKind kind() {
        return QueueKind.MPSC_ARRAY;
    }

    /** Any thread. */
    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
        }
        Object[] buffer = this.buffer;
        // Acquire: pairs with the release of a producer that refreshed the limit, so the slots
        // freed by the consumer up to the index it read are visible as free here too.
        long limit = acquireProducerLimit();
        long index;
        do {
            // Acquire: any recent value will do, the CAS below validates it.
            index = acquireProducerIndex();
            if (index >= limit) {
                // Acquire: pairs with the consumer's release of its index, which follows its
                // nulling of the slot.
                limit = acquireConsumerIndex() + buffer.length;
                if (index >= limit) {
                    return false;
                }
                // Release: passes the consumer index just read on to the other producers.
                releaseProducerLimit(limit);
            }
        } while (!casProducerIndex(index, index + 1)); // success claims the slot (linearizes)
        // Release: the consumer's acquire of the slot then sees the element's contents.
        releaseElement(buffer, offset(index, buffer), e);
        signalNotEmpty();
        return true;
    }

    /**
     * Any thread. Claims a run of slots with one CAS on the producer index (as many as the
     * cached consumer index allows, up to what is left of {@code limit}), then calls the
     * supplier once per claimed slot and publishes each element as soon as it has it; repeats
     * until {@code limit} elements are in or the ring is full. Checks for a waiting consumer
     * once per call. While the supplier runs, the consumer waits at the first claimed slot it
     * reaches. If the supplier throws or returns null, the claimed slots it did not fill are
     * given back when no other producer has claimed past them, and otherwise published as gaps
     * that the consumer skips (decision 0008).
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.enter();
        }
        Object[] buffer = this.buffer;
        int n = 0;
        try {
            while (n < limit) {
                // Acquire: as in offer.
                long bound = acquireProducerLimit();
                long index;
                long end;
                do {
                    // Acquire: any recent value will do, the CAS below validates it.
                    index = acquireProducerIndex();
                    if (index >= bound) {
                        // Acquire: as in offer.
                        bound = acquireConsumerIndex() + buffer.length;
                        if (index >= bound) {
                            return n;
                        }
                        releaseProducerLimit(bound);
                    }
                    // Every slot below the bound is free (see the class comment).
                    end = Math.min(bound, index + (limit - n));
                } while (!casProducerIndex(index, end)); // claims [index, end) (linearizes)
                for (; index < end; index++) {
                    E e;
                    try {
                        e = supplier.get();
                    } catch (Throwable t) {
                        abandon(buffer, index, end);
                        throw t;
                    }
                    if (e == null) {
                        abandon(buffer, index, end);
                        throw new NullPointerException("supplier returned null");
                    }
                    // Release: the consumer's acquire of the slot then sees the element's
                    // contents; each slot is published on its own, in index order.
                    releaseElement(buffer, offset(index, buffer), e);
                    n++;
                }
            }
        } finally {
            // Once per call, after the last publication; the claim was a CAS, so the handshake
            // with a registering consumer is fenced (decision 0002).
            if (n > 0) {
                signalNotEmpty();
            }
            if (ThreadRoleCheck.ENABLED) {
                fillCheck.exit();
            }
        }
        return n;
    }

    /**
     * Gives back the claimed slots {@code [from, end)} that a failed supplier left empty: moves
     * the producer index back from {@code end} to {@code from} if no producer has claimed past
     * {@code end}; otherwise fills them with {@link #GAP}s, since a later element depends on
     * them being published.
     */
    private void abandon(Object[] buffer, long from, long end) {
        // Succeeds only when the index is still end: no slot at or past end is claimed. The
        // slots of [from, end) are still null, so the consumer has not passed from; waiting
        // there, it re-reads the index and reports empty.
        if (casProducerIndex(end, from)) {
            return;
        }
        for (long index = from; index < end; index++) {
            // Release: as for an element.
            releaseElement(buffer, offset(index, buffer), GAP);
        }
    }

    /** Consumer thread only. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("poll"); // first: a refused call must not take the consumer role
            consumerCheck.check();
        }
        Object[] buffer = this.buffer;
        // Plain: only this thread writes the consumer index.
        long index = plainConsumerIndex();
        while (true) {
            int offset = offset(index, buffer);
            E e = headElement(buffer, index, offset);
            if (e == null) {
                return null;
            }
            free(buffer, index++, offset);
            signalNotFull();
            if (e != GAP) {
                return e;
            }
            // A gap is no element: its slot is free again, and the head is the next index.
        }
    }

    /**
     * Consumer thread only. Removes up to {@code limit} elements and checks for waiting
     * producers once per call, waking up to one per freed slot. Each element is taken before it
     * is handed on (if the consumer throws, it is gone), but the room it leaves is offered to
     * producers in runs of up to a quarter of the ring (at most 4096 slots), or at the end of
     * the call: until then {@code size()} still counts it. This keeps producers that have
     * caught up with the consumer off the cache lines it is reading. A {@code put} or timed
     * {@code offer} made from inside the consumer that finds the ring full gives the run back
     * first, as does any blocking call there that must wait on another queue.
     */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("drain");
            consumerCheck.enter();
        }
        Object[] buffer = this.buffer;
        long start = plainConsumerIndex();
        long index = start;
        // The slots below index are null again; the index is published only up to here (or
        // further, by a blocking call from inside the consumer: giveBackRun).
        long published = start;
        OwnDrain own = OwnDrain.current();
        own.enter(this);
        int n = 0;
        try {
            while (n < limit) {
                int offset = offset(index, buffer);
                E e = headElement(buffer, index, offset);
                if (e == null) {
                    break;
                }
                // Release, and before the index store that publishes it: a producer that claims
                // this slot once it sees the new index must find it null.
                releaseElement(buffer, offset, null);
                own.end = ++index;
                if (e != GAP) {
                    n++;
                    consumer.accept(e);
                }
                if (index - published == freeRun) {
                    // Release: publishes the nulls of the run to the producers that read it.
                    releaseConsumerIndex(index);
                    published = index;
                }
            }
        } finally {
            own.exit();
            // Also when the consumer throws: the element it was given counts as removed.
            if (index != published) {
                releaseConsumerIndex(index);
            }
            // Removal here is a release store, not a CAS, so a producer that registered while
            // this call ran may have missed the freed slots; its first park is bounded by
            // AbstractLockFreeQueue.UNFENCED_PARK_NANOS.
            signalNotFull(index - start); // up to one waiting producer per freed slot
            if (ThreadRoleCheck.ENABLED) {
                consumerCheck.exit();
            }
        }
        return n;
    }

    /**
     * Consumer thread only, from a blocking call that must wait, inside this queue's drain
     * consumer (on any queue): publishes the slots below {@code end}, which that drain has already nulled,
     * and wakes the producers waiting for them (see {@link OwnDrain}). The index only grows:
     * the drain's own later publications are at or past it.
     *
     * @return whether any slot was published
     */
    boolean giveBackRun(long end) {
        long published = plainConsumerIndex();
        if (end == published) {
            return false;
        }
        // Release: publishes the nulls of the slots below end, as the drain's own store does.
        releaseConsumerIndex(end);
        signalNotFull(end - published);
        return true;
    }

    /** Consumer thread only. */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("peek"); // first: a refused call must not take the consumer role
            consumerCheck.check();
        }
        Object[] buffer = this.buffer;
        long index = plainConsumerIndex();
        while (true) {
            int offset = offset(index, buffer);
            E e = headElement(buffer, index, offset);
            if (e != GAP) {
                return e;
            }
            // Not an element: remove it as poll would, then look at the next index.
            free(buffer, index++, offset);
            signalNotFull();
        }
    }

    /**
     * The element (or gap) at the consumer's {@code index}, or null if the queue is empty;
     * waits for a claimed slot's element to be written, or for its claim to be given back.
     */
    private E headElement(Object[] buffer, long index, int offset) {
        for (int round = 0; ; round++) {
            // Acquire: pairs with the producer's release of the element.
            E e = acquireElement(buffer, offset);
            if (e != null) {
                return e;
            }
            // Acquire: the producer index cannot be below ours (we read the elements below it,
            // and a fill gives back only slots no element of which was written), so equal
            // means empty; above ours, the slot is claimed and its element is on its way.
            if (index == acquireProducerIndex()) {
                return null;
            }
            Backoff.pause(round);
        }
    }

    /** Frees the slot of {@code index} after its element was read. */
    private void free(Object[] buffer, long index, int offset) {
        // Release, and before the index: a producer that sees the new index (directly or
        // through the limit) and claims this slot must find it null.
        releaseElement(buffer, offset, null);
        // Release: publishes the null above to the producers that read the index.
        releaseConsumerIndex(index + 1);
    }
}
