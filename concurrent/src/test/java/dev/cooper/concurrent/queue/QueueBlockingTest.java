package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;

/**
 * Blocking, timeouts and interrupts for every {@link QueueKind}: {@code put} waits while full,
 * {@code take} while empty, the timed forms give up, and an interrupt before or during the
 * wait throws {@link InterruptedException} with nothing inserted or removed.
 *
 * <p>No assertion here is about time: whether a call is "still blocked" is checked after the
 * waiting thread has parked, and a call that returned while the queue was still full (or
 * empty) is wrong however early or late it did. Each test runs under a generous preemptive
 * timeout that only turns a hang into a failure.
 */
class QueueBlockingTest {

    private static final Duration GUARD = Duration.ofSeconds(60);

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void putWaitsWhileFullUntilATakeMakesRoom(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            if (!kind.bounded()) {
                putNeverWaitsOnAnUnboundedKind(q);
                return;
            }
            List<Integer> contents = fillUp(q);
            Actor producer = Actor.start("producer", () -> {
                q.put(-1);
                return null;
            });
            producer.awaitBlocked();
            assertFalse(producer.isDone(), "put returned while the queue was full");
            assertEquals(contents.size(), q.size());
            assertEquals(contents.get(0), q.take());
            producer.join();
            contents.remove(0);
            contents.add(-1);
            assertEquals(contents, drainAll(q), "the put element is last, after the old ones");
        });
    }

    private static void putNeverWaitsOnAnUnboundedKind(MessageQueue<Integer> q) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        assertEquals(100, q.size());
        assertTrue(q.offer(100, 0, TimeUnit.NANOSECONDS));
    }

    @AllKinds
    void takeWaitsWhileEmptyUntilAPutArrives(QueueKind kind) {
        takeWaitsWhileEmptyUntilAPutArrives(kind.create(2));
    }

    /** The check of {@link #takeWaitsWhileEmptyUntilAPutArrives(QueueKind)} on a given queue. */
    static void takeWaitsWhileEmptyUntilAPutArrives(MessageQueue<Integer> q) {
        guard(() -> {
            Actor consumer = Actor.start("consumer", q::take);
            consumer.awaitBlocked();
            assertFalse(consumer.isDone(), "take returned while the queue was empty");
            q.put(42);
            assertEquals(42, consumer.join());
            assertTrue(q.isEmpty());
        });
    }

    @AllKinds
    void timedOfferOnAFullQueueTimesOutAndLeavesItUnchanged(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            if (!kind.bounded()) {
                assertTrue(q.offer(1, 10, TimeUnit.MILLISECONDS));
                return;
            }
            List<Integer> contents = fillUp(q);
            assertFalse(q.offer(-1, 20, TimeUnit.MILLISECONDS));
            assertFalse(q.offer(-1, 0, TimeUnit.MILLISECONDS));
            assertFalse(q.offer(-1, -5, TimeUnit.SECONDS));
            // A deadline computed as now + timeout would overflow for these two.
            assertFalse(q.offer(-1, Long.MIN_VALUE, TimeUnit.NANOSECONDS));
            assertFalse(q.offer(-1, -200_000, TimeUnit.DAYS));
            assertEquals(contents, drainAll(q));
        });
    }

    @AllKinds
    void timedPollOnAnEmptyQueueTimesOut(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            assertNull(q.poll(20, TimeUnit.MILLISECONDS));
            assertNull(q.poll(0, TimeUnit.MILLISECONDS));
            assertNull(q.poll(-5, TimeUnit.SECONDS));
            assertNull(q.poll(Long.MIN_VALUE, TimeUnit.NANOSECONDS));
            assertNull(q.poll(-200_000, TimeUnit.DAYS));
            q.add(1);
            assertEquals(1, q.poll(0, TimeUnit.NANOSECONDS), "a zero timeout still takes what is there");
        });
    }

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void timedOfferSucceedsWhenRoomAppearsBeforeTheDeadline(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(1);
            if (!kind.bounded()) {
                assertTrue(q.offer(1, 1, TimeUnit.DAYS));
                return;
            }
            List<Integer> contents = fillUp(q);
            Actor producer = Actor.start("producer", () -> q.offer(-1, 1, TimeUnit.DAYS));
            producer.awaitBlocked();
            assertEquals(contents.get(0), q.poll());
            assertEquals(Boolean.TRUE, producer.join());
            contents.remove(0);
            contents.add(-1);
            assertEquals(contents, drainAll(q));
        });
    }

    @AllKinds
    void timedPollSucceedsWhenAnElementArrivesBeforeTheDeadline(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(1);
            Actor consumer = Actor.start("consumer", () -> q.poll(1, TimeUnit.DAYS));
            consumer.awaitBlocked();
            assertTrue(q.offer(5));
            assertEquals(5, consumer.join());
        });
    }

    // ---- interrupts ----

    @AllKinds
    void interruptBeforeACallThrowsAndChangesNothing(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(4);
            q.add(1);
            List<BlockingCall> calls = List.of(
                    () -> q.put(2),
                    () -> q.offer(2, 1, TimeUnit.DAYS),
                    q::take,
                    () -> q.poll(1, TimeUnit.DAYS));
            for (BlockingCall call : calls) {
                Thread.currentThread().interrupt();
                try {
                    assertThrows(InterruptedException.class, call::run,
                            "an interrupted thread called a blocking method that could proceed");
                    assertFalse(Thread.currentThread().isInterrupted(),
                            "the interrupt status is cleared when InterruptedException is thrown");
                } finally {
                    Thread.interrupted();
                }
                assertEquals(List.of(1), new ArrayList<>(q));
            }
        });
    }

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void interruptWhileWaitingInPutThrowsAndInsertsNothing(QueueKind kind) {
        if (kind.bounded()) {
            interruptWhileWaitingToInsert(kind, q -> q.put(-1));
        }
    }

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void interruptWhileWaitingInTimedOfferThrowsAndInsertsNothing(QueueKind kind) {
        if (kind.bounded()) {
            interruptWhileWaitingToInsert(kind, q -> q.offer(-1, 1, TimeUnit.DAYS));
        }
    }

    @AllKinds
    void interruptWhileWaitingInTakeThrowsAndRemovesNothing(QueueKind kind) {
        interruptWhileWaitingToRemove(kind, MessageQueue::take);
    }

    @AllKinds
    void interruptWhileWaitingInTimedPollThrowsAndRemovesNothing(QueueKind kind) {
        interruptWhileWaitingToRemove(kind, q -> q.poll(1, TimeUnit.DAYS));
    }

    private static void interruptWhileWaitingToInsert(QueueKind kind, QueueCall insert) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            List<Integer> contents = fillUp(q);
            Actor producer = Actor.start("producer", () -> {
                callExpectingInterrupt(() -> insert.call(q));
                return null;
            });
            producer.awaitBlocked();
            producer.interrupt();
            assertInstanceOf(InterruptedException.class, producer.joinFailure());
            assertEquals(contents, new ArrayList<>(q), "the interrupted insert changed the queue");
            // The queue still works both ways after the abandoned wait.
            assertEquals(contents.get(0), q.take());
            q.put(-2);
            contents.remove(0);
            contents.add(-2);
            assertEquals(contents, drainAll(q));
        });
    }

    private static void interruptWhileWaitingToRemove(QueueKind kind, QueueCall remove) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            Actor consumer = Actor.start("consumer", () -> {
                callExpectingInterrupt(() -> remove.call(q));
                return null;
            });
            consumer.awaitBlocked();
            consumer.interrupt();
            assertInstanceOf(InterruptedException.class, consumer.joinFailure());
            q.put(7);
            assertEquals(List.of(7), new ArrayList<>(q), "the interrupted removal took the next element");
            assertEquals(7, q.take());
        });
    }

    /**
     * Runs {@code call} and rethrows its {@link InterruptedException}, failing instead if the
     * thread's interrupt status was not cleared when it was thrown.
     */
    private static void callExpectingInterrupt(BlockingCall call) throws InterruptedException {
        try {
            call.run();
        } catch (InterruptedException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupt status still set after InterruptedException", e);
            }
            throw e;
        }
    }

    // ---- several waiters ----

    @AllKinds
    void everyWaitingConsumerIsWokenByAPut(QueueKind kind) {
        consumersWokenBy(kind, 3, (q, n) -> {
            for (int i = 0; i < n; i++) {
                q.put(i);
            }
        });
    }

    @AllKinds
    void fillWakesEveryWaitingConsumer(QueueKind kind) {
        consumersWokenBy(kind, 2, (q, n) -> {
            int[] next = {0};
            assertEquals(n, q.fill(() -> next[0]++, n));
        });
    }

    /**
     * Parks as many consumers in {@code take} as the kind allows (up to {@code many}), lets
     * {@code deliver} insert as many elements, and checks that each consumer got a different one.
     */
    private static void consumersWokenBy(QueueKind kind, int many, Delivery deliver) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(4);
            int n = QueueKinds.consumers(kind, many);
            List<Actor> consumers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                consumers.add(Actor.start("consumer-" + i, q::take));
            }
            for (Actor consumer : consumers) {
                consumer.awaitBlocked();
            }
            deliver.deliver(q, n);
            Set<Object> got = new HashSet<>();
            for (Actor consumer : consumers) {
                got.add(consumer.join());
            }
            assertEquals(n, got.size(), "each consumer got a different element: " + got);
            assertTrue(q.isEmpty());
        });
    }

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void everyWaitingProducerIsWokenByATake(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(1);
            if (!kind.bounded()) {
                return;
            }
            List<Integer> contents = fillUp(q);
            int n = QueueKinds.producers(kind, 3);
            List<Actor> producers = parkProducers(q, n);
            List<Integer> taken = new ArrayList<>();
            for (int i = 0; i < contents.size() + n; i++) {
                taken.add(q.take());
            }
            for (Actor producer : producers) {
                producer.join();
            }
            assertEquals(contents, taken.subList(0, contents.size()));
            Set<Integer> late = new HashSet<>(taken.subList(contents.size(), taken.size()));
            for (int i = 0; i < n; i++) {
                assertTrue(late.contains(100 + i), "lost " + (100 + i) + " in " + taken);
            }
            assertTrue(q.isEmpty());
        });
    }

    // ---- waiters woken by the batch forms and clear ----

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void drainWakesEveryWaitingProducerItMadeRoomFor(QueueKind kind) {
        if (kind.bounded()) {
            producersWokenBy(kind, q -> assertEquals(2, q.drain(e -> { }, 2)), true);
        }
    }

    /**
     * On a lock-free kind {@code clear} polls until empty, so it may also take what a woken
     * producer put meanwhile; a lock-based kind's {@code clear} holds the locks and cannot.
     */
    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void clearWakesEveryWaitingProducer(QueueKind kind) {
        if (kind.bounded()) {
            producersWokenBy(kind, MessageQueue::clear, !kind.lockFree());
        }
    }

    /**
     * Fills a capacity-2 queue, parks as many producers in {@code put} as the kind allows (up
     * to two), lets {@code makeRoom} free both slots, and checks that every producer returned
     * and what is left is theirs: all their elements if {@code keepsAll}, some of them if
     * {@code makeRoom} may also have taken elements put while it ran.
     */
    private static void producersWokenBy(QueueKind kind, QueueCall makeRoom, boolean keepsAll) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(2);
            fillUp(q);
            int n = Math.min(QueueKinds.producers(kind, 2), q.capacity());
            List<Actor> producers = parkProducers(q, n);
            makeRoom.call(q);
            for (Actor producer : producers) {
                producer.join();
            }
            Set<Integer> expected = new HashSet<>();
            for (int i = 0; i < n; i++) {
                expected.add(100 + i);
            }
            Set<Integer> left = new HashSet<>(drainAll(q));
            if (keepsAll) {
                assertEquals(expected, left);
            } else {
                assertTrue(expected.containsAll(left), "left " + left + ", put " + expected);
            }
        });
    }

    // ---- helpers ----

    /** Starts {@code n} producers putting 100, 101, ... into a full queue; returns once all wait. */
    private static List<Actor> parkProducers(MessageQueue<Integer> q, int n) {
        List<Actor> producers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = 100 + i;
            producers.add(Actor.start("producer-" + i, () -> {
                q.put(value);
                return null;
            }));
        }
        for (Actor producer : producers) {
            producer.awaitBlocked();
        }
        return producers;
    }

    /** Fills a bounded queue to its capacity with 0, 1, ...; returns what it holds. */
    private static List<Integer> fillUp(MessageQueue<Integer> q) {
        List<Integer> contents = new ArrayList<>();
        for (int i = 0; i < q.capacity(); i++) {
            assertTrue(q.offer(i));
            contents.add(i);
        }
        assertFalse(q.offer(-99));
        return contents;
    }

    private static List<Integer> drainAll(MessageQueue<Integer> q) {
        List<Integer> out = new ArrayList<>();
        q.drainTo(out);
        return out;
    }

    private static void guard(Executable body) {
        assertTimeoutPreemptively(GUARD, body);
    }

    @FunctionalInterface
    private interface BlockingCall {
        void run() throws InterruptedException;
    }

    @FunctionalInterface
    private interface Delivery {
        void deliver(MessageQueue<Integer> q, int n) throws InterruptedException;
    }

    @FunctionalInterface
    private interface QueueCall {
        void call(MessageQueue<Integer> q) throws InterruptedException;
    }
}
