package dev.cooper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Batch throughput, one producer thread and one consumer thread: the producer calls
 * {@code fill(supplier, batch)} and the consumer {@code drain(consumer, batch)}, cooper's
 * {@link dev.cooper.concurrent.queue.MessageQueue} against JCTools'
 * {@link org.jctools.queues.MessagePassingQueue} (VarHandle build). The supplier hands out one
 * pre-allocated message and the consumer keeps a reference to the last one, so the benchmark
 * itself allocates nothing (see {@link BatchQueue}).
 *
 * <p>The primary score counts calls; read {@code drained} (elements per second).
 * {@code filled} should match it, and {@code fillsEmpty} / {@code drainsEmpty} count the calls
 * that moved nothing (queue full / empty).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class QueueBatch {

    @Param({
        "SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY", "MPSC_LINKED", "MPMC_LINKED",
        "LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY",
        "jctools.SpscArrayQueue", "jctools.MpscArrayQueue", "jctools.MpmcArrayQueue",
        "jctools.MpscLinkedQueue"
    })
    public String impl;

    @Param({"1024"})
    public int capacity;

    /** The most elements one {@code fill} or {@code drain} call moves. */
    @Param({"32"})
    public int batch;

    private BatchQueue queue;

    /** Elements inserted by the producer, and calls that found the queue full. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class FillCounters {
        public long filled;
        public long fillsEmpty;

        @Setup(Level.Iteration)
        public void reset() {
            filled = 0;
            fillsEmpty = 0;
        }
    }

    /** Elements removed by the consumer, and calls that found the queue empty. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class DrainCounters {
        public long drained;
        public long drainsEmpty;

        @Setup(Level.Iteration)
        public void reset() {
            drained = 0;
            drainsEmpty = 0;
        }
    }

    @Setup(Level.Trial)
    public void createQueue() {
        if (batch < 1) {
            throw new IllegalArgumentException("batch: " + batch + " (expected: >= 1)");
        }
        queue = BatchQueue.of(Queues.create(impl, capacity));
        Queues.warm(queue.queue(), capacity, queue.element());
        warmBatches();
    }

    /** Runs {@code fill} to a full queue and {@code drain} to an empty one, three times. */
    private void warmBatches() {
        for (int round = 0; round < 3; round++) {
            int in = 0;
            for (int n; in < 2 * capacity && (n = queue.fill(batch)) > 0; ) {
                in += n;
            }
            int out = 0;
            for (int n; (n = queue.drain(batch)) > 0; ) {
                out += n;
            }
            if (in != out || queue.lastDrained() != queue.element()) {
                throw new IllegalStateException(impl + " drained " + out + " of " + in
                        + " filled elements during warm-up");
            }
        }
    }

    @TearDown(Level.Iteration)
    public void emptyQueue() {
        queue.queue().clear();
    }

    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public void fill(FillCounters counters) {
        int n = queue.fill(batch);
        if (n == 0) {
            counters.fillsEmpty++;
        } else {
            counters.filled += n;
        }
    }

    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public void drain(DrainCounters counters) {
        int n = queue.drain(batch);
        if (n == 0) {
            counters.drainsEmpty++;
        } else {
            counters.drained += n;
        }
    }
}
