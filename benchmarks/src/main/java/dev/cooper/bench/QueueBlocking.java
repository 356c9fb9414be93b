package dev.cooper.bench;

import java.util.concurrent.BlockingQueue;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Blocking throughput, one producer thread calling {@code put} and one consumer thread calling
 * {@code take}, on platform threads: every {@link dev.cooper.concurrent.queue.QueueKind} and
 * the JDK's blocking queues. Each call moves one element, so the {@code put} and {@code take}
 * rows each read as elements per second (the group total counts both sides).
 *
 * <p>Ending an iteration without a hang: JMH stops the two threads one after the other, and a
 * thread blocked in {@code take} on an empty queue (or {@code put} on a full one) would wait
 * forever for a partner that has left. So once JMH flags the end of the measurement
 * ({@link Control#stopMeasurement}) each side switches to the non-blocking {@code offer} /
 * {@code poll}: while one side is still blocked, the other keeps being called (JMH's
 * iteration synchronisation holds it until both have finished measuring) and its
 * {@code offer} on the empty queue, or {@code poll} on the full one, releases it. This relies
 * on JMH's default {@code -si true}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class QueueBlocking {

    @Param({
        "SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY", "MPSC_LINKED", "MPMC_LINKED",
        "LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY",
        "jdk.ArrayBlockingQueue", "jdk.LinkedBlockingQueue", "jdk.LinkedTransferQueue"
    })
    public String impl;

    @Param({"1024"})
    public int capacity;

    private final Message element = new Message(1);
    private BlockingQueue<Message> queue;

    @Setup(Level.Trial)
    public void createQueue() {
        queue = Queues.createBlocking(impl, capacity);
        Queues.warm(queue, capacity, element);
    }

    @TearDown(Level.Iteration)
    public void emptyQueue() {
        queue.clear();
    }

    @Benchmark
    @Group("blocking")
    @GroupThreads(1)
    public boolean put(Control control) throws InterruptedException {
        if (control.stopMeasurement) {
            return queue.offer(element);
        }
        queue.put(element);
        return true;
    }

    @Benchmark
    @Group("blocking")
    @GroupThreads(1)
    public Message take(Control control) throws InterruptedException {
        if (control.stopMeasurement) {
            return queue.poll();
        }
        return queue.take();
    }
}
