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
 * Per-producer order, for every kind: one producer offers 1 then 2, one consumer polls twice.
 * The consumer may come early and see nothing, or only the first element, but it never sees
 * 2 without having seen 1 first, nor an element twice. The queue has been rolled forward by
 * one element, so the two offers straddle the end of the ring on the array kinds.
 */
@Description("One producer offers 1 then 2; a consumer polling twice sees a prefix of 1, 2, in that order.")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Both polls came before the first offer.")
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "Only the first element arrived in time.")
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Both elements, in order.")
@Outcome(id = {"2, 1", "2, 0", "0, 2"}, expect = FORBIDDEN, desc = "The second element before (or without) the first: reordered.")
@Outcome(id = {"1, 1", "2, 2"}, expect = FORBIDDEN, desc = "The same element twice: duplicated.")
@Outcome(expect = FORBIDDEN, desc = "An element removed before the actors started (-1): resurrected.")
public class ProducerOrder {
    /** Room for both elements: no offer may fail. */
    private static final int CAPACITY = 2;

    /** The queue and the two actors' work; one subclass per kind. */
    abstract static class Probe {
        private final MessageQueue<Integer> queue;

        Probe(QueueKind kind) {
            this.queue = Queues.rolled(kind, CAPACITY, 1, Queues.STALE);
        }

        final void produce() {
            Queues.offer(queue, 1);
            Queues.offer(queue, 2);
        }

        final void consume(II_Result r) {
            r.r1 = Queues.value(queue.poll());
            r.r2 = Queues.value(queue.poll());
        }
    }

    /** {@link QueueKind#SPSC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class SpscArray extends Probe {
        public SpscArray() {
            super(QueueKind.SPSC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class MpscArray extends Probe {
        public MpscArray() {
            super(QueueKind.MPSC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class SpmcArray extends Probe {
        public SpmcArray() {
            super(QueueKind.SPMC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPSC_LINKED}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class MpscLinked extends Probe {
        public MpscLinked() {
            super(QueueKind.MPSC_LINKED);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#MPMC_LINKED}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class MpmcLinked extends Probe {
        public MpmcLinked() {
            super(QueueKind.MPMC_LINKED);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#LOCKED_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class LockedArray extends Probe {
        public LockedArray() {
            super(QueueKind.LOCKED_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#TWO_LOCK_LINKED}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class TwoLockLinked extends Probe {
        public TwoLockLinked() {
            super(QueueKind.TWO_LOCK_LINKED);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }

    /** {@link QueueKind#SEMAPHORE_ARRAY}. */
    @JCStressTest
    @JCStressMeta(ProducerOrder.class)
    @State
    public static class SemaphoreArray extends Probe {
        public SemaphoreArray() {
            super(QueueKind.SEMAPHORE_ARRAY);
        }

        @Actor
        public void producer() {
            produce();
        }

        @Actor
        public void consumer(II_Result r) {
            consume(r);
        }
    }
}
