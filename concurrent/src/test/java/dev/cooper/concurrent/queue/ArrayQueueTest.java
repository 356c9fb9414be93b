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
import java.util.Collections;
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
     * How many slots a single consumer's drain gives back at once: a quarter of the ring (at
     * least 1, at most 4096) on {@code MPSC_ARRAY}, one more on {@code SPSC_ARRAY}, whose
     * producer's probe grants that many.
     */
    static int runLength(QueueKind kind, int capacity) {
        int quarter = Math.min(capacity / 4, 4096);
        return kind == QueueKind.SPSC_ARRAY ? quarter + 1 : Math.max(1, quarter);
    }

    /**
     * A single consumer's {@code drain} hands elements on one by one but gives their room back
     * a run at a time: until a run is given back its elements still count, so {@code size()}
     * and the room a producer finds agree at every point of the call.
     */
    @SingleConsumerArrayKinds
    void drainGivesRoomBackInRuns(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16);
        int run = runLength(kind, 16); // 4 or 5
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> roomSeen = new ArrayList<>();
        assertEquals(10, q.drain(e -> {
            sizes.add(q.size());
            roomSeen.add(q.remainingCapacity() > 0);
        }, 10));
        List<Integer> expectedSizes = new ArrayList<>();
        List<Boolean> expectedRoom = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expectedSizes.add(16 - i / run * run);
            expectedRoom.add(i >= run);
        }
        assertEquals(expectedSizes, sizes);
        assertEquals(expectedRoom, roomSeen);
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
        return Stream.of(
                Arguments.of(QueueKind.SPSC_ARRAY, 1, 1), Arguments.of(QueueKind.SPSC_ARRAY, 2, 1),
                Arguments.of(QueueKind.SPSC_ARRAY, 4, 2), Arguments.of(QueueKind.SPSC_ARRAY, 16, 5),
                Arguments.of(QueueKind.SPSC_ARRAY, 1 << 15, 4097),
                Arguments.of(QueueKind.MPSC_ARRAY, 1, 1), Arguments.of(QueueKind.MPSC_ARRAY, 2, 1),
                Arguments.of(QueueKind.MPSC_ARRAY, 4, 1), Arguments.of(QueueKind.MPSC_ARRAY, 16, 4),
                Arguments.of(QueueKind.MPSC_ARRAY, 1 << 15, 4096));
    }

    /** How long a run is: what {@code size()} shows while each element is handed on. */
    @ParameterizedTest(name = "{0} capacity {1}: runs of {2}")
    @MethodSource("runLengths")
    void aRunIsAQuarterRingOnMpscAndOneMoreOnSpsc(QueueKind kind, int capacity, int run) {
        assertEquals(run, runLength(kind, capacity), "the table and runLength agree");
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
        int run = runLength(kind, 16);
        List<Boolean> offered = new ArrayList<>();
        assertEquals(run + 2, q.drain(e -> offered.add(q.offer(100 + e)), run + 2));
        // While the first run is handed on the ring is full; the run is given back after its
        // last element returns, so the offers made while the next two are handed on succeed.
        List<Boolean> expected = new ArrayList<>(Collections.nCopies(run, false));
        expected.addAll(List.of(true, true));
        assertEquals(expected, offered);
        List<Integer> rest = new ArrayList<>();
        q.drainTo(rest);
        List<Integer> expectedRest = new ArrayList<>();
        for (int i = run + 2; i < 16; i++) {
            expectedRest.add(i);
        }
        expectedRest.addAll(List.of(100 + run, 101 + run));
        assertEquals(expectedRest, rest);
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
}
