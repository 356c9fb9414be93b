package dev.cooper.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per consumer thread: how many elements were removed ({@code pollsMade}) and how many removals
 * found the queue empty ({@code pollsFailed}). {@code pollsMade} is the throughput to read;
 * the primary score also counts the empty polls.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class PollCounters {
    /** Removals that found the queue empty. */
    public long pollsFailed;
    /** Elements removed. */
    public long pollsMade;

    /** JMH does not reset auxiliary counters between iterations. */
    @Setup(Level.Iteration)
    public void reset() {
        pollsFailed = 0;
        pollsMade = 0;
    }
}
