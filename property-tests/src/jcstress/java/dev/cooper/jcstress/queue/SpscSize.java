package dev.cooper.jcstress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code size()} on {@link QueueKind#SPSC_ARRAY} while the producer and the consumer act: the
 * producer fills the capacity-2 queue and then asks for the size; the consumer polls once
 * and then asks. Each answer lies in {@code [0, capacity]} and, more precisely, is bounded by
 * what its own thread knows: the producer has put two elements in and the consumer has taken
 * at most one, so the producer sees 1 or 2 (2 if the consumer took nothing); the consumer,
 * after taking one, sees at most 1. A consumer that took the first element may still see
 * 0: the producer releases its element before its index, so the index store can be in
 * flight when the element is already visible, and size() clamps the negative difference.
 *
 * <p>Results: r1 = the consumer's poll (1, or 0 for empty), r2 = the producer's size,
 * r3 = the consumer's size.
 */
@JCStressTest
@State
@Description("SPSC_ARRAY size() seen by the producer after filling a capacity-2 queue and by the consumer after one poll.")
@Outcome(id = {"0, 2, 0", "0, 2, 1", "0, 2, 2"}, expect = ACCEPTABLE,
        desc = "The consumer came early and found nothing; the producer counts both of its elements.")
@Outcome(id = {"1, 1, 0", "1, 1, 1", "1, 2, 0", "1, 2, 1"}, expect = ACCEPTABLE,
        desc = "The consumer took the first element; each size is between what its thread knows and the other's progress.")
@Outcome(id = "0, 1, .*", expect = FORBIDDEN,
        desc = "The producer counted one element although the consumer took none: it lost one of its own inserts.")
@Outcome(id = "1, .*, 2", expect = FORBIDDEN,
        desc = "The consumer counted two elements right after taking one of the two: its own removal was not counted.")
@Outcome(expect = FORBIDDEN, desc = "A size outside [0, capacity], or below what the producer itself put in.")
public class SpscSize {
    private final MessageQueue<Integer> queue = Queues.rolled(QueueKind.SPSC_ARRAY, 2, 1, Queues.STALE);

    @Actor
    public void producer(III_Result r) {
        Queues.offer(queue, 1);
        Queues.offer(queue, 2);
        r.r2 = queue.size();
    }

    @Actor
    public void consumer(III_Result r) {
        r.r1 = Queues.value(queue.poll());
        r.r3 = queue.size();
    }
}
