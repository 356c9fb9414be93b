package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.PropertyFailure;
import dev.cooper.testkit.Schedule;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The delivery property bites: a queue that breaks the order once in a while, duplicates an
 * element or loses one, is caught by the same generator and runner as
 * {@link QueueDeliveryProperties}, and the failing schedule shrinks to a small one (the
 * testkit's shrinking, each candidate rerun up to 5 times since a thread interleaving may not
 * come back at once).
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
        MutantAsserts.assertSmall(failure, shrunk(failure), SwappingQueue.EVERY + 1);
        MutantAsserts.assertCaught(failure, "REORDERED  producer ");
    }

    @Test
    void queueThatDuplicatesAnElementIsCaughtWithASmallSchedule() {
        PropertyFailure failure = failure(DuplicatingQueue::new, QueueKind.LOCKED_ARRAY);
        MutantAsserts.assertSmall(failure, shrunk(failure), DuplicatingQueue.EVERY);
        MutantAsserts.assertCaught(failure, "DUPLICATED producer ");
    }

    @Test
    void queueThatLosesAnElementIsCaughtWithASmallSchedule() {
        PropertyFailure failure = failure(LosingQueue::new, QueueKind.MPMC_LINKED);
        MutantAsserts.assertSmall(failure, shrunk(failure), LosingQueue.EVERY);
        MutantAsserts.assertCaught(failure, "LOST       producer ");
    }

    private static Schedule<?> shrunk(PropertyFailure failure) {
        return ((DeliveryScenario) failure.shrunk()).schedule();
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
