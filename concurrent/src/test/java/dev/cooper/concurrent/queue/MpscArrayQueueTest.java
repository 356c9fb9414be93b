package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MpscArrayQueue}: the shared array-kind tests plus full-queue races of producers. */
class MpscArrayQueueTest extends AbstractArrayQueueTest {

    @Override
    QueueKind kind() {
        return QueueKind.MPSC_ARRAY;
    }

    @Test
    void kindAndFactoryAgree() {
        MessageQueue<Integer> q = create(10);
        assertTrue(q instanceof MpscArrayQueue);
        assertEquals(QueueKind.MPSC_ARRAY, q.kind());
    }

    /**
     * Producers racing for the last slots of a full ring: exactly the free slots are won, no
     * element overwrites another, and the size stays within the capacity throughout.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void racingProducersWinExactlyTheFreeSlots() throws InterruptedException {
        MessageQueue<Integer> q = create(8);
        for (int round = 0; round < 200; round++) {
            int free = round % 8 + 1;
            for (int i = 0; i < 8 - free; i++) {
                assertTrue(q.offer(-1));
            }
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger won = new AtomicInteger();
            AtomicBoolean oversized = new AtomicBoolean();
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                int id = p;
                producers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 4; i++) {
                        if (q.offer(id)) {
                            won.incrementAndGet();
                        }
                        if (q.size() > q.capacity()) {
                            oversized.set(true);
                        }
                    }
                }));
            }
            start.countDown();
            for (Thread t : producers) {
                t.join();
            }
            assertEquals(free, won.get(), "round " + round);
            assertFalse(oversized.get(), "size() exceeded the capacity in round " + round);
            assertEquals(8, q.size());
            assertFalse(q.offer(99));
            List<Integer> out = new ArrayList<>();
            assertEquals(8, q.drain(out::add, 100));
            assertEquals(8 - free, out.stream().filter(e -> e == -1).count());
            assertTrue(q.isEmpty());
        }
    }
}
