package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 */
class BrokenReaderProperties {

    private static final int TRIES = 50;
    private static final Duration SHRINK_TIME = Duration.ofSeconds(15);

    @Test
    void readerThatRepeatsAMessageIsCaughtWithOneReaderOfTwentyMessages() {
        PropertyFailure failure = failure(RepeatingReader::new);
        assertSmall(failure, RepeatingReader.EVERY);
        MutantAsserts.assertCaught(failure, "reader 0: a gap or a reordering at 20 in [..., 17, 18, 19, 19]");
    }

    /** The 20th message, the last, is skipped: the reader ends one short. */
    @Test
    void readerThatSkipsAMessageIsCaughtWithOneReaderOfTwentyMessages() {
        PropertyFailure failure = failure(SkippingReader::new);
        assertSmall(failure, SkippingReader.EVERY);
        MutantAsserts.assertCaught(failure, "reader 0: did not receive everything from 0");
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
