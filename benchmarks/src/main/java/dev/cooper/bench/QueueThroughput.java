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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Non-blocking throughput, one producer thread and one consumer thread: the producer calls
 * {@code offer} and the consumer {@code poll} as fast as they can, with no back-off (the shape
 * of JCTools' {@code QueueThroughputBackoffNone}).
 *
 * <p>Read {@code pollsMade} (elements moved per second); the primary score counts every call,
 * including the offers that found the queue full and the polls that found it empty
 * ({@code offersFailed}, {@code pollsFailed}), which are spinning rather than throughput.
 *
 * <p>{@code impl} covers every {@link dev.cooper.concurrent.queue.QueueKind} and the baselines
 * (see {@link Queues}); the Disruptor is in {@link DisruptorThroughput}. The element is one
 * pre-allocated {@link Message}, so the benchmark allocates nothing itself: with
 * {@code -prof gc}, any allocation is the queue's (the linked queues allocate a node per
 * element). Set-up and tear-down are in {@link QueueThroughputState}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH},
        jvmArgsAppend = Agrona.ADD_EXPORTS)
public class QueueThroughput extends QueueThroughputState {

    @Param({
        "SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY", "MPSC_LINKED", "MPMC_LINKED",
        "LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY",
        "jdk.ArrayBlockingQueue", "jdk.LinkedBlockingQueue", "jdk.ConcurrentLinkedQueue",
        "jdk.LinkedTransferQueue",
        "jctools.SpscArrayQueue", "jctools.MpscArrayQueue", "jctools.MpmcArrayQueue",
        "jctools.MpscLinkedQueue", "jctools.unsafe.SpscArrayQueue", "jctools.unsafe.MpmcArrayQueue",
        "agrona.OneToOneConcurrentArrayQueue", "agrona.ManyToOneConcurrentArrayQueue"
    })
    public String impl;

    @Override
    String impl() {
        return impl;
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void offer(OfferCounters counters) {
        offerOnce(counters);
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(1)
    public void poll(PollCounters counters) {
        pollOnce(counters);
    }
}
