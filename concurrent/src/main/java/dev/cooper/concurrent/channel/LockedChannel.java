package dev.cooper.concurrent.channel;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one implementation of {@link Channel}, for all three kinds: a ring buffer (empty for
 * rendezvous, growing for unbounded), FIFO queues of waiting senders and receivers, and the
 * lock that guards them, split into a send lock and a receive lock on a buffered channel. See
 * {@link Channel} for the contract.
 */
final class LockedChannel<E> implements Channel<E> {
    /*
     * Algorithm: the design of Go's runtime channels (runtime/chan.go, "hchan", and
     * runtime/select.go), rewritten for Java threads.
     *
     * State: the ring buffer `ring` (capacity 0, n, or growing), the queue `senders` of
     * operations blocked on send (each node carries its element), the queue `receivers` of
     * operations blocked on receive, and `closed`. Go guards all of it with one lock; so do
     * rendezvous and unbounded channels here (sendLock and receiveLock are the same lock).
     * A buffered channel has two (the split is described below); "the lock" in what follows
     * means holding both.
     *
     * Invariants (counting only nodes whose operation is still waiting; finished selects may
     * leave stale nodes behind for a moment, and every claim skips them):
     *   (I1) receivers non-empty => ring empty. A receiver only waits on an empty ring, and a
     *        send first looks for a waiting receiver.
     *   (I2) senders non-empty => ring full (for rendezvous: always "full"). A sender only waits
     *        on a full ring, and a receive that frees a slot moves the first waiting sender's
     *        element into it, behind the older ones (FIFO is kept).
     *   (I3) closed => senders empty, and receivers empty once the ring is (close releases all
     *        waiters; nobody waits on a closed channel).
     * So a send hands its element straight to a waiting receiver (Go's "direct send"), else
     * buffers it, else waits; a receive takes the oldest buffered element, else takes straight
     * from a waiting sender (rendezvous), else reports closed, else waits.
     *
     * Completion: a waiting operation is decided by one CAS on its Waiter's state (Go's
     * selectDone), done by the completing thread while it holds this channel's lock, after it
     * has written the node's item/success; the waiting thread withdraws with the same CAS. The
     * CAS that succeeds is the linearization point of the transfer (or of the failure). For a
     * plain operation every such CAS happens under this lock; for a select, completers on
     * different channels race for the one CAS, which is why it is a CAS and not a flag.
     *
     * Departure: the split lock of a buffered channel (the two-lock idea of Michael and Scott,
     * PODC 1996, applied to Go's channel). With one lock, a sender and a receiver on two cores
     * pass the lock's cache line back and forth for every element (about 200 ns on the
     * reference VM); with two, each side keeps its own. The ring's sending side (its put
     * index, the slot it fills) is guarded by sendLock and its receiving side by receiveLock
     * (see Ring). A plain send first tries the fast path: under sendLock alone, if not closed
     * and the ring has room, it buffers the element; a plain receive, under receiveLock alone,
     * takes the oldest element or, on an empty ring, reads `closed`. Everything else (waiting,
     * close, cancel, select, the queues) holds both locks, sendLock first.
     *   A fast path cannot see the other side's waiters, so it can break (I1) or (I2) for a
     *   moment: a send buffers while a receiver waits, or a receive frees a slot while a
     *   sender waits. After unlocking, it reads whether the other side's queue is non-empty
     *   and, if so, takes both locks and settles (settleLocked: gives buffered elements to
     *   waiting receivers, moves waiting senders' elements into free slots). No such state is
     *   missed: a waiter enqueues holding both locks, after re-checking the ring under them.
     *   If a fast path's critical section came first, the waiter's re-check sees its effect
     *   and does not wait; if it came after, its lock acquisition follows the waiter's unlock,
     *   and its read of the queue sees the waiter. Every operation that holds both locks
     *   settles first, so (I1) and (I2) hold whenever both locks are held and free.
     *   The fast paths hold one lock and wait for nothing; settling takes sendLock then
     *   receiveLock, as close, cancel and waits do, and select takes the channels in id
     *   order, each sendLock then receiveLock: one global order, no deadlock.
     *
     * Departures from Go, for the JVM: the lock is a ChannelLock, a mutex on AQS (parks, never
     * pins a virtual thread) whose object also holds the wait queues' ends and the ring's
     * indices, so that a hand-off finds them in the line of the lock word it has just won;
     * before waiting, a receiver on a buffered channel (and a sender on a full one) first
     * yields a few times outside the lock watching the ring's size, which keeps the
     * buffered path free of node allocation and park/unpark while the partner keeps up; a
     * blocked operation spins for an adaptive budget (SpinBudget, one per channel), then
     * yields a few times, re-reading its own state, before parking, and a completer unparks
     * only a thread that announced it parked (see Waiter). Go's sudog cache becomes a node per thread for plain operations
     * and the nodes a Select keeps across runs (see Node): waiting allocates nothing here (the
     * virtual-thread scheduler still allocates a little per yield or park).
     */

    private static final AtomicLong IDS = new AtomicLong();

    /** Outcome of an attempted receive: nothing to take now. */
    static final Object EMPTY = new Object();
    /** Outcome of an attempted send or receive: closed (and, for a receive, drained). */
    static final Object CLOSED = new Object();
    /** Outcome of an attempted send: the element was handed over or buffered. */
    static final Object SENT = new Object();
    /** Outcome of an attempted send: it would have to wait. */
    static final Object FULL = new Object();

    /** Unique, increasing: the global order in which a select locks several channels. */
    final long id = IDS.getAndIncrement();
    /** The sending side of the ring (buffered), or everything below (rendezvous, unbounded). */
    private final ChannelLock sendLock = new ChannelLock();
    /**
     * The receiving side of the ring (buffered), or the same lock as {@link #sendLock}. Both
     * together guard everything else below and the nodes linked in the queues.
     */
    private final ChannelLock receiveLock;
    /** Whether the two locks differ: a buffered channel, with the fast paths. */
    final boolean split;
    private final Ring ring;
    /** Its ends live in receiveLock, read after receiveFast (see ChannelLock). */
    private final WaitQueue senders;
    /** Its ends live in sendLock, read after sendFast (see ChannelLock). */
    private final WaitQueue receivers;
    /**
     * Written under both locks; read under either (the fast paths), and volatile for
     * {@link #isClosed()} and for waits outside the locks.
     */
    private volatile boolean closed;

    /**
     * Rounds of yielding outside the lock before a send or receive enqueues itself. A rendezvous
     * operation enqueues at once: its partner can only complete it through the queue.
     */
    private final int roundsBeforeWaiting;
    /** How long a wait on this channel spins before it yields (see SpinBudget). */
    private final SpinBudget spinBudget = new SpinBudget();

    /** @param capacity 0 for rendezvous, {@code Integer.MAX_VALUE} for unbounded */
    LockedChannel(int capacity) {
        this.split = capacity != 0 && capacity != Integer.MAX_VALUE;
        this.receiveLock = split ? new ChannelLock() : sendLock;
        this.ring = capacity == Integer.MAX_VALUE
                ? Ring.unbounded(sendLock)
                : Ring.fixed(capacity, sendLock, receiveLock);
        this.senders = WaitQueue.senders(receiveLock);
        this.receivers = WaitQueue.receivers(sendLock);
        this.roundsBeforeWaiting = capacity == 0 ? 0 : Waiter.ROUNDS;
    }

    // Operations under the lock, shared with Select

    /** Takes both locks, sendLock first (one lock for rendezvous and unbounded channels). */
    void lock() {
        sendLock.lock();
        if (split) {
            receiveLock.lock();
        }
    }

    void unlock() {
        if (split) {
            receiveLock.unlock();
        }
        sendLock.unlock();
    }

    /**
     * Restores (I1) and (I2) after fast paths: hands buffered elements to waiting receivers,
     * oldest first, and moves waiting senders' elements into free slots, until neither is
     * possible. Requires the lock; does nothing on a channel without fast paths.
     */
    private void settleLocked() {
        if (!split) {
            return;
        }
        boolean moved;
        do {
            moved = false;
            for (Object e; (e = ring.peek()) != null && receivers.giveToReceiver(e); ) {
                ring.poll();
                moved = true;
            }
            for (Object e; ring.hasRoom() && (e = senders.takeFromSender()) != null; ) {
                ring.offer(e);
                moved = true;
            }
        } while (moved);
    }

    /** Sends if possible without waiting: returns SENT, FULL or CLOSED. Requires the lock. */
    Object offerLocked(Object element) {
        if (closed) {
            return CLOSED;
        }
        settleLocked();
        if (receivers.giveToReceiver(element) || ring.offer(element)) {
            return SENT;
        }
        return FULL;
    }

    /** Receives if possible without waiting: the element, EMPTY or CLOSED. Requires the lock. */
    Object pollLocked() {
        settleLocked();
        if (!ring.isEmpty()) {
            Object e = ring.poll();
            refillFreedSlot();
            return e;
        }
        Object e = senders.takeFromSender(); // only a rendezvous channel has senders here
        if (e != null) {
            return e;
        }
        return closed ? CLOSED : EMPTY;
    }

    /**
     * Keeps (I2) after a take freed a slot: moves the first waiting sender's element into it,
     * behind the older ones. Requires the lock.
     */
    private void refillFreedSlot() {
        Object moved = senders.takeFromSender();
        if (moved != null) {
            ring.offer(moved);
        }
    }

    /** Enqueues a node that waits to send. Requires the lock. */
    void addSender(Node node) {
        senders.add(node);
    }

    /** Enqueues a node that waits to receive. Requires the lock. */
    void addReceiver(Node node) {
        receivers.add(node);
    }

    /** Unlinks a waiting send node, if still linked. Requires the lock. */
    void removeSender(Node node) {
        senders.remove(node);
    }

    /** Unlinks a waiting receive node, if still linked. Requires the lock. */
    void removeReceiver(Node node) {
        receivers.remove(node);
    }

    // Channel

    @Override
    public void send(E element) throws InterruptedException {
        send(element, false, 0L);
    }

    @Override
    public boolean send(E element, Duration timeout) throws InterruptedException {
        return send(element, true, nanos(timeout));
    }

    @Override
    public boolean trySend(E element) {
        Objects.requireNonNull(element, "element is null");
        Object outcome = split ? sendFast(element) : FULL;
        if (outcome == FULL) {
            lock();
            try {
                outcome = offerLocked(element);
            } finally {
                unlock();
            }
        }
        if (outcome == CLOSED) {
            throw closedForSend();
        }
        return outcome == SENT;
    }

    private boolean send(E element, boolean timed, long nanos) throws InterruptedException {
        Objects.requireNonNull(element, "element is null");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        int round = 0;
        if (split) {
            // The fast path, then its retries while the ring looks full, under sendLock
            // alone: the receivers' lock stays with them until this send must wait.
            Object outcome = sendFast(element);
            while (outcome == FULL && round < roundsBeforeWaiting && !(timed && nanos == 0L)) {
                round = waitOutside(round, false);
                outcome = sendFast(element);
            }
            if (outcome == SENT) {
                return true;
            }
            if (outcome == CLOSED) {
                throw closedForSend();
            }
        }
        Node node;
        for (;;) {
            lock();
            try {
                Object outcome = offerLocked(element);
                if (outcome == SENT) {
                    return true;
                }
                if (outcome == CLOSED) {
                    throw closedForSend();
                }
                if (timed && nanos == 0L) {
                    return false;
                }
                if (round >= roundsBeforeWaiting) {
                    node = Node.ofCurrentThread();
                    node.arm(element);
                    senders.add(node);
                    break;
                }
            } finally {
                unlock();
            }
            round = waitOutside(round, false);
        }
        int outcome = node.await(timed, deadline, spinBudget);
        if (outcome != Waiter.FIRED) {
            lock();
            try {
                if (node.tryCancel()) {
                    senders.remove(node);
                    node.item = null;
                    if (outcome == Waiter.INTERRUPTED) {
                        throw new InterruptedException();
                    }
                    return false;
                }
            } finally {
                unlock();
            }
            if (outcome == Waiter.INTERRUPTED) {
                Thread.currentThread().interrupt(); // completed after all: keep the status
            }
        }
        // The node is this thread's again: no completer reads its item after firing it.
        node.item = null;
        if (!node.success) {
            throw closedForSend();
        }
        return true;
    }

    @Override
    public E receive() throws InterruptedException {
        Object e = receive(false, 0L);
        if (e == CLOSED) {
            throw new ChannelClosedException("channel is closed and drained");
        }
        return cast(e);
    }

    @Override
    public ReceiveResult<E> receive(Duration timeout) throws InterruptedException {
        return result(receive(true, nanos(timeout)));
    }

    @Override
    public ReceiveResult<E> tryReceive() {
        Object e = split ? receiveFast() : EMPTY;
        if (e == EMPTY) {
            lock();
            try {
                e = pollLocked();
            } finally {
                unlock();
            }
        }
        return result(e);
    }

    @Override
    public int drainTo(Collection<? super E> target, int max) {
        Objects.requireNonNull(target, "target is null");
        if (max < 0) {
            throw new IllegalArgumentException("max: " + max + " (expected: >= 0)");
        }
        return split && !senders.mayHaveWaiters() ? drainFast(target, max) : drainLocked(target, max);
    }

    /**
     * A buffered channel with no sender waiting: one critical section under receiveLock alone,
     * as receiveFast's, then a settle if a sender started waiting meanwhile. Each element is
     * added before it leaves the ring, so a refused one stays.
     *
     * <p>Senders keep filling the ring meanwhile, under sendLock. One pass over the ring at
     * most: a slot this drain has freed may be refilled by a send that had to wait for it,
     * and taking that element too would make the drain two takes, not one (Lincheck found it
     * with a ring of one).
     */
    private int drainFast(Collection<? super E> target, int max) {
        int limit = Math.min(max, ring.length());
        int n = 0;
        try {
            receiveLock.lock();
            try {
                for (Object e; n < limit && (e = ring.peek()) != null; n++) {
                    target.add(cast(e));
                    ring.poll();
                }
            } finally {
                receiveLock.unlock();
            }
        } finally {
            // Also when add threw: the slots freed so far must reach a waiting sender.
            if (n > 0 && senders.mayHaveWaiters()) {
                settle();
            }
        }
        return n;
    }

    /**
     * Under the lock (both locks of a buffered channel), as pollLocked: each slot a take frees
     * is refilled from the first waiting sender, whose element is then taken in turn if
     * {@code max} allows; on a rendezvous channel the waiting senders' elements are taken
     * directly, which completes their sends before they are added. Buffered elements are
     * added before they leave the ring.
     */
    private int drainLocked(Collection<? super E> target, int max) {
        int n = 0;
        lock();
        try {
            settleLocked();
            while (n < max) {
                Object e = ring.peek();
                if (e != null) {
                    target.add(cast(e));
                    ring.poll();
                    refillFreedSlot();
                } else if ((e = senders.takeFromSender()) != null) {
                    // By (I2) only a rendezvous channel has senders waiting on an empty ring.
                    target.add(cast(e));
                } else {
                    break;
                }
                n++;
            }
        } finally {
            unlock();
        }
        return n;
    }

    // The fast paths of a buffered channel (see the class comment)

    /**
     * Under sendLock alone: buffers {@code element} if the channel is open and the ring has
     * room, then settles if a receiver waits. Buffered channels only.
     *
     * @return SENT; CLOSED; or FULL if the ring was full (the caller goes on under both locks)
     */
    Object sendFast(Object element) {
        sendLock.lock();
        try {
            if (closed) {
                return CLOSED;
            }
            if (!ring.offer(element)) {
                return FULL;
            }
        } finally {
            sendLock.unlock();
        }
        if (receivers.mayHaveWaiters()) {
            settle();
        }
        return SENT;
    }

    /**
     * Under receiveLock alone: takes the oldest buffered element (then settles if a sender
     * waits), or reports CLOSED on a closed, empty ring, or EMPTY (the caller goes on under
     * both locks). Buffered channels only.
     */
    Object receiveFast() {
        Object e;
        receiveLock.lock();
        try {
            e = ring.poll();
            if (e == null) {
                // Under receiveLock, close (which holds it too) is before or after this whole
                // section: a closed channel's ring already holds every element sent before.
                return closed ? CLOSED : EMPTY;
            }
        } finally {
            receiveLock.unlock();
        }
        if (senders.mayHaveWaiters()) {
            settle();
        }
        return e;
    }

    /** Takes both locks and settles (see settleLocked). */
    private void settle() {
        lock();
        try {
            settleLocked();
        } finally {
            unlock();
        }
    }

    /** Returns the element, CLOSED, or (timed only) EMPTY. */
    private Object receive(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        int round = 0;
        if (split) {
            // As in send: the fast path and its retries hold receiveLock alone.
            Object e = receiveFast();
            if (e != EMPTY) {
                return e;
            }
            while (round < roundsBeforeWaiting && !(timed && nanos == 0L)) {
                round = waitOutside(round, true);
                e = receiveFast();
                if (e != EMPTY) {
                    return e;
                }
            }
        }
        Node node;
        for (;;) {
            lock();
            try {
                Object e = pollLocked();
                if (e != EMPTY || (timed && nanos == 0L)) {
                    return e;
                }
                if (round >= roundsBeforeWaiting) {
                    node = Node.ofCurrentThread();
                    node.arm(null);
                    receivers.add(node);
                    break;
                }
            } finally {
                unlock();
            }
            round = waitOutside(round, true);
        }
        int outcome = node.await(timed, deadline, spinBudget);
        if (outcome != Waiter.FIRED) {
            lock();
            try {
                if (node.tryCancel()) {
                    receivers.remove(node);
                    if (outcome == Waiter.INTERRUPTED) {
                        throw new InterruptedException();
                    }
                    return EMPTY;
                }
            } finally {
                unlock();
            }
            if (outcome == Waiter.INTERRUPTED) {
                Thread.currentThread().interrupt(); // completed after all: keep the status
            }
        }
        Object e = node.success ? node.item : CLOSED;
        node.item = null; // the node is this thread's again: drop the reference it cached
        return e;
    }

    /**
     * Waits outside the lock (yielding) until the ring looks ready (an element
     * for a receiver, room for a sender), the channel looks closed, or the rounds before
     * waiting run out; the caller re-checks under the lock. Returns the next round.
     */
    private int waitOutside(int round, boolean forElement) {
        for (; round < roundsBeforeWaiting; round++) {
            if (looksReady(forElement)) {
                return round + 1;
            }
            Thread.yield();
        }
        return round;
    }

    /** Whether the ring looks ready (racy reads of a hint): an element, room, or closed. */
    private boolean looksReady(boolean forElement) {
        return closed || (forElement ? ring.looksNonEmpty() : !ring.looksFull());
    }

    @Override
    public void close() {
        lock();
        try {
            if (!closed) {
                settleLocked(); // a receiver still waiting gets the elements buffered for it
                closed = true;
                senders.releaseAll();
                receivers.releaseAll(); // by (I1) they wait on an empty ring: they see closed
            }
        } finally {
            unlock();
        }
    }

    @Override
    public List<E> cancel() {
        List<Object> undelivered;
        lock();
        try {
            closed = true;
            undelivered = ring.drain();
            senders.releaseAll();
            receivers.releaseAll();
        } finally {
            unlock();
        }
        return cast(undelivered);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            /** The element received by hasNext and not yet returned by next. */
            private E next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                try {
                    Object e = receive(false, 0L);
                    if (e == CLOSED) {
                        return false;
                    }
                    next = cast(e);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChannelInterruptedException(e);
                }
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel is closed and drained");
                }
                E e = next;
                next = null;
                return e;
            }
        };
    }

    @Override
    public String toString() {
        return "Channel#" + id + (closed ? "[closed]" : "");
    }

    // Helpers

    /** Validates a timeout; durations beyond ~146 years are treated as that long. */
    static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
        }
        // Half of the nanoTime range, so that nanoTime() + nanos cannot overflow.
        return timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE >> 1)) > 0
                ? Long.MAX_VALUE >> 1
                : timeout.toNanos();
    }

    static ChannelClosedException closedForSend() {
        return new ChannelClosedException("channel is closed");
    }

    @SuppressWarnings("unchecked")
    private ReceiveResult<E> result(Object e) {
        if (e == EMPTY) {
            return ReceiveResult.empty();
        }
        if (e == CLOSED) {
            return ReceiveResult.closed();
        }
        return ReceiveResult.received((E) e);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
