package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a batch that claimed a run of slots with one CAS does when its callback fails half-way
 * (decision 0008): the rest of the run goes back to the queue when nobody claimed past it, and
 * otherwise becomes gaps ({@code fill}) or goes to the same consumer ({@code drain}). The
 * "claimed past it" cases are made deterministic by having the callback wait for another
 * thread that inserts into or removes from the same queue: the callback itself must not
 * ({@link MessageQueue#fill} and {@link MessageQueue#drain} forbid it, and
 * {@code -Dcooper.queue.checkThreads=true} refuses it).
 */
class BatchClaimTest {

    /** A failure the tests throw from a callback and expect back unchanged. */
    private static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message, null, true, false); // suppression on: drain adds to it
        }
    }

    /** Runs {@code action} on a thread of its own and returns its result once it has ended. */
    private static <T> T onAnotherThread(Supplier<T> action) {
        FutureTask<T> task = new FutureTask<>(action::get);
        Thread.ofPlatform().start(task);
        try {
            return task.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Integer> pollAll(MessageQueue<Integer> q) {
        List<Integer> out = new ArrayList<>();
        for (Integer e; (e = q.poll()) != null; ) {
            out.add(e);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_ARRAY", "MPMC_ARRAY"})
    void fillGivesBackTheClaimedSlotsAFailingSupplierDidNotFill(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        Iterator<Integer> source = java.util.Arrays.asList(1, 2, null).iterator();
        assertThrows(NullPointerException.class, () -> q.fill(source::next, 6));
        assertEquals(2, q.size());
        int[] calls = {0};
        Supplier<Integer> throwing = () -> {
            if (calls[0]++ == 1) {
                throw new Boom("supplier failed");
            }
            return 3;
        };
        Boom boom = assertThrows(Boom.class, () -> q.fill(throwing, 6));
        assertEquals("supplier failed", boom.getMessage());
        assertEquals(3, q.size());
        // All the room is back: exactly capacity - 3 more offers succeed.
        for (int i = 4; i <= 8; i++) {
            assertTrue(q.offer(i), "offer " + i);
        }
        assertFalse(q.offer(9));
        assertEquals(q.capacity(), q.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), pollAll(q));
        assertTrue(q.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_ARRAY", "MPMC_ARRAY"})
    void fillLeavesGapsThatConsumersSkipWhenAnotherProducerClaimedPastItsRun(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        int[] calls = {0};
        Supplier<Integer> supplier = () -> {
            if (calls[0]++ == 0) {
                return 1;
            }
            assertTrue(onAnotherThread(() -> q.offer(99))); // claims the slot after the fill's run of 4
            return null;
        };
        assertThrows(NullPointerException.class, () -> q.fill(supplier, 4));
        // Slots: 1, gap, gap, gap, 99. The gaps count until a consumer passes them.
        assertEquals(5, q.size());
        assertEquals(List.of(1, 99), new ArrayList<>(q));
        assertTrue(q.contains(99));
        assertEquals(1, q.poll());
        assertEquals(99, q.peek());
        assertEquals(1, q.size(), "peek removed the gaps before the head");
        assertEquals(99, q.poll());
        assertNull(q.poll());
        assertTrue(q.isEmpty());
        // The ring is whole again.
        for (int i = 0; i < q.capacity(); i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(-1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MPSC_ARRAY", "MPMC_ARRAY"})
    void drainRemovesGapsWithoutCountingOrHandingThemOn(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        int[] calls = {0};
        assertThrows(NullPointerException.class, () -> q.fill(() -> {
            if (calls[0]++ == 0) {
                assertTrue(onAnotherThread(() -> q.offer(50)));
            }
            return null;
        }, 3));
        assertTrue(q.offer(51));
        List<Integer> out = new ArrayList<>();
        assertEquals(2, q.drain(out::add, 2));
        assertEquals(List.of(50, 51), out);
        assertTrue(q.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SPMC_ARRAY", "MPMC_ARRAY"})
    void drainGivesBackTheClaimedElementsAThrowingConsumerWasNotGiven(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 1; i <= 5; i++) {
            q.add(i);
        }
        List<Integer> given = new ArrayList<>();
        assertThrows(Boom.class, () -> q.drain(e -> {
            given.add(e);
            if (e == 2) {
                throw new Boom("consumer failed");
            }
        }, 4));
        assertEquals(List.of(1, 2), given);
        assertEquals(3, q.size());
        assertEquals(List.of(3, 4, 5), new ArrayList<>(q));
        // The producer sees the room as it is: 5 more fit, not 7.
        for (int i = 6; i <= 10; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(11));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10), pollAll(q));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SPMC_ARRAY", "MPMC_ARRAY"})
    void drainHandsItsRunToTheConsumerWhenAnotherConsumerClaimedPastIt(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(8);
        for (int i = 1; i <= 6; i++) {
            q.add(i);
        }
        List<Integer> given = new ArrayList<>();
        List<Integer> polled = new ArrayList<>();
        Boom boom = assertThrows(Boom.class, () -> q.drain(e -> {
            given.add(e);
            if (e == 1) {
                polled.add(onAnotherThread(q::poll)); // claims the index after the drain's run of 3
                throw new Boom("first");
            }
            if (e == 2) {
                throw new Boom("second");
            }
        }, 3));
        assertEquals("first", boom.getMessage());
        assertEquals(1, boom.getSuppressed().length);
        assertSame(Boom.class, boom.getSuppressed()[0].getClass());
        assertEquals(List.of(1, 2, 3), given);
        assertEquals(List.of(4), polled);
        assertEquals(List.of(5, 6), pollAll(q));
        assertTrue(q.isEmpty());
    }
}
