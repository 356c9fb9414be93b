package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code remove(Object)} and {@link Iterator#remove()} on the kinds that document them
 * (the lock-based kinds and {@code MPMC_LINKED}); the contract suite only checks that every
 * other kind refuses them. The kinds are listed, not probed, so that a kind losing the
 * support fails here.
 */
class RemovableQueueTest {

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY", "MPMC_LINKED"})
    @interface RemovableKinds {
    }

    @RemovableKinds
    void removeByValueUnlinksFromAnyPositionAndTheQueueStaysUsable(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(5);
        for (int i = 0; i < 3; i++) {
            q.add(-1);
            q.remove(); // move the indices so an array kind's elements wrap around its end
        }
        for (int i = 0; i < 5; i++) {
            q.add(i);
        }
        assertTrue(q.remove((Object) 2), "the middle");
        assertFalse(q.remove((Object) 2));
        assertTrue(q.remove((Object) 4), "the last");
        assertTrue(q.remove((Object) 0), "the first");
        assertFalse(q.remove((Object) 99));
        assertFalse(q.remove(null));
        assertEquals(2, q.size());
        assertEquals(1, q.peek());
        for (int e = 5; e <= 7; e++) {
            assertTrue(q.offer(e));
        }
        if (kind.bounded()) {
            assertFalse(q.offer(8), "the freed slots are reused, no more");
        }
        assertEquals(List.of(1, 3, 5, 6, 7), new ArrayList<>(q));
        assertTrue(q.contains(7));
        assertFalse(q.contains(2));
        for (int e : new int[] {1, 3, 5, 6, 7}) {
            assertEquals(e, q.poll());
        }
        assertNull(q.poll());
    }

    @RemovableKinds
    void removingEveryElementLeavesAnEmptyQueueThatStillWorks(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 0; i < 5; i++) {
            q.add(i);
        }
        for (int i = 4; i >= 0; i--) {
            assertTrue(q.remove((Object) i));
        }
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        assertNull(q.peek());
        assertNull(q.poll());
        q.add(9);
        assertEquals(9, q.poll());
    }

    @RemovableKinds
    void iteratorRemoveRemovesTheReturnedElementNotAnEqualOne(QueueKind kind) {
        MessageQueue<String> q = kind.create(8);
        String a1 = new String("a");
        String a2 = new String("a");
        q.add(a1);
        q.add("b");
        q.add(a2);
        Iterator<String> it = q.iterator();
        assertThrows(IllegalStateException.class, it::remove, "remove before next");
        assertSame(a1, it.next());
        assertEquals("b", it.next());
        assertSame(a2, it.next());
        it.remove();
        assertThrows(IllegalStateException.class, it::remove, "second remove for one next");
        assertFalse(it.hasNext());
        List<String> left = new ArrayList<>(q);
        assertEquals(List.of("a", "b"), left);
        assertSame(a1, left.get(0));
    }

    @RemovableKinds
    void iteratorRemoveWhileWalkingRemovesEachReturnedElement(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 0; i < 6; i++) {
            q.add(i);
        }
        for (Iterator<Integer> it = q.iterator(); it.hasNext(); ) {
            if (it.next() % 2 == 1) {
                it.remove();
            }
        }
        assertEquals(List.of(0, 2, 4), new ArrayList<>(q));
        assertEquals(3, q.size());
        assertTrue(q.offer(6), "the last element (5) was removed: the tail must still be right");
        assertTrue(q.removeIf(e -> e == 2));
        assertEquals(List.of(0, 4, 6), new ArrayList<>(q));
    }

    @RemovableKinds
    void iteratorRemoveOfAnElementAlreadyTakenChangesNothing(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        q.add(2);
        Iterator<Integer> it = q.iterator();
        assertEquals(1, it.next());
        assertEquals(1, q.poll());
        it.remove();
        assertEquals(List.of(2), new ArrayList<>(q));
        assertEquals(1, q.size());
    }

    /**
     * One instance queued twice (a cached Integer, an interned String): removal through the
     * iterator takes the occurrence the iterator stands on, also after the head has moved and
     * after a removal from the middle ahead of it.
     */
    @RemovableKinds
    void iteratorRemoveTakesTheOccurrenceItStandsOnOfAnInstanceQueuedTwice(QueueKind kind) {
        MessageQueue<Object> q = kind.create(8);
        Object x = new Object();
        Object y = new Object();
        q.add(x);
        q.add(y);
        q.add(x);
        Iterator<Object> it = q.iterator();
        it.next();
        it.next();
        assertSame(x, it.next());
        it.remove();
        assertEquals(List.of(x, y), new ArrayList<>(q));

        q.clear();
        Object w = new Object();
        Object z = new Object();
        for (Object e : new Object[] {w, x, y, z, x}) {
            q.add(e);
        }
        it = q.iterator();
        for (int i = 0; i < 5; i++) {
            it.next();
        }
        assertSame(w, q.poll(), "the head moves on");
        assertTrue(q.remove(y), "a removal from the middle, ahead of the iterator's place");
        it.remove();
        assertEquals(List.of(x, z), new ArrayList<>(q));

        q.clear();
        q.add(x);
        q.add(x);
        it = q.iterator();
        it.next();
        it.next();
        assertSame(x, q.poll());
        assertSame(x, q.poll());
        q.add(y);
        it.remove();
        assertEquals(List.of(y), new ArrayList<>(q), "the occurrence it stood on is gone: nothing to remove");
    }
}
