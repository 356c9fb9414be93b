package dev.cooper.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.concurrent.consumer.Overflow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Multicast: one writer publishes into a ring of {@code capacity} slots and every reader
 * receives every message. cooper's {@link Broadcast} ({@code tryPublish} and
 * {@code Reader.poll}, both non-blocking, {@link Overflow#BLOCK_WRITER}) against the LMAX
 * Disruptor's single-producer {@link RingBuffer} with one {@link EventPoller} per reader, each
 * poller's sequence gating the producer (the Disruptor's multicast; as in
 * {@link DisruptorThroughput}, {@code hasAvailableCapacity(1)} before {@code next()} and a
 * {@link BusySpinWaitStrategy}).
 *
 * <p>{@code batch = false} takes one message per call on both sides, like {@code Queue.poll};
 * {@code true} hands a reader every message published and not yet received, in one call:
 * {@code Reader.drain} for cooper, a handler that asks for more for the Disruptor.
 *
 * <p>One writer and one reader by default; {@code -tg 1,2} gives two readers. That needs at
 * least three cores: on two, the three spinning threads time-share and both libraries fall to
 * about 0.2 M msgs/s (benchmarks/RESULTS.md). Read {@code offersMade}: messages published per second; each
 * reached every reader ({@code pollsMade} is their sum over the readers).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class BroadcastThroughput {

    @Param({"cooper", "disruptor"})
    public String impl;

    /** Ring size, a power of two as the Disruptor needs. */
    @Param({"1024"})
    public int capacity;

    @Param({"false", "true"})
    public boolean batch;

    private final Message element = new Message(1);
    private Broadcast<Message> broadcast;
    private RingBuffer<DisruptorThroughput.Slot> ring;

    @Setup(Level.Trial)
    public void create() {
        switch (impl) {
            case "cooper" -> broadcast = Broadcast.create(capacity, Overflow.BLOCK_WRITER);
            case "disruptor" -> ring = RingBuffer.createSingleProducer(
                    DisruptorThroughput.Slot::new, capacity, new BusySpinWaitStrategy());
            default -> throw new IllegalArgumentException("impl: " + impl + " (expected: cooper or disruptor)");
        }
    }

    /** One reader thread's end: a cooper reader or a Disruptor poller, joined once per trial. */
    @State(Scope.Thread)
    public static class ReaderEnd {
        private Broadcast.Reader<Message> reader;
        private EventPoller<DisruptorThroughput.Slot> poller;
        private DisruptorThroughput.Counting handler;
        private boolean batch;
        /** The last message received, checked by {@link #receive} as a sink for the read. */
        Message last;
        /** cooper's drain callback, made once rather than per call. */
        private final Consumer<Message> keepLast = m -> last = m;

        @Setup(Level.Trial)
        public void join(BroadcastThroughput group) {
            batch = group.batch;
            if (group.broadcast != null) {
                reader = group.broadcast.join();
            } else {
                poller = group.ring.newPoller();
                group.ring.addGatingSequences(poller.getSequence());
                handler = new DisruptorThroughput.Counting(batch);
            }
        }

        @TearDown(Level.Trial)
        public void leave(BroadcastThroughput group) {
            if (reader != null) {
                reader.close();
            } else {
                group.ring.removeGatingSequence(poller.getSequence());
            }
        }

        /** Receives one message, or all there are when batching; returns how many. */
        int receive() throws Exception {
            if (reader != null) {
                if (batch) {
                    return reader.drain(keepLast, Integer.MAX_VALUE);
                }
                Message m = reader.poll();
                if (m == null) {
                    return 0;
                }
                last = m;
                return 1;
            }
            long before = handler.handled;
            poller.poll(handler);
            last = handler.last;
            return (int) (handler.handled - before);
        }
    }

    private boolean publish() {
        return broadcast != null ? broadcast.tryPublish(element) : DisruptorThroughput.publish(ring, element);
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void publish(OfferCounters counters) {
        if (publish()) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void receive(ReaderEnd end, PollCounters counters) throws Exception {
        int received = end.receive();
        if (received == 0) {
            counters.pollsFailed++;
        } else {
            counters.pollsMade += received;
            if (end.last != element) {
                throw new IllegalStateException(impl + " delivered another message");
            }
        }
    }
}
