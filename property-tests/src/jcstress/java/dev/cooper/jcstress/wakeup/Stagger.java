package dev.cooper.jcstress.wakeup;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Staggers the actor's blocking call around the moment the signal is expected, so that the
 * signal lands in every phase of the wait: before the call, during its spins and yields, at
 * the waiter's registration and re-check, and after it has parked.
 *
 * <p>Why: jcstress's termination harness makes the state, starts the actor's thread, sleeps in
 * steps of a millisecond until that thread has started, and only then runs the signal. Left
 * alone, the actor has long parked by then, and every trial tests the easy case, a signal to a
 * thread that is asleep. The race the handshakes exist for is a signal that meets the waiter
 * between its registration and its park, a window of microseconds.
 *
 * <p>How: each state makes one stagger, which notes when it was made. The signal, on the
 * harness's thread, records how long after that it came, into an estimate of the delay within
 * which a quarter of the signals come, kept per fork (only that thread writes it; the actor
 * reads it, racily, which costs aim, never correctness). The actor first spins until a random
 * point in the {@link #EARLY} nanoseconds before that estimate, then blocks. The harness's
 * sleep wakes with a jitter of tens of microseconds, which spreads the meetings further.
 *
 * <p>Measured in jcstress on the 2-core machine (quick mode, a take on MPMC_ARRAY, a receive
 * on a buffered channel, a blocked broadcast publish), by the actor's thread state when the
 * signal came: without the stagger 96% of the signals found the actor parked and 4% still
 * running its wait; with it, 15-30% came before the blocking call, 15-45% during the wait
 * (spinning, yielding, registering, re-checking), 40-65% to a parked thread.
 *
 * <p>This needs the two threads on two CPUs. On one CPU the spin would only hold up the
 * signal's thread, so there the actor blocks at once (and jcstress pins a termination test's
 * fork to one CPU unless its affinity mode is NONE: see {@code JCSTRESS.md}).
 */
final class Stagger {
    /** How far before the expected signal the actor may block, in nanoseconds. */
    private static final long EARLY = 40_000;
    /** Whether the actor and the signal can run at the same time. */
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    /** The estimate tracks this quantile of the signals' delays: a quarter come earlier. */
    private static final double QUANTILE = 0.25;
    /** How far one observation moves the estimate, in nanoseconds. */
    private static final long STEP = 2_000;

    /**
     * Nanoseconds from a state's creation within which a quarter of the signals came: a
     * running quantile estimate (each signal moves it down by 3/4 of a step if it came
     * earlier, up by 1/4 of a step otherwise, so it settles where a quarter come earlier).
     */
    private static volatile long expected = 1_000_000;

    private final long created = System.nanoTime();

    /** Actor: returns at a random moment shortly before the expected signal. */
    void aim() {
        if (!PARALLEL) {
            return;
        }
        long until = created + expected - ThreadLocalRandom.current().nextLong(EARLY);
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    /** Signal: records when it came; call it first thing. */
    void fire() {
        long observed = System.nanoTime() - created;
        long estimate = expected;
        expected = observed < estimate
                ? estimate - (long) (STEP * (1 - QUANTILE))
                : estimate + (long) (STEP * QUANTILE);
    }
}
