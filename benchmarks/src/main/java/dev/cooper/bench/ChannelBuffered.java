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
 * Buffered channel throughput: {@code senders} threads together send {@link #MESSAGES}
 * messages into a channel with room for {@code buffer}, and one more receives them; the score
 * is nanoseconds per message. The JDK's side is an {@code ArrayBlockingQueue} of the same
 * capacity used with {@code put}/{@code take}.
 *
 * <p>{@code senders=1} is a plain pipe; {@code senders=4} is Go's fan-in, several goroutines
 * feeding one channel, where the senders contend with each other as well as with the receiver.
 *
 * <p>{@code threads=virtual} runs them on virtual threads, the channels' design point;
 * {@code threads=platform} on platform threads, for users who have not moved, where a wait
 * that ends in a park costs a kernel wake-up. Threads and batching as in
 * {@link ChannelPingPong}: the threads live for the trial, and each invocation runs one batch
 * and waits for both ends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class ChannelBuffered {
    static final int MESSAGES = 48_000;

    @Param({"cooper", "jox", "jdk.ArrayBlockingQueue"})
    public String impl;

    @Param({"16"})
    public int buffer;

    @Param({"1", "4"})
    public int senders;

    /** Whose threads send and receive: "virtual" (the channels' design point) or "platform". */
    @Param({"virtual", "platform"})
    public String threads;

    private RoundLoop[] producers;
    private RoundLoop consumer;

    @Setup(Level.Trial)
    public void startThreads() {
        Pipe pipe = Pipe.create(impl, buffer);
        Message message = new Message(1);
        if (MESSAGES % senders != 0) {
            throw new IllegalArgumentException("senders: " + senders + " (expected: a divisor of " + MESSAGES + ")");
        }
        int perSender = MESSAGES / senders;
        producers = new RoundLoop[senders];
        for (int s = 0; s < senders; s++) {
            producers[s] = RoundLoop.of(threads, "producer-" + s, () -> {
                for (int i = 0; i < perSender; i++) {
                    pipe.send(message);
                }
            });
        }
        consumer = RoundLoop.of(threads, "consumer", () -> {
            for (int i = 0; i < MESSAGES; i++) {
                if (pipe.receive() != message) {
                    throw new IllegalStateException(impl + " delivered another message");
                }
            }
        });
    }

    @TearDown(Level.Trial)
    public void stopThreads() throws InterruptedException {
        for (RoundLoop producer : producers) {
            producer.close();
        }
        consumer.close();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void transfer() throws InterruptedException {
        consumer.startRound();
        for (RoundLoop producer : producers) {
            producer.startRound();
        }
        for (RoundLoop producer : producers) {
            producer.awaitRound();
        }
        consumer.awaitRound();
    }
}
