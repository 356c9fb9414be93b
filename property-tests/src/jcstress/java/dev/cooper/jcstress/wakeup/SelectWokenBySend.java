package dev.cooper.jcstress.wakeup;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A {@link Select} over two receive clauses, on two empty channels, released by a send on the
 * second channel from another thread. The select links a node into each channel's queue of
 * receivers under the channels' locks and waits on its one waiter; the sender finds the node
 * under the second channel's lock and fires the select by the waiter's CAS, then reads whether
 * it parked. The select must return through the second clause, with the element sent. Two
 * variants: rendezvous channels, released by a timed {@code send} (the select's slow path
 * only), and buffered(1) channels, released by {@code trySend} (where the select first tries
 * each channel's fast path, and the send's fast path, under the send lock alone, must then see
 * the waiting select).
 *
 * <p>On the rendezvous channels the signal's send itself waits whenever it comes before the
 * select, and the select then completes it: it waits at most {@link Checks#PATIENCE}, so that
 * a lost wake-up of the sender shows as an error rather than a hang.
 */
@Description("A select waiting on two receive clauses returns once another thread sends on one of the channels.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The select ran the clause of the channel sent to, with the element sent.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "The select still waiting after the send: a lost wake-up.")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "The select ran another clause or returned another element, or an actor threw.")
public class SelectWokenBySend {

    /** Two empty channels; one subclass per channel kind. */
    abstract static class Probe {
        private final Stagger stagger = new Stagger();
        private final Channel<Integer> first;
        private final Channel<Integer> second;

        Probe(Channel<Integer> first, Channel<Integer> second) {
            this.first = first;
            this.second = second;
        }

        final void select() throws InterruptedException {
            stagger.aim();
            int fired = Select.<Integer>select()
                    .onReceive(first, e -> 10 + e, () -> -1)
                    .onReceive(second, e -> 20 + e, () -> -2)
                    .run();
            Checks.same(21, fired, "select (20 + element for the second clause)");
        }

        final void timedSend() throws InterruptedException {
            stagger.fire();
            if (!second.send(1, Checks.PATIENCE)) {
                throw new IllegalStateException("send waited " + Checks.PATIENCE + " for the select");
            }
        }

        final void trySend() {
            stagger.fire();
            if (!second.trySend(1)) {
                throw new IllegalStateException("trySend refused with room in the buffer");
            }
        }
    }

    /** Two {@link Channel#rendezvous()} channels, released by a timed {@code send}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SelectWokenBySend.class)
    @State
    public static class Rendezvous extends Probe {
        public Rendezvous() {
            super(Channel.rendezvous(), Channel.rendezvous());
        }

        @Actor
        public void selector() throws InterruptedException {
            select();
        }

        @Signal
        public void sender() throws InterruptedException {
            timedSend();
        }
    }

    /** Two {@link Channel#buffered(int) buffered(1)} channels, released by {@code trySend}. */
    @JCStressTest(Mode.Termination)
    @JCStressMeta(SelectWokenBySend.class)
    @State
    public static class Buffered extends Probe {
        public Buffered() {
            super(Channel.buffered(1), Channel.buffered(1));
        }

        @Actor
        public void selector() throws InterruptedException {
            select();
        }

        @Signal
        public void sender() {
            trySend();
        }
    }
}
