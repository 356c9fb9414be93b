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
 * {@code take()} on an empty queue, for every kind, released by a plain {@code offer(e)}: the
 * non-blocking insert, which signals a parked consumer but, unlike {@code put}, adds no fence
 * of its own. On the kinds whose insert is a CAS, getAndAdd or getAndSet (the multi-producer
 * kinds), that atomic and the consumer's registration order each other, and the consumer parks
 * until signalled. On the single-producer kinds (SPSC_ARRAY, SPMC_ARRAY) the insert is a
 * release store, which may still sit in the store buffer while {@code offer} reads no waiter:
 * there the consumer's first park after registering lasts at most 1 ms by design (decision
 * 0015), so such a race delays the wake-up but still terminates. The lock-based kinds register
 * the waiter and signal it under one lock (SEMAPHORE_ARRAY: its semaphore's givers' mutex), so
 * the lock orders them; a signal missing from some path would still show. A {@code take()}
 * still blocked after jcstress's timeout (30 s at least) has lost its wake-up.
 */
@Description("take() on an empty queue returns once another thread offers an element (offer, the non-blocking insert).")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "take() returned the offered element.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "take() still blocked after the offer: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "take() returned another element, or an actor threw.")
public class TakeWokenByOffer {

    /** An empty capacity-1 queue, rolled forward by one element; one subclass per kind. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final MessageQueue<Integer> queue;

        Probe(QueueKind kind) {
            this.queue = Checks.rolledQueue(kind);
        }

        final void take() throws InterruptedException {
            stagger.aim();
            Checks.same(1, queue.take(), "take");
        }

        final void offer() {
            stagger.fire();
            Checks.offer(queue, 1);
        }
    }

    /** {@link QueueKind#SPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class SpscArray extends Probe {
        public SpscArray() {
            super(QueueKind.SPSC_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class MpscArray extends Probe {
        public MpscArray() {
            super(QueueKind.MPSC_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class SpmcArray extends Probe {
        public SpmcArray() {
            super(QueueKind.SPMC_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class MpmcArray extends Probe {
        public MpmcArray() {
            super(QueueKind.MPMC_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#MPSC_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class MpscLinked extends Probe {
        public MpscLinked() {
            super(QueueKind.MPSC_LINKED);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#MPMC_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class MpmcLinked extends Probe {
        public MpmcLinked() {
            super(QueueKind.MPMC_LINKED);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#LOCKED_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class LockedArray extends Probe {
        public LockedArray() {
            super(QueueKind.LOCKED_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#TWO_LOCK_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class TwoLockLinked extends Probe {
        public TwoLockLinked() {
            super(QueueKind.TWO_LOCK_LINKED);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }

    /** {@link QueueKind#SEMAPHORE_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByOffer.class)
    @State
    public static class SemaphoreArray extends Probe {
        public SemaphoreArray() {
            super(QueueKind.SEMAPHORE_ARRAY);
        }

        @Actor
        public void consumer() throws InterruptedException {
            take();
        }

        @Signal
        public void producer() {
            offer();
        }
    }
}
