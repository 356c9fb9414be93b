package dev.cooper.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The LMAX Disruptor as a one-producer, one-consumer queue, next to {@link QueueThroughput}:
 * a single-producer {@link RingBuffer} of pre-allocated slots, the producer claiming a slot,
 * storing the message in it and publishing it, the consumer reading through an
 * {@link EventPoller} (the Disruptor's pull API: no {@code BatchEventProcessor} thread, so
 * the consumer is the JMH thread and the numbers compare with {@code offer}/{@code poll}).
 *
 * <p>The producer checks {@code hasAvailableCapacity(1)} before {@code next()}: with one
 * producer the check is exact, and a full ring counts as a failed offer instead of parking
 * inside {@code next()}. The wait strategy is {@link BusySpinWaitStrategy}, whose publish-side
 * signal is empty (the default blocking strategy takes a lock on every publish, which a
 * poller never needs).
 *
 * <p>{@code drainAll = true} lets one {@code poll} hand over every published event (the
 * Disruptor's natural batching, updating the consumer sequence once per batch);
 * {@code false} stops after one event, like {@code Queue.poll}. As in the queue benchmarks,
 * read {@code pollsMade}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class DisruptorThroughput {

    /** Ring size; the Disruptor needs a power of two. */
    @Param({"1024"})
    public int capacity;

    @Param({"true", "false"})
    public boolean drainAll;

    private final Message element = new Message(1);
    private RingBuffer<Slot> ring;
    private EventPoller<Slot> poller;
    private Counting handler;

    /** A ring buffer entry: allocated once when the ring is made, then overwritten. */
    static final class Slot {
        Message message;
    }

    /** Counts the events it is handed (consumer thread only) and keeps the last message. */
    static final class Counting implements EventPoller.Handler<Slot> {
        private final boolean drainAll;
        long handled;
        Message last;

        Counting(boolean drainAll) {
            this.drainAll = drainAll;
        }

        @Override
        public boolean onEvent(Slot slot, long sequence, boolean endOfBatch) {
            last = slot.message;
            handled++;
            return drainAll;
        }
    }

    @Setup(Level.Trial)
    public void createRing() throws Exception {
        ring = RingBuffer.createSingleProducer(Slot::new, capacity, new BusySpinWaitStrategy());
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        handler = new Counting(drainAll);
        warm();
    }

    /** Fills the ring and empties it three times: full path and sequence wrap-around. */
    private void warm() throws Exception {
        for (int round = 0; round < 3; round++) {
            long before = handler.handled;
            int in = 0;
            while (publish()) {
                in++;
            }
            while (poller.poll(handler) == EventPoller.PollState.PROCESSING) {
                // Each call handled one event or a batch; keep going until none is left.
            }
            if (handler.handled - before != in) {
                throw new IllegalStateException("ring handed back " + (handler.handled - before)
                        + " of " + in + " events during warm-up");
            }
        }
    }

    private boolean publish() {
        return publish(ring, element);
    }

    /**
     * Claims the next slot of a single-producer ring if there is room, stores {@code message}
     * in it and publishes it; false if the slowest poller is a full ring behind.
     */
    static boolean publish(RingBuffer<Slot> ring, Message message) {
        if (!ring.hasAvailableCapacity(1)) {
            return false;
        }
        long sequence = ring.next();
        ring.get(sequence).message = message;
        ring.publish(sequence);
        return true;
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void offer(OfferCounters counters) {
        if (publish()) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void poll(PollCounters counters) throws Exception {
        long before = handler.handled;
        poller.poll(handler);
        long handled = handler.handled - before;
        if (handled == 0) {
            counters.pollsFailed++;
        } else {
            counters.pollsMade += handled;
        }
    }
}
