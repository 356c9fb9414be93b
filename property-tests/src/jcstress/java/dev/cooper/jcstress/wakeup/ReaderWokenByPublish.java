package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.concurrent.consumer.Overflow;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A {@link Broadcast.Reader#receive()} that has caught up, released by the writer's next
 * {@code publish} or {@code tryPublish}, under both overflow policies. The reader registers in
 * the broadcast's count of waiting readers (getAndAdd) and then re-checks the cursor; the
 * writer stores the cursor (volatile) and then reads that count (and, if it is not zero, each
 * reader's parked thread). The ring (capacity 1) has been rolled forward by one message
 * first, so its one slot still holds the old message (-1), which a reader that read the slot
 * out of order with the cursor would return.
 */
@Description("A reader's receive() that has caught up returns once the writer publishes the next message.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "receive() returned the message published.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "receive() still blocked after the publish: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "receive() returned another message (the -1 rolled through before), or an actor threw.")
public class ReaderWokenByPublish {

    /** A capacity-1 broadcast with one reader, rolled by one message; one subclass per variant. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Broadcast<Integer> broadcast;
        private final Broadcast.Reader<Integer> reader;

        Probe(Overflow overflow) {
            this.broadcast = Broadcast.create(1, overflow);
            this.reader = broadcast.join();
            Checks.tryPublish(broadcast, Checks.ROLLED);
            Checks.same(Checks.ROLLED, reader.poll(), "poll after publish");
        }

        final void receive() throws InterruptedException {
            stagger.aim();
            Checks.same(1, reader.receive(), "receive");
        }

        final void publish() throws InterruptedException {
            stagger.fire();
            broadcast.publish(1);
        }

        final void tryPublish() {
            stagger.fire();
            Checks.tryPublish(broadcast, 1);
        }
    }

    /** {@link Overflow#BLOCK_WRITER}, released by {@code publish}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByPublish.class)
    @State
    public static class BlockPublish extends Probe {
        public BlockPublish() {
            super(Overflow.BLOCK_WRITER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() throws InterruptedException {
            publish();
        }
    }

    /** {@link Overflow#BLOCK_WRITER}, released by {@code tryPublish}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByPublish.class)
    @State
    public static class BlockTryPublish extends Probe {
        public BlockTryPublish() {
            super(Overflow.BLOCK_WRITER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() {
            tryPublish();
        }
    }

    /** {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}, released by {@code publish}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByPublish.class)
    @State
    public static class DropPublish extends Probe {
        public DropPublish() {
            super(Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() throws InterruptedException {
            publish();
        }
    }

    /** {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}, released by {@code tryPublish}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByPublish.class)
    @State
    public static class DropTryPublish extends Probe {
        public DropTryPublish() {
            super(Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() {
            tryPublish();
        }
    }
}
