package dev.cooper.concurrent.channel;

import dev.cooper.concurrent.internal.HeldRunAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One blocked operation: a plain send or receive, or a whole select. Its {@code state} is the
 * one place where the operation's fate is decided, by a single CAS away from null: either a
 * channel completes it ({@link #tryFire}: the state becomes the {@link Node} that fired), or its
 * own thread withdraws it ({@link #tryCancel}, on timeout or interrupt). This is Go's
 * {@code selectDone} flag of {@code runtime/select.go}, widened so that it also records which
 * clause won.
 *
 * <p>Waking without lost wake-ups (a Dekker handshake on two volatile fields): the waiting
 * thread writes {@code parked = true} and then re-reads {@code state} before each park; a
 * completer first CASes {@code state} and then reads {@code parked}. Both accesses on each side
 * are sequentially consistent, so either the waiter sees the new state or the completer sees
 * {@code parked} and unparks. A waiter that completes while it still spins or yields never sets
 * {@code parked}, so the completer saves the unpark (which on a virtual thread is a scheduler
 * submission when the thread did park, and a stale permit when it did not).
 */
class Waiter {
    /** {@link #await} returned because a channel completed the operation. */
    static final int FIRED = 0;
    /** {@link #await} gave up because the deadline passed. */
    static final int TIMED_OUT = 1;
    /** {@link #await} gave up because the thread was interrupted (its flag is now clear). */
    static final int INTERRUPTED = 2;

    /**
     * Rounds of {@link Thread#yield()} before a waiting thread parks, after its spin (see
     * {@link SpinBudget}): the partner of a virtual thread often sits in the run queue of the
     * same carrier (an unpark queues the woken thread on the waker's carrier), where only a
     * yield lets it run; a few yields beat parking at once there (decision 0006). A yield with
     * nothing else to run returns at once, so this also covers the single-CPU case.
     */
    static final int ROUNDS = 4;

    private static final Object CANCELLED = new Object();

    /**
     * Null while waiting; then the fired {@link Node} or {@link #CANCELLED}. Only CAS sets it,
     * except {@link #reset}, which rearms a finished waiter for its next operation.
     */
    private volatile Object state;
    /** Set by the waiting thread before its first park; read by completers after their CAS. */
    private volatile boolean parked;
    /** The thread that waits; written by {@link #reset}, read by completers under a lock. */
    private Thread thread;

    /**
     * Rearms this waiter for a new operation of the current thread, which will wait on it.
     * Waiters are reused (Go's sudog cache: one per thread for plain operations, one per
     * {@link Select}), so the caller must hold the lock of every channel that may hold one of
     * this waiter's nodes, and none of them may be linked: every completer reads and writes a
     * waiter (its CAS, its read of {@code parked}) only while it holds the lock of the channel
     * whose queue held the node, so whatever completer touched the previous operation has
     * released that lock, and its accesses happen-before these writes.
     *
     * <p>One access escapes that rule: a completer's read of {@code parked} after its CAS,
     * when the waiting thread, seeing the CAS, returned and started an operation on
     * <em>another</em> channel before the completer released the first one's lock. The read may
     * then see the new operation's {@code parked}; the worst outcome is a spurious unpark, which
     * every park loop here tolerates (it re-reads {@code state}).
     */
    final void reset() {
        thread = Thread.currentThread(); // read by completers under the lock the caller holds
        parked = false;
        state = null;
    }

    /**
     * Completes this operation with {@code node} (one of its own nodes). The caller holds the
     * lock of the node's channel and has written the node's {@code item} and {@code success}
     * before: the successful CAS publishes them and is the linearization point of the transfer.
     *
     * @return false if the operation was already completed or cancelled
     */
    final boolean tryFire(Node node) {
        if (!casState(null, node)) {
            return false;
        }
        if (parked) { // volatile read after the CAS: the completer's half of the handshake
            LockSupport.unpark(thread);
        }
        return true;
    }

    /**
     * Withdraws a waiting operation; only its own thread calls this.
     *
     * @return false if a channel completed it first; the caller must then honour that outcome
     */
    final boolean tryCancel() {
        return casState(null, CANCELLED);
    }

    /** The node that completed this operation; valid once {@link #await} returned FIRED. */
    final Node fired() {
        return (Node) state;
    }

    /**
     * Waits, spinning for {@code budget}'s rounds, then yielding a few times, then parking,
     * until a channel fires this operation, the deadline passes, or the thread is interrupted.
     * The spin re-reads the volatile {@code state} each round, so it sees the firing CAS. Does not cancel: on TIMED_OUT and
     * INTERRUPTED the caller must {@link #tryCancel} and, if that fails, take the outcome.
     *
     * @param deadline a {@link System#nanoTime()} value; ignored unless {@code timed}
     */
    final int await(boolean timed, long deadline, SpinBudget budget) {
        int spins = budget.next();
        for (int round = 0; round < spins; round++) {
            if (state != null) {
                budget.paidOff();
                return FIRED;
            }
            Thread.onSpinWait();
        }
        budget.ranOut(spins);
        // A longer wait: not while holding a queue drain's run (HeldRunAccess). Not before the
        // spin, which is short and, when it pays off, the rendezvous's fast path.
        HeldRunAccess.giveBackHeldRun();
        for (int round = 0; round < ROUNDS; round++) {
            if (state != null) {
                return FIRED;
            }
            Thread.yield();
        }
        parked = true; // volatile write, then the volatile read of state: the waiter's half
        while (state == null) {
            if (Thread.interrupted()) {
                return INTERRUPTED;
            }
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return TIMED_OUT;
                }
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
        return FIRED;
    }

    // VarHandle mechanics

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean casState(Object expected, Object value) {
        return STATE.compareAndSet(this, expected, value);
    }
}
