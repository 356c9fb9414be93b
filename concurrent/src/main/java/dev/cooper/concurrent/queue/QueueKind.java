package dev.cooper.concurrent.queue;

import java.util.function.IntFunction;

/**
 * Every {@link MessageQueue} implementation, with its concurrency contract.
 *
 * <p>A kind that is not {@link #multiProducer()} allows one producer thread at a time (the
 * methods that insert: {@code offer}, {@code add}, {@code put}, {@code fill}); a kind that is
 * not {@link #multiConsumer()} allows one consumer thread at a time (the methods that remove
 * or look at the head: {@code poll}, {@code take}, {@code remove}, {@code peek},
 * {@code element}, {@code drain}, {@code drainTo}, {@code clear}). Another thread may take over
 * a role once the previous one has stopped, given a happens-before edge between them (a
 * {@code Thread.join}, a lock, a volatile write and read). {@code size}, {@code isEmpty},
 * {@code capacity}, {@code remainingCapacity} and {@code contains} may be called from any
 * thread.
 *
 * <p>Debug option: run with {@code -Dcooper.queue.checkThreads=true} and a single-producer
 * (single-consumer) kind throws {@link IllegalStateException} when a second thread uses the
 * producer (consumer) role while the first is still alive. It cannot see the happens-before
 * edge of a legal hand-over, so it also refuses one between two live threads (workers of a
 * pool taking turns): use it where each role has one thread for its life. It also refuses the
 * calls from inside a {@code drain} consumer or {@code fill} supplier that {@link MessageQueue}
 * forbids: a take from inside {@code drain} on every kind (on {@link #MPMC_LINKED}, whose drain
 * is a loop of {@code poll}, it would do no harm, but it breaks the kinds whose drain claims a
 * run); an insert from inside {@code drain} on {@link #SPMC_ARRAY} and {@link #MPMC_ARRAY},
 * which hold the claimed run's slots; a call of the role from inside the role's batch call on
 * the single roles; an insert from inside {@code fill} on {@link #LOCKED_ARRAY}, and an
 * insert, take or peek on
 * {@link #MPSC_ARRAY} and {@link #MPMC_ARRAY}; and any call back into the queue on
 * {@link #TWO_LOCK_LINKED} and {@link #SEMAPHORE_ARRAY}. Off by default, and
 * then it costs nothing: the check sits behind a {@code static final} flag the JIT folds away.
 */
public enum QueueKind {

    // Lock-free, array-backed.

    /**
     * {@link SpscArrayQueue}: Lamport's ring (TOPLAS 1983) with FastFlow's null-slot check
     * (Torquati 2010) and B-Queue's batched look-ahead (Wang et al. 2013); one producer, one
     * consumer, bounded, wait-free {@code offer}/{@code poll}. The capacity is rounded up to a
     * power of two; {@code remove(Object)} and iterator removal throw
     * {@link UnsupportedOperationException}.
     */
    SPSC_ARRAY(false, false, true, true, true, SpscArrayQueue::new),

    /**
     * {@link MpscArrayQueue}: a Lamport ring whose producers claim slots by CAS on the
     * producer index (the Disruptor's multi-producer claim, Thompson et al. 2011) with a
     * shared cached limit (as JCTools' MpscArrayQueue); many producers, one consumer,
     * bounded, lock-free {@code offer}. {@code poll} waits for an element whose slot is
     * claimed but not yet written. The capacity is rounded up to a power of two;
     * {@code remove(Object)} and iterator removal throw {@link UnsupportedOperationException}.
     */
    MPSC_ARRAY(true, false, true, true, false, MpscArrayQueue::new),

    /**
     * {@link SpmcArrayQueue}: a Lamport ring with one producer publishing by release stores
     * and consumers claiming by CAS on the consumer index (as JCTools' SpmcArrayQueue); one
     * producer, many consumers, bounded, lock-free {@code poll}. {@code offer} waits for a
     * consumer that claimed the slot one lap back to clear it. The capacity is rounded up to
     * a power of two; {@code remove(Object)} and iterator removal throw
     * {@link UnsupportedOperationException}.
     */
    SPMC_ARRAY(false, true, true, true, false, SpmcArrayQueue::new),

    /**
     * {@link MpmcArrayQueue}: Dmitry Vyukov's bounded MPMC queue (1024cores.net, 2010), a
     * sequence number per slot and a CAS on each index; many producers, many consumers,
     * bounded. {@code offer} ({@code poll}) waits for a slot claimed one lap back (claimed
     * but not yet written) instead of failing while the indices say there is room (an
     * element). The capacity is rounded up to a power of two (1 stays 1);
     * {@code remove(Object)} and iterator removal throw {@link UnsupportedOperationException}.
     */
    MPMC_ARRAY(true, true, true, true, false, MpmcArrayQueue::new),

    // Lock-free, linked.

    /**
     * {@link MpscLinkedQueue}: Vyukov's non-intrusive MPSC node-based queue (1024cores.net),
     * producers exchange the tail; n producers, 1 consumer, unbounded (the capacity is a sizing
     * hint), lock-free (a consumer may wait out a producer between its exchange and its link).
     * {@code remove(Object)} and iterator removal throw {@link UnsupportedOperationException}.
     */
    MPSC_LINKED(true, false, false, true, false, MpscLinkedQueue::new),
    /**
     * {@link MpmcLinkedQueue}: the Michael &amp; Scott non-blocking queue (PODC 1996), CAS on
     * head, tail and links; n producers, n consumers, unbounded (the capacity is a sizing
     * hint), lock-free. {@code remove(Object)} and iterator removal are supported.
     */
    MPMC_LINKED(true, true, false, true, true, MpmcLinkedQueue::new),

    // Lock-based.

    /**
     * {@link LockedArrayQueue}: Hoare's monitor bounded buffer (CACM 1974), one lock and two
     * conditions over a circular array; n producers, n consumers, bounded (exact capacity, no
     * rounding), lock-based. {@code remove(Object)} and iterator removal are supported.
     */
    LOCKED_ARRAY(true, true, true, false, false, LockedArrayQueue::new),
    /**
     * {@link TwoLockLinkedQueue}: the Michael &amp; Scott two-lock queue (PODC 1996), a tail lock
     * and a head lock over linked nodes, counting insertions and removals apart for the bound;
     * n producers, n consumers, lock-based. Bounded as created here (exact capacity); the
     * class's no-argument constructor makes an unbounded one. {@code remove(Object)} and
     * iterator removal are supported.
     */
    TWO_LOCK_LINKED(true, true, true, false, false, TwoLockLinkedQueue::new),
    /**
     * {@link SemaphoreArrayQueue}: Dijkstra's bounded buffer (EWD-123, 1965), a semaphore of
     * free slots and one of filled slots over a circular array, a mutex per end; n producers,
     * n consumers, bounded (exact capacity, no rounding), lock-based. {@code remove(Object)}
     * and iterator removal are supported (they do not remove an element a consumer has
     * already been promised).
     */
    SEMAPHORE_ARRAY(true, true, true, false, false, SemaphoreArrayQueue::new),

    ;

    private final boolean multiProducer;
    private final boolean multiConsumer;
    private final boolean bounded;
    private final boolean lockFree;
    private final boolean nonBlocking;
    private final IntFunction<MessageQueue<?>> factory;

    QueueKind(boolean multiProducer, boolean multiConsumer, boolean bounded, boolean lockFree,
              boolean nonBlocking, IntFunction<MessageQueue<?>> factory) {
        this.multiProducer = multiProducer;
        this.multiConsumer = multiConsumer;
        this.bounded = bounded;
        this.lockFree = lockFree;
        this.nonBlocking = nonBlocking;
        this.factory = factory;
    }

    /**
     * Whether several threads may insert at the same time.
     *
     * @return false if the kind allows one producer thread at a time
     */
    public boolean multiProducer() {
        return multiProducer;
    }

    /**
     * Whether several threads may remove at the same time.
     *
     * @return false if the kind allows one consumer thread at a time
     */
    public boolean multiConsumer() {
        return multiConsumer;
    }

    /**
     * Whether the queue holds at most {@link MessageQueue#capacity()} elements.
     *
     * @return false for the linked kinds that grow as needed (the capacity a sizing hint)
     */
    public boolean bounded() {
        return bounded;
    }

    /**
     * Whether the kind is built without locks: threads coordinate through atomic instructions
     * (CAS, getAndAdd, getAndSet) and ordered loads and stores only, never by holding a lock or
     * waiting on a monitor, semaphore or condition. These are the six kinds of the lock-free
     * family, as JCTools calls its queues; the other three are lock-based.
     *
     * <p>This is not by itself the formal progress guarantee: four lock-free kinds
     * ({@code MPSC_ARRAY}, {@code SPMC_ARRAY}, {@code MPMC_ARRAY}, {@code MPSC_LINKED}), like
     * their counterparts in JCTools and Vyukov's originals, make a thread wait for another
     * that has claimed a slot but not yet written (or cleared) it, so that {@code poll} never
     * reports empty (nor {@code offer} full) while an element (a free slot) is due. See
     * {@link #nonBlocking()}.
     *
     * @return true for the six lock-free kinds, false for the three lock-based ones
     */
    public boolean lockFree() {
        return lockFree;
    }

    /**
     * Whether {@code offer}, {@code poll} and {@code peek} are non-blocking in the formal sense
     * (obstruction-free or stronger): a thread suspended at any point inside one of them cannot
     * keep the other threads from completing theirs. True for {@code SPSC_ARRAY} (wait-free)
     * and {@code MPMC_LINKED} (lock-free, Michael &amp; Scott); the model-checking suite
     * verifies it for exactly these kinds. See {@code docs/decisions/0004-lock-free-and-non-blocking.md}.
     *
     * @return true for {@code SPSC_ARRAY} and {@code MPMC_LINKED} only
     */
    public boolean nonBlocking() {
        return nonBlocking;
    }

    /**
     * Creates an empty queue of this kind.
     *
     * @param <E> the type of the elements
     * @param capacity the most elements it may hold; for an unbounded kind, a sizing hint
     * @return a new, empty queue whose {@link MessageQueue#kind()} is this kind
     * @throws IllegalArgumentException if {@code capacity < 1}, or, for an array-backed kind,
     *     {@code capacity > 2^30}
     */
    @SuppressWarnings("unchecked")
    public <E> MessageQueue<E> create(int capacity) {
        AbstractMessageQueue.checkCapacity(capacity);
        return (MessageQueue<E>) factory.apply(capacity);
    }
}
