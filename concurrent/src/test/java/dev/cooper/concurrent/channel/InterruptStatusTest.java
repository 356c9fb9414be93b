package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A blocked rendezvous call raced by one interrupt and by the partner that completes it. The
 * outcome must match the interrupt status the caller is left with:
 * <ul>
 *   <li>it threw {@link InterruptedException}: the call took no effect (the partner found no
 *       one to complete) and the flag is clear, the interrupt being spent on the exception;
 *   <li>it returned normally: the partner completed it, and the flag is set, because the
 *       interrupt landed before, during or after the wait and nothing spent it. A call that
 *       saw the interrupt while waiting but lost the cancel to its partner must set the flag
 *       again.
 * </ul>
 * The delays of the interrupter and of the partner are random, so both land before, during
 * and after the block; a failure names its seed (replay: {@code -Dcooper.seed=<seed>}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptStatusTest {
    /** About 2 s per call by default (a round starts two threads); 10x under -Pstress. */
    private static final int ROUNDS = Boolean.getBoolean("cooper.stress") ? 40_000 : 4_000;
    /** The longest random delay, in {@code onSpinWait} rounds (a few microseconds). */
    private static final int MAX_DELAY = 4_000;

    /** The blocked call under test, and how its partner completes it without blocking. */
    enum Call {
        SEND {
            @Override
            void blocked(Channel<Integer> channel) throws InterruptedException {
                channel.send(1);
            }

            @Override
            boolean complete(Channel<Integer> channel) {
                return channel.tryReceive() instanceof ReceiveResult.Received<Integer>;
            }
        },
        RECEIVE {
            @Override
            void blocked(Channel<Integer> channel) throws InterruptedException {
                channel.receive();
            }

            @Override
            boolean complete(Channel<Integer> channel) {
                return channel.trySend(1);
            }
        },
        SELECT {
            @Override
            void blocked(Channel<Integer> channel) throws InterruptedException {
                Select.<Integer>select()
                        .onReceive(channel, e -> e, () -> 0)
                        .onReceive(Channel.<Integer>rendezvous(), e -> e, () -> 0)
                        .run();
            }

            @Override
            boolean complete(Channel<Integer> channel) {
                return channel.trySend(1);
            }
        };

        abstract void blocked(Channel<Integer> channel) throws InterruptedException;

        abstract boolean complete(Channel<Integer> channel);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void theOutcomeAndTheInterruptStatusAgree(Call call) throws Exception {
        long seed = Long.getLong("cooper.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        int returned = 0;
        for (int r = 0; r < ROUNDS; r++) {
            Channel<Integer> channel = Channel.rendezvous();
            Round round = new Round();
            Thread caller = Thread.ofPlatform().start(() -> round.call(call, channel));
            int partnerDelay = random.nextInt(MAX_DELAY);
            int interruptDelay = random.nextInt(MAX_DELAY);
            Thread partner = Thread.ofPlatform().start(() -> round.partner(call, channel, partnerDelay));
            spin(interruptDelay);
            caller.interrupt();
            round.interruptSent = true;
            caller.join();
            partner.join();
            String failure = round.check();
            int at = r;
            assertNull(failure, () -> call + ", round " + at + ": " + failure
                    + " (replay: -Dcooper.seed=" + seed + ")");
            if (round.returned) {
                returned++;
            }
        }
        // Not a check of the implementation: that the random delays reached both outcomes.
        int normal = returned;
        assertTrue(normal > 0 && normal < ROUNDS,
                () -> normal + " of " + ROUNDS + " calls returned normally (seed " + seed + ")");
    }

    /** One round's shared state, written by its three threads. */
    private static final class Round {
        volatile boolean interruptSent;
        volatile boolean callerDone;
        volatile boolean returned;
        volatile boolean flagAfterward;
        volatile boolean partnerCompleted;
        final AtomicReference<String> error = new AtomicReference<>();

        void call(Call call, Channel<Integer> channel) {
            try {
                call.blocked(channel);
                returned = true;
            } catch (InterruptedException expected) {
                returned = false;
            } catch (Throwable t) {
                error.set(t.toString());
            }
            callerDone = true;
            while (!interruptSent) {
                Thread.onSpinWait(); // the interrupt lands, if it has not yet
            }
            flagAfterward = Thread.interrupted();
        }

        void partner(Call call, Channel<Integer> channel, int delay) {
            spin(delay);
            // Tries until it completes the call or the call is over; one last try after that
            // finds nothing to complete unless the call is still waiting.
            while (!callerDone) {
                if (call.complete(channel)) {
                    partnerCompleted = true;
                    return;
                }
                Thread.onSpinWait();
            }
            partnerCompleted = call.complete(channel);
        }

        /** What is wrong with the round, or null. */
        String check() {
            if (error.get() != null) {
                return "the call threw " + error.get();
            }
            if (returned) {
                if (!partnerCompleted) {
                    return "the call returned, but its partner did not complete it";
                }
                if (!flagAfterward) {
                    return "the call returned normally and the interrupt status was lost";
                }
            } else {
                if (partnerCompleted) {
                    return "the call threw InterruptedException after its partner completed it";
                }
                if (flagAfterward) {
                    return "the call threw InterruptedException but left the flag set";
                }
            }
            return null;
        }
    }

    private static void spin(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Thread.onSpinWait();
        }
    }
}
