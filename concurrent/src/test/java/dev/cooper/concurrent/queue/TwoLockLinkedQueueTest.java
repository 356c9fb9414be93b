package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What only {@link TwoLockLinkedQueue} has: the producer's cached view of removals, and the
 * unbounded form made by its no-argument constructor (the kind makes the bounded one, which
 * the contract suites cover).
 */
class TwoLockLinkedQueueTest {

    @Test
    void producerSeesRoomMadeSinceItLastLooked() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(2);
        for (int lap = 0; lap < 100; lap++) {
            assertTrue(q.offer(lap));
            assertTrue(q.offer(lap));
            assertFalse(q.offer(-1)); // the producer's view of removals is now up to date
            assertEquals(lap, q.poll());
            assertTrue(q.offer(lap), "room made by a take was not seen");
            assertEquals(2, q.size());
            assertEquals(2, q.drain(x -> { }, 5));
            assertEquals(0, q.size());
        }
    }

    @Test
    void noArgumentConstructorMakesAnUnboundedQueue() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>();
        assertEquals(Integer.MAX_VALUE, q.capacity());
        assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
        for (int i = 0; i < 100_000; i++) {
            assertTrue(q.offer(i));
        }
        assertEquals(100_000, q.size());
        assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, q.poll());
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void unboundedQueueTakeWaitsWhileEmptyUntilAPutArrives() {
        QueueBlockingTest.takeWaitsWhileEmptyUntilAPutArrives(new TwoLockLinkedQueue<>());
    }

    @Test
    void unboundedQueueDeliversExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new TwoLockLinkedQueue<>(), 2, 2, 50_000);
    }
}
