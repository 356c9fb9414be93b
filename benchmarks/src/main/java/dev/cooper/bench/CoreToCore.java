package dev.cooper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * What one cache line costs to pass between two cores, and back: two platform threads take
 * turns on one volatile field, each waiting (spinning) until the other has written it. There
 * is no queue or channel here; this measures the machine, not cooper.
 *
 * <p>Why it is in the suite: every hand-off between two threads pays this round trip at least
 * once, and on the reference VM it is not one number. The VM runs in one of two states, which
 * change between JVM forks and within minutes: a round trip takes either about 50 ns or about
 * 400 ns (see benchmarks/RESULTS.md, "The VM's two states"). Every cross-thread benchmark here
 * moves with it, which is why their forks are bimodal. Run this next to a benchmark
 * ({@code 'CoreToCore|ChannelPingPong'}) to tell which state each part of the run saw.
 *
 * <p>The score of each thread is the time per round trip: a thread's operation returns once
 * its turn has come back to it.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class CoreToCore {
    /** Whose turn it is: false for {@link #ping}, true for {@link #pong}. */
    private volatile boolean pongsTurn;

    @Benchmark
    @Group("roundTrip")
    @GroupThreads(1)
    public void ping(Control control) {
        // Spin until it is this side's turn, then hand the turn over; leave when JMH stops the
        // iteration, since the other side may already be gone.
        while (pongsTurn) {
            if (control.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        pongsTurn = true;
    }

    @Benchmark
    @Group("roundTrip")
    @GroupThreads(1)
    public void pong(Control control) {
        while (!pongsTurn) {
            if (control.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        pongsTurn = false;
    }
}
