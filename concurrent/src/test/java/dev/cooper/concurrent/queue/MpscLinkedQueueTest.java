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

class MpscLinkedQueueTest {

    @Test
    void isUnboundedWhateverTheHint() {
        MpscLinkedQueue<Integer> q = new MpscLinkedQueue<>(1);
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
    }

    @Test
    void refusesCapacityHintBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MpscLinkedQueue<>(0));
        assertEquals("capacity: 0 (expected: >= 1)", e.getMessage());
    }

    @Test
    void refusesNullElements() {
        MpscLinkedQueue<Integer> q = new MpscLinkedQueue<>(4);
        assertEquals("element is null", assertThrows(NullPointerException.class, () -> q.offer(null)).getMessage());
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertTrue(q.isEmpty());
    }

    @Test
    void kindCreatesThisClass() {
        assertInstanceOf(MpscLinkedQueue.class, QueueKind.MPSC_LINKED.create(8));
        assertEquals(QueueKind.MPSC_LINKED, new MpscLinkedQueue<>(8).kind());
    }

    @Test
    void peekSizeIsEmptyAndContainsFollowTheElements() {
        MpscLinkedQueue<String> q = new MpscLinkedQueue<>(4);
        assertTrue(q.isEmpty());
        assertNull(q.peek());
        q.offer("a");
        q.offer("b");
        assertFalse(q.isEmpty());
        assertEquals(2, q.size());
        assertEquals("a", q.peek());
        assertTrue(q.contains("b"));
        assertFalse(q.contains("c"));
        assertFalse(q.contains(null));
        assertEquals("a", q.poll());
        assertFalse(q.contains("a"), "a consumed element is still found");
        assertEquals(1, q.size());
        assertEquals("b", q.poll());
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
    }

    @Test
    void removeByValueAndIteratorRemovalAreUnsupported() {
        MpscLinkedQueue<String> q = new MpscLinkedQueue<>(4);
        q.offer("a");
        assertThrows(UnsupportedOperationException.class, () -> q.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> q.remove("absent"));
        Iterator<String> it = q.iterator();
        assertEquals("a", it.next());
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertEquals(List.of("a"), new ArrayList<>(q));
    }

    @Test
    void iteratorIsWeaklyConsistentAndSkipsConsumedElements() {
        MpscLinkedQueue<Integer> q = new MpscLinkedQueue<>(4);
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        Iterator<Integer> it = q.iterator();
        assertEquals(0, it.next());
        q.poll(); // 0, already returned
        q.poll(); // 1, already read ahead by the iterator: it still returns it
        q.poll(); // 2, not read yet: the iterator finds it taken and skips it
        q.offer(5);
        List<Integer> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertEquals(List.of(1, 3, 4, 5), rest);
        assertFalse(it.hasNext());
    }

    @Test
    void drainHandsOverUpToTheLimitInOrder() {
        MpscLinkedQueue<Integer> q = new MpscLinkedQueue<>(4);
        for (int i = 0; i < 10; i++) {
            q.offer(i);
        }
        List<Integer> out = new ArrayList<>();
        assertEquals(4, q.drain(out::add, 4));
        assertEquals(6, q.drain(out::add, 100));
        assertEquals(0, q.drain(out::add, 100));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), out);
        assertThrows(IllegalArgumentException.class, () -> q.drain(out::add, -1));
    }

    @Test
    void fillInsertsExactlyTheLimit() {
        MpscLinkedQueue<Integer> q = new MpscLinkedQueue<>(1);
        AtomicInteger next = new AtomicInteger();
        assertEquals(1000, q.fill(next::getAndIncrement, 1000));
        assertEquals(1000, q.size());
        List<Integer> out = new ArrayList<>();
        assertEquals(1000, q.drainTo(out));
        assertEquals(999, out.get(999));
    }

    @Test
    void takeOnEmptyBlocksUntilPut() throws Exception {
        BlockingQueueChecks.takeOnEmptyBlocksUntilPut(new MpscLinkedQueue<>(4));
    }

    @Test
    void timedPollOnEmptyTimesOut() throws Exception {
        BlockingQueueChecks.timedPollOnEmptyTimesOut(new MpscLinkedQueue<>(4));
    }

    @Test
    void interruptBeforeCallThrowsAndChangesNothing() {
        BlockingQueueChecks.interruptBeforeCallThrows(new MpscLinkedQueue<>(4));
    }

    @Test
    void interruptWhileTakingThrowsAndRemovesNothing() throws Exception {
        BlockingQueueChecks.interruptWhileTakingThrows(new MpscLinkedQueue<>(4), false);
        BlockingQueueChecks.interruptWhileTakingThrows(new MpscLinkedQueue<>(4), true);
    }

    @Test
    void fourProducersOneConsumerExactlyOnceInProducerOrder() throws Exception {
        BlockingQueueChecks.exactlyOnceAndPerProducerFifo(new MpscLinkedQueue<>(16), 4, 1, 25_000);
    }
}
