package dev.cooper.bench;

import java.util.Queue;
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

/**
 * {@link QueueThroughput}'s loop (one producer spinning on {@code offer}, one consumer spinning
 * on {@code poll}) compiled twice into one fork: arm {@code a} and arm {@code b} are the same
 * source lines with call sites of their own, and the iterations take turns, a, b, b, a, a, b,
 * b, a, ... So both arms run on the same two threads of the same JVM, a second apart.
 *
 * <p>What it shows: how much of a fork's throughput comes from the code the JIT happened to
 * make rather than from the queue. With {@code b = same} both arms drive one queue instance,
 * so nothing but the compiled code differs between them; benchmarks/RESULTS.md, "Seventeenth
 * session", gives the spread this found. With {@code b} naming another queue, each arm drives
 * its own queue, which is a head-to-head comparison only where the {@code same} run shows the
 * arms agree.
 *
 * <p>Read {@code pollsMadeA} and {@code pollsMadeB}: each iteration moves elements through one
 * arm only, so one of them is zero.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH},
        jvmArgsAppend = Agrona.ADD_EXPORTS)
public class QueueCodeArms {

    /** Arm a's queue, by a name {@link Queues#create} knows. */
    @Param("SPSC_ARRAY")
    public String a;

    /** Arm b's queue: {@code same} for arm a's instance, or a name {@link Queues#create} knows. */
    @Param("same")
    public String b;

    @Param("1024")
    public int capacity;

    private final Message element = new Message(1);
    private Queue<Message> queueA;
    private Queue<Message> queueB;
    /** Which arm this iteration runs; set before the iteration's threads start. */
    private boolean onA;
    /** Iterations begun, warm-up included. */
    private int iterations;

    @Setup(Level.Trial)
    public void createQueues() {
        queueA = Queues.create(a, capacity);
        queueB = "same".equals(b) ? queueA : Queues.create(b, capacity);
        Queues.warm(queueA, capacity, element);
        Queues.warm(queueB, capacity, element);
    }

    /** Iteration k runs arm a when (k + 1) / 2 is even: a, b, b, a, a, b, b, a, ... */
    @Setup(Level.Iteration)
    public void pickArm() {
        onA = ((iterations + 1) >> 1) % 2 == 0;
        iterations++;
    }

    @TearDown(Level.Iteration)
    public void emptyQueues() {
        queueA.clear();
        queueB.clear();
    }

    @Benchmark
    @Group("arms")
    @GroupThreads(1)
    public void offer(OfferCounters counters) {
        if (onA) {
            offerA(counters);
        } else {
            offerB(counters);
        }
    }

    @Benchmark
    @Group("arms")
    @GroupThreads(1)
    public void poll(ArmPollCounters counters) {
        if (onA) {
            pollA(counters);
        } else {
            pollB(counters);
        }
    }

    private void offerA(OfferCounters counters) {
        if (queueA.offer(element)) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    private void offerB(OfferCounters counters) {
        if (queueB.offer(element)) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    private void pollA(ArmPollCounters counters) {
        if (queueA.poll() == null) {
            counters.pollsFailed++;
        } else {
            counters.pollsMadeA++;
        }
    }

    private void pollB(ArmPollCounters counters) {
        if (queueB.poll() == null) {
            counters.pollsFailed++;
        } else {
            counters.pollsMadeB++;
        }
    }
}
