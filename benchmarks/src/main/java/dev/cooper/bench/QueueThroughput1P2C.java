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
 * Non-blocking throughput with one producer thread and two consumer threads, for the kinds and
 * baselines that allow several consumers; otherwise as {@link QueueThroughput} (read
 * {@code pollsMade}, summed over both consumers).
 *
 * <p>What this machine cannot show: on two cores the three threads time-share, so the numbers
 * say how each queue behaves under consumer contention and preemption, not how it scales. A
 * scaling curve needs at least as many idle cores as threads.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class QueueThroughput1P2C extends QueueThroughputState {

    @Param({
        "SPMC_ARRAY", "MPMC_ARRAY", "MPMC_LINKED",
        "LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY",
        "jdk.ArrayBlockingQueue", "jdk.LinkedBlockingQueue", "jdk.ConcurrentLinkedQueue",
        "jdk.LinkedTransferQueue",
        "jctools.SpmcArrayQueue", "jctools.MpmcArrayQueue"
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
    @GroupThreads(2)
    public void poll(PollCounters counters) {
        pollOnce(counters);
    }
}
