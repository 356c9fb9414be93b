package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SpmcArrayQueue}: the shared array-kind tests plus racing consumers and peek. */
class SpmcArrayQueueTest extends AbstractArrayQueueTest {

    @Override
    QueueKind kind() {
        return QueueKind.SPMC_ARRAY;
    }

    @Test
    void kindAndFactoryAgree() {
        MessageQueue<Integer> q = create(10);
        assertTrue(q instanceof SpmcArrayQueue);
        assertEquals(QueueKind.SPMC_ARRAY, q.kind());
    }

    /**
     * Consumers racing over a full ring, each also peeking: every element is taken once,
     * a peek only ever returns an element that was in the queue and not before the head it
     * saw last time, and the size stays within the capacity.
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void racingConsumersTakeEachElementOnceAndPeekSeesOnlyPresentElements() throws InterruptedException {
        MessageQueue<Integer> q = create(8);
        for (int round = 0; round < 200; round++) {
            int base = round * 8;
            for (int i = 0; i < 8; i++) {
                assertTrue(q.offer(base + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean wrong = new AtomicBoolean();
            List<List<Integer>> taken = new ArrayList<>();
            List<Thread> consumers = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                List<Integer> mine = new ArrayList<>();
                taken.add(mine);
                consumers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int lastPeek = -1;
                    for (int i = 0; i < 5; i++) {
                        Integer head = q.peek();
                        if (head != null && (head < base || head >= base + 8 || head < lastPeek)) {
                            wrong.set(true);
                        }
                        lastPeek = head == null ? lastPeek : head;
                        Integer e = q.poll();
                        if (e != null) {
                            mine.add(e);
                        }
                        if (q.size() > q.capacity()) {
                            wrong.set(true);
                        }
                    }
                }));
            }
            start.countDown();
            for (Thread t : consumers) {
                t.join();
            }
            assertFalse(wrong.get(), "a peek or size was out of range in round " + round);
            List<Integer> all = new ArrayList<>();
            taken.forEach(all::addAll);
            q.drain(all::add, 100);
            assertEquals(8, all.size(), "taken or drained, round " + round);
            assertEquals(8, Set.copyOf(all).size(), "distinct, round " + round);
            assertTrue(q.isEmpty());
        }
    }
}
