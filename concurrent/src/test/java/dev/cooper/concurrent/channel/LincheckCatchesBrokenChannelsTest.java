package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link ChannelBlockingLinearizabilityTest}'s checks catch real channel bugs: the
 * same options, run on the deliberately broken channels of {@link BrokenChannels}, must fail,
 * with non-linearizable results for a lost element or an early rendezvous send, and with a
 * hang for a lost wake-up.
 */
class LincheckCatchesBrokenChannelsTest {

    @Test
    void aReceiveThatSeesTheCloseBeforeABufferedElementIsCaught() {
        assertCaught(1, () -> BrokenChannels.closedSeenBeforeTheElement(1), "Invalid execution results");
    }

    @Test
    void aRendezvousSendThatReturnsBeforeItsElementIsTakenIsCaught() {
        assertCaught(0, BrokenChannels::rendezvousThatReturnsEarly, "Invalid execution results");
    }

    @Test
    void aLostWakeUpIsCaughtAsAHang() {
        assertCaught(1, () -> BrokenChannels.wakeUpCanBeLost(1), "The execution has hung");
    }

    private static void assertCaught(int capacity, Supplier<ChannelUnderTest> broken, String failure) {
        BlockingOperations.target(capacity, broken);
        LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
                () -> ChannelBlockingLinearizabilityTest.modelChecking(capacity,
                        ChannelBlockingLinearizabilityTest.RANDOM_SCENARIOS,
                        ChannelBlockingLinearizabilityTest.INVOCATIONS)
                        .check(BlockingOperations.class));
        assertTrue(error.getMessage().contains(failure), error.getMessage());
    }
}
