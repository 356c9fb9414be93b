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
 * {@code take()} on an empty queue, for every kind, released by {@code put(e)}. On the
 * single-producer kinds, whose insert is a release store, {@code put} follows it with a full
 * fence and a second look for parked consumers, which closes the window a plain
 * {@code offer} leaves to the consumer's bounded re-park. (Termination cannot tell a wake-up
 * from that first, 1 ms re-park; what it checks is that no consumer stays parked.)
 */
@Description("take() on an empty queue returns once another thread puts an element.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "take() returned the element put.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "take() still blocked after the put: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "take() returned another element, or an actor threw.")
public class TakeWokenByPut {

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

        final void put() throws InterruptedException {
            stagger.fire();
            queue.put(1);
        }
    }

    /** {@link QueueKind#SPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#MPSC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#SPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#MPMC_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#MPSC_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#MPMC_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#LOCKED_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#TWO_LOCK_LINKED}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }

    /** {@link QueueKind#SEMAPHORE_ARRAY}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(TakeWokenByPut.class)
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
        public void producer() throws InterruptedException {
            put();
        }
    }
}
