package dev.cooper.concurrent.queue;

import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Blocking on top of a lock-free {@code offer}/{@code poll}: a blocked {@code put} or
 * {@code take} retries twice, yielding in between, and then parks on a {@link Waiters} stack
 * (no busy spinning: decision 0009); a kind may park without the yields
 * ({@link #blockedYields()}, decision 0020). Subclasses call {@link #signalNotEmpty()} after
 * every successful insert and {@link #signalNotFull()} after every successful removal; a
 * batch may instead call
 * {@link #signalNotEmpty(long)} ({@link #signalNotFull(long)}) once at its end with the number
 * of elements (slots) it moved, which wakes as many waiters as a call per element would.
 *
 * <p>Whether a wake-up can race with the waiter's registration depends on how the kind's
 * insert and removal are made visible (see {@link Waiters}). A kind whose insert is a CAS,
 * getAndAdd or getAndSet passes {@code fencedInsert = true}: consumers then park until
 * signalled. Otherwise a consumer's first park after registering lasts at most
 * {@link #UNFENCED_PARK_NANOS} before it re-checks, and while it stays registered each
 * further park may last twice as long as the one before, up to
 * {@link #UNFENCED_PARK_MAX_NANOS}; the blocking {@code put} adds a full fence before its
 * signal so that a {@code put} never leaves a {@code take} waiting. Likewise for removals and
 * {@code fencedRemove}. The decisions and their costs are in
 * {@code docs/decisions/0002-wake-ups-on-lock-free-queues.md} and
 * {@code 0015-unfenced-waiters-stay-registered.md}.
 */
abstract class AbstractLockFreeQueue<E> extends AbstractMessageQueue<E> {

    /**
     * The yields of a blocked {@code put} or {@code take} before it registers and parks: two,
     * unless the kind overrides this. Neither spins: measured (decision 0009), spinning on a
     * full or empty queue turns the hand-off of whole bursts (one side parked while the other
     * runs alone on warm cache lines) into a cache-line ping-pong per element. With one
     * producer and one consumer, parking this early beat both the spin of 64 pauses and a
     * growing spin (MPSC_ARRAY 19.0 -> 33.6 M elements/s, SPMC_ARRAY 19.2 -> 58.6, medians of
     * 4 forks; decision 0009 has the table). A kind whose two sides fall into lockstep while
     * they yield returns fewer (decision 0020). Read only on the blocking path, after a failed
     * attempt.
     */
    int blockedYields() {
        return 2;
    }

    /**
     * Longest first park after registering, where a signal may race with registration (the
     * kind's insert or removal is a release store). Only a change whose signal check ran
     * before the registration can miss the waiter, and the re-check after this park sees it
     * (decision 0015).
     */
    static final long UNFENCED_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Longest later park of a waiter that stayed registered: each park doubles the bound up
     * to this. Any change made after the registration finds the waiter and signals it, so
     * these re-checks only guard against a lost signal the protocol does not expect; they
     * keep an idle waiter from waking a thousand times a second (decision 0015).
     */
    static final long UNFENCED_PARK_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(64);

    /*
     * The two waiter stacks are held as their top nodes, in volatile fields of the queue
     * rather than in Waiters objects of their own: every offer and poll reads one of them, and
     * a field of the queue costs one load where a separate object costs two dependent ones
     * (decision 0005). Each layout puts a top on the line of the side that reads it after
     * every change: notEmptyTop next to the producers' index, notFullTop next to the
     * consumers'. A side's check then reads a line its own core has just written, and the
     * other side writes that line only when one of its threads starts or stops waiting
     * (decision 0018).
     */

    /**
     * The top of the stack of consumers waiting for an element: a static final handle on a
     * volatile {@code Waiters.Node} field of the producers' line, changed only by Waiters.
     */
    abstract VarHandle notEmptyTop();

    /**
     * The top of the stack of producers waiting for room: a static final handle on a
     * volatile {@code Waiters.Node} field of the consumers' line, changed only by Waiters.
     */
    abstract VarHandle notFullTop();

    private final boolean fencedInsert;
    private final boolean fencedRemove;

    AbstractLockFreeQueue(boolean fencedInsert, boolean fencedRemove) {
        this.fencedInsert = fencedInsert;
        this.fencedRemove = fencedRemove;
    }

    /** Call after a successful insert: wakes a consumer if one is parked. */
    final void signalNotEmpty() {
        // Volatile read, after the caller's insert: see Waiters for the handshake.
        if (notEmptyTop().getVolatile(this) != null) {
            Waiters.signal(notEmptyTop(), this);
        }
    }

    /**
     * Call after a batch inserted {@code count} elements: checks for parked consumers once and
     * wakes up to {@code count} of them, so that no element of the batch is left with a
     * consumer parked for it.
     */
    final void signalNotEmpty(long count) {
        // Volatile reads, after the caller's inserts; the loop only runs while waiters remain.
        for (long i = 0; i < count && notEmptyTop().getVolatile(this) != null; i++) {
            Waiters.signal(notEmptyTop(), this);
        }
    }

    /**
     * Call after a batch freed {@code count} slots: checks for parked producers once and wakes
     * up to {@code count} of them.
     */
    final void signalNotFull(long count) {
        // Volatile reads, after the caller's removals; the loop only runs while waiters remain.
        for (long i = 0; i < count && notFullTop().getVolatile(this) != null; i++) {
            Waiters.signal(notFullTop(), this);
        }
    }

    /** Call after a successful removal: wakes a producer if one is parked. */
    final void signalNotFull() {
        // Volatile read, after the caller's removal: see Waiters for the handshake.
        if (notFullTop().getVolatile(this) != null) {
            Waiters.signal(notFullTop(), this);
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        checkElement(e);
        checkInterrupt();
        if (!offer(e)) {
            awaitInsert(e, false, 0L);
        }
        if (!fencedInsert) {
            // The offer's own signal check may have run before its release store was visible
            // to a registering consumer; a fence and a second check close that window.
            VarHandle.fullFence();
            signalNotEmpty();
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        checkElement(e);
        Objects.requireNonNull(unit, "unit is null");
        checkInterrupt();
        long nanos = unit.toNanos(timeout);
        // nanos > 0 first: a deadline of now + (a value near Long.MIN_VALUE) would overflow.
        boolean inserted = offer(e) || nanos > 0 && awaitInsert(e, true, System.nanoTime() + nanos);
        if (inserted && !fencedInsert) {
            VarHandle.fullFence();
            signalNotEmpty();
        }
        return inserted;
    }

    @Override
    public E take() throws InterruptedException {
        checkInterrupt();
        E e = poll();
        if (e == null) {
            e = awaitRemove(false, 0L);
        }
        if (!fencedRemove) {
            VarHandle.fullFence();
            signalNotFull();
        }
        return e;
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit is null");
        checkInterrupt();
        long nanos = unit.toNanos(timeout);
        E e = poll();
        if (e == null && nanos > 0) {
            // As in offer: no deadline for a timeout <= 0.
            e = awaitRemove(true, System.nanoTime() + nanos);
        }
        if (e != null && !fencedRemove) {
            VarHandle.fullFence();
            signalNotFull();
        }
        return e;
    }

    /** Waits until {@code e} is inserted; false only when timed and the deadline passed. */
    private boolean awaitInsert(E e, boolean timed, long deadline) throws InterruptedException {
        for (int round = 0; ; round++) {
            if (offer(e)) {
                return true;
            }
            // A drain consumer gives back the run its drain holds before it waits: if the drain
            // is this queue's, the retry may find that room (OwnDrain).
            if (OwnDrain.giveBackHeldRun()) {
                continue;
            }
            long remaining = timed ? deadline - System.nanoTime() : Long.MAX_VALUE;
            if (remaining <= 0) {
                return false;
            }
            if (round < blockedYields()) {
                Thread.yield();
                continue;
            }
            Waiters.Node node = Waiters.enqueue(notFullTop(), this);
            boolean inserted = offer(e); // the re-check after registering
            for (long bound = UNFENCED_PARK_NANOS; !inserted && stillWaiting(node, timed, deadline);
                    bound = longerBound(bound)) {
                park(timed ? deadline - System.nanoTime() : Long.MAX_VALUE, fencedRemove, bound);
                inserted = offer(e);
            }
            boolean signalled = !Waiters.cancel(notFullTop(), this, node);
            if (inserted) {
                if (signalled) {
                    Waiters.passOn(notFullTop(), this);
                }
                return true;
            }
            if (Thread.interrupted()) {
                if (signalled) {
                    Waiters.passOn(notFullTop(), this);
                }
                throw new InterruptedException();
            }
        }
    }

    /** Waits for an element; null only when timed and the deadline passed. */
    private E awaitRemove(boolean timed, long deadline) throws InterruptedException {
        // Not while holding a drain's run: a drain consumer waiting here for another queue
        // gives back the run its drain holds first (OwnDrain).
        OwnDrain.giveBackHeldRun();
        for (int round = 0; ; round++) {
            E e = poll();
            if (e != null) {
                return e;
            }
            long remaining = timed ? deadline - System.nanoTime() : Long.MAX_VALUE;
            if (remaining <= 0) {
                return null;
            }
            if (round < blockedYields()) {
                Thread.yield();
                continue;
            }
            Waiters.Node node = Waiters.enqueue(notEmptyTop(), this);
            e = poll(); // the re-check after registering
            for (long bound = UNFENCED_PARK_NANOS; e == null && stillWaiting(node, timed, deadline);
                    bound = longerBound(bound)) {
                park(timed ? deadline - System.nanoTime() : Long.MAX_VALUE, fencedInsert, bound);
                e = poll();
            }
            boolean signalled = !Waiters.cancel(notEmptyTop(), this, node);
            if (e != null) {
                if (signalled) {
                    Waiters.passOn(notEmptyTop(), this);
                }
                return e;
            }
            if (Thread.interrupted()) {
                if (signalled) {
                    Waiters.passOn(notEmptyTop(), this);
                }
                throw new InterruptedException();
            }
        }
    }

    /**
     * Whether a registered waiter parks again: it was not signalled (a signaller clears the
     * node's thread when it wins it), it is not interrupted, and its deadline, if any, is
     * ahead. Each caller re-checks the queue after every park, so whatever ends the wait is
     * handled there.
     */
    private static boolean stillWaiting(Waiters.Node node, boolean timed, long deadline) {
        return node.thread != null
                && !Thread.currentThread().isInterrupted()
                && (!timed || deadline - System.nanoTime() > 0);
    }

    /**
     * The bound of the next park of a waiter that stays registered: twice this one, at most
     * {@link #UNFENCED_PARK_MAX_NANOS}.
     */
    private static long longerBound(long bound) {
        return Math.min(bound << 1, UNFENCED_PARK_MAX_NANOS);
    }

    /**
     * Parks for at most {@code remaining} nanoseconds or, where the signal may race with
     * registration, at most {@code bound}. A spurious return is harmless: every caller
     * re-checks.
     */
    private static void park(long remaining, boolean fencedSignal, long bound) {
        long nanos = fencedSignal ? remaining : Math.min(remaining, bound);
        if (nanos == Long.MAX_VALUE) {
            LockSupport.park();
        } else if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    private static void checkInterrupt() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
