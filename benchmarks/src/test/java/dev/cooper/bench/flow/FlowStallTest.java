package dev.cooper.bench.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Gen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A target that stops moving ends its run and is reported, rather than hanging the flow: the
 * faults the flow is there to catch (a lost message, a lost wake-up) show as a stall.
 */
@Timeout(60)
class FlowStallTest {
    private static final FlowOptions.Target TARGET = FlowOptions.Target.named("LOCKED_ARRAY");
    private static final OrderFlow[] TEMPLATES = Gen.of(OrderFlow.class).samples(42, 16).toArray(OrderFlow[]::new);

    private static FlowResult run(long messages, IntFunction<MessageQueue<OrderFlow>> queues) throws Exception {
        FlowOptions options = new FlowOptions(List.of(TARGET), messages, 0, 2, 2, 64, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Path.of("unused"), 42, true, false, false, false);
        return new FlowRun(TARGET, options, messages, TEMPLATES, new Progress(System.out, false), queues).run();
    }

    /** Before the stall watch, the flow waited for the lost messages for ever. */
    @Test
    void aQueueThatLosesMessagesIsReportedAsAStallAndTheLoss() throws Exception {
        FlowResult result = run(5000, capacity -> new FaultyQueue(capacity, 1000, Long.MAX_VALUE));

        assertFalse(result.passed());
        assertEquals(5000, result.messages(), "every put returned");
        assertTrue(result.firstViolation().startsWith(
                "stalled: no message handled for 1 s, with 5 of the 5,000 sent not handled; then LOST "),
                result.firstViolation());
        assertEquals(5 + 1 + 1, result.violations(), "five lost messages, a close report short of them, the stall");
    }

    /** Before the stall watch, the producers waited in put for ever. */
    @Test
    void aQueueThatStopsHandingOutMessagesIsReportedAndItsProducersStopped() throws Exception {
        FlowResult result = run(100_000, capacity -> new FaultyQueue(capacity, Long.MAX_VALUE, 500));

        assertFalse(result.passed());
        // 500 handed out, and the 64 the queue holds when the producers are interrupted.
        assertEquals(564, result.messages(), "what the producers put before they were stopped");
        assertTrue(result.firstViolation().startsWith(
                "stalled: no message handled for 1 s, with 64 of the 564 sent not handled"),
                result.firstViolation());
        assertTrue(result.checks().endsWith("over the 564 of 100,000 messages sent before the stall"),
                result.checks());
    }

    /** The flow's own back-stop: a target's JVM that never ends is stopped and reported. */
    @Test
    void aTargetsJvmThatOverrunsIsStoppedAndReported() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        FlowResult hung = TargetJvm.run(TARGET, List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.cooper.bench.flow.FlowStallTest$Hang"), Duration.ofSeconds(2));

        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "stopped, not waited for");
        assertEquals(1, hung.violations());
        assertEquals("the target's JVM did not end within 2 s and was stopped; its last output: hanging",
                hung.firstViolation());
        assertEquals(Duration.ofSeconds(2 * (20 + 10) + 300), TargetJvm.longestRun(FlowOptions.parse()));
    }

    /** A JVM that says one line and never ends. */
    static final class Hang {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("hanging");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * A lock-based queue with a fault: it drops every {@code loseEvery}-th message put into it
     * (and says it took it), and hands out no message after the first {@code handOut}, by any
     * removal. Its blocking removals wait by sleeping a millisecond at a time.
     */
    private static final class FaultyQueue extends ArrayBlockingQueue<OrderFlow> implements MessageQueue<OrderFlow> {
        private final int capacity;
        private final long loseEvery;
        private final long handOut;
        private final AtomicLong puts = new AtomicLong();
        private final ReentrantLock removal = new ReentrantLock();
        private long handedOut;

        FaultyQueue(int capacity, long loseEvery, long handOut) {
            super(capacity);
            this.capacity = capacity;
            this.loseEvery = loseEvery;
            this.handOut = handOut;
        }

        @Override
        public void put(OrderFlow e) throws InterruptedException {
            if (puts.incrementAndGet() % loseEvery != 0) {
                super.put(e);
            }
        }

        /** The next message, or null if there is none or {@code handOut} were handed out. */
        private OrderFlow next() {
            removal.lock();
            try {
                OrderFlow e = handedOut < handOut ? super.poll() : null;
                if (e != null) {
                    handedOut++;
                }
                return e;
            } finally {
                removal.unlock();
            }
        }

        @Override
        public OrderFlow poll() {
            return next();
        }

        @Override
        public OrderFlow take() throws InterruptedException {
            return poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }

        @Override
        public OrderFlow poll(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + Math.min(unit.toNanos(timeout), Long.MAX_VALUE / 2);
            for (OrderFlow e; ; Thread.sleep(1)) {
                if ((e = next()) != null || System.nanoTime() - deadline >= 0) {
                    return e;
                }
            }
        }

        @Override
        public int drain(Consumer<? super OrderFlow> consumer, int limit) {
            int n = 0;
            for (OrderFlow e; n < limit && (e = next()) != null; n++) {
                consumer.accept(e);
            }
            return n;
        }

        @Override
        public int drainTo(Collection<? super OrderFlow> c) {
            return drainTo(c, Integer.MAX_VALUE);
        }

        /** Through {@link #next}, as every removal: a group takes from a lock-based kind this way. */
        @Override
        public int drainTo(Collection<? super OrderFlow> c, int maxElements) {
            return drain(c::add, maxElements);
        }

        @Override
        public int fill(Supplier<? extends OrderFlow> supplier, int limit) {
            throw new UnsupportedOperationException("the flow only puts");
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public QueueKind kind() {
            return QueueKind.LOCKED_ARRAY;
        }
    }
}
