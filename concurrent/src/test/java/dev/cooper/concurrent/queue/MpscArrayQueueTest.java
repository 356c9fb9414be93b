package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MpscArrayQueue}: producers racing for the last slots of a full ring. */
class MpscArrayQueueTest {

    /**
     * Producers racing for the last slots of a full ring: exactly the free slots are won, no
     * element overwrites another, and the size stays within the capacity throughout.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void racingProducersWinExactlyTheFreeSlots() throws InterruptedException {
        MessageQueue<Integer> q = QueueKind.MPSC_ARRAY.create(8);
        for (int round = 0; round < 200; round++) {
            int free = round % 8 + 1;
            for (int i = 0; i < 8 - free; i++) {
                assertTrue(q.offer(-1));
            }
            AtomicInteger won = new AtomicInteger();
            AtomicBoolean oversized = new AtomicBoolean();
            Race.run(3, id -> {
                for (int i = 0; i < 4; i++) {
                    if (q.offer(id)) {
                        won.incrementAndGet();
                    }
                    if (q.size() > q.capacity()) {
                        oversized.set(true);
                    }
                }
            });
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
