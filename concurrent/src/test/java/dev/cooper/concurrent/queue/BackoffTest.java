package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link Backoff} promises beyond its timing, which no unit test asserts. */
class BackoffTest {

    /**
     * A park round clears a set interrupt status for the park (else the park would return at
     * once, every round) and sets it again after: the operation that waits keeps the
     * interrupt for its caller.
     */
    @Test
    void aParkRoundKeepsTheInterruptStatus() {
        int parkRound = Backoff.SPIN_ROUNDS + Backoff.YIELD_ROUNDS;
        Thread.currentThread().interrupt();
        Backoff.pause(parkRound);
        assertTrue(Thread.interrupted(), "interrupt status lost by a park round");
        Backoff.pause(parkRound);
        assertFalse(Thread.currentThread().isInterrupted(), "a park round set an interrupt it was not given");
    }
}
