package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the four lock-free array kinds share beyond the contract: the capacity rounded up to a
 * power of two within a limit, and an iterator bounded by the indices present at its
 * creation. Each kind's own races are in its own test class.
 */
class ArrayQueueTest {

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SPSC_ARRAY", "MPSC_ARRAY", "SPMC_ARRAY", "MPMC_ARRAY"})
    @interface ArrayKinds {
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
}
