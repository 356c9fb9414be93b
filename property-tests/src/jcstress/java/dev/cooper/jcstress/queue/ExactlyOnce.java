package dev.cooper.jcstress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Exactly-once removal with two consumers, for the multi-consumer kinds: the queue holds one
 * element before the actors start (put in by the state's constructor, which happens-before
 * them), and two consumers poll once each. Exactly one of them gets it. The queue has been
 * rolled forward first, so the element sits past the end of the ring on the array kinds and
 * the consumers' cached limit (SPMC) is stale.
 */
@Description("One element in the queue, two consumers poll once each: exactly one of them gets it.")
@Outcome(id = {"1, 0", "0, 1"}, expect = ACCEPTABLE, desc = "One consumer took the element, the other found the queue empty.")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Both consumers took the element: duplicated.")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "Neither consumer took the element that was there before they started: lost.")
@Outcome(expect = FORBIDDEN, desc = "An element removed before the actors started (-1): resurrected.")
public class ExactlyOnce {
    private static final int CAPACITY = 2;

    /** The queue, holding one element, and the consumers' work; one subclass per kind. */
    abstract static class Probe {
        private final MessageQueue<Integer> queue;

        Probe(QueueKind kind) {
            this.queue = Queues.rolled(kind, CAPACITY, CAPACITY + 1, Queues.STALE);
            Queues.offer(queue, 1);
        }

        final int take() {
            return Queues.value(queue.poll());
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ExactlyOnce.class)
    @State
    public static class SpmcArray extends Probe {
        public SpmcArray() {
            super(QueueKind.SPMC_ARRAY);
        }

        @Actor
        public void consumer1(II_Result r) {
            r.r1 = take();
        }

        @Actor
        public void consumer2(II_Result r) {
            r.r2 = take();
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ExactlyOnce.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void consumer1(II_Result r) {
            r.r1 = take();
        }

        @Actor
        public void consumer2(II_Result r) {
            r.r2 = take();
        }
    }

    /** {@link QueueKind#MPMC_LINKED}. */
    @JCStressTest
    @JCStressMeta(ExactlyOnce.class)
    @State
    public static class MpmcLinked extends Probe {
        public MpmcLinked() {
            super(QueueKind.MPMC_LINKED);
        }

        @Actor
        public void consumer1(II_Result r) {
            r.r1 = take();
        }

        @Actor
        public void consumer2(II_Result r) {
            r.r2 = take();
        }
    }
}
