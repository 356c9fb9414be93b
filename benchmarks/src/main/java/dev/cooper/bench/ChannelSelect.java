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
 * Select on <b>virtual threads</b>: {@code clauses} channels, one producer virtual thread per
 * channel sending its share of {@link #MESSAGES}, and one virtual thread receiving all of them
 * through a select over every channel. The score is nanoseconds per selected message.
 * {@code buffer = 0} makes the channels rendezvous channels (each select has to wait, register
 * on every channel and be woken), {@code 16} lets most selects find a message at once. The
 * JDK has no select, so there is no JDK row. Each library's select is written as its
 * documentation shows: cooper's {@code Select} is built once and run for every message, jox's
 * clauses are made anew for every select ({@code jox}); {@code joxReused} makes jox's
 * immutable clauses once, as cooper's {@code Select} is (see {@link SelectSide}).
 *
 * <p>Threads and batching as in {@link ChannelPingPong}. With two cores and up to five
 * virtual threads, the producers mostly wait their turn: this measures the select path, not
 * parallel producers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class ChannelSelect {
    /** Divisible by every {@code clauses} value, so each producer sends the same share. */
    static final int MESSAGES = 48_000;

    @Param({"cooper", "jox", "joxReused"})
    public String impl;

    @Param({"2", "4"})
    public int clauses;

    @Param({"0", "16"})
    public int buffer;

    private RoundLoop[] producers;
    private RoundLoop selector;

    @Setup(Level.Trial)
    public void startThreads() {
        if (MESSAGES % clauses != 0) {
            throw new IllegalArgumentException("clauses: " + clauses + " (expected: a divisor of " + MESSAGES + ")");
        }
        SelectSide side = SelectSide.create(impl, clauses, buffer);
        Message message = new Message(1);
        int share = MESSAGES / clauses;
        producers = new RoundLoop[clauses];
        for (int p = 0; p < clauses; p++) {
            int index = p;
            producers[p] = RoundLoop.virtual("producer-" + p, () -> {
                for (int i = 0; i < share; i++) {
                    side.send(index, message);
                }
            });
        }
        selector = RoundLoop.virtual("selector", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                if (side.selectReceive() != message) {
                    throw new IllegalStateException(impl + " selected another message");
                }
            }
        });
    }

    @TearDown(Level.Trial)
    public void stopThreads() throws InterruptedException {
        for (RoundLoop producer : producers) {
            producer.close();
        }
        selector.close();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void select() throws InterruptedException {
        selector.startRound();
        for (RoundLoop producer : producers) {
            producer.startRound();
        }
        for (RoundLoop producer : producers) {
            producer.awaitRound();
        }
        selector.awaitRound();
    }
}
