package dev.cooper.concurrent.channel;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one implementation of {@link Channel}, for all three kinds: one lock, a ring buffer
 * (empty for rendezvous, growing for unbounded), and FIFO queues of waiting senders and
 * receivers. See {@link Channel} for the contract.
 */
final class LockedChannel<E> implements Channel<E> {
    /*
     * Algorithm: the design of Go's runtime channels (runtime/chan.go, "hchan", and
     * runtime/select.go), rewritten for Java threads.
     *
     * State, all guarded by `lock`: the ring buffer `ring` (capacity 0, n, or growing), the
     * queue `senders` of operations blocked on send (each node carries its element), the queue
     * `receivers` of operations blocked on receive, and `closed`.
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
     * Departures from Go, for the JVM: the lock is a ReentrantLock (parks, never pins a virtual
     * thread); before waiting, a receiver on a buffered channel (and a sender on a full one)
     * first yields a few times outside the lock watching the ring's size, which keeps the
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
    /** Guards everything below, and the nodes linked in the queues. */
    final ReentrantLock lock = new ReentrantLock();
    private final Ring ring;
    private final WaitQueue senders = new WaitQueue();
    private final WaitQueue receivers = new WaitQueue();
    /** Written under the lock; volatile for {@link #isClosed()} and for waits outside the lock. */
    private volatile boolean closed;

    /** 0 for rendezvous, {@code Integer.MAX_VALUE} for unbounded. */
    private final int capacity;
    /**
     * Rounds of yielding outside the lock before a send or receive enqueues itself. A rendezvous
     * operation enqueues at once: its partner can only complete it through the queue.
     */
    private final int roundsBeforeWaiting;
    /** How long a wait on this channel spins before it yields (see SpinBudget). */
    private final SpinBudget spinBudget = new SpinBudget();

    /** @param capacity 0 for rendezvous, {@code Integer.MAX_VALUE} for unbounded */
    LockedChannel(int capacity) {
        this.capacity = capacity;
        this.ring = capacity == Integer.MAX_VALUE ? Ring.unbounded() : Ring.fixed(capacity);
        this.roundsBeforeWaiting = capacity == 0 ? 0 : Waiter.ROUNDS;
    }

    // Operations under the lock, shared with Select

    /** Sends if possible without waiting: returns SENT, FULL or CLOSED. Requires the lock. */
    Object offerLocked(Object element) {
        if (closed) {
            return CLOSED;
        }
        if (receivers.giveToReceiver(element) || ring.offer(element)) {
            return SENT;
        }
        return FULL;
    }

    /** Receives if possible without waiting: the element, EMPTY or CLOSED. Requires the lock. */
    Object pollLocked() {
        if (!ring.isEmpty()) {
            Object e = ring.poll();
            Object moved = senders.takeFromSender(); // keep (I2): refill the freed slot
            if (moved != null) {
                ring.offer(moved);
            }
            return e;
        }
        Object e = senders.takeFromSender(); // only a rendezvous channel has senders here
        if (e != null) {
            return e;
        }
        return closed ? CLOSED : EMPTY;
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
        Object outcome;
        lock.lock();
        try {
            outcome = offerLocked(element);
        } finally {
            lock.unlock();
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
        Node node;
        for (;;) {
            lock.lock();
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
                lock.unlock();
            }
            round = waitOutside(round, false);
        }
        int outcome = node.await(timed, deadline, spinBudget);
        if (outcome != Waiter.FIRED) {
            lock.lock();
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
                lock.unlock();
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
        Object e;
        lock.lock();
        try {
            e = pollLocked();
        } finally {
            lock.unlock();
        }
        return result(e);
    }

    /** Returns the element, CLOSED, or (timed only) EMPTY. */
    private Object receive(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        int round = 0;
        Node node;
        for (;;) {
            lock.lock();
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
                lock.unlock();
            }
            round = waitOutside(round, true);
        }
        int outcome = node.await(timed, deadline, spinBudget);
        if (outcome != Waiter.FIRED) {
            lock.lock();
            try {
                if (node.tryCancel()) {
                    receivers.remove(node);
                    if (outcome == Waiter.INTERRUPTED) {
                        throw new InterruptedException();
                    }
                    return EMPTY;
                }
            } finally {
                lock.unlock();
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

    /** Whether the ring looks ready (volatile reads of a hint): an element, room, or closed. */
    private boolean looksReady(boolean forElement) {
        int size = ring.sizeHint();
        return closed || (forElement ? size > 0 : size < capacity);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                senders.releaseAll();
                receivers.releaseAll(); // by (I1) they wait on an empty ring: they see closed
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<E> cancel() {
        List<Object> undelivered;
        lock.lock();
        try {
            closed = true;
            undelivered = ring.drain();
            senders.releaseAll();
            receivers.releaseAll();
        } finally {
            lock.unlock();
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
