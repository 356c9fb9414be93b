package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The single-threaded contract every {@link QueueKind} honours, in the spirit of the JSR 166
 * TCK's {@code BlockingQueueTest}: FIFO order, capacity edges, wrap-around, the batch forms,
 * iteration and every bad argument. Blocking behaviour is in {@link QueueBlockingTest}, the
 * multi-threaded properties in {@link QueueConcurrentContractTest}.
 *
 * <p>The test thread plays both roles, which every kind allows (one producer thread and one
 * consumer thread, which may be the same).
 */
class QueueContractTest {

    // ---- kind and metadata ----

    @AllKinds
    void kindReturnsTheKindThatCreatedIt(QueueKind kind) {
        assertSame(kind, kind.create(4).kind());
    }

    @AllKinds
    void onlyLockFreeKindsClaimToBeNonBlocking(QueueKind kind) {
        assertTrue(!kind.nonBlocking() || kind.lockFree(), kind + ": non-blocking needs lock-free");
    }

    @AllKinds
    void implementationIsAPublicFinalClassWithAPublicIntConstructor(QueueKind kind) throws Exception {
        Class<?> type = kind.create(4).getClass();
        assertTrue(Modifier.isPublic(type.getModifiers()), type + " is public");
        assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
        Constructor<?> constructor = type.getConstructor(int.class);
        MessageQueue<?> q = (MessageQueue<?>) constructor.newInstance(8);
        assertSame(kind, q.kind());
        assertTrue(q.capacity() >= 8);
    }

    @AllKinds
    void createMakesTheKindsOwnClass(QueueKind kind) {
        Class<?> expected = switch (kind) {
            case SPSC_ARRAY -> SpscArrayQueue.class;
            case MPSC_ARRAY -> MpscArrayQueue.class;
            case SPMC_ARRAY -> SpmcArrayQueue.class;
            case MPMC_ARRAY -> MpmcArrayQueue.class;
            case MPSC_LINKED -> MpscLinkedQueue.class;
            case MPMC_LINKED -> MpmcLinkedQueue.class;
            case LOCKED_ARRAY -> LockedArrayQueue.class;
            case TWO_LOCK_LINKED -> TwoLockLinkedQueue.class;
            case SEMAPHORE_ARRAY -> SemaphoreArrayQueue.class;
        };
        assertSame(expected, kind.create(8).getClass());
    }

    @AllKinds
    void unboundedKindsReportMaxValueCapacityAndBoundedKindsAtLeastTheRequest(QueueKind kind) {
        for (int requested : QueueKinds.EDGE_CAPACITIES) {
            MessageQueue<Integer> q = kind.create(requested);
            if (kind.bounded()) {
                assertTrue(q.capacity() >= requested, () -> "capacity " + q.capacity() + " < " + requested);
                assertTrue(q.capacity() < Integer.MAX_VALUE);
                assertEquals(q.capacity(), q.remainingCapacity());
            } else {
                assertEquals(Integer.MAX_VALUE, q.capacity());
                assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
            }
        }
    }

    @AllKinds
    void createRefusesCapacityBelowOne(QueueKind kind) {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(bad));
            assertEquals("capacity: " + bad + " (expected: >= 1)", e.getMessage());
        }
    }

    @AllKinds
    void constructorRefusesCapacityBelowOne(QueueKind kind) throws Exception {
        Constructor<?> constructor = kind.create(1).getClass().getConstructor(int.class);
        for (int bad : new int[] {0, -1}) {
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> constructor.newInstance(bad));
            IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("capacity: " + bad + " (expected: >= 1)", cause.getMessage());
        }
    }

    // ---- capacity edges and order ----

    @EdgeCapacities
    void offerFailsExactlyWhenSizeReachesCapacity(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        int room = kind.bounded() ? q.capacity() : requested + 100;
        for (int i = 0; i < room; i++) {
            assertEquals(i, q.size());
            assertEquals(i == 0, q.isEmpty());
            if (kind.bounded()) {
                assertEquals(q.capacity() - i, q.remainingCapacity());
            }
            assertTrue(q.offer(i), "offer " + i + " with size " + i + " of " + q.capacity());
        }
        assertEquals(room, q.size());
        if (kind.bounded()) {
            assertFalse(q.offer(-1), "offer on a full queue");
            assertEquals(0, q.remainingCapacity());
            assertEquals(room, q.size());
            assertThrows(IllegalStateException.class, () -> q.add(-1));
            assertEquals(0, q.poll());
            assertTrue(q.offer(room), "offer after a poll made room");
            assertFalse(q.offer(-1));
        } else {
            assertEquals(Integer.MAX_VALUE, q.remainingCapacity());
        }
        assertFalse(q.contains(-1), "a refused element is not in the queue");
    }

    @EdgeCapacities
    void fifoOrderHoldsAcrossManyWrapArounds(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        int room = kind.bounded() ? q.capacity() : requested;
        int target = 10 * room + 37;
        int nextIn = 0;
        int nextOut = 0;
        for (int batch = 1; nextOut < target; batch = batch % room + 1) {
            for (int i = 0; i < batch; i++) {
                assertTrue(q.offer(nextIn++));
            }
            assertEquals(batch, q.size());
            if (kind.bounded() && batch == room) {
                // Every lap of the ring, including at capacity 1, where Vyukov's original
                // sequence encoding cannot tell "holds i" from "free for i + 1".
                assertFalse(q.offer(-1), "offer on a full queue after " + nextIn + " offers");
            }
            for (int i = 0; i < batch; i++) {
                assertEquals(nextOut, q.peek());
                assertEquals(nextOut++, q.poll());
            }
            assertTrue(q.isEmpty());
        }
        assertNull(q.poll());
    }

    @EdgeCapacities
    void emptyQueueHasNothingToGive(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        for (int round = 0; round < 2; round++) {
            assertNull(q.poll());
            assertNull(q.peek());
            assertThrows(NoSuchElementException.class, q::element);
            assertThrows(NoSuchElementException.class, q::remove);
            assertEquals(0, q.size());
            assertTrue(q.isEmpty());
            assertFalse(q.iterator().hasNext());
            assertEquals(0, q.toArray().length);
            assertEquals(0, q.drain(e -> { throw new AssertionError("drained " + e); }, 10));
            assertTrue(q.offer(7));
            assertEquals(7, q.remove());
        }
    }

    @AllKinds
    void peekAndElementShowTheHeadWithoutRemovingIt(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        q.add(2);
        assertEquals(1, q.peek());
        assertEquals(1, q.element());
        assertEquals(2, q.size());
        assertEquals(1, q.remove());
        assertEquals(2, q.peek());
    }

    // ---- bad arguments ----

    @AllKinds
    void nullElementsAreRefusedWithAMessage(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(2);
        assertNullElement(() -> q.offer(null));
        assertNullElement(() -> q.add(null));
        assertNullElement(() -> {
            try {
                q.put(null);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertNullElement(() -> {
            try {
                q.offer(null, 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(q.isEmpty(), "a refused null left something behind");
    }

    @AllKinds
    void nullElementsAreRefusedEvenWhenFull(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(1);
        if (kind.bounded()) {
            while (q.offer(0)) {
                // fill up
            }
        }
        int size = q.size();
        // put(null) and offer(null, t, u) must fail at once, not wait for room.
        assertTimeoutGuard(() -> {
            assertNullElement(() -> {
                try {
                    q.put(null);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertNullElement(() -> {
                try {
                    q.offer(null, 1, TimeUnit.DAYS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
        });
        assertEquals(size, q.size());
    }

    @AllKinds
    void nullArgumentsAreRefused(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        assertThrows(NullPointerException.class, () -> q.drain(null, 1));
        assertThrows(NullPointerException.class, () -> q.fill(null, 1));
        assertThrows(NullPointerException.class, () -> q.drainTo(null));
        assertThrows(NullPointerException.class, () -> q.drainTo(null, 1));
        assertThrows(NullPointerException.class, () -> q.offer(2, 1, null));
        assertThrows(NullPointerException.class, () -> q.poll(1, null));
        assertThrows(NullPointerException.class, () -> q.addAll(null));
        assertEquals(List.of(1), new ArrayList<>(q));
    }

    @AllKinds
    void negativeBatchLimitsAreRefusedNamingTheLimit(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        IllegalArgumentException drain = assertThrows(IllegalArgumentException.class,
                () -> q.drain(e -> { }, -1));
        assertEquals("limit: -1 (expected: >= 0)", drain.getMessage());
        IllegalArgumentException fill = assertThrows(IllegalArgumentException.class,
                () -> q.fill(() -> 2, -1));
        assertEquals("limit: -1 (expected: >= 0)", fill.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.drain(e -> { }, Integer.MIN_VALUE));
        assertEquals(List.of(1), new ArrayList<>(q));
    }

    @AllKinds
    void zeroBatchLimitsDoNothing(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        assertEquals(0, q.drain(e -> { throw new AssertionError("consumer called"); }, 0));
        assertEquals(0, q.fill(() -> { throw new AssertionError("supplier called"); }, 0));
        assertEquals(0, q.drainTo(new ArrayList<>(), 0));
        assertEquals(0, q.drainTo(new ArrayList<>(), -1));
        assertEquals(List.of(1), new ArrayList<>(q));
    }

    @AllKinds
    void drainToItselfIsRefused(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q));
        assertThrows(IllegalArgumentException.class, () -> q.drainTo(q, 1));
        assertThrows(IllegalArgumentException.class, () -> q.addAll(q));
        assertEquals(List.of(1), new ArrayList<>(q));
    }

    @AllKinds
    void fillStopsAtANullFromTheSupplierKeepingWhatCameBefore(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16);
        Iterator<Integer> source = java.util.Arrays.asList(1, 2, null, 4).iterator();
        NullPointerException e = assertThrows(NullPointerException.class, () -> q.fill(source::next, 10));
        assertEquals("supplier returned null", e.getMessage());
        assertEquals(List.of(1, 2), new ArrayList<>(q));
        assertTrue(source.hasNext(), "the supplier was not called again after its null");
        assertEquals(1, q.poll());
        assertEquals(2, q.poll());
        assertNull(q.poll());
    }

    // ---- batch forms ----

    @EdgeCapacities
    void fillTakesOnlyWhatFitsAndCallsTheSupplierOnlyForThat(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        int room = kind.bounded() ? q.capacity() : requested + 5;
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> counting = calls::getAndIncrement;

        int firstLimit = Math.max(1, room / 2);
        assertEquals(firstLimit, q.fill(counting, firstLimit));
        assertEquals(firstLimit, calls.get());
        assertEquals(firstLimit, q.size());

        int asked = room + 5;
        int expected = kind.bounded() ? room - firstLimit : asked;
        assertEquals(expected, q.fill(counting, asked));
        assertEquals(firstLimit + expected, calls.get(), "supplier calls");
        if (kind.bounded()) {
            assertEquals(q.capacity(), q.size());
            assertEquals(0, q.fill(() -> { throw new AssertionError("supplier called when full"); }, 3));
        }
        for (int i = 0; i < calls.get(); i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
    }

    @EdgeCapacities
    void drainRemovesUpToTheLimitInFifoOrder(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        int n = Math.min(kind.bounded() ? q.capacity() : requested, 50);
        for (int i = 0; i < n; i++) {
            q.add(i);
        }
        List<Integer> out = new ArrayList<>();
        int first = Math.min(2, n);
        assertEquals(first, q.drain(out::add, 2));
        assertEquals(n - first, q.size());
        assertEquals(n - first, q.drain(out::add, Integer.MAX_VALUE));
        assertEquals(0, q.drain(out::add, 5));
        assertTrue(q.isEmpty());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        assertEquals(expected, out);
    }

    @AllKinds
    void drainCountsTheElementWhoseConsumerThrewAsRemoved(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 1; i <= 5; i++) {
            q.add(i);
        }
        List<Integer> seen = new ArrayList<>();
        Consumer<Integer> failing = e -> {
            seen.add(e);
            if (e == 3) {
                throw new IllegalStateException("consumer failed on 3");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.drain(failing, 10));
        assertEquals("consumer failed on 3", e.getMessage());
        assertEquals(List.of(1, 2, 3), seen);
        assertEquals(List.of(4, 5), new ArrayList<>(q));
        assertEquals(4, q.poll());
    }

    @AllKinds
    void drainToMovesElementsInFifoOrderUpToMax(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 0; i < 6; i++) {
            q.add(i);
        }
        List<Integer> out = new ArrayList<>();
        assertEquals(3, q.drainTo(out, 3));
        assertEquals(List.of(0, 1, 2), out);
        assertEquals(3, q.size());
        assertEquals(3, q.drainTo(out));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), out);
        assertTrue(q.isEmpty());
        assertEquals(0, q.drainTo(out));
    }

    // ---- collection views ----

    @EdgeCapacities
    void iterationOfAQuiescentQueueIsInFifoOrder(QueueKind kind, int requested) {
        MessageQueue<Integer> q = kind.create(requested);
        int room = kind.bounded() ? q.capacity() : requested;
        // Move the head off slot zero so array kinds iterate across the wrap.
        int offset = room / 2 + 1;
        for (int i = 0; i < offset; i++) {
            q.add(-1);
            q.remove();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < room; i++) {
            q.add(i);
            expected.add(i);
        }
        List<Integer> iterated = new ArrayList<>();
        for (Integer e : q) {
            iterated.add(e);
        }
        assertEquals(expected, iterated);
        assertArrayEquals(expected.toArray(), q.toArray());
        assertArrayEquals(expected.toArray(new Integer[0]), q.toArray(new Integer[0]));
        assertTrue(q.contains(0));
        assertTrue(q.contains(room - 1));
        assertFalse(q.contains(-1));
        assertFalse(q.contains(null));
        assertEquals(room, q.size(), "iteration removed nothing");
        Iterator<Integer> done = q.iterator();
        while (done.hasNext()) {
            done.next();
        }
        assertThrows(NoSuchElementException.class, done::next);
    }

    @AllKinds
    void removeObjectEitherRemovesTheFirstOccurrenceOrIsUnsupported(QueueKind kind) {
        MessageQueue<Integer> probe = kind.create(8);
        probe.add(1);
        boolean supported = supports(() -> probe.remove((Object) 1));

        MessageQueue<Integer> q = kind.create(8);
        for (int e : new int[] {1, 2, 3, 2}) {
            q.add(e);
        }
        if (!supported) {
            assertThrows(UnsupportedOperationException.class, () -> q.remove((Object) 2));
            assertThrows(UnsupportedOperationException.class, () -> q.remove((Object) 99),
                    "refused whether or not the element is there");
            assertEquals(List.of(1, 2, 3, 2), new ArrayList<>(q), "a refused remove changed the queue");
            assertEquals(1, q.poll());
            return;
        }
        assertTrue(q.remove((Object) 2));
        assertEquals(List.of(1, 3, 2), new ArrayList<>(q));
        assertEquals(3, q.size());
        assertFalse(q.remove((Object) 99));
        assertFalse(q.remove(null));
        assertTrue(q.remove((Object) 2), "remove the tail");
        assertTrue(q.remove((Object) 1), "remove the head");
        assertEquals(1, q.size());
        q.add(4);
        assertEquals(3, q.poll());
        assertEquals(4, q.poll());
        assertNull(q.poll());
    }

    @AllKinds
    void iteratorRemoveEitherRemovesTheLastReturnedElementOrIsUnsupported(QueueKind kind) {
        MessageQueue<Integer> probe = kind.create(8);
        probe.add(1);
        boolean supported = supports(() -> {
            Iterator<Integer> it = probe.iterator();
            it.next();
            it.remove();
        });

        MessageQueue<Integer> q = kind.create(8);
        q.add(1);
        q.add(2);
        q.add(3);
        Iterator<Integer> it = q.iterator();
        assertEquals(1, it.next());
        assertEquals(2, it.next());
        if (!supported) {
            var e = assertThrows(UnsupportedOperationException.class, it::remove);
            assertEquals(kind + " does not support removal through its iterator", e.getMessage());
            assertEquals(List.of(1, 2, 3), new ArrayList<>(q));
            return;
        }
        it.remove();
        assertThrows(IllegalStateException.class, it::remove, "second remove for one next");
        assertEquals(3, it.next());
        assertFalse(it.hasNext());
        assertEquals(List.of(1, 3), new ArrayList<>(q));
        assertEquals(2, q.size());
        assertEquals(1, q.poll());
        assertEquals(3, q.poll());
        assertNull(q.poll());
    }

    @AllKinds
    void clearEmptiesTheQueueAndItStaysUsable(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        int room = kind.bounded() ? q.capacity() : 4;
        for (int lap = 0; lap < 3; lap++) {
            for (int i = 0; i < room; i++) {
                q.add(i);
            }
            q.clear();
            assertEquals(0, q.size());
            assertTrue(q.isEmpty());
            assertNull(q.peek());
            assertNull(q.poll());
            assertEquals(kind.bounded() ? q.capacity() : Integer.MAX_VALUE, q.remainingCapacity());
        }
        q.add(10);
        q.add(11);
        assertEquals(10, q.poll());
        assertEquals(11, q.poll());
    }

    @AllKinds
    void toStringIsTheKindAndTheElements(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(4);
        q.add(1);
        q.add(2);
        assertEquals(kind + "[1, 2]", q.toString());
    }

    /** Weakly consistent like the iterator, as the JDK's concurrent queues report theirs. */
    @AllKinds
    void theSpliteratorIsConcurrentOrderedAndNonNullNotSized(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        int expected = Spliterator.CONCURRENT | Spliterator.ORDERED | Spliterator.NONNULL;
        assertEquals(expected, q.spliterator().characteristics());
        for (int i = 0; i < 6; i++) {
            q.add(i);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), q.stream().toList());
        // The stream's own thread stands in for a consumer that takes while it runs.
        Object[] seen = q.stream().peek(e -> q.poll()).toArray();
        assertTrue(seen.length >= 1 && seen.length <= 6, () -> Arrays.toString(seen));
    }

    @AllKinds
    void arrayKindsRefuseACapacityAbove2To30(QueueKind kind) {
        if (kind.bounded() && kind != QueueKind.TWO_LOCK_LINKED) {
            var e = assertThrows(IllegalArgumentException.class, () -> kind.create((1 << 30) + 1));
            assertEquals("capacity: " + ((1 << 30) + 1) + " (expected: <= " + (1 << 30) + ")", e.getMessage());
        } else {
            assertEquals(Integer.MAX_VALUE, kind.create(Integer.MAX_VALUE).capacity());
        }
    }

    // ---- helpers ----

    private static void assertNullElement(Runnable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call::run);
        assertEquals("element is null", e.getMessage());
    }

    /** Whether {@code call} runs, or false if it throws {@link UnsupportedOperationException}. */
    private static boolean supports(Runnable call) {
        try {
            call.run();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static void assertTimeoutGuard(org.junit.jupiter.api.function.Executable body) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), body);
    }
}
