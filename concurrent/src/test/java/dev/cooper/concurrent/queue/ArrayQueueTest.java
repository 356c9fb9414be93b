package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the four lock-free array kinds share beyond the contract: the capacity rounded up to a
 * power of two within a limit, and an iterator bounded by the indices present at its
 * creation; and what the two single-consumer ones share: a {@code drain} that gives room back
 * in runs. Each kind's own races are in its own test class.
 */
class ArrayQueueTest {

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY"})
    @interface ArrayKinds {
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    @interface SingleConsumerArrayKinds {
    }

    static Stream<Arguments> roundings() {
        int[][] askedAndExpected = {{1, 1}, {2, 2}, {3, 4}, {5, 8}, {1000, 1024}, {1024, 1024}, {1025, 2048}};
        return Stream.of(QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY, QueueKind.SPMC_ARRAY, QueueKind.MPMC_ARRAY)
                .flatMap(kind -> Stream.of(askedAndExpected).map(c -> Arguments.of(kind, c[0], c[1])));
    }

    @ParameterizedTest(name = "{0} capacity {1} -> {2}")
    @MethodSource("roundings")
    void capacityIsRoundedUpToAPowerOfTwo(QueueKind kind, int asked, int expected) {
        MessageQueue<Integer> q = kind.create(asked);
        assertEquals(expected, q.capacity());
        assertEquals(expected, q.remainingCapacity());
    }

    @ArrayKinds
    void capacityAboveTheLargestPowerOfTwoIsRefused(QueueKind kind) {
        for (int capacity : new int[] {(1 << 30) + 1, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(capacity));
            assertTrue(e.getMessage().startsWith("capacity: " + capacity + " (expected: "), e.getMessage());
        }
    }

    @ArrayKinds
    void iteratorSeesOnlyTheIndicesPresentAtItsCreation(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.offer(0);
        q.offer(1);
        q.offer(2);
        Iterator<Integer> it = q.iterator(); // reads ahead the head, 0
        assertEquals(0, q.poll());
        assertEquals(1, q.poll());
        q.offer(3);
        q.offer(4); // index 4 reuses the slot of index 0, behind the iterator
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        // 0 was already read ahead (weak consistency allows it); 1 was removed before the
        // iterator reached its slot; 2 was present throughout and must be seen; 3 and 4 came
        // after the iterator's range was fixed.
        assertEquals(List.of(0, 2), seen);
    }

    /**
     * A single consumer's {@code drain} hands elements on one by one but gives their room back
     * a run at a time (a quarter of the ring): until a run is given back its elements still
     * count, so {@code size()} and the room a producer finds agree at every point of the call.
     */
    @SingleConsumerArrayKinds
    void drainGivesRoomBackInRunsOfAQuarterRing(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16); // runs of 4
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> roomSeen = new ArrayList<>();
        assertEquals(10, q.drain(e -> {
            sizes.add(q.size());
            roomSeen.add(q.remainingCapacity() > 0);
        }, 10));
        assertEquals(List.of(16, 16, 16, 16, 12, 12, 12, 12, 8, 8), sizes);
        assertEquals(List.of(false, false, false, false, true, true, true, true, true, true), roomSeen);
        assertEquals(6, q.size()); // the partial run is given back when the call ends
        for (int i = 16; i < 26; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(26));
        for (int i = 10; i < 26; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
    }

    static Stream<Arguments> runLengths() {
        // A quarter of the ring, at least one slot, at most 4096 slots.
        int[][] capacityAndRun = {{1, 1}, {2, 1}, {16, 4}, {1 << 15, 4096}};
        return Stream.of(QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY)
                .flatMap(kind -> Stream.of(capacityAndRun).map(c -> Arguments.of(kind, c[0], c[1])));
    }

    /** How long a run is: what {@code size()} shows while each element is handed on. */
    @ParameterizedTest(name = "{0} capacity {1}: runs of {2}")
    @MethodSource("runLengths")
    void aRunIsAQuarterRingBetweenOneAnd4096Slots(QueueKind kind, int capacity, int run) {
        MessageQueue<Integer> q = kind.create(capacity);
        for (int i = 0; i < capacity; i++) {
            assertTrue(q.offer(i));
        }
        int handedOn = Math.min(capacity, 2 * run);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(handedOn, q.drain(e -> sizes.add(q.size()), handedOn));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < handedOn; i++) {
            expected.add(capacity - i / run * run);
        }
        assertEquals(expected, sizes);
        assertEquals(capacity - handedOn, q.size());
    }

    /** Inside a run, the ring is full to a producer until the run is given back. */
    @SingleConsumerArrayKinds
    void producerFindsRoomOnlyOnceARunIsGivenBack(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16);
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        List<Boolean> offered = new ArrayList<>();
        assertEquals(6, q.drain(e -> offered.add(q.offer(100 + e)), 6));
        // While 0-3 are handed on the ring is full; their run is given back after 3 returns,
        // so the offers made while 4 and 5 are handed on succeed.
        assertEquals(List.of(false, false, false, false, true, true), offered);
        List<Integer> rest = new ArrayList<>();
        q.drainTo(rest);
        assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 104, 105), rest);
    }

    /**
     * A blocking insert from inside drain's consumer, on a full ring, gives back the run that
     * drain holds instead of waiting for room only its own thread could free. The whole case
     * runs on the time-out's thread, so one thread holds both roles (as the debug check needs).
     */
    @SingleConsumerArrayKinds
    void aBlockingInsertInsideDrainGivesTheRunBack(QueueKind kind) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MessageQueue<Integer> q = kind.create(16);
            for (int i = 0; i < 16; i++) {
                assertTrue(q.offer(i));
            }
            List<Integer> sizes = new ArrayList<>();
            assertEquals(6, q.drain(e -> {
                try {
                    if (e % 2 == 0) {
                        q.put(100 + e);
                    } else {
                        assertTrue(q.offer(100 + e, 1, TimeUnit.MINUTES));
                    }
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
                sizes.add(q.size());
            }, 6));
            assertEquals(List.of(16, 16, 16, 16, 16, 16), sizes, "each insert refills the room given back");
            List<Integer> rest = new ArrayList<>();
            q.drainTo(rest);
            assertEquals(List.of(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 100, 101, 102, 103, 104, 105), rest);
        });
    }

    /** A drain of another queue run from inside the consumer leaves this drain's run to give back. */
    @SingleConsumerArrayKinds
    void aDrainOfAnotherQueueInsideKeepsTheRunToGiveBack(QueueKind kind) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MessageQueue<Integer> q = kind.create(4);
            MessageQueue<Integer> other = kind.create(4);
            for (int i = 0; i < 4; i++) {
                assertTrue(q.offer(i));
                assertTrue(other.offer(10 + i));
            }
            List<Integer> fromOther = new ArrayList<>();
            assertEquals(2, q.drain(e -> {
                other.drain(fromOther::add, 1);
                try {
                    q.put(100 + e);
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }, 2));
            assertEquals(List.of(10, 11), fromOther);
            List<Integer> rest = new ArrayList<>();
            q.drainTo(rest);
            assertEquals(List.of(2, 3, 100, 101), rest);
        });
    }

    /**
     * A blocking insert into another queue that must wait, made inside drain's consumer (a
     * dispatcher forwarding to a full worker queue), gives this drain's run back first, so
     * its producers get the room while the consumer waits.
     */
    @SingleConsumerArrayKinds
    void aWaitForAnotherQueueInsideDrainGivesTheRunBack(QueueKind kind) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MessageQueue<Integer> q = kind.create(16); // runs of 4
            MessageQueue<Integer> full = QueueKind.SPSC_ARRAY.create(1);
            assertTrue(full.offer(-1));
            for (int i = 0; i < 16; i++) {
                assertTrue(q.offer(i));
            }
            List<Integer> sizes = new ArrayList<>();
            assertEquals(3, q.drain(e -> {
                sizes.add(q.size());
                try {
                    assertFalse(full.offer(e, 1, TimeUnit.MILLISECONDS));
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
                sizes.add(q.size());
            }, 3));
            assertEquals(List.of(16, 15, 15, 14, 14, 13), sizes, "size before and after each wait");
            assertTrue(q.offer(16));
        });
    }
}
