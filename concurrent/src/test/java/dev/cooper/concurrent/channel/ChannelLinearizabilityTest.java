package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lincheck model checking of the non-blocking operations of buffered and rendezvous channels —
 * {@code trySend}, {@code tryReceive}, {@code drainTo} (at most two), {@code close},
 * {@code cancel}, {@code isClosed} — against
 * {@link Spec}, a sequential channel over an {@link ArrayDeque}, on Lincheck's own random
 * scenarios. The blocking {@code send} and {@code receive} are not in these scenarios: Lincheck
 * would put a receive where no send can ever feed it and report the legitimate wait as a hang.
 * They are checked, together with these operations, by {@link ChannelBlockingLinearizabilityTest}
 * on generated scenarios that cannot hang. On a rendezvous channel without blocked parties this
 * subset is small (every {@code trySend} fails), yet it still checks close and cancel against
 * it, and it is the only Lincheck check of a rendezvous {@code trySend}.
 *
 * <p>By default rendezvous and {@code buffered(2)} are checked; {@code -Dcooper.stress=true}
 * adds {@code buffered(1)} and unbounded, ten times as many scenarios and one more operation
 * per thread. A deliberately wrong (LIFO) specification shows that the configuration does
 * catch a violation.
 *
 * <p>The channel's lock is taken as given here. A probe (decision 0025) showed that these
 * checks catch a lock that does not exclude at all, but not one that fails in a window of its
 * own spin: Lincheck does not switch threads inside AQS, whose methods hold the lock word.
 * {@link ChannelLockTest} guards the lock on real threads.
 */
class ChannelLinearizabilityTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    /** The capacity the operations and the specification build; set before each check. */
    private static volatile int capacity;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    void nonBlockingOperationsAreLinearizable(int capacity) {
        ChannelLinearizabilityTest.capacity = capacity;
        modelChecking(Spec.class).check(Operations.class);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void nonBlockingOperationsAreLinearizableAtTheEdgeCapacities(int capacity) {
        Assumptions.assumeTrue(STRESS, "stress profile only");
        ChannelLinearizabilityTest.capacity = capacity;
        modelChecking(Spec.class).check(Operations.class);
    }

    /**
     * A drain is one atomic take of consecutive elements. With two buffered, a drain of two
     * racing a receive and a send must get the two, or the receive must get the first; with
     * one buffered in a ring of one, a drain of two racing a send must not get both, since the
     * two were never in the channel together. The random scenarios rarely line these up (the
     * second was found only by the stress budget), so they get scenarios of their own.
     */
    @Test
    void aDrainTakesConsecutiveElementsAtOnce() throws NoSuchMethodException {
        capacity = 2;
        checkScenario(new ExecutionScenario(
                List.of(actor("trySend", 1), actor("trySend", 2)),
                List.of(List.of(actor("drainTwo")), List.of(actor("tryReceive"), actor("trySend", 3))),
                List.of(actor("drainTwo")),
                null));
        capacity = 1;
        checkScenario(new ExecutionScenario(
                List.of(actor("trySend", 1)),
                List.of(List.of(actor("drainTwo")), List.of(actor("trySend", 2))),
                List.of(actor("drainTwo")),
                null));
    }

    private static void checkScenario(ExecutionScenario scenario) {
        new ModelCheckingOptions()
                .sequentialSpecification(Spec.class)
                .iterations(0)
                .invocationsPerIteration(STRESS ? 3000 : 500)
                .addCustomScenario(scenario)
                .check(Operations.class);
    }

    private static Actor actor(String name, int... argument) throws NoSuchMethodException {
        return argument.length == 0
                ? new Actor(Operations.class.getMethod(name), List.of())
                : new Actor(Operations.class.getMethod(name, int.class), List.of(argument[0]));
    }

    @Test
    void theCheckCatchesAChannelThatIsNotFifo() {
        capacity = 2;
        LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
                () -> modelChecking(LifoSpec.class).check(Operations.class));
        assertTrue(error.getMessage().contains("Invalid execution results"), error.getMessage());
    }

    /**
     * 3 threads of 2 operations (3 under stress) between 2 sequential ones before and 1
     * after; 8 scenarios (80 under stress) of 300 interleavings. Model checking through the
     * channel's lock (AQS) is slow, hence budgets below the queue suites'.
     */
    private static ModelCheckingOptions modelChecking(Class<?> spec) {
        return new ModelCheckingOptions()
                .sequentialSpecification(spec)
                .threads(3)
                .actorsPerThread(STRESS ? 3 : 2)
                .actorsBefore(2)
                .actorsAfter(1)
                .iterations(STRESS ? 80 : 8)
                .invocationsPerIteration(300);
    }

    private static Channel<Integer> create() {
        return ChannelBlockingLinearizabilityTest.create(capacity);
    }

    /** The operations under test; Lincheck builds one per invocation. */
    public static class Operations {
        private final Channel<Integer> channel = create();

        @Operation
        public boolean trySend(int e) {
            return channel.trySend(e);
        }

        @Operation
        public ReceiveResult<Integer> tryReceive() {
            return channel.tryReceive();
        }

        @Operation
        public List<Integer> drainTwo() {
            List<Integer> got = new ArrayList<>();
            channel.drainTo(got, 2);
            return got;
        }

        @Operation
        public void close() {
            channel.close();
        }

        @Operation
        public List<Integer> cancel() {
            return channel.cancel();
        }

        @Operation
        public boolean isClosed() {
            return channel.isClosed();
        }
    }

    /** A wrong specification, receiving the newest element first: the check must fail on it. */
    public static class LifoSpec extends Spec {
        @Override
        public ReceiveResult<Integer> tryReceive() {
            return takeNewest();
        }
    }

    /** The sequential channel: a deque of at most {@code capacity} elements and a closed flag. */
    public static class Spec {
        private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
        private final int capacity = ChannelLinearizabilityTest.capacity;
        private boolean closed;

        public boolean trySend(int e) {
            if (closed) {
                throw new ChannelClosedException("channel is closed");
            }
            if (buffer.size() == capacity) {
                return false;
            }
            buffer.addLast(e);
            return true;
        }

        public ReceiveResult<Integer> tryReceive() {
            if (!buffer.isEmpty()) {
                return ReceiveResult.received(buffer.pollFirst());
            }
            return closed ? ReceiveResult.closed() : ReceiveResult.empty();
        }

        public List<Integer> drainTwo() {
            List<Integer> got = new ArrayList<>();
            while (got.size() < 2 && !buffer.isEmpty()) {
                got.add(buffer.pollFirst());
            }
            return got;
        }

        public void close() {
            closed = true;
        }

        final ReceiveResult<Integer> takeNewest() {
            if (!buffer.isEmpty()) {
                return ReceiveResult.received(buffer.pollLast());
            }
            return closed ? ReceiveResult.closed() : ReceiveResult.empty();
        }

        public List<Integer> cancel() {
            closed = true;
            List<Integer> rest = new ArrayList<>(buffer);
            buffer.clear();
            return rest;
        }

        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec other && closed == other.closed
                    && List.copyOf(buffer).equals(List.copyOf(other.buffer));
        }

        @Override
        public int hashCode() {
            return Objects.hash(closed, List.copyOf(buffer));
        }
    }
}
