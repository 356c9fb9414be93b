package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.channel.Channel;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * {@link Channel#receive()} on an empty channel, released by a send from another thread: on a
 * rendezvous channel by a timed {@code send} (a {@code trySend} there succeeds only if the
 * receiver is already waiting, so failing it could leave the receiver blocked by design), on a
 * buffered(1) channel by {@code send} and by {@code trySend}. The completer fires the
 * receiver's waiter by a CAS and then reads whether it parked; the receiver announces that
 * it parks and then re-reads the waiter's state (see the channel's {@code Waiter}). On the
 * buffered channel the send takes the fast path, under the send lock alone, and must then see
 * the receiver that enqueued under both locks.
 *
 * <p>On the rendezvous channel the signal's send itself waits whenever it comes before the
 * receiver, and the receiver then completes it: it waits at most {@link Checks#PATIENCE}, so
 * that a lost wake-up of the sender shows as an error rather than a hang. A timed send waits
 * by the same handshake as an untimed one (it parks with a deadline).
 */
@Description("receive() on an empty channel returns once another thread sends an element.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "receive() returned the element sent.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "receive() still blocked after the send: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "receive() returned another element or threw, or the send failed.")
public class ReceiveWokenBySend {

    /** An empty channel; one subclass per channel kind and sending method. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Channel<Integer> channel;

        Probe(Channel<Integer> channel) {
            this.channel = channel;
        }

        final void receive() throws InterruptedException {
            stagger.aim();
            Checks.same(1, channel.receive(), "receive");
        }

        final void send() throws InterruptedException {
            stagger.fire();
            channel.send(1);
        }

        final void timedSend() throws InterruptedException {
            stagger.fire();
            if (!channel.send(1, Checks.PATIENCE)) {
                throw new IllegalStateException("send waited " + Checks.PATIENCE + " for the receiver");
            }
        }

        final void trySend() {
            stagger.fire();
            if (!channel.trySend(1)) {
                throw new IllegalStateException("trySend refused with room in the buffer");
            }
        }
    }

    /** {@link Channel#rendezvous()}, released by a timed {@code send}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReceiveWokenBySend.class)
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
        public void sender() throws InterruptedException {
            timedSend();
        }
    }

    /** {@link Channel#buffered(int) buffered(1)}, released by {@code send}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReceiveWokenBySend.class)
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
        public void sender() throws InterruptedException {
            send();
        }
    }

    /** {@link Channel#buffered(int) buffered(1)}, released by {@code trySend}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(ReceiveWokenBySend.class)
    @State
    public static class BufferedTrySend extends Probe {
        public BufferedTrySend() {
            super(Channel.buffered(1));
        }

        @Actor
        public void receiver() throws InterruptedException {
            receive();
        }

        @Signal
        public void sender() {
            trySend();
        }
    }
}
