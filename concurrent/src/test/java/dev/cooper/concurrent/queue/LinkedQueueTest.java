package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The weakly consistent iterator of the linked kinds, as {@link
 * java.util.concurrent.ConcurrentLinkedQueue}'s: it reads one element ahead and returns it
 * even if it is taken meanwhile, skips elements taken before it reached them, and sees
 * elements appended while it walks; and the self-links that keep consumed nodes from holding
 * younger ones for the collector.
 */
class LinkedQueueTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_LINKED", "MPMC_LINKED", "TWO_LOCK_LINKED"})
    void iteratorReturnsItsReadAheadElementSkipsTakenOnesAndSeesLaterOnes(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 0; i < 5; i++) {
            q.add(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next());
        assertEquals(0, q.poll()); // already returned
        assertEquals(1, q.poll()); // already read ahead: still returned
        assertEquals(2, q.poll()); // not reached yet: skipped
        q.add(5);                  // appended meanwhile: seen
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 3, 4, 5), rest);
        assertFalse(it.hasNext());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPMC_LINKED", "TWO_LOCK_LINKED"})
    void iteratorSkipsAnElementRemovedByValueBeforeItGotThere(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 0; i < 4; i++) {
            q.add(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next());
        assertTrue(q.remove((Object) 1)); // read ahead: still returned
        assertTrue(q.remove((Object) 2)); // not reached yet: skipped
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 3), rest);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_LINKED", "MPMC_LINKED", "TWO_LOCK_LINKED"})
    void iteratorAfterClearReturnsOnlyItsReadAheadElement(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        q.add(1);
        q.add(2);
        Iterator<Integer> it = q.iterator();
        q.clear();
        assertEquals(1, it.next());
        assertFalse(it.hasNext());
        assertTrue(q.isEmpty());
        q.add(3);
        assertEquals(List.of(3), new ArrayList<>(q));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_LINKED", "MPMC_LINKED", "TWO_LOCK_LINKED"})
    void iteratorOnANodeTheConsumersHavePassedGoesOnFromTheHead(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16);
        for (int i = 0; i < 10; i++) {
            q.add(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next()); // stands on the node of 0, has read 1 ahead
        for (int i = 0; i < 10; i++) {
            assertEquals(i, q.poll()); // every node up to 9 passed: those of 0 and 1 too
        }
        q.add(10);
        q.add(11);
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 10, 11), rest);
        assertEquals(2, q.size());
        assertTrue(q.contains(11));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_LINKED", "MPMC_LINKED"})
    void aNodeTheHeadHasPassedLinksToItself(QueueKind kind) {
        @SuppressWarnings("unchecked")
        LinkedQueueHeadField<Integer> q = (LinkedQueueHeadField<Integer>) kind.<Integer>create(16);
        LinkedNode<Integer> dummy = q.volatileHead();
        for (int i = 0; i < 4; i++) {
            q.add(i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i, q.poll());
        }
        // MPMC_LINKED moves its head every second poll; four polls move it at least once.
        assertSame(dummy, dummy.volatileNext(), "the first dummy, passed by the head, links to itself");
        LinkedNode<Integer> head = q.volatileHead();
        assertTrue(head.volatileNext() == null || head.volatileNext().volatileNext() == null,
                "the head is at most one node behind the end of an empty queue");
    }
}
