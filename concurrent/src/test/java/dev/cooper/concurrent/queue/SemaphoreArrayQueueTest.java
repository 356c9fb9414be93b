package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SEMAPHORE_ARRAY's own wake-up paths; the contract suites cover the rest. */
class SemaphoreArrayQueueTest {

    @Test
    @RefusedByRoleCheck("the test holds the producers' lock by hand around its offers")
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
        taker.join(TimeUnit.SECONDS.toMillis(30)); // a hang guard: without the wake-up it never ends
        assertFalse(taker.isAlive(), "the taker was not woken for the element the drain left");
        assertEquals(1, taken.get());
        assertTrue(q.isEmpty());
    }

    /** Until {@code t} sleeps on a permit condition: waiting, and not queued for putLock. */
    private static void awaitAsleepForPermit(SemaphoreArrayQueue<?> q, Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != Thread.State.WAITING || q.putLock.hasQueuedThread(t)) {
            assertTrue(System.nanoTime() < deadline, "taker did not go back to sleep");
            Thread.onSpinWait();
        }
    }
}
