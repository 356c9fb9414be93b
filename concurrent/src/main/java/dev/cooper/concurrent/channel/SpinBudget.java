package dev.cooper.concurrent.channel;

/**
 * How many rounds of {@link Thread#onSpinWait()} a thread about to wait on a channel spends
 * first, learned from how such spins ended: the adaptive spinning of adaptive mutexes
 * (A. R. Karlin, K. Li, M. S. Manasse, S. Owicki, "Empirical Studies of Competitive Spinning
 * for a Shared-Memory Multiprocessor", SOSP 1991; HotSpot's monitors adapt their spin the same
 * way), applied to a channel's waits.
 *
 * <p>Why adapt. A spin pays off when the partner runs on another carrier (or core): it
 * completes the operation within a microsecond and the waiter never unmounts or parks, which
 * is how {@code SynchronousQueue} and jox win the ping-pong on a quiet machine. It is pure loss
 * when the partner waits in the run queue of the waiter's own carrier, or when the machine is
 * oversubscribed: then only a yield lets the partner run (decisions 0006, 0010). The two cases cannot
 * be told apart from outside the JDK (it asks the carrier's work queue, which is not public),
 * so the budget learns it: a spin that sees its operation completed restores the full budget,
 * one that runs out halves it, and while it is used up one wait in {@link #PROBE_EVERY} spins
 * the full budget again to find out whether spinning has started to pay.
 *
 * <p>Only a wait for a partner that completes the operation directly spins ({@link Waiter#await}:
 * rendezvous hand-offs, a receiver or sender queued on a buffered channel, a select). A buffered
 * send or receive that waits outside the lock for room or an element only yields: spinning
 * there made the two sides meet at the ring element by element (a cache-line ping-pong) instead
 * of in bursts, 1.5x slower (decision 0010).
 *
 * <p>One budget per channel (and per {@link Select}), read and written with plain accesses by
 * whichever threads wait there: a lost or stale update only makes one wait spin more or less,
 * never changes what the wait returns, so no ordering is needed.
 */
final class SpinBudget {
    /**
     * The full budget: about 3 microseconds at the 24 ns one {@code onSpinWait} takes on the
     * reference machine (AMD EPYC, JDK 25; measured), well below a park and unpark of a
     * platform thread (25-30 us there) and close to the JDK's {@code SynchronousQueue} spin
     * (128 rounds). None on a single CPU, where spinning only delays the partner.
     */
    static final int FULL = Runtime.getRuntime().availableProcessors() > 1 ? 128 : 0;
    /** While the budget is used up, one wait in this many spins the full budget anyway. */
    static final int PROBE_EVERY = 256;

    private int spins = FULL;
    private int waitsSinceProbe;

    /** The rounds the next wait should spin: the budget, or a full probe now and then. */
    int next() {
        int s = spins;
        if (s > 0) {
            return s;
        }
        if (++waitsSinceProbe < PROBE_EVERY) {
            return 0;
        }
        waitsSinceProbe = 0;
        return FULL;
    }

    /** A spin saw its wait end: spinning pays here, so the next wait spins in full. */
    void paidOff() {
        spins = FULL;
    }

    /** A spin of {@code rounds} rounds ran out: halve the budget (a failed probe leaves it 0). */
    void ranOut(int rounds) {
        if (rounds > 0) {
            spins >>= 1;
        }
    }
}
