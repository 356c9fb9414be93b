package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.PropertyFailure;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The broadcast property bites: a reader that repeats or skips a message now and then is caught
 * by the same generator and runner as {@link BroadcastProperties}, and shrinks to one reader of
 * the fewest messages that show it, under the blocking policy, where a reader sees every message.
 *
 * <p>Not always: how many messages a reader that joins late still sees depends on how far the
 * writer got meanwhile. A fresh-clone CI run found a reader that joined after 146 of 1,207
 * messages and saw 83 (seed -9149491750646340674, the skipping reader); its 5 reruns all
 * passed, so it stayed unshrunk. Then only the catch itself is checked, as in
 * {@link BrokenChannelProperties}.
 */
class BrokenReaderProperties {

    private static final int TRIES = 50;
    private static final Duration SHRINK_TIME = Duration.ofSeconds(15);

    @Test
    void readerThatRepeatsAMessageIsCaughtWithOneReaderOfTwentyMessages() {
        PropertyFailure failure = failure(RepeatingReader::new);
        if (failure.shrinkSteps() == 0) {
            assertCaughtUnshrunk(failure);
            return;
        }
        assertSmall(failure, RepeatingReader.EVERY);
        MutantAsserts.assertCaught(failure, "reader 0: a gap or a reordering at 20 in [..., 17, 18, 19, 19]");
    }

    /** The 20th message, the last, is skipped: the reader ends one short. */
    @Test
    void readerThatSkipsAMessageIsCaughtWithOneReaderOfTwentyMessages() {
        PropertyFailure failure = failure(SkippingReader::new);
        if (failure.shrinkSteps() == 0) {
            assertCaughtUnshrunk(failure);
            return;
        }
        assertSmall(failure, SkippingReader.EVERY);
        MutantAsserts.assertCaught(failure, "reader 0: did not receive everything from 0");
    }

    /**
     * A failure that stayed unshrunk was still reported by a reader's check, each of whose
     * messages starts with the reader's number ("reader 0: ..."), and not by the hang guard or
     * by a thread that threw ("the writer or a reader threw").
     */
    private static void assertCaughtUnshrunk(PropertyFailure failure) {
        MutantAsserts.assertCaught(failure, "reader ");
        assertTrue(failure.getCause().getMessage().matches("(?s)reader \\d+[: ].*"), failure.getMessage());
        assertEquals(failure.original(), failure.shrunk(), failure.getMessage());
    }

    private static void assertSmall(PropertyFailure failure, int messages) {
        BroadcastScenario shrunk = (BroadcastScenario) failure.shrunk();
        assertEquals(messages, shrunk.messages(), failure.getMessage());
        assertEquals(1, shrunk.readers().size(), failure.getMessage());
    }

    private static PropertyFailure failure(Function<Broadcast.Reader<Integer>, ForwardingReader<Integer>> broken) {
        return assertThrows(PropertyFailure.class, () -> Property.forAll(BroadcastScenario.gen())
                .tries(TRIES)
                .nondeterministic(5)
                .maxShrinkTime(SHRINK_TIME)
                .check(s -> BroadcastProperties.run(s, broken)));
    }
}
