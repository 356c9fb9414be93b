package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, array-backed queue for any number of producer and consumer threads
 * ({@link QueueKind#MPMC_ARRAY}).
 *
 * <p>Threads: any thread may call any method. {@code -Dcooper.queue.checkThreads=true} reports
 * the calls {@link MessageQueue} forbids from inside {@link #fill}'s supplier (an insert, take
 * or peek) and {@link #drain}'s consumer (a take or an insert) on the same queue with an
 * {@link IllegalStateException}.
 *
 * <p>Progress: a failed CAS in {@code offer} or {@code poll} means another thread completed
 * its own call. One window waits instead: a producer has claimed a slot but not yet published
 * its element (a few instructions), or a consumer has claimed one but not yet released it;
 * a consumer (producer) that needs that very slot waits for it (spin, yield, then short parks) rather than
 * report empty (full) while the indices say otherwise. A thread descheduled inside that window
 * delays the others at that slot until it runs again (as in Vyukov's queue and JCTools'
 * MpmcArrayQueue). {@code fill} and {@code drain} claim a run of slots with one CAS and
 * then hold them while they call the supplier (consumer) slot by slot, so the window lasts as
 * long as those calls. {@code put} and {@code take} block: they retry, then park, without
 * the yields of the other lock-free kinds (decision 0020). Memory
 * consistency: actions in a thread before it inserts an element happen-before actions in the
 * thread that removes (or peeks) that element, after the removal.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is rounded up
 * to a power of two (1 stays 1), which {@link #capacity()} reports; {@code offer} fails
 * exactly when {@code size() == capacity()}. {@code size()} is exact when the queue is
 * quiescent and always within {@code [0, capacity()]}, with one exception: after a
 * {@code fill} whose supplier failed while another producer claimed past its run, the slots
 * it could not fill count in {@code size()} until a consumer passes them (see
 * {@link #fill}). Iteration is weakly consistent; the
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
     * Batches. fill and drain claim a run of slots with one CAS on their index instead of one
     * per element, the batch claim of the LMAX Disruptor's multi-producer sequencer (the
     * "next(n)" claim; M. Thompson et al., 2011) carried over to Vyukov's slots. JCTools'
     * MpmcArrayQueue (N. Wakart; 4.0.7) batch-claims in its fill and drain too, when the slot
     * a fixed look-ahead step away is ready, and otherwise falls back to one slot at a time
     * (its fillOneByOne/drainOneByOne); its MpscArrayQueue claims a batch against the cached
     * consumer index. Here the run is the longest stretch
     * from the index whose sequences already say "free for i" (fill) or "holds i" (drain),
     * read before the CAS: such a slot can only change hands through a CAS that moves the
     * index past it, so a successful CAS from the index read makes the whole stretch the
     * claimer's, and nobody waits on a slot after claiming it. Each slot of the run is then
     * published (or taken) in index order by its own release of the sequence, exactly as by
     * offer (poll); the check for waiters runs once per call and wakes up to one per element
     * (slot) the call moved.
     * A claimed run must be completed. fill calls the supplier only for claimed slots; if it
     * throws or returns null, the rest of the run goes back by a CAS of the producer index
     * from the run's end to the failed slot, which succeeds only if no producer has claimed
     * past the run; otherwise each remaining slot is published holding GAP, which consumers
     * remove without handing on. drain gives back the run's rest after a throwing consumer
     * the same way on the consumer index; otherwise it hands the rest to that consumer.
     *
     * Invariants (I = producerIndex, O = consumerIndex, s(i) = sequence of slot i & mask):
     * - O <= I <= O + capacity.
     * - For i in [O, I): s(i) = 2i + 1 and the slot holds element i (or a GAP), or s(i) = 2i
     *   while the producer that won i is still writing (for a fill: still calling its
     *   supplier). For i in [I - capacity, O): s(i) = 2i + 1 while the consumer that won i is
     *   still clearing the slot (for a drain: until it reaches i in its run), else
     *   2(i + capacity).
     * - A producer writes slot i only after seeing s(i) = 2i and winning the CAS that moves I
     *   from i or below to above i; a consumer reads and clears it only after seeing
     *   s(i) = 2i + 1 and winning the CAS that moves O past i in the same way; each hands the
     *   slot on with a release of the next sequence value, after its element store. So every
     *   element is written once, read once, by one thread each.
     * - I moves down only by a fill giving back [f, e) with a CAS from e to f: all of [f, e)
     *   is claimed by that fill and unpublished, so O <= f (consumers claim published slots
     *   only) and the ring below f is unchanged. O moves down only by a drain giving back
     *   [f, e) with a CAS from e to f: all of [f, e) is still published and untouched, and
     *   no producer can have claimed a slot one lap past it (its sequence never said free),
     *   so I <= f + capacity. Either way the first invariant holds, and a value of I (O) seen
     *   again after such a move means the same claims as before it.
     * - size() bounds: a reader that sees O = o sees I >= o (the consumer of o - 1 saw s =
     *   2(o-1) + 1, released after the producer's CAS); a reader that sees I = i sees
     *   O >= i - capacity (the producer of i - 1 saw s = 2(i - 1), released after its
     *   consumer's CAS one lap back). Neither needs the clamp in size(). A GAP counts as an
     *   element in size() until a consumer removes it.
     */

    /** The slots' sequence numbers; see the class comment for their meaning. */
    private final long[] sequences;
    /** Debug checks; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final CallbackReentryCheck fillCheck =
            CallbackReentryCheck.forFill(QueueKind.MPMC_ARRAY, CallbackReentryCheck.FILL_CLAIMS_SLOTS);
    private final CallbackReentryCheck drainCheck =
            CallbackReentryCheck.forDrain(QueueKind.MPMC_ARRAY, CallbackReentryCheck.DRAIN_CLAIMS_RUN);

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

    /**
     * None: a blocked {@code put} or {@code take} parks after its retries. With one producer
     * and one consumer in the VM's slow state, the two yields kept both sides at each other's
     * heels, each waiting out the other's claimed slot, at 14-16 M elements/s (below
     * ArrayBlockingQueue); parking at once ran at 22-26 (decision 0020).
     */
    @Override
    int blockedYields() {
        return 0;
    }

    /** Any thread. */
    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
            drainCheck.check("offer", CallbackReentryCheck.DRAIN_HOLDS_SLOTS);
        }
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        int capacity = buffer.length;
        for (int round = 0; ; ) {
            // Acquire, here and for the sequence: any recent value will do; the sequence
            // check and the CAS below validate it.
            long index = acquireProducerIndex();
            long sequence = acquireSequence(sequences, offset(index, buffer));
            long free = 2 * index;
            if (sequence == free) {
                if (casProducerIndex(index, index + 1)) { // success claims the slot (linearizes)
                    publish(buffer, sequences, index, e);
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

    /**
     * Any thread. Claims a run of free slots with one CAS on the producer index (as many as
     * are free from the index on, up to what is left of {@code limit}), then calls the
     * supplier once per claimed slot and publishes each element as soon as it has it; repeats
     * until {@code limit} elements are in or the ring is full. Checks for waiting consumers
     * once per call and wakes up to one per element. While the supplier runs, consumers that
     * reach the claimed slots wait for them. If the supplier throws or returns null, the
     * claimed slots it did not fill are given back when no other producer has claimed past
     * them, and otherwise published as gaps that consumers skip (decision 0008).
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("fill", CallbackReentryCheck.DRAIN_HOLDS_SLOTS);
            fillCheck.enter();
        }
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        int n = 0;
        try {
            while (n < limit) {
                long index;
                long end;
                for (int round = 0; ; ) {
                    // Acquire, index and sequences: validated by the scan and the CAS below.
                    index = acquireProducerIndex();
                    long sequence = acquireSequence(sequences, offset(index, buffer));
                    if (sequence == 2 * index) {
                        // Extend the run over the free slots that follow. A slot free for its
                        // index stays so until the producer that wins that index writes it,
                        // and the CAS below fails if anyone has. The scan ends within one lap:
                        // the slot of index + capacity still says "free for index".
                        end = index + 1;
                        long last = index + (limit - n);
                        while (end < last && acquireSequence(sequences, offset(end, buffer)) == 2 * end) {
                            end++;
                        }
                        if (casProducerIndex(index, end)) { // claims [index, end) (linearizes)
                            break;
                        }
                    } else if (sequence < 2 * index) {
                        // As in offer: full, or a consumer is still clearing the slot.
                        if (index - buffer.length >= acquireConsumerIndex()) {
                            return n;
                        }
                        Backoff.pause(round++);
                    }
                }
                for (; index < end; index++) {
                    E e;
                    try {
                        e = supplier.get();
                    } catch (Throwable t) {
                        abandon(buffer, sequences, index, end);
                        throw t;
                    }
                    if (e == null) {
                        abandon(buffer, sequences, index, end);
                        throw new NullPointerException("supplier returned null");
                    }
                    publish(buffer, sequences, index, e);
                    n++;
                }
            }
        } finally {
            // Once per call, after the last publication, waking up to one consumer per element;
            // the claim was a CAS, so the handshake with a registering consumer is fenced
            // (decision 0002).
            signalNotEmpty(n);
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
    private void abandon(Object[] buffer, long[] sequences, long from, long end) {
        // Succeeds only when the index is still end: no slot at or past end is claimed. None of
        // [from, end) is published, so no consumer has passed from (consumers claim published
        // slots only); one waiting at from re-reads the index and reports empty.
        if (casProducerIndex(end, from)) {
            return;
        }
        for (long index = from; index < end; index++) {
            publish(buffer, sequences, index, GAP);
        }
    }

    /** Writes {@code e} into the slot of {@code index}, claimed by the caller, and hands it on. */
    private static void publish(Object[] buffer, long[] sequences, long index, Object e) {
        int offset = offset(index, buffer);
        // Release: ordered before the sequence store below anyway; a concurrent iterator's
        // acquire of the slot then sees the element's contents.
        releaseElement(buffer, offset, e);
        // Release: hands the slot to the consumer of index, with the element.
        releaseSequence(sequences, offset, 2 * index + 1);
    }

    /** Any thread. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("poll");
            drainCheck.check("poll");
        }
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        for (int round = 0; ; ) {
            // Acquire, here and for the sequence: validated by the check and the CAS below.
            long index = acquireConsumerIndex();
            long sequence = acquireSequence(sequences, offset(index, buffer));
            long full = 2 * index + 1;
            if (sequence == full) {
                if (casConsumerIndex(index, index + 1)) { // success claims the element (linearizes)
                    E e = take(buffer, sequences, index);
                    signalNotFull();
                    if (e != GAP) {
                        return e;
                    }
                    // A gap is no element: it freed its slot, and the head is the next index.
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

    /**
     * Any thread. Claims a run of published slots with one CAS on the consumer index (as many
     * as are published from the index on, up to what is left of {@code limit}), then frees
     * each slot and hands its element to {@code consumer}; repeats until {@code limit}
     * elements are out or the queue is empty. Checks for waiting producers once per call and
     * wakes up to one per freed slot. If
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
            fillCheck.check("drain");
            drainCheck.enter();
        }
        Object[] buffer = this.buffer;
        long[] sequences = this.sequences;
        int n = 0;
        long freed = 0;
        try {
            while (n < limit) {
                long index;
                long end;
                for (int round = 0; ; ) {
                    // Acquire, index and sequences: validated by the scan and the CAS below.
                    index = acquireConsumerIndex();
                    long sequence = acquireSequence(sequences, offset(index, buffer));
                    if (sequence == 2 * index + 1) {
                        // Extend the run over the published slots that follow. A slot that
                        // holds its index's element keeps it until the consumer that wins that
                        // index takes it, and the CAS below fails if anyone has.
                        end = index + 1;
                        long last = index + (limit - n);
                        while (end < last && acquireSequence(sequences, offset(end, buffer)) == 2 * end + 1) {
                            end++;
                        }
                        if (casConsumerIndex(index, end)) { // claims [index, end) (linearizes)
                            break;
                        }
                    } else if (sequence < 2 * index + 1) {
                        // As in poll: empty, or a producer is still writing the slot.
                        if (index >= acquireProducerIndex()) {
                            return n;
                        }
                        Backoff.pause(round++);
                    }
                }
                for (; index < end; index++) {
                    E e = take(buffer, sequences, index);
                    freed++;
                    if (e == GAP) {
                        continue;
                    }
                    n++;
                    try {
                        consumer.accept(e);
                    } catch (Throwable t) {
                        freed += handBack(buffer, sequences, consumer, index + 1, end, t);
                        throw t;
                    }
                }
            }
        } finally {
            // Once per call, waking up to one producer per freed slot; the claim was a CAS, so
            // the handshake is fenced (decision 0002).
            signalNotFull(freed);
            if (ThreadRoleCheck.ENABLED) {
                drainCheck.exit();
            }
        }
        return n;
    }

    /**
     * After {@code consumer} threw with {@code failure}: gives back the claimed, untouched
     * slots {@code [from, end)} by moving the consumer index back from {@code end} to
     * {@code from} if no consumer has claimed past {@code end}; otherwise takes them and hands
     * their elements to {@code consumer}, adding what it throws to {@code failure}.
     *
     * @return how many slots it freed
     */
    private long handBack(Object[] buffer, long[] sequences, Consumer<? super E> consumer,
                          long from, long end, Throwable failure) {
        // Succeeds only when the index is still end: no slot at or past end is claimed. The
        // slots of [from, end) still hold their elements (sequence "holds i"), so the consumer
        // index moved back satisfies every invariant; producers waiting for them to be cleared
        // re-read it and see the ring as it is.
        if (from == end || casConsumerIndex(end, from)) {
            return 0;
        }
        for (long index = from; index < end; index++) {
            E e = take(buffer, sequences, index);
            if (e != GAP) {
                try {
                    consumer.accept(e);
                } catch (Throwable t) {
                    failure.addSuppressed(t);
                }
            }
        }
        return end - from;
    }

    /**
     * Takes the element (or gap) out of the slot of {@code index}, claimed by the caller, and
     * frees the slot for the producer one lap ahead.
     */
    private static <E> E take(Object[] buffer, long[] sequences, long index) {
        int offset = offset(index, buffer);
        // Acquire: the producer's element store precedes its release of the sequence the
        // caller saw, so this is the element of index.
        E e = acquireElement(buffer, offset);
        // Release, before the sequence store: the next producer of this slot writes only
        // after seeing the sequence, so it cannot meet this null.
        releaseElement(buffer, offset, null);
        // Release: hands the slot to the producer of index + capacity.
        releaseSequence(sequences, offset, 2 * (index + buffer.length));
        return e;
    }

    /** Any thread: the head element at one moment, or null if the queue is empty. */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("peek");
        }
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
                if (e == GAP) {
                    // Not an element: remove it as poll would, then look at the next index.
                    if (casConsumerIndex(index, index + 1)) {
                        take(buffer, sequences, index);
                        signalNotFull();
                    }
                } else if (e != null && acquireConsumerIndex() == index) {
                    // A null or a newer lap's element means a consumer took index meanwhile
                    // (and the acquire of what replaced it makes that consumer's CAS visible).
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
