package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.testkit.PropertyFailure;
import dev.cooper.testkit.Schedule;
import java.util.List;

/** What the mutant tests check of the failure a property reported on a deliberately broken container. */
final class MutantAsserts {

    private MutantAsserts() {
    }

    /**
     * The failure of the shrunk counterexample names {@code violation} (for a delivery log, a
     * kind as {@code Violation} prints it, such as {@code "LOST       producer "}), and the
     * report ends with the hint that replays the failing try.
     */
    static void assertCaught(PropertyFailure failure, String violation) {
        assertTrue(failure.getCause().getMessage().contains(violation), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("replay with -Dcooper.seed=" + failure.seed()), failure.getMessage());
    }

    /**
     * The shrunk schedule is small: from up to 3 producers, 3 consumers, 500 events and 8
     * pauses down to one producer and one consumer (all these mutants need), no pauses, and
     * not many more events than the fewest that show the bug.
     */
    static void assertSmall(PropertyFailure failure, Schedule<?> shrunk, int fewestEvents) {
        assertEquals(1, shrunk.producers(), failure.getMessage());
        assertEquals(1, shrunk.consumers(), failure.getMessage());
        assertEquals(List.of(), shrunk.pauses(), failure.getMessage());
        int events = shrunk.messages().size();
        assertTrue(events >= fewestEvents && events <= 2 * fewestEvents, failure.getMessage());
    }
}
