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
 * A {@link Overflow#BLOCK_WRITER} {@link Broadcast#publish} on a full ring (capacity 1, its one
 * reader a full ring behind), released by that reader from another thread: by
 * {@link Broadcast.Reader#receive()} or {@link Broadcast.Reader#poll()}, each of which must
 * return the message that filled the ring, or by {@link Broadcast.Reader#close()}, after which
 * the writer no longer waits for it. The writer publishes itself as the parked writer
 * (volatile) and then re-checks the readers' sequences; a reader stores its sequence
 * (volatile) and then reads the parked writer. Close instead replaces the readers' array (CAS)
 * and then reads the parked writer. The ring has been rolled forward by one message first, so
 * the writer's cached gating limit is stale and must be refreshed from the reader.
 */
@Description("A BLOCK_WRITER publish() on a full ring returns once its lagging reader receives, polls or leaves.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "publish() returned: the reader made room, or left.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "publish() still blocked after the reader moved on: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "The reader got another message than the one that filled the ring, or an actor threw.")
public class WriterWokenByReader {

    /** A full capacity-1 broadcast holding 1 for its one reader; one subclass per release. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Broadcast<Integer> broadcast;
        private final Broadcast.Reader<Integer> reader;

        Probe() {
            this.broadcast = Broadcast.create(1, Overflow.BLOCK_WRITER);
            this.reader = broadcast.join();
            Checks.tryPublish(broadcast, Checks.ROLLED);
            Checks.same(Checks.ROLLED, reader.poll(), "poll after publish");
            Checks.tryPublish(broadcast, 1);
        }

        final void publish() throws InterruptedException {
            stagger.aim();
            broadcast.publish(2);
        }

        final void receive() throws InterruptedException {
            stagger.fire();
            Checks.same(1, reader.receive(), "receive");
        }

        final void poll() {
            stagger.fire();
            Checks.same(1, reader.poll(), "poll");
        }

        final void close() {
            stagger.fire();
            reader.close();
        }
    }

    /** Released by the reader's {@code receive}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(WriterWokenByReader.class)
    @State
    public static class Receive extends Probe {
        @Actor
        public void writer() throws InterruptedException {
            publish();
        }

        @Signal
        public void reader() throws InterruptedException {
            receive();
        }
    }

    /** Released by the reader's {@code poll}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(WriterWokenByReader.class)
    @State
    public static class Poll extends Probe {
        @Actor
        public void writer() throws InterruptedException {
            publish();
        }

        @Signal
        public void reader() {
            poll();
        }
    }

    /** Released by the reader's {@code close}: it leaves, and the writer no longer waits for it. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(WriterWokenByReader.class)
    @State
    public static class Close extends Probe {
        @Actor
        public void writer() throws InterruptedException {
            publish();
        }

        @Signal
        public void reader() {
            close();
        }
    }
}
