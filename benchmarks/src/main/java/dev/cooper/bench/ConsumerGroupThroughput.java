package dev.cooper.bench;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.consumer.ConsumerGroup;
import dev.cooper.concurrent.consumer.ConsumerGroupBuilder;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end throughput of a one-worker {@link ConsumerGroup} against the same source read by a
 * plain consumer thread: how much the group's worker loop (batch drain, per-case counters,
 * stop checks) costs next to a hand-written loop running the same {@code switch}.
 *
 * <p><b>Method.</b> The queue is an {@link QueueKind#SPSC_ARRAY} of {@code capacity}. The
 * producer is the JMH thread: each call of {@link #send} offers one message, spinning on
 * {@link Thread#onSpinWait()} while the queue is full (each full attempt counted in
 * {@code offersFailed}), so the primary score is messages per second and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes per message, for the whole JVM (consumer included). The
 * consumer runs in its own thread, started once per trial:
 * <ul>
 *   <li>{@code group}: {@code ConsumerGroup.builder(Msg4.class).source(queue).workers(1)
 *       .handler(switch ...)}, with the group's defaults (batches of 256; the worker blocks in
 *       {@code take()} when the queue is empty);</li>
 *   <li>{@code raw}: a thread looping {@code handle(queue.take())}, the plain consumer an
 *       application would write without the group;</li>
 *   <li>{@code rawBatch}: a thread taking batches of up to 256 as the group's worker does
 *       ({@code queue.drain(handler, 256)}, or {@code channel.drainTo(list, 256)} and a loop
 *       over the list), and blocking in {@code take()} ({@code receive()}) when there is none:
 *       the hand-written loop that uses the same batch calls, so that {@code group} against
 *       {@code rawBatch} is the group's own cost, and {@code raw} against {@code rawBatch}
 *       what batching gains.</li>
 * </ul>
 * {@code threads} picks the consumer's thread kind for both: {@code virtual} (the group's
 * default) or {@code platform}. Since the queue is bounded, the producer cannot run more than
 * {@code capacity} messages ahead of the consumer: over an iteration of a second the produced
 * rate is the consumed rate, to far better than the run-to-run noise. The handler is the same
 * 4-case pattern {@code switch} over {@link Msg4} in both, folding the values into a field of a heap
 * object the consumer owns (a store the compiler must keep); the producer
 * cycles through the seeded mix of {@link DispatchMix}, so the {@code switch} sees the same
 * random case sequence in both. The consumer's handled count is checked against the produced
 * count at the end of the trial.
 *
 * <p>{@code source=channel} does the same through a {@code Channel.buffered(capacity)}: the
 * producer spins on {@code trySend}, the group's worker takes batches with {@code drainTo}
 * and the raw consumer loops on {@code receive()}.
 *
 * <p>Two cores hold the producer and the consumer; anything else running on the machine shares
 * them, so compare {@code group} and {@code raw} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class ConsumerGroupThroughput {

    @Param({"group", "raw", "rawBatch"})
    public String impl;

    @Param({"virtual"})
    public String threads;

    @Param({"queue", "channel"})
    public String source;

    @Param({"1024"})
    public int capacity;

    private MessageQueue<Msg4> queue;
    private Channel<Msg4> channel;
    private Msg4[] mix;
    private int next;
    private long produced;
    private Sink sink;
    private ConsumerGroup<Msg4> group;
    private Thread rawConsumer;

    /** Per producer thread: offers that found the queue full (spinning, not throughput). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class FullCounters {
        /** Offers that found the queue full and were retried. */
        public long offersFailed;

        /** JMH does not reset auxiliary counters between iterations. */
        @Setup(Level.Iteration)
        public void reset() {
            offersFailed = 0;
        }
    }

    /** The consumer's state, written by the consumer thread only. */
    static final class Sink {
        long folded;
        long handled;

        void handle(Msg4 message) {
            switch (message) {
                case Msg4.C0 c -> folded += c.value();
                case Msg4.C1 c -> folded ^= c.value();
                case Msg4.C2 c -> folded -= c.value();
                case Msg4.C3 c -> folded += 3L * c.value();
            }
            handled++;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        switch (source) {
            case "queue" -> queue = QueueKind.SPSC_ARRAY.create(capacity);
            case "channel" -> channel = Channel.buffered(capacity);
            default -> throw new IllegalArgumentException("source: " + source + " (expected: queue or channel)");
        }
        mix = DispatchMix.messages(Msg4.class, DispatchMix.SEED);
        sink = new Sink();
        Thread.Builder builder = switch (threads) {
            case "virtual" -> Thread.ofVirtual();
            case "platform" -> Thread.ofPlatform().daemon(true);
            default -> throw new IllegalArgumentException("threads: " + threads + " (expected: virtual or platform)");
        };
        switch (impl) {
            case "group" -> {
                ConsumerGroupBuilder<Msg4> b = ConsumerGroup.builder(Msg4.class);
                group = (queue != null ? b.source(queue) : b.source(channel))
                        .workers(1)
                        .batchSize(BATCH)
                        .threads(builder)
                        .handler(sink::handle)
                        .start();
            }
            case "raw" -> rawConsumer = builder.name("raw-consumer").start(this::consumeRaw);
            case "rawBatch" -> rawConsumer = builder.name("raw-batch-consumer").start(this::consumeRawBatches);
            default -> throw new IllegalArgumentException("impl: " + impl + " (expected: group, raw or rawBatch)");
        }
    }

    private void consumeRaw() {
        try {
            while (true) {
                sink.handle(queue != null ? queue.take() : channel.receive());
            }
        } catch (InterruptedException | ChannelClosedException e) {
            // stop() asked the consumer to end.
        }
    }

    /** The batch size of the group's worker and of the {@code rawBatch} loop. */
    private static final int BATCH = 256;

    private void consumeRawBatches() {
        List<Msg4> batch = new ArrayList<>(BATCH);
        Consumer<Msg4> handler = sink::handle; // made once, as the group's worker is
        try {
            while (true) {
                if (queue != null) {
                    if (queue.drain(handler, BATCH) == 0) {
                        sink.handle(queue.take());
                    }
                } else if (channel.drainTo(batch, BATCH) == 0) {
                    sink.handle(channel.receive());
                } else {
                    for (int i = 0, n = batch.size(); i < n; i++) {
                        sink.handle(batch.get(i));
                    }
                    batch.clear();
                }
            }
        } catch (InterruptedException | ChannelClosedException e) {
            // stop() asked the consumer to end.
        }
    }

    @Benchmark
    public void send(FullCounters counters) {
        Msg4 message = mix[next];
        next = (next + 1) & (DispatchMix.SIZE - 1);
        while (queue != null ? !queue.offer(message) : !channel.trySend(message)) {
            counters.offersFailed++;
            Thread.onSpinWait();
        }
        produced++;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (channel != null) {
            stopChannel();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!queue.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(impl + ": consumer stuck with " + queue.size() + " messages left");
            }
            Thread.sleep(1);
        }
        if (group != null) {
            group.close(Duration.ofSeconds(60));
        } else {
            rawConsumer.interrupt();
            rawConsumer.join();
        }
        // The close and the join order the consumer's writes before these reads. A message
        // taken just before the queue looked empty may still have been in the handler when the
        // group closed: the graceful close lets it finish, so the count is exact.
        checkCount();
    }

    /**
     * A channel has no size to wait on: closing it lets the consumer take what is buffered and
     * then end by itself (the group's worker sees it closed and drained, the raw loop gets
     * {@link ChannelClosedException}).
     */
    private void stopChannel() throws InterruptedException {
        channel.close();
        if (group != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!group.isTerminated()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(impl + ": the group did not end after the channel closed");
                }
                Thread.sleep(1);
            }
            group.close(Duration.ofSeconds(60));
        } else {
            rawConsumer.join(TimeUnit.SECONDS.toMillis(60));
        }
        checkCount();
    }

    private void checkCount() {
        if (sink.handled != produced) {
            throw new IllegalStateException(impl + ": produced " + produced + ", handled " + sink.handled);
        }
    }
}
