package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * {@link Channel#send} that has to wait (on a rendezvous channel with no receiver, or on a
 * full buffered(1) channel), released by {@link Channel#close()} from another thread: close
 * wakes every blocked sender, which throws {@link ChannelClosedException} with its element not
 * enqueued (as does a send that starts after the close). A send that returned normally would
 * have enqueued an element on a channel that nobody receives from, or over the bound.
 */
@Description("send() that waits returns (throwing ChannelClosedException) once another thread closes the channel.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "send() threw ChannelClosedException.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "send() still blocked after the close: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "send() returned normally although nobody could take its element, or threw something else.")
public class SendWokenByClose {

    /** The channel; one subclass per channel kind. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Channel<Integer> channel;

        Probe(Channel<Integer> channel) {
            this.channel = channel;
        }

        final void send() throws InterruptedException {
            stagger.aim();
            try {
                channel.send(2);
            } catch (ChannelClosedException expected) {
                return;
            }
            throw new IllegalStateException("send returned normally with no room and no receiver");
        }

        final void close() {
            stagger.fire();
            channel.close();
        }
    }

    /** {@link Channel#rendezvous()}: no receiver ever comes. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SendWokenByClose.class)
    @State
    public static class Rendezvous extends Probe {
        public Rendezvous() {
            super(Channel.rendezvous());
        }

        @Actor
        public void sender() throws InterruptedException {
            send();
        }

        @Signal
        public void closer() {
            close();
        }
    }

    /** A full {@link Channel#buffered(int) buffered(1)}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SendWokenByClose.class)
    @State
    public static class Buffered extends Probe {
        public Buffered() {
            super(Checks.fullChannel());
        }

        @Actor
        public void sender() throws InterruptedException {
            send();
        }

        @Signal
        public void closer() {
            close();
        }
    }
}
