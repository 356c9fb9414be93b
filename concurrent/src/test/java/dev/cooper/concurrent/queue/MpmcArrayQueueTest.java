package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MpmcArrayQueue}: the shared array-kind tests plus capacity 1 and mixed races. */
class MpmcArrayQueueTest extends AbstractArrayQueueTest {

    @Override
    QueueKind kind() {
        return QueueKind.MPMC_ARRAY;
    }

    @Test
    void kindAndFactoryAgree() {
        MessageQueue<Integer> q = create(10);
        assertTrue(q instanceof MpmcArrayQueue);
        assertEquals(QueueKind.MPMC_ARRAY, q.kind());
    }

    /** Vyukov's original sequence encoding cannot tell "holds i" from "free for i + 1" here. */
    @Test
    void capacityOneHoldsExactlyOneElementLapAfterLap() {
        MessageQueue<Integer> q = create(1);
        assertEquals(1, q.capacity());
        for (int i = 0; i < 1000; i++) {
            assertTrue(q.offer(i));
            assertFalse(q.offer(-1), "second offer in lap " + i);
            assertEquals(1, q.size());
            assertEquals(i, q.peek());
            assertEquals(i, q.poll());
            assertNull(q.poll());
        }
    }

    /**
     * Producers and consumers racing on a small ring that starts full: every element is taken
     * once, nothing is overwritten, and the size stays within the capacity.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void racingProducersAndConsumersNeitherLoseNorDuplicate() throws InterruptedException {
        MessageQueue<Integer> q = create(4);
        for (int round = 0; round < 200; round++) {
            int base = round * 100;
            for (int i = 0; i < 4; i++) {
                assertTrue(q.offer(base + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean oversized = new AtomicBoolean();
            List<List<Integer>> taken = new ArrayList<>();
            List<List<Integer>> added = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Integer> in = new ArrayList<>();
                List<Integer> out = new ArrayList<>();
                added.add(in);
                taken.add(out);
                int first = base + 10 + t * 10;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 6; i++) {
                        if (q.offer(first + i)) {
                            in.add(first + i);
                        }
                        Integer e = q.poll();
                        if (e != null) {
                            out.add(e);
                        }
                        if (q.size() > q.capacity()) {
                            oversized.set(true);
                        }
                    }
                }));
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
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
