package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MpmcArrayQueue}: producers and consumers racing on a small ring. */
class MpmcArrayQueueTest {

    /**
     * Producers and consumers racing on a small ring that starts full: every element is taken
     * once, nothing is overwritten, and the size stays within the capacity.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void racingProducersAndConsumersNeitherLoseNorDuplicate() throws InterruptedException {
        MessageQueue<Integer> q = QueueKind.MPMC_ARRAY.create(4);
        for (int round = 0; round < 200; round++) {
            int base = round * 100;
            for (int i = 0; i < 4; i++) {
                assertTrue(q.offer(base + i));
            }
            AtomicBoolean oversized = new AtomicBoolean();
            List<List<Integer>> added = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Integer>> taken = List.of(new ArrayList<>(), new ArrayList<>());
            Race.run(2, t -> {
                int first = base + 10 + t * 10;
                for (int i = 0; i < 6; i++) {
                    if (q.offer(first + i)) {
                        added.get(t).add(first + i);
                    }
                    Integer e = q.poll();
                    if (e != null) {
                        taken.get(t).add(e);
                    }
                    if (q.size() > q.capacity()) {
                        oversized.set(true);
                    }
                }
            });
            assertFalse(oversized.get(), "size() exceeded the capacity in round " + round);
            List<Integer> expected = new ArrayList<>(List.of(base, base + 1, base + 2, base + 3));
            added.forEach(expected::addAll);
            List<Integer> actual = new ArrayList<>();
            taken.forEach(actual::addAll);
            q.drain(actual::add, 100);
            assertEquals(expected.size(), actual.size(), "round " + round);
            assertEquals(Set.copyOf(expected), Set.copyOf(actual), "round " + round);
            assertTrue(q.isEmpty());
        }
    }
}
