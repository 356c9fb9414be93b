package dev.cooper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendezvous round trip: a pinger sends a message on one rendezvous channel and waits for it
 * to come back on a second; an echoer receives on the first and sends back on the second. The
 * score is nanoseconds per round trip (two hand-offs, each a park and an unpark when the
 * partner is not already waiting).
 *
 * <p>Both sides are threads started once per trial ({@link RoundLoop}): virtual threads, the
 * channels' design point and the default, or platform threads with {@code threads=platform},
 * where a park costs a kernel wake-up. Each benchmark invocation lets them do
 * {@link #ROUND_TRIPS} round trips and waits for both. That wait is a platform-thread wake-up
 * per invocation (tens of microseconds here), under 1 ns per round trip once spread over the
 * batch. The carriers of virtual threads are the default scheduler's, one per core.
 *
 * <p>{@code -p impl=floor.spinningSlot} runs the same round trips through {@link SpinningSlot},
 * a bare slot between two spinning threads: the floor under any channel here (decision 0013).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class ChannelPingPong {
    static final int ROUND_TRIPS = 48_000;

    @Param({"cooper", "jox", "jdk.SynchronousQueue"})
    public String impl;

    /** Whose threads play: "virtual" (the default) or "platform". */
    @Param({"virtual"})
    public String threads;

    private RoundLoop pinger;
    private RoundLoop echoer;

    @Setup(Level.Trial)
    public void startThreads() {
        Pipe ping = Pipe.create(impl, 0);
        Pipe pong = Pipe.create(impl, 0);
        Message message = new Message(1);
        pinger = RoundLoop.of(threads, "pinger", () -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(message);
                if (pong.receive() != message) {
                    throw new IllegalStateException(impl + " returned another message");
                }
            }
        });
        echoer = RoundLoop.of(threads, "echoer", () -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                pong.send(ping.receive());
            }
        });
    }

    @TearDown(Level.Trial)
    public void stopThreads() throws InterruptedException {
        pinger.close();
        echoer.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void roundTrip() throws InterruptedException {
        echoer.startRound();
        pinger.startRound();
        pinger.awaitRound();
        echoer.awaitRound();
    }
}
