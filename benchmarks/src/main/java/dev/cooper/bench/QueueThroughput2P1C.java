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
 * Non-blocking throughput with two producer threads and one consumer thread, for the kinds and
 * baselines that allow several producers; otherwise as {@link QueueThroughput} (read
 * {@code pollsMade}).
 *
 * <p>What this machine cannot show: on two cores the three threads time-share, so the numbers
 * say how each queue behaves under producer contention and preemption, not how it scales. A
 * scaling curve needs at least as many idle cores as threads.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH},
        jvmArgsAppend = Agrona.ADD_EXPORTS)
public class QueueThroughput2P1C extends QueueThroughputState {

    @Param({
        "MPSC_ARRAY", "MPMC_ARRAY", "MPSC_LINKED", "MPMC_LINKED",
        "LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY",
        "jdk.ArrayBlockingQueue", "jdk.LinkedBlockingQueue", "jdk.ConcurrentLinkedQueue",
        "jdk.LinkedTransferQueue",
        "jctools.MpscArrayQueue", "jctools.MpmcArrayQueue", "jctools.MpscLinkedQueue",
        "agrona.ManyToOneConcurrentArrayQueue"
    })
    public String impl;

    @Override
    String impl() {
        return impl;
    }

    @Benchmark
    @Group("tpt")
    @GroupThreads(2)
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
