package dev.cooper.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per producer thread: how many inserts succeeded ({@code offersMade}) and how many found the
 * queue full ({@code offersFailed}). JMH reports both as rates next to the primary score, which
 * counts every call; {@code offersMade} is the throughput, the failed calls are spinning.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class OfferCounters {
    /** Inserts that found the queue full and did nothing. */
    public long offersFailed;
    /** Inserts that succeeded. */
    public long offersMade;

    /** JMH does not reset auxiliary counters between iterations. */
    @Setup(Level.Iteration)
    public void reset() {
        offersFailed = 0;
        offersMade = 0;
    }
}
