package dev.cooper.bench;

import java.util.Queue;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the {@code offer} and {@code poll} code paths themselves, on one thread: each
 * invocation offers {@value #BURST} elements and then polls them back, so the score is
 * elements moved per second with no second core involved.
 *
 * <p>This is not a replacement for {@link QueueThroughput}, which measures the hand-off
 * between two cores (cache-line transfers dominate there). It isolates what an implementation
 * executes per element (checks, fences, loads), and it stays readable on a loaded 2-core
 * machine where a 1P-1C pair mostly measures the scheduler. The queue must hold
 * {@value #BURST} elements: keep {@code capacity} at least that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH},
        jvmArgsAppend = Agrona.ADD_EXPORTS)
public class QueueBurst {

    /** Elements offered, then polled, per invocation. */
    static final int BURST = 256;

    @Param({
        "SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY",
        "jctools.SpscArrayQueue", "jctools.MpscArrayQueue", "jctools.MpmcArrayQueue",
        "jctools.unsafe.SpscArrayQueue", "agrona.OneToOneConcurrentArrayQueue"
    })
    public String impl;

    @Param({"1024"})
    public int capacity;

    private final Message element = new Message(1);
    private Queue<Message> queue;

    @Setup(Level.Trial)
    public void createQueue() {
        if (capacity < BURST) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= " + BURST + ")");
        }
        queue = Queues.create(impl, capacity);
        Queues.warm(queue, capacity, element);
    }

    /** Returns the last element polled, so that the polls cannot be removed. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public Message offerThenPoll() {
        Queue<Message> q = queue;
        Message m = element;
        for (int i = 0; i < BURST; i++) {
            q.offer(m);
        }
        Message last = null;
        for (int i = 0; i < BURST; i++) {
            last = q.poll();
        }
        return last;
    }
}
