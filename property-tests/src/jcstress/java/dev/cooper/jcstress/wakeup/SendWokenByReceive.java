package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ReceiveResult;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * {@link Channel#send} that has to wait, released by a receive from another thread: on a
 * rendezvous channel (a send always waits for its receiver) by a timed {@code receive}; on a
 * full buffered(1) channel, which holds 1, by {@code receive} and by {@code tryReceive}. The
 * receive must return the buffered 1 (on the rendezvous channel, the sender's 2). On the
 * buffered channel it takes the fast path, under the receive lock alone, frees the slot, and
 * must then see the waiting sender and move its element into the slot, completing it.
 * ({@code tryReceive} on a rendezvous channel succeeds only if the sender is already waiting,
 * so it is not a release there.)
 *
 * <p>On the rendezvous channel the signal's receive itself waits whenever it comes before the
 * sender, and the sender then completes it: it waits at most {@link Checks#PATIENCE}, so that
 * a lost wake-up of the receiver shows as an error rather than a hang.
 */
@Description("send() that waits (rendezvous, or a full buffer) returns once another thread receives.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "send() returned: its element was taken or buffered.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "send() still blocked after the receive: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "The receive returned another element, or an actor threw.")
public class SendWokenByReceive {

    /** The channel and what the receive must return; one subclass per variant. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Channel<Integer> channel;
        private final int received;

        /**
         * @param received what the signal's receive must return: the sender's own 2 on a
         *     rendezvous channel, the buffered 1 on a full one
         */
        Probe(Channel<Integer> channel, int received) {
            this.channel = channel;
            this.received = received;
        }

        final void send() throws InterruptedException {
            stagger.aim();
            channel.send(2);
        }

        final void receive() throws InterruptedException {
            stagger.fire();
            Checks.same(received, channel.receive(), "receive");
        }

        final void timedReceive() throws InterruptedException {
            stagger.fire();
            ReceiveResult<Integer> result = channel.receive(Checks.PATIENCE);
            Checks.same(new ReceiveResult.Received<>(received), result, "timed receive");
        }

        final void tryReceive() {
            stagger.fire();
            Checks.same(new ReceiveResult.Received<>(received), channel.tryReceive(), "tryReceive");
        }
    }

    /** {@link Channel#rendezvous()}, released by a timed {@code receive}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SendWokenByReceive.class)
    @State
    public static class Rendezvous extends Probe {
        public Rendezvous() {
            super(Channel.rendezvous(), 2);
        }

        @Actor
        public void sender() throws InterruptedException {
            send();
        }

        @Signal
        public void receiver() throws InterruptedException {
            timedReceive();
        }
    }

    /** A full {@link Channel#buffered(int) buffered(1)}, released by {@code receive}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SendWokenByReceive.class)
    @State
    public static class Buffered extends Probe {
        public Buffered() {
            super(Checks.fullChannel(), 1);
        }

        @Actor
        public void sender() throws InterruptedException {
            send();
        }

        @Signal
        public void receiver() throws InterruptedException {
            receive();
        }
    }

    /** A full {@link Channel#buffered(int) buffered(1)}, released by {@code tryReceive}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SendWokenByReceive.class)
    @State
    public static class BufferedTryReceive extends Probe {
        public BufferedTryReceive() {
            super(Checks.fullChannel(), 1);
        }

        @Actor
        public void sender() throws InterruptedException {
            send();
        }

        @Signal
        public void receiver() {
            tryReceive();
        }
    }
}
