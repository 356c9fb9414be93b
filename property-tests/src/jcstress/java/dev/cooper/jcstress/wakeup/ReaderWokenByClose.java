package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.channel.ChannelClosedException;
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
 * A {@link Broadcast.Reader#receive()} that has caught up, released by the writer's
 * {@link Broadcast#close()}, under both overflow policies: the reader has received everything
 * published, so it must throw {@link ChannelClosedException}. The reader publishes its thread
 * (volatile) and registers in the count of waiting readers (getAndAdd), then re-checks
 * {@code closed}; close stores {@code closed} (volatile) and then reads each reader's thread.
 * The ring has been rolled forward by one message first, as in {@link ReaderWokenByPublish}.
 */
@Description("A reader's receive() that has caught up returns (throwing ChannelClosedException) once the writer closes the broadcast.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "receive() threw ChannelClosedException.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "receive() still blocked after the close: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "receive() returned a message (the -1 rolled through before), or threw something else.")
public class ReaderWokenByClose {

    /** A capacity-1 broadcast with one reader, rolled by one message; one subclass per policy. */
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
            Integer message;
            try {
                message = reader.receive();
            } catch (ChannelClosedException expected) {
                return;
            }
            throw new IllegalStateException("receive on a closed, drained broadcast returned " + message);
        }

        final void close() {
            stagger.fire();
            broadcast.close();
        }
    }

    /** {@link Overflow#BLOCK_WRITER}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByClose.class)
    @State
    public static class Block extends Probe {
        public Block() {
            super(Overflow.BLOCK_WRITER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() {
            close();
        }
    }

    /** {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReaderWokenByClose.class)
    @State
    public static class Drop extends Probe {
        public Drop() {
            super(Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        }

        @Actor
        public void reader() throws InterruptedException {
            receive();
        }

        @Signal
        public void writer() {
            close();
        }
    }
}
