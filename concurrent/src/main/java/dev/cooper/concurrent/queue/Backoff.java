package dev.cooper.concurrent.queue;

/**
 * The short waits inside a single operation, where a thread waits for another one that is
 * mid-call (a claimed slot not yet published, a node not yet linked): busy-spin only where
 * another core can make progress meanwhile, then give the CPU (or, on a virtual thread, the
 * carrier) away. Blocked {@code put}/{@code take} do not use it (see AbstractLockFreeQueue).
 */
final class Backoff {
    /** Spinning on a single CPU only delays the thread we are waiting for. */
    static final int SPIN_ROUNDS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;

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
}
