package dev.cooper.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per consumer thread of {@link QueueCodeArms}: the elements removed through arm {@code a}
 * ({@code pollsMadeA}) and through arm {@code b} ({@code pollsMadeB}), and the removals that
 * found the queue empty. An iteration runs one arm only, so one of the two counts is zero in
 * each iteration and the other is that arm's throughput.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class ArmPollCounters {
    /** Removals that found the queue empty, either arm. */
    public long pollsFailed;
    /** Elements removed through arm {@code a}. */
    public long pollsMadeA;
    /** Elements removed through arm {@code b}. */
    public long pollsMadeB;

    /** JMH does not reset auxiliary counters between iterations. */
    @Setup(Level.Iteration)
    public void reset() {
        pollsFailed = 0;
        pollsMadeA = 0;
        pollsMadeB = 0;
    }
}
