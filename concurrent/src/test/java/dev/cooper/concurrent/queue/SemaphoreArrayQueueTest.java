package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SemaphoreArrayQueueTest {

    @Test
    void capacityIsExactlyWhatWasAsked() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(3);
        assertEquals(3, q.capacity());
        assertEquals(3, q.remainingCapacity());
        assertTrue(q.offer(1));
        assertTrue(q.offer(2));
        assertTrue(q.offer(3));
        assertFalse(q.offer(4));
        assertEquals(3, q.size());
        assertEquals(0, q.remainingCapacity());
        assertThrows(IllegalStateException.class, () -> q.add(4));
    }

    @Test
    void refusesCapacityBelowOneAndNullElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SemaphoreArrayQueue<>(0));
        assertEquals("capacity: 0 (expected: >= 1)", e.getMessage());
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(2);
        assertEquals("element is null", assertThrows(NullPointerException.class, () -> q.offer(null)).getMessage());
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertTrue(q.isEmpty());
    }

    @Test
    void kindCreatesThisClass() {
        assertInstanceOf(SemaphoreArrayQueue.class, QueueKind.SEMAPHORE_ARRAY.create(5));
        assertEquals(5, QueueKind.SEMAPHORE_ARRAY.create(5).capacity());
    }

    @Test
    void keepsFifoOrderOverManyLaps() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(5);
        int in = 0;
        int out = 0;
        for (int lap = 0; lap < 1000; lap++) {
            int batch = 1 + lap % 5;
            for (int i = 0; i < batch; i++) {
                assertTrue(q.offer(in++));
            }
            assertEquals(batch, q.size());
            for (int i = 0; i < batch; i++) {
                assertEquals(out++, q.poll());
            }
        }
        assertNull(q.poll());
    }

    @Test
    void removeByValueClosesTheGapAcrossTheWrap() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(5);
        for (int i = 0; i < 3; i++) {
            q.offer(-1);
            q.poll(); // move the indices so the elements wrap around the array end
        }
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        assertTrue(q.remove(2));
        assertFalse(q.remove(2));
        assertFalse(q.remove(null));
        assertTrue(q.remove(0));
        assertEquals(List.of(1, 3, 4), new ArrayList<>(q));
        assertTrue(q.offer(5));
        assertTrue(q.offer(6));
        assertFalse(q.offer(7));
        assertEquals(List.of(1, 3, 4, 5, 6), new ArrayList<>(q));
        assertTrue(q.contains(6));
        assertFalse(q.contains(2));
    }

    @Test
    void iteratorIsASnapshotAndRemovesByIdentity() {
        SemaphoreArrayQueue<String> q = new SemaphoreArrayQueue<>(8);
        String a1 = new String("a");
        String a2 = new String("a");
        q.offer(a1);
        q.offer("b");
        q.offer(a2);
        Iterator<String> it = q.iterator();
        assertThrows(IllegalStateException.class, it::remove);
        q.offer("late"); // not in the snapshot
        assertEquals("a", it.next());
        assertEquals("b", it.next());
        assertSame(a2, it.next());
        it.remove(); // a2, not the equal a1
        assertThrows(IllegalStateException.class, it::remove);
        assertFalse(it.hasNext());
        List<String> left = new ArrayList<>(q);
        assertEquals(List.of("a", "b", "late"), left);
        assertSame(a1, left.get(0));
    }

    @Test
    void iteratorRemoveOfAnElementAlreadyTakenChangesNothing() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(4);
        q.offer(1);
        q.offer(2);
        Iterator<Integer> it = q.iterator();
        assertEquals(1, it.next());
        assertEquals(1, q.poll());
        it.remove();
        assertEquals(List.of(2), new ArrayList<>(q));
    }

    @Test
    void fillStopsAtCapacityAndDrainRespectsTheLimit() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(10);
        AtomicInteger next = new AtomicInteger();
        assertEquals(4, q.fill(next::getAndIncrement, 4));
        assertEquals(6, q.fill(next::getAndIncrement, 100));
        assertEquals(0, q.fill(next::getAndIncrement, 100));
        assertEquals(10, next.get(), "the supplier was called without room");
        List<Integer> out = new ArrayList<>();
        assertEquals(3, q.drain(out::add, 3));
        assertEquals(7, q.drainTo(out, 100));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), out);
        assertThrows(IllegalArgumentException.class, () -> q.fill(next::getAndIncrement, -1));
    }

    @Test
    void fillKeepsWhatWasInsertedWhenTheSupplierReturnsNull() {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(10);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(NullPointerException.class, () -> q.fill(() -> calls.incrementAndGet() == 3 ? null : 7, 5));
        assertEquals(2, q.size());
    }

    @Test
    void drainWakesEveryPutterItMadeRoomFor() throws Exception {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(2);
        q.offer(0);
        q.offer(1);
        Thread p1 = new Thread(() -> putQuietly(q, 2));
        Thread p2 = new Thread(() -> putQuietly(q, 3));
        p1.start();
        p2.start();
        BlockingQueueChecks.awaitBlocked(p1);
        BlockingQueueChecks.awaitBlocked(p2);
        List<Integer> out = new ArrayList<>();
        assertEquals(2, q.drain(out::add, 2));
        BlockingQueueChecks.join(p1);
        BlockingQueueChecks.join(p2);
        assertEquals(2, q.size());
        assertTrue(q.containsAll(List.of(2, 3)));
    }

    @Test
    void clearWakesBlockedPutters() throws Exception {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(1);
        q.offer(0);
        Thread p = new Thread(() -> putQuietly(q, 1));
        p.start();
        BlockingQueueChecks.awaitBlocked(p);
        q.clear();
        BlockingQueueChecks.join(p);
        assertEquals(List.of(1), new ArrayList<>(q));
    }

    @Test
    void drainThatThrowsWakesATakerForTheElementsItLeft() throws Exception {
        SemaphoreArrayQueue<Integer> q = new SemaphoreArrayQueue<>(4);
        AtomicInteger taken = new AtomicInteger(-1);
        Thread taker = new Thread(() -> {
            try {
                taken.set(q.take());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        awaitAsleepForPermit(q, taker);
        // Holding the producers' mutex keeps the taker, signalled by the offers, from looking
        // again before the drain below holds both permits; it then finds none and sleeps.
        q.putLock.lock();
        q.offer(0);
        q.offer(1);
        RuntimeException boom = new RuntimeException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> q.drain(e -> {
            q.putLock.unlock();
            awaitAsleepForPermit(q, taker);
            throw boom;
        }, 2));
        assertSame(boom, thrown);
        BlockingQueueChecks.join(taker);
        assertEquals(1, taken.get());
        assertTrue(q.isEmpty());
    }

    /** Until {@code t} sleeps on a permit condition: waiting, and not queued for putLock. */
    private static void awaitAsleepForPermit(SemaphoreArrayQueue<?> q, Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING || q.putLock.hasQueuedThread(t)) {
            assertTrue(System.nanoTime() < deadline, "taker did not go back to sleep");
            Thread.onSpinWait();
        }
    }

    private static void putQuietly(SemaphoreArrayQueue<Integer> q, int e) {
        try {
            q.put(e);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void putOnFullBlocksUntilTake() throws Exception {
        BlockingQueueChecks.putOnFullBlocksUntilTake(new SemaphoreArrayQueue<>(3));
    }

    @Test
    void takeOnEmptyBlocksUntilPut() throws Exception {
        BlockingQueueChecks.takeOnEmptyBlocksUntilPut(new SemaphoreArrayQueue<>(3));
    }

    @Test
    void timedOfferOnFullTimesOut() throws Exception {
        BlockingQueueChecks.timedOfferOnFullTimesOut(new SemaphoreArrayQueue<>(3));
    }

    @Test
    void timedPollOnEmptyTimesOut() throws Exception {
        BlockingQueueChecks.timedPollOnEmptyTimesOut(new SemaphoreArrayQueue<>(3));
    }

    @Test
    void interruptBeforeCallThrowsAndChangesNothing() {
        BlockingQueueChecks.interruptBeforeCallThrows(new SemaphoreArrayQueue<>(3));
    }

    @Test
    void interruptWhileWaitingThrowsAndChangesNothing() throws Exception {
        BlockingQueueChecks.interruptWhileTakingThrows(new SemaphoreArrayQueue<>(3), false);
        BlockingQueueChecks.interruptWhileTakingThrows(new SemaphoreArrayQueue<>(3), true);
        BlockingQueueChecks.interruptWhilePuttingThrows(new SemaphoreArrayQueue<>(3), false);
        BlockingQueueChecks.interruptWhilePuttingThrows(new SemaphoreArrayQueue<>(3), true);
    }

    @Test
    void twoProducersTwoConsumersExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new SemaphoreArrayQueue<>(16), 2, 2, 50_000);
    }
}
