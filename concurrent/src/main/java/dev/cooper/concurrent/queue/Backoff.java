package dev.cooper.concurrent.queue;

import java.util.concurrent.locks.LockSupport;

/**
 * The short waits inside a single operation, where a thread waits for another one that is
 * mid-call (a claimed slot not yet published or released, a node not yet linked): busy-spin
 * only where another core can make progress meanwhile, then give the CPU (or, on a virtual
 * thread, the carrier) away by yielding, and then by short parks, growing to a millisecond.
 * Blocked {@code put}/{@code take} do not use it (see AbstractLockFreeQueue).
 *
 * <p>The parks are what ends a wait on virtual threads: the thread waited for may itself be a
 * virtual thread that is not mounted (a {@code drain} consumer that parked inside its
 * callback, holding the slots it claimed), and a virtual thread's {@code Thread.yield} may
 * mount the same thread again at once. With as many waiters as carriers, yielding alone
 * starved the thread they waited for: an {@code MPMC_ARRAY} fed by two virtual producers
 * moved 21 of 400 elements in a minute (VirtualThreadProgressTest).
 */
final class Backoff {
    /** Spinning on a single CPU only delays the thread we are waiting for. */
    static final int SPIN_ROUNDS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;
    /** Yields after the spins, before the parks. */
    static final int YIELD_ROUNDS = 16;
    /** The first park; each later one doubles, up to {@link #MAX_PARK_NANOS}. */
    static final long MIN_PARK_NANOS = 1_000;
    static final long MAX_PARK_NANOS = 1_000_000;

    private Backoff() {
    }

    /** One step of waiting: spin for the first rounds, then yield, then park. */
    static void pause(int round) {
        if (round < SPIN_ROUNDS) {
            Thread.onSpinWait();
        } else if (round < SPIN_ROUNDS + YIELD_ROUNDS) {
            Thread.yield();
        } else {
            int doublings = Math.min(round - SPIN_ROUNDS - YIELD_ROUNDS, 10);
            // The wait is not interruptible (the operation waits for another thread's step,
            // not for the queue's state), but a set interrupt status would make every park
            // return at once: clear it for the park and set it again after.
            boolean interrupted = Thread.interrupted();
            LockSupport.parkNanos(Math.min(MIN_PARK_NANOS << doublings, MAX_PARK_NANOS));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
