package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TwoLockLinkedQueueTest {

    @Test
    void capacityIsExactlyWhatWasAsked() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(3);
        assertEquals(3, q.capacity());
        for (int i = 0; i < 3; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(3));
        assertEquals(3, q.size());
        assertEquals(0, q.remainingCapacity());
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
    void kindCreatesABoundedQueue() {
        assertTrue(QueueKind.TWO_LOCK_LINKED.bounded());
        MessageQueue<Object> q = QueueKind.TWO_LOCK_LINKED.create(7);
        assertInstanceOf(TwoLockLinkedQueue.class, q);
        assertEquals(7, q.capacity());
    }

    @Test
    void refusesCapacityBelowOneAndNullElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TwoLockLinkedQueue<>(0));
        assertEquals("capacity: 0 (expected: >= 1)", e.getMessage());
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(2);
        assertEquals("element is null", assertThrows(NullPointerException.class, () -> q.offer(null)).getMessage());
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertTrue(q.isEmpty());
    }

    @Test
    void removeByValueUnlinksAnywhereAndTheTailStillWorks() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(5);
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        assertTrue(q.remove(2)); // middle
        assertTrue(q.remove(4)); // last: the tail moves back
        assertTrue(q.remove(0)); // first
        assertFalse(q.remove(0));
        assertFalse(q.remove(null));
        assertEquals(2, q.size());
        assertTrue(q.offer(5));
        assertEquals(List.of(1, 3, 5), new ArrayList<>(q));
        assertTrue(q.contains(5));
        assertFalse(q.contains(4));
        assertEquals(1, q.peek());
    }

    @Test
    void iteratorRemovesTheNodeItReturned() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(8);
        for (int i = 0; i < 6; i++) {
            q.offer(i);
        }
        Iterator<Integer> it = q.iterator();
        assertThrows(IllegalStateException.class, it::remove);
        while (it.hasNext()) {
            if (it.next() % 2 == 1) {
                it.remove();
                assertThrows(IllegalStateException.class, it::remove);
            }
        }
        assertEquals(List.of(0, 2, 4), new ArrayList<>(q));
        assertEquals(3, q.size());
        assertTrue(q.offer(6)); // the last node (5) was removed: the tail must be right
        assertEquals(List.of(0, 2, 4, 6), new ArrayList<>(q));
    }

    @Test
    void iteratorGoesOnWhenItsNodeIsTakenOrRemoved() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(8);
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next());
        assertEquals(0, q.poll());
        assertEquals(1, q.poll()); // 1 was read ahead: still returned
        assertTrue(q.remove(2));   // not read yet: skipped
        q.offer(5);
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 3, 4, 5), rest);
    }

    @Test
    void iteratorAfterClearEnds() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(8);
        q.offer(1);
        q.offer(2);
        Iterator<Integer> it = q.iterator();
        q.clear();
        assertEquals(1, it.next()); // read ahead
        assertFalse(it.hasNext());
        assertTrue(q.isEmpty());
        q.offer(3);
        assertEquals(List.of(3), new ArrayList<>(q));
    }

    @Test
    void fillStopsAtCapacityAndDrainRespectsTheLimit() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(10);
        AtomicInteger next = new AtomicInteger();
        assertEquals(4, q.fill(next::getAndIncrement, 4));
        assertEquals(6, q.fill(next::getAndIncrement, 100));
        assertEquals(0, q.fill(next::getAndIncrement, 100));
        assertEquals(10, next.get(), "the supplier was called without room");
        List<Integer> out = new ArrayList<>();
        assertEquals(3, q.drain(out::add, 3));
        assertEquals(7, q.drainTo(out));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), out);
        assertTrue(q.isEmpty());
        assertTrue(q.offer(10));
        assertEquals(10, q.poll());
    }

    @Test
    void fillKeepsWhatWasInsertedWhenTheSupplierReturnsNull() {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(10);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(NullPointerException.class, () -> q.fill(() -> calls.incrementAndGet() == 3 ? null : 7, 5));
        assertEquals(2, q.size());
        assertEquals(List.of(7, 7), new ArrayList<>(q));
    }

    @Test
    void drainReleasesBlockedPutters() throws Exception {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(2);
        q.offer(0);
        q.offer(1);
        Thread p1 = new Thread(() -> putQuietly(q, 2));
        Thread p2 = new Thread(() -> putQuietly(q, 3));
        p1.start();
        p2.start();
        BlockingQueueChecks.awaitBlocked(p1);
        BlockingQueueChecks.awaitBlocked(p2);
        assertEquals(2, q.drain(x -> { }, 2));
        BlockingQueueChecks.join(p1);
        BlockingQueueChecks.join(p2);
        assertEquals(2, q.size());
        assertTrue(q.containsAll(List.of(2, 3)));
    }

    @Test
    void fillReleasesBlockedTakers() throws Exception {
        TwoLockLinkedQueue<Integer> q = new TwoLockLinkedQueue<>(4);
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        Thread c1 = new Thread(() -> takeQuietly(q, taken));
        Thread c2 = new Thread(() -> takeQuietly(q, taken));
        c1.start();
        c2.start();
        BlockingQueueChecks.awaitBlocked(c1);
        BlockingQueueChecks.awaitBlocked(c2);
        AtomicInteger next = new AtomicInteger();
        assertEquals(2, q.fill(next::getAndIncrement, 2));
        BlockingQueueChecks.join(c1);
        BlockingQueueChecks.join(c2);
        assertEquals(2, taken.size());
        assertTrue(q.isEmpty());
    }

    private static void putQuietly(TwoLockLinkedQueue<Integer> q, int e) {
        try {
            q.put(e);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void takeQuietly(TwoLockLinkedQueue<Integer> q, List<Integer> into) {
        try {
            into.add(q.take());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void putOnFullBlocksUntilTake() throws Exception {
        BlockingQueueChecks.putOnFullBlocksUntilTake(new TwoLockLinkedQueue<>(3));
    }

    @Test
    void takeOnEmptyBlocksUntilPut() throws Exception {
        BlockingQueueChecks.takeOnEmptyBlocksUntilPut(new TwoLockLinkedQueue<>(3));
        BlockingQueueChecks.takeOnEmptyBlocksUntilPut(new TwoLockLinkedQueue<>());
    }

    @Test
    void timedOfferOnFullTimesOut() throws Exception {
        BlockingQueueChecks.timedOfferOnFullTimesOut(new TwoLockLinkedQueue<>(3));
    }

    @Test
    void timedPollOnEmptyTimesOut() throws Exception {
        BlockingQueueChecks.timedPollOnEmptyTimesOut(new TwoLockLinkedQueue<>(3));
    }

    @Test
    void interruptBeforeCallThrowsAndChangesNothing() {
        BlockingQueueChecks.interruptBeforeCallThrows(new TwoLockLinkedQueue<>(3));
    }

    @Test
    void interruptWhileWaitingThrowsAndChangesNothing() throws Exception {
        BlockingQueueChecks.interruptWhileTakingThrows(new TwoLockLinkedQueue<>(3), false);
        BlockingQueueChecks.interruptWhileTakingThrows(new TwoLockLinkedQueue<>(3), true);
        BlockingQueueChecks.interruptWhilePuttingThrows(new TwoLockLinkedQueue<>(3), false);
        BlockingQueueChecks.interruptWhilePuttingThrows(new TwoLockLinkedQueue<>(3), true);
    }

    @Test
    void twoProducersTwoConsumersExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new TwoLockLinkedQueue<>(16), 2, 2, 50_000);
    }

    @Test
    void unboundedTwoProducersTwoConsumersExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new TwoLockLinkedQueue<>(), 2, 2, 50_000);
    }
}
