package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lincheck model checking of the blocking operations of {@link Broadcast}: the writer's
 * {@code publish} with {@code tryPublish} and {@code close}, and two readers' {@code receive}
 * with {@code poll()}, {@code dropped()} and {@code Reader.close()}, on rings of 1 and 2 slots
 * under both overflow policies ({@code publish} waits only under
 * {@link Overflow#BLOCK_WRITER}, for the slowest reader; {@code receive} waits under both).
 * Both readers join before the scenario starts, as in {@link BroadcastLinearizabilityTest}.
 *
 * <p>Two things are checked in every interleaving Lincheck explores:
 * <ul>
 *   <li><b>Linearizability</b> against {@link BroadcastBlockingSpec}, where a blocking
 *       operation is linearized at a moment it could complete without waiting. This covers
 *       order, no loss and no duplication (published messages are distinct), that a publish
 *       waits exactly while a reader that has not left is a full ring behind, that a closed
 *       broadcast still delivers what was published before {@code receive} throws
 *       {@link dev.cooper.concurrent.channel.ChannelClosedException}, and the losses a
 *       receive counts under the drop policy.</li>
 *   <li><b>No waiter left behind</b>: the scenarios come from
 *       {@link BroadcastBlockingScenarios}, which keeps only scenarios where no interleaving
 *       lets an operation wait for good, so a hang that Lincheck reports ("The execution has
 *       hung") is a publish or a receive that was not released although it could be: by a
 *       receive of the lagging reader or its leaving, by a publish, by a close.</li>
 * </ul>
 * This check found a race, since fixed: under the drop policy with a ring of two or more
 * slots, a reader a full ring behind skipped the oldest message (and counted it as dropped)
 * as soon as the writer had claimed the next sequence, before publishing it, so a
 * {@code poll()} right after returned nothing new; the reader now waits for that publish
 * (its two stores) before it skips.
 *
 * <p>Each check runs nine canonical races (a publish on a full ring against the lagging
 * reader's receive, or against its leaving; receives against a publish then a close; a
 * receive against its reader's close from another thread; ...; see
 * {@link BroadcastBlockingScenarios#canonical}) and then random scenarios from a fixed seed.
 * Lincheck's own random scenarios are not used ({@code iterations(0)}) and minimization is
 * off, for the reasons given in
 * {@link dev.cooper.concurrent.channel.ChannelBlockingLinearizabilityTest}: a receive with no
 * publish left to feed it waits legitimately, and Lincheck would report that as a hang.
 *
 * <p><b>What a hang here can and cannot show.</b> Broadcast waits by spinning
 * ({@code onSpinWait} 64 rounds on a multi-CPU machine, then 8 {@code yield}s) before it
 * parks, re-reading the shared state on every round. Lincheck 3.7's model checker switches
 * away from a thread that spins without effect after about ten rounds and reports a hang
 * after about fifty, so no interleaving it explores reaches the park branches of
 * {@code awaitRoom} or {@code parkUntilPublished} (a mutation throwing there leaves this test
 * green); and if one did, {@code LockSupport.park} would return at once, as the model checker
 * lets every park outside the JDK's own synchronizers wake spuriously. The Dekker handshakes
 * of the class comment of {@code Broadcast} (register as a waiter, re-check, park; publish,
 * then unpark the registered waiters) are therefore not checked here: a hang is reported when
 * the state a waiter re-reads never lets it out. Manual mutation runs of {@code Broadcast},
 * each undone afterwards, bear this out:
 * <ul>
 *   <li>caught, as "The execution has hung": a receive that no longer ends once its reader is
 *       done (the {@code isDone()} check dropped from {@code Reader.await}; all four
 *       configurations); a {@code BLOCK_WRITER} receive that does not store its reader's
 *       sequence, and a reader's close that does not deregister it (the writer waits for good;
 *       both {@code BLOCK_WRITER} configurations);</li>
 *   <li>not caught: {@code store} not waking waiting readers, a receive not unparking the
 *       writer, {@code close}, {@code leave} and {@code Reader.close} not unparking, a reader
 *       or the writer parking without its re-check, the writer leaving its wait after a park
 *       without checking for room. {@link BroadcastTest}, on real threads, catches each of the
 *       missing unparks and, in the one run made, the reader's missing re-check, as hangs of
 *       its blocked-thread tests; the writer's missing re-check is a race of a few
 *       instructions that neither test caught.</li>
 * </ul>
 * So that the configuration is known to bite on the lost wake-ups it can see, three
 * deliberately broken broadcasts ({@link BrokenBroadcasts}) must fail: a receive and a publish
 * each waiting on a condition of their own, signalled without the check under its lock (hangs:
 * a wait on the JDK's {@code Condition} ends only on a signal, spurious wake-up or not), and a
 * receive that trusts a closed flag read after finding nothing (invalid results).
 *
 * <p>Not checked here: {@code Reader.poll(Duration)} (the same wait loop as {@code receive}
 * with a deadline, which the model checker's clock cannot exercise), interrupts, {@code join}
 * during the scenario, and, as for every Lincheck test, weak-memory reorderings (the model
 * checker runs under sequential consistency). {@code -Dcooper.stress=true} runs ten times as
 * many random scenarios, of up to three operations per thread instead of two.
 */
class BroadcastBlockingLinearizabilityTest {
    private static final boolean STRESS = Boolean.getBoolean("cooper.stress");
    /** Random scenarios per check, after the canonical ones (ten times as many under stress). */
    private static final int RANDOM_SCENARIOS = 3;
    /** Interleavings explored per scenario, at most. */
    private static final int INVOCATIONS = 150;

    @ParameterizedTest(name = "{1}, capacity {0}")
    @CsvSource({"1, BLOCK_WRITER", "2, BLOCK_WRITER",
            "1, DROP_OLDEST_FOR_LAGGING_READER", "2, DROP_OLDEST_FOR_LAGGING_READER"})
    void blockingAndNonBlockingOperationsAreLinearizableAndNeverLeftWaiting(int capacity, Overflow overflow) {
        BroadcastBlockingOperations.target(capacity, overflow, () -> new BroadcastUnderTest(capacity, overflow));
        modelChecking(capacity, overflow).check(BroadcastBlockingOperations.class);
    }

    @Test
    void theCheckCatchesAReceiveWhoseWakeUpCanBeLost() {
        assertCaught(Overflow.DROP_OLDEST_FOR_LAGGING_READER,
                () -> BrokenBroadcasts.receiveWakeUpCanBeLost(1, Overflow.DROP_OLDEST_FOR_LAGGING_READER),
                "The execution has hung");
    }

    @Test
    void theCheckCatchesAPublishWhoseWakeUpCanBeLost() {
        assertCaught(Overflow.BLOCK_WRITER, () -> BrokenBroadcasts.publishWakeUpCanBeLost(1),
                "The execution has hung");
    }

    @Test
    void theCheckCatchesAReceiveThatSeesTheCloseBeforeAMessage() {
        assertCaught(Overflow.BLOCK_WRITER,
                () -> BrokenBroadcasts.closedSeenBeforeTheMessage(1, Overflow.BLOCK_WRITER),
                "Invalid execution results");
    }

    /** Runs the check of a ring of one slot on {@code broken}, which must fail with {@code failure}. */
    private static void assertCaught(Overflow overflow, Supplier<BroadcastUnderTest> broken, String failure) {
        BroadcastBlockingOperations.target(1, overflow, broken);
        LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
                () -> modelChecking(1, overflow).check(BroadcastBlockingOperations.class));
        assertTrue(error.getMessage().contains(failure), error.getMessage());
    }

    /**
     * The canonical scenarios and {@link #RANDOM_SCENARIOS} random ones of a writer and two
     * readers with 1 to 2 operations each (reader 1: 0 to 2; 3 under stress), each explored
     * for up to {@link #INVOCATIONS} interleavings. The random scenarios come from a fixed
     * seed per configuration, so a run is repeatable; a failure prints its scenario and
     * interleaving.
     */
    private static ModelCheckingOptions modelChecking(int capacity, Overflow overflow) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .sequentialSpecification(BroadcastBlockingSpec.class)
                .iterations(0)
                .invocationsPerIteration(INVOCATIONS)
                .minimizeFailedScenario(false);
        List<ExecutionScenario> scenarios = BroadcastBlockingScenarios.generate(capacity, overflow,
                RANDOM_SCENARIOS * (STRESS ? 10 : 1), STRESS ? 3 : 2,
                0xB40ADCA5L + 31L * capacity + overflow.ordinal());
        scenarios.forEach(options::addCustomScenario);
        return options;
    }
}
