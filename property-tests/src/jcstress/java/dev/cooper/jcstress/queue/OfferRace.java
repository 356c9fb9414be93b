package dev.cooper.jcstress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two producers race for the one free slot of a capacity-1 queue, for the bounded
 * multi-producer kinds: exactly one offer succeeds, and after both the queue holds the
 * winner's element and nothing else (the arbiter polls twice). The queue has been rolled forward by one
 * element first, so on MPSC_ARRAY the producers' cached limit is stale and one of them must
 * refresh it from the consumer index.
 */
@Description("Two producers offer into the one free slot of a capacity-1 queue: exactly one succeeds, and its element is the one in the queue.")
@Outcome(id = {"1, 0, 1, 0", "0, 1, 2, 0"}, expect = ACCEPTABLE, desc = "One producer won the slot, and the queue holds its element and nothing else.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Both offers succeeded: two elements in a capacity-1 queue (one overwritten or over the bound).")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both offers failed although a slot was free.")
@Outcome(expect = FORBIDDEN, desc = "The queue does not hold just the winner's element: lost, swapped, extra or resurrected (-1).")
public class OfferRace {
    private static final int CAPACITY = 1;

    /** The queue, one free slot, and the producers' work; one subclass per kind. */
    abstract static class Probe {
        private final MessageQueue<Integer> queue;

        Probe(QueueKind kind) {
            this.queue = Queues.rolled(kind, CAPACITY, 1, Queues.STALE);
        }

        /** 1 if {@code e} went in, else 0. */
        final int offer(int e) {
            return queue.offer(e) ? 1 : 0;
        }

        final int take() {
            return Queues.value(queue.poll());
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(OfferRace.class)
    @State
    public static class MpscArray extends Probe {
        public MpscArray() {
            super(QueueKind.MPSC_ARRAY);
        }

        @Actor
        public void producer1(IIII_Result r) {
            r.r1 = offer(1);
        }

        @Actor
        public void producer2(IIII_Result r) {
            r.r2 = offer(2);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = take();
            r.r4 = take();
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest
    @JCStressMeta(OfferRace.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void producer1(IIII_Result r) {
            r.r1 = offer(1);
        }

        @Actor
        public void producer2(IIII_Result r) {
            r.r2 = offer(2);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = take();
            r.r4 = take();
        }
    }

    /** {@link QueueKind#LOCKED_ARRAY}. */
    @JCStressTest
    @JCStressMeta(OfferRace.class)
    @State
    public static class LockedArray extends Probe {
        public LockedArray() {
            super(QueueKind.LOCKED_ARRAY);
        }

        @Actor
        public void producer1(IIII_Result r) {
            r.r1 = offer(1);
        }

        @Actor
        public void producer2(IIII_Result r) {
            r.r2 = offer(2);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = take();
            r.r4 = take();
        }
    }

    /** {@link QueueKind#TWO_LOCK_LINKED}. */
    @JCStressTest
    @JCStressMeta(OfferRace.class)
    @State
    public static class TwoLockLinked extends Probe {
        public TwoLockLinked() {
            super(QueueKind.TWO_LOCK_LINKED);
        }

        @Actor
        public void producer1(IIII_Result r) {
            r.r1 = offer(1);
        }

        @Actor
        public void producer2(IIII_Result r) {
            r.r2 = offer(2);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = take();
            r.r4 = take();
        }
    }

    /** {@link QueueKind#SEMAPHORE_ARRAY}. */
    @JCStressTest
    @JCStressMeta(OfferRace.class)
    @State
    public static class SemaphoreArray extends Probe {
        public SemaphoreArray() {
            super(QueueKind.SEMAPHORE_ARRAY);
        }

        @Actor
        public void producer1(IIII_Result r) {
            r.r1 = offer(1);
        }

        @Actor
        public void producer2(IIII_Result r) {
            r.r2 = offer(2);
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = take();
            r.r4 = take();
        }
    }
}
