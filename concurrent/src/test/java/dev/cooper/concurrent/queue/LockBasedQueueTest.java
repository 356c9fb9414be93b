package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the lock-based kinds promise beyond the contract: a capacity exactly as requested (no
 * rounding), and, for the two array kinds, an iterator that works on a snapshot.
 */
class LockBasedQueueTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY"})
    void capacityIsExactlyTheRequest(QueueKind kind) {
        assertTrue(kind.bounded());
        for (int requested : new int[] {1, 2, 3, 5, 1000}) {
            MessageQueue<Integer> q = kind.create(requested);
            assertEquals(requested, q.capacity());
            assertEquals(requested, q.remainingCapacity());
            for (int i = 0; i < requested; i++) {
                assertTrue(q.offer(i));
            }
            assertFalse(q.offer(requested), "offer beyond the requested capacity " + requested);
            assertEquals(requested, q.size());
            assertEquals(0, q.remainingCapacity());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LOCKED_ARRAY", "SEMAPHORE_ARRAY"})
    void iteratorWalksASnapshotTakenAtItsCreation(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        q.add(1);
        q.add(2);
        q.add(3);
        Iterator<Integer> it = q.iterator();
        q.add(4);            // after the snapshot: not seen
        assertEquals(1, q.poll()); // taken after the snapshot: still seen
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        assertEquals(List.of(1, 2, 3), seen);
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertEquals(List.of(2, 3, 4), new ArrayList<>(q));
    }

    /**
     * {@code LOCKED_ARRAY}'s class allows blocking calls from inside its callbacks: a
     * {@code put} from drain's consumer that finds the queue full waits releasing the lock the
     * drain holds, so another thread's {@code take} gets in and makes the room.
     */
    @Test
    void aPutThatWaitsInsideLockedArrayDrainLetsAnotherThreadTake() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            MessageQueue<Integer> q = QueueKind.LOCKED_ARRAY.create(2);
            assertTrue(q.offer(0));
            assertTrue(q.offer(1));
            Actor[] taker = new Actor[1];
            assertEquals(1, q.drain(e -> {
                try {
                    q.put(10); // into the room 0 left
                    taker[0] = Actor.start("taker", q::take);
                    q.put(11); // full: waits, without the lock, until the taker has taken 1
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }, 1));
            assertEquals(1, taker[0].join());
            List<Integer> rest = new ArrayList<>();
            q.drainTo(rest);
            assertEquals(List.of(10, 11), rest);
        });
    }
}
