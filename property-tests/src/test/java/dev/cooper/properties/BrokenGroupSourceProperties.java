package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.properties.ConsumerGroupProperties.Job;
import dev.cooper.testkit.Property;
import dev.cooper.testkit.PropertyFailure;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The consumer group property bites: a group reading a source queue that loses or duplicates a
 * job now and then is caught by the same generator and runner as the source-queue property of
 * {@link ConsumerGroupProperties}. The count check fails first; its message lists the jobs
 * behind it, as the delivery log sees them. Whether 20 jobs get in before the close is up to the
 * threads, so a failure may not come back in the reruns and then stays unshrunk (seed
 * 5760811289310083920 once did): the shrunk scenario is not checked.
 */
class BrokenGroupSourceProperties {

    private static final int TRIES = 50;
    private static final Duration SHRINK_TIME = Duration.ofSeconds(15);

    @Test
    void sourceThatLosesAJobIsCaught() {
        MutantAsserts.assertCaught(failure(LosingQueue::new), "LOST       producer ");
    }

    @Test
    void sourceThatDuplicatesAJobIsCaught() {
        MutantAsserts.assertCaught(failure(DuplicatingQueue::new), "DUPLICATED producer ");
    }

    private static PropertyFailure failure(UnaryOperator<MessageQueue<Job>> broken) {
        return assertThrows(PropertyFailure.class, () -> Property.forAll(GroupScenario.gen())
                .tries(TRIES)
                .nondeterministic(5)
                .maxShrinkTime(SHRINK_TIME)
                .check(s -> ConsumerGroupProperties.run(s, new GroupFeed.Source(
                        capacity -> broken.apply(ConsumerGroupProperties.SOURCE_KIND.create(capacity))))));
    }
}
