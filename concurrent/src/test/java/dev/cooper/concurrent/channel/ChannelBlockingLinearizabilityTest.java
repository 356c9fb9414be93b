package dev.cooper.concurrent.channel;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lincheck model checking of the blocking channel operations: {@code send} and
 * {@code receive} together with {@code trySend}, {@code tryReceive}, {@code drainTo} of one,
 * {@code close}, {@code cancel} and {@code isClosed}, on rendezvous, {@code buffered(1)} and
 * {@code buffered(2)} channels (unbounded too under {@code -Dcooper.stress=true}).
 *
 * <p>Two things are checked in every interleaving Lincheck explores:
 * <ul>
 *   <li><b>Linearizability</b> against {@link BlockingSpec}, where a blocking operation is
 *       linearized at a moment it could complete without waiting (and a rendezvous send
 *       together with the receive that takes its element). This covers FIFO order, no loss and
 *       no duplication (sent values are distinct), graceful {@code close} (buffered elements
 *       are still received) and {@code cancel} (it returns them), and the outcome of an
 *       operation blocked when the channel closes.</li>
 *   <li><b>No lost wake-up</b>: the scenarios come from {@link BlockingScenarios}, which keeps
 *       only scenarios where no interleaving lets an operation wait for good, so a hang that
 *       Lincheck reports ("The execution has hung") is a blocked operation the channel failed to
 *       wake.</li>
 * </ul>
 * What such a hang cannot show is a missing unpark. Lincheck's model checker lets
 * {@code LockSupport.park} return at once, as a spurious wake-up, and {@link Waiter}'s park
 * loop re-reads its state, so a completer that fires a waiter without unparking it goes
 * unnoticed here. A mutation run of exactly that (no unpark in {@code Waiter.tryFire}) left
 * this suite green. The real-thread tests catch it: {@link ChannelContractTest}'s
 * first-come-first-served tests failed on their own timeouts. The build's default per-test
 * timeout ({@code cooper.testTimeout} in the root pom) turns any other such hang into a
 * failure.
 *
 * <p>Each check runs the canonical races (six; seven on a buffered channel: a receive against
 * a send-then-close, a send waiting on a full buffer against a receive and a close, ...; see
 * {@link BlockingScenarios#canonical}) and then random scenarios from a fixed seed.
 *
 * <p>Lincheck's own random scenarios are not used ({@code iterations(0)}): they put a receive
 * where no send can ever feed it, and Lincheck reports the legitimate wait as a failure, "The
 * execution has hung ... All unfinished threads are in livelock due to non-terminating loops"
 * (it lets {@code LockSupport.park} return spuriously, so a park loop with nothing to wake it
 * looks like a livelock). Lincheck 3.7's Java API cannot declare that an operation may wait
 * for another: {@code @Operation(blocking = true)} only exempts an operation from the
 * obstruction-freedom check. Minimization is off for the same reason: removing an operation
 * from a scenario can make it hang legitimately.
 *
 * <p>Not checked here: a rendezvous {@code trySend} (see {@link BlockingSpec}), timed sends and
 * receives, interrupts, {@link Select} (covered by {@link ChannelContractTest},
 * {@link ChannelRaceTest} and {@link SelectTest}); and, as for every Lincheck test, weak-memory
 * reorderings (the model checker runs under sequential consistency).
 * {@link LincheckCatchesBrokenChannelsTest} shows that these checks catch a lost element, a
 * rendezvous send that returns early, and a lost wake-up.
 */
class ChannelBlockingLinearizabilityTest {
    static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    /** Random scenarios per check, after the canonical ones (ten times as many under stress). */
    static final int RANDOM_SCENARIOS = 3;
    /** Interleavings explored per scenario, at most. */
    static final int INVOCATIONS = 150;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 2})
    void blockingAndNonBlockingOperationsAreLinearizable(int capacity) {
        BlockingOperations.target(capacity, () -> ChannelUnderTest.of(create(capacity)));
        modelChecking(capacity, RANDOM_SCENARIOS, INVOCATIONS).check(BlockingOperations.class);
    }

    /**
     * The canonical races alone, searched five times deeper: the race of a close with a
     * buffered send's hand-over to a waiting receiver (decision 0012) needs that depth to be
     * found when the close does not settle first.
     */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2})
    void canonicalRacesAreLinearizableUnderADeeperSearch(int capacity) {
        BlockingOperations.target(capacity, () -> ChannelUnderTest.of(create(capacity)));
        modelChecking(capacity, 0, 5 * INVOCATIONS).check(BlockingOperations.class);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {Integer.MAX_VALUE})
    void blockingAndNonBlockingOperationsAreLinearizableWhenUnbounded(int capacity) {
        Assumptions.assumeTrue(STRESS, "stress profile only");
        BlockingOperations.target(capacity, () -> ChannelUnderTest.of(create(capacity)));
        modelChecking(capacity, RANDOM_SCENARIOS, INVOCATIONS).check(BlockingOperations.class);
    }

    /**
     * The canonical scenarios for {@code capacity} and {@code scenarios} random ones of 3
     * threads of 1 to 2 operations (1 to 3 under stress), each explored for up to
     * {@code invocations} interleavings; under stress ten times as many random scenarios.
     * The random scenarios come from a fixed seed per capacity, so a run is repeatable; a
     * failure prints its scenario and interleaving.
     */
    static ModelCheckingOptions modelChecking(int capacity, int scenarios, int invocations) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .sequentialSpecification(BlockingSpec.class)
                .iterations(0)
                .invocationsPerIteration(invocations)
                .minimizeFailedScenario(false);
        List<ExecutionScenario> generated = BlockingScenarios.generate(
                capacity, scenarios * (STRESS ? 10 : 1), 3, STRESS ? 3 : 2, 0xC0_0BE5L + capacity);
        generated.forEach(options::addCustomScenario);
        return options;
    }

    static Channel<Integer> create(int capacity) {
        return switch (capacity) {
            case 0 -> Channel.rendezvous();
            case Integer.MAX_VALUE -> Channel.unbounded();
            default -> Channel.buffered(capacity);
        };
    }
}
