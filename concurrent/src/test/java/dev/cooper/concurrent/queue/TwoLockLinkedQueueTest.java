package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What only {@link TwoLockLinkedQueue} has: the producer's cached view of removals, and the
 * unbounded form made by its no-argument constructor (the kind makes the bounded one, which
 * the contract suites cover).
 */
class TwoLockLinkedQueueTest {

    /**
     * Regression: a consumer took the first node of a fill and parked in take() before the
     * fill linked the second; the fill's "was empty" test (takeCount == before) then saw the
     * take and did not signal, and the consumer slept with an element in the queue. The
     * supplier makes that interleaving happen every time.
     */
    @Test
    void fillThatAConsumerOvertakesStillWakesIt() throws InterruptedException {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(16);
        BlockingQueue<Integer> got = new LinkedBlockingQueue<>();
        Thread consumer = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                Integer first;
                while ((first = q.poll()) == null) {
                    Thread.onSpinWait();
                }
                got.put(first);
                while (true) {
                    got.put(q.take());
                }
            } catch (InterruptedException e) {
                // the test is over
            }
        });
        try {
            int[] next = {0};
            int inserted = q.fill(() -> {
                if (next[0] == 1) { // node 1 is linked: let the consumer take it and park again
                    try {
                        assertEquals(1, got.poll(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    while (consumer.getState() != Thread.State.WAITING) {
                        Thread.onSpinWait();
                    }
                }
                return ++next[0];
            }, 2);
            assertEquals(2, inserted);
            // A hang guard, not a timing check: with the lost wake-up the element never comes.
            assertNotNull(got.poll(30, TimeUnit.SECONDS), "the parked consumer was not woken: lost wake-up");
        } finally {
            consumer.interrupt();
        }
    }

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
