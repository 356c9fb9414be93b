package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.PropertyFailure;
import dev.cooper.testkit.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The delivery property bites: a queue that breaks the order once in a while, or duplicates an
 * element, is caught by the same generator and runner as {@link QueueDeliveryProperties}, and
 * the failing schedule shrinks to a small one (the testkit's shrinking, each candidate rerun up
 * to 5 times since a thread interleaving may not come back at once).
 */
class BrokenQueueProperties {

    private static final int TRIES = 50;
    /**
     * More than the testkit's default of 30 s, as headroom below the 2-minute test timeout:
     * these schedules rerun each candidate up to 5 times. Seed -1601201611927790992 once used
     * 48 s; since the shrinker minimises the thread counts first, it needs under a second.
     */
    private static final Duration SHRINK_TIME = Duration.ofSeconds(100);

    @Test
    void queueThatSwapsTwoElementsIsCaughtWithASmallSchedule() {
        PropertyFailure failure = failure(SwappingQueue::new, QueueKind.MPMC_ARRAY);
        assertSmall(failure, SwappingQueue.EVERY + 1);
        assertTrue(failure.getCause().getMessage().contains("REORDERED  producer "),
                failure.getMessage());
    }

    @Test
    void queueThatDuplicatesAnElementIsCaughtWithASmallSchedule() {
        PropertyFailure failure = failure(DuplicatingQueue::new, QueueKind.LOCKED_ARRAY);
        assertSmall(failure, DuplicatingQueue.EVERY);
        assertTrue(failure.getCause().getMessage().contains("DUPLICATED producer "),
                failure.getMessage());
    }

    /**
     * From up to 3 producers, 3 consumers, 500 events and 8 pauses down to one producer and one
     * consumer (all the bugs need), no pauses, and not many more events than the fewest that
     * show the bug.
     */
    private static void assertSmall(PropertyFailure failure, int fewestEvents) {
        Schedule<?> shrunk = ((DeliveryScenario) failure.shrunk()).schedule();
        assertEquals(1, shrunk.producers(), failure.getMessage());
        assertEquals(1, shrunk.consumers(), failure.getMessage());
        assertEquals(List.of(), shrunk.pauses(), failure.getMessage());
        int events = shrunk.messages().size();
        assertTrue(events >= fewestEvents && events <= 2 * fewestEvents, failure.getMessage());
        assertTrue(failure.getMessage().contains("replay with -Dcooper.seed=" + failure.seed()), failure.getMessage());
    }

    private static PropertyFailure failure(Function<MessageQueue<Envelope>, MessageQueue<Envelope>> broken,
            QueueKind kind) {
        return assertThrows(PropertyFailure.class, () -> Property
                .forAll(DeliveryScenario.gen(kind, Gen.enumOf(DeliveryScenario.Mode.class)))
                .tries(TRIES)
                .nondeterministic(5)
                .maxShrinkTime(SHRINK_TIME)
                .check(s -> DeliveryRunner.run(s, broken.apply(kind.create(s.schedule().capacity())))));
    }
}
