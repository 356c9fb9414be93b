package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * Proves that the Lincheck configuration of {@link QueueLinearizabilityTest} catches real
 * queue bugs: the same options, run on the deliberately broken queues of {@link BrokenQueues},
 * must report a linearizability failure.
 */
class LincheckCatchesBrokenQueuesTest {

    @Test
    void aConsumerThatFreesItsSlotBeforeReadingItIsCaught() {
        assertCaught(BrokenQueues.SpscOperations.class);
    }

    @Test
    void producersThatClaimSlotsWithoutCasAreCaught() {
        assertCaught(BrokenQueues.MpscOperations.class);
    }

    private static void assertCaught(Class<?> operations) {
        LincheckTarget.setSpecCapacity(BrokenQueues.CAPACITY);
        ModelCheckingOptions options = QueueLinearizabilityTest.modelChecking(20, 1_000);
        LincheckAssertionError error = assertThrows(LincheckAssertionError.class, () -> options.check(operations));
        assertTrue(error.getMessage().contains("Invalid execution results"), error.getMessage());
    }
}
