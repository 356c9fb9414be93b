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
 * {@link Channel#receive()} on an empty channel, released by {@link Channel#close()} from
 * another thread: close wakes every blocked receiver, which then finds the channel closed and
 * drained and throws {@link ChannelClosedException} (as does a receive that starts after the
 * close). On the buffered channel the receiver may first read {@code closed} on its fast path,
 * under the receive lock alone, before it enqueues under both locks and re-checks.
 */
@Description("receive() on an empty channel returns (throwing ChannelClosedException) once another thread closes it.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "receive() threw ChannelClosedException.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "receive() still blocked after the close: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "receive() returned an element that was never sent, or threw something else.")
public class ReceiveWokenByClose {

    /** An empty channel; one subclass per channel kind. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Channel<Integer> channel;

        Probe(Channel<Integer> channel) {
            this.channel = channel;
        }

        final void receive() throws InterruptedException {
            stagger.aim();
            Integer e;
            try {
                e = channel.receive();
            } catch (ChannelClosedException expected) {
                return;
            }
            throw new IllegalStateException("receive on a closed, empty channel returned " + e);
        }

        final void close() {
            stagger.fire();
            channel.close();
        }
    }

    /** {@link Channel#rendezvous()}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReceiveWokenByClose.class)
    @State
    public static class Rendezvous extends Probe {
        public Rendezvous() {
            super(Channel.rendezvous());
        }

        @Actor
        public void receiver() throws InterruptedException {
            receive();
        }

        @Signal
        public void closer() {
            close();
        }
    }

    /** {@link Channel#buffered(int) buffered(1)}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReceiveWokenByClose.class)
    @State
    public static class Buffered extends Probe {
        public Buffered() {
            super(Channel.buffered(1));
        }

        @Actor
        public void receiver() throws InterruptedException {
            receive();
        }

        @Signal
        public void closer() {
            close();
        }
    }
}
