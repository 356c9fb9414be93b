package dev.cooper.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SPSC ring floor is a correct bounded FIFO, so what it measures is a queue's work. */
class SpscRingFloorTest {

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2, 4, 16, 1024})
    void itHoldsExactlyItsCapacityInOrderAcrossWrapArounds(int capacity) {
        Queue<Message> ring = Queues.create("floor.spscRing", capacity);
        int next = 0;
        int expected = 0;
        for (int lap = 0; lap < 3; lap++) {
            for (int i = 0; i < capacity; i++) {
                assertTrue(ring.offer(new Message(next++)), "offer into a ring with room");
            }
            assertFalse(ring.offer(new Message(-1)), "offer into a full ring");
            assertEquals(capacity, ring.size());
            for (int i = 0; i < capacity; i++) {
                assertEquals(expected++, ring.poll().id());
            }
            assertNull(ring.poll(), "poll of an empty ring");
            assertEquals(0, ring.size());
        }
    }

    @Test
    void itRefusesNullAndCapacitiesThatAreNotPowersOfTwo() {
        Queue<Message> ring = new SpscRingFloor<>(4);
        assertThrows(NullPointerException.class, () -> ring.offer(null));
        assertThrows(IllegalArgumentException.class, () -> new SpscRingFloor<Message>(0));
        assertThrows(IllegalArgumentException.class, () -> new SpscRingFloor<Message>(12));
    }

    @Test
    void oneProducerThreadAndOneConsumerThreadPassEveryElementInOrder() {
        // A guard, not a timing: a ring that loses an element leaves the consumer spinning.
        assertTimeoutPreemptively(Duration.ofSeconds(60), SpscRingFloorTest::passAcrossTwoThreads);
    }

    private static void passAcrossTwoThreads() throws InterruptedException {
        SpscRingFloor<Message> ring = new SpscRingFloor<>(64);
        int count = 200_000;
        List<Message> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sent.add(new Message(i));
        }
        Thread producer = Thread.ofPlatform().daemon().start(() -> {
            for (Message m : sent) {
                while (!ring.offer(m)) {
                    Thread.onSpinWait();
                }
            }
        });
        List<Message> received = new ArrayList<>(count);
        while (received.size() < count) {
            Message m = ring.poll();
            if (m == null) {
                Thread.onSpinWait();
            } else {
                received.add(m);
            }
        }
        producer.join();
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < count; i++) {
            assertSame(sent.get(i), received.get(i), "element " + i);
        }
        assertNull(ring.poll());
    }
}
