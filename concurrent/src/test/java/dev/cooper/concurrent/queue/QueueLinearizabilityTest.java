package dev.cooper.concurrent.queue;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Lincheck checks of every {@link QueueKind}: {@code offer}, {@code poll} and {@code peek} are
 * linearizable against {@link FifoSpec} (an {@code ArrayDeque} with the same capacity), and on
 * every lock-free kind they are obstruction-free (what {@link QueueKind#lockFree()} promises,
 * and lock-freedom implies). The model checker explores interleavings under sequential
 * consistency, so it does not see weak-memory reorderings.
 *
 * <p>{@code size()} joins the check only for the kinds in {@link #LINEARIZABLE_SIZE}, whose
 * documentation promises a linearizable size; {@link MessageQueue} promises only an exact size
 * when the queue is quiescent, and a size that walks nodes or reads two indices one after the
 * other is not linearizable (Lincheck shows it at once). It is never part of the
 * obstruction-freedom check: {@code lockFree()} does not cover it.
 *
 * <p>Default budgets are small (a few scenarios of 3 threads x 2 operations); with
 * {@code -Dcooper.stress=true} they grow, and Lincheck's stress strategy also runs the
 * scenarios on real threads.
 */
class QueueLinearizabilityTest {

    /** Small enough that bounded queues fill up within a scenario. */
    private static final int CAPACITY = 2;

    /** Kinds whose javadoc promises that {@code size()} is linearizable. */
    static final Set<String> LINEARIZABLE_SIZE = Set.of();

    @AllKinds
    void operationsAreLinearizable(QueueKind kind) {
        LincheckTarget.set(kind, CAPACITY);
        modelChecking(kind).check(QueueOperations.forKind(kind, LINEARIZABLE_SIZE.contains(kind.name())));
    }

    @AllKinds
    void operationsAreLinearizableOnRealThreads(QueueKind kind) {
        Assumptions.assumeTrue(QueueKinds.STRESS, "stress profile only");
        LincheckTarget.set(kind, CAPACITY);
        new StressOptions()
                .sequentialSpecification(FifoSpec.class)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .iterations(100)
                .invocationsPerIteration(10_000)
                .check(QueueOperations.forKind(kind, LINEARIZABLE_SIZE.contains(kind.name())));
    }

    static ModelCheckingOptions modelChecking(QueueKind kind) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .sequentialSpecification(FifoSpec.class)
                .threads(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .checkObstructionFreedom(kind.lockFree());
        if (QueueKinds.STRESS) {
            return options.actorsPerThread(3).iterations(200).invocationsPerIteration(10_000);
        }
        return options.actorsPerThread(2).iterations(30).invocationsPerIteration(1_000);
    }
}
