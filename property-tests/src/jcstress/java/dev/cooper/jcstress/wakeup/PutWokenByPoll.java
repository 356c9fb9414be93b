package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * {@code put(e)} on a full capacity-1 queue, for every bounded kind, released by a plain
 * {@code poll()}: the non-blocking removal, with no fence of its own. On the kinds whose
 * removal is a CAS (the multi-consumer kinds) the producer parks until signalled; on the
 * single-consumer kinds (SPSC_ARRAY, MPSC_ARRAY) the removal is a release store and the
 * producer's first park after registering lasts at most 1 ms by design (decision 0015), so a
 * race there is a delay that still terminates. The consumer's poll must return the element
 * that filled the queue. The unbounded kinds (MPSC_LINKED, MPMC_LINKED) are never full, so
 * they have no test here.
 */
@Description("put() on a full queue returns once another thread polls an element (poll, the non-blocking removal).")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "put() inserted its element after the poll made room.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "put() still blocked after the poll: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "The poll returned another element than the one that filled the queue, or an actor threw.")
public class PutWokenByPoll {

    /** A full capacity-1 queue holding 1, rolled forward by one element; one subclass per kind. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final MessageQueue<Integer> queue;

        Probe(QueueKind kind) {
            this.queue = Checks.fullQueue(kind, 1);
        }

        final void put() throws InterruptedException {
            stagger.aim();
            queue.put(2);
        }

        final void poll() {
            stagger.fire();
            Checks.same(1, queue.poll(), "poll");
        }
    }

    /** {@link QueueKind#SPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class SpscArray extends Probe {
        public SpscArray() {
            super(QueueKind.SPSC_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class MpscArray extends Probe {
        public MpscArray() {
            super(QueueKind.MPSC_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class SpmcArray extends Probe {
        public SpmcArray() {
            super(QueueKind.SPMC_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#LOCKED_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class LockedArray extends Probe {
        public LockedArray() {
            super(QueueKind.LOCKED_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#TWO_LOCK_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class TwoLockLinked extends Probe {
        public TwoLockLinked() {
            super(QueueKind.TWO_LOCK_LINKED);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }

    /** {@link QueueKind#SEMAPHORE_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(PutWokenByPoll.class)
    @State
    public static class SemaphoreArray extends Probe {
        public SemaphoreArray() {
            super(QueueKind.SEMAPHORE_ARRAY);
        }

        @Actor
        public void producer() throws InterruptedException {
            put();
        }

        @Signal
        public void consumer() {
            poll();
        }
    }
}
