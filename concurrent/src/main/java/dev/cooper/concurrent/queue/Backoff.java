package dev.cooper.concurrent.queue;

/**
 * The short waits of the spin-then-yield phase: busy-spin only where another core can make
 * progress meanwhile, then give the CPU (or, on a virtual thread, the carrier) away.
 */
final class Backoff {
    /** Spinning on a single CPU only delays the thread we are waiting for. */
    static final int SPIN_ROUNDS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;
    /** Rounds of {@link Thread#yield()} after spinning, before a waiter parks. */
    static final int YIELD_ROUNDS = 8;

    private Backoff() {
    }

    /** One step of waiting: spin for the first rounds, yield after. */
    static void pause(int round) {
        if (round < SPIN_ROUNDS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Whether the spin and yield rounds are used up and a waiter should park. */
    static boolean shouldPark(int round) {
        return round >= SPIN_ROUNDS + YIELD_ROUNDS;
    }
}
