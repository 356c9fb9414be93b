package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MpmcLinkedQueueTest {

    @Test
    void isUnboundedWhateverTheHint() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(1);
        assertEquals(Integer.MAX_VALUE, q.capacity());
        for (int i = 0; i < 10_000; i++) {
            assertTrue(q.offer(i));
        }
        assertEquals(10_000, q.size());
        assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }

    @Test
    void refusesCapacityHintBelowOneAndNullElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MpmcLinkedQueue<>(-3));
        assertEquals("capacity: -3 (expected: >= 1)", e.getMessage());
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(4);
        assertEquals("element is null", assertThrows(NullPointerException.class, () -> q.offer(null)).getMessage());
        assertTrue(q.isEmpty());
    }

    @Test
    void kindCreatesThisClass() {
        assertInstanceOf(MpmcLinkedQueue.class, QueueKind.MPMC_LINKED.create(8));
        assertEquals(QueueKind.MPMC_LINKED, new MpmcLinkedQueue<>(8).kind());
    }

    @Test
    void removeByValueEmptiesOneNodeAndPollSkipsIt() {
        MpmcLinkedQueue<String> q = new MpmcLinkedQueue<>(4);
        for (String s : List.of("a", "b", "c", "b")) {
            q.offer(s);
        }
        assertTrue(q.remove("b"));
        assertFalse(q.remove("x"));
        assertFalse(q.remove(null));
        assertEquals(3, q.size());
        assertEquals(List.of("a", "c", "b"), new ArrayList<>(q));
        assertTrue(q.remove("a")); // the head element
        assertEquals("c", q.peek());
        assertEquals("c", q.poll());
        assertEquals("b", q.poll());
        assertNull(q.poll());
        assertEquals(0, q.size());
    }

    @Test
    void removingEveryElementLeavesAnEmptyQueueThatStillWorks() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(4);
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        for (int i = 4; i >= 0; i--) {
            assertTrue(q.remove(i));
        }
        assertTrue(q.isEmpty());
        assertNull(q.peek());
        assertNull(q.poll());
        q.offer(9);
        assertEquals(9, q.poll());
    }

    @Test
    void iteratorRemovesTheElementItReturned() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(4);
        for (int i = 0; i < 6; i++) {
            q.offer(i);
        }
        Iterator<Integer> it = q.iterator();
        assertThrows(IllegalStateException.class, it::remove);
        while (it.hasNext()) {
            if (it.next() % 2 == 0) {
                it.remove();
                assertThrows(IllegalStateException.class, it::remove);
            }
        }
        assertEquals(List.of(1, 3, 5), new ArrayList<>(q));
        assertTrue(q.removeIf(i -> i == 3));
        assertEquals(List.of(1, 5), new ArrayList<>(q));
    }

    @Test
    void iteratorRemoveDoesNothingWhenAConsumerTookTheElement() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(4);
        q.offer(1);
        q.offer(2);
        Iterator<Integer> it = q.iterator();
        assertEquals(1, it.next());
        assertEquals(1, q.poll());
        it.remove();
        assertEquals(List.of(2), new ArrayList<>(q));
    }

    @Test
    void iteratorIsWeaklyConsistent() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(4);
        for (int i = 0; i < 4; i++) {
            q.offer(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next());
        q.poll();
        q.poll(); // 1: read ahead, still returned
        q.remove(2); // not read yet: skipped
        q.offer(4);
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 3, 4), rest);
    }

    @Test
    void drainAndFillRespectTheLimit() {
        MpmcLinkedQueue<Integer> q = new MpmcLinkedQueue<>(1);
        AtomicInteger next = new AtomicInteger();
        assertEquals(100, q.fill(next::getAndIncrement, 100));
        List<Integer> out = new ArrayList<>();
        assertEquals(30, q.drain(out::add, 30));
        assertEquals(70, q.drainTo(out));
        assertEquals(100, out.size());
        assertEquals(99, out.get(99));
    }

    @Test
    void takeOnEmptyBlocksUntilPut() throws Exception {
        BlockingQueueChecks.takeOnEmptyBlocksUntilPut(new MpmcLinkedQueue<>(4));
    }

    @Test
    void timedPollOnEmptyTimesOut() throws Exception {
        BlockingQueueChecks.timedPollOnEmptyTimesOut(new MpmcLinkedQueue<>(4));
    }

    @Test
    void interruptBeforeCallThrowsAndChangesNothing() {
        BlockingQueueChecks.interruptBeforeCallThrows(new MpmcLinkedQueue<>(4));
    }

    @Test
    void interruptWhileTakingThrowsAndRemovesNothing() throws Exception {
        BlockingQueueChecks.interruptWhileTakingThrows(new MpmcLinkedQueue<>(4), false);
        BlockingQueueChecks.interruptWhileTakingThrows(new MpmcLinkedQueue<>(4), true);
    }

    @Test
    void threeProducersTwoConsumersExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new MpmcLinkedQueue<>(16), 3, 2, 33_000);
    }
}
