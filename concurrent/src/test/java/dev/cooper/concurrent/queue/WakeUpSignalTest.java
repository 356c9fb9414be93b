package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On the lock-free kinds, every insert wakes a consumer parked in {@code take}, and every
 * removal wakes a producer parked in {@code put}, before the call returns.
 *
 * <p>A missing signal does not hang these kinds on their unfenced sides: the waiter re-checks
 * after a bounded park (decision 0015), so it shows only as latency, and the blocking tests
 * pass without it. This test looks at the waiter stack instead: once the waiting thread has
 * registered, the signalling call must leave the stack empty when it returns (it pops the
 * waiter and unparks it). Nothing here is timed. The stack is also empty if the waiter left it
 * on its own, when a bounded park happened to end between the call and the check and the
 * re-check found the element, so a missing signal can slip through a round; each case runs
 * {@value #ROUNDS} rounds.
 */
class WakeUpSignalTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;

    /** A call that inserts one element. */
    interface Insert {
        void insert(MessageQueue<Integer> q, Integer e) throws InterruptedException;
    }

    /** A call that removes one element and returns it. */
    interface Removal {
        Integer remove(MessageQueue<Integer> q) throws InterruptedException;
    }

    static Stream<Arguments> insertsOnLockFreeKinds() {
        List<Arguments> cases = new ArrayList<>();
        for (QueueKind kind : lockFreeKinds()) {
            cases.add(Arguments.of(kind, "offer", (Insert) MessageQueue::offer));
            cases.add(Arguments.of(kind, "add", (Insert) MessageQueue::add));
            cases.add(Arguments.of(kind, "put", (Insert) MessageQueue::put));
            cases.add(Arguments.of(kind, "timed offer", (Insert) (q, e) -> q.offer(e, 1, TimeUnit.DAYS)));
            cases.add(Arguments.of(kind, "fill", (Insert) (q, e) -> q.fill(() -> e, 1)));
        }
        return cases.stream();
    }

    static Stream<Arguments> removalsOnBoundedLockFreeKinds() {
        List<Arguments> cases = new ArrayList<>();
        for (QueueKind kind : lockFreeKinds()) {
            if (!kind.bounded()) {
                continue;
            }
            cases.add(Arguments.of(kind, "poll", (Removal) MessageQueue::poll));
            cases.add(Arguments.of(kind, "remove", (Removal) MessageQueue::remove));
            cases.add(Arguments.of(kind, "take", (Removal) MessageQueue::take));
            cases.add(Arguments.of(kind, "timed poll", (Removal) q -> q.poll(1, TimeUnit.DAYS)));
            cases.add(Arguments.of(kind, "drain", (Removal) q -> {
                List<Integer> out = new ArrayList<>();
                q.drain(out::add, 1);
                return out.get(0);
            }));
            cases.add(Arguments.of(kind, "drainTo", (Removal) q -> {
                List<Integer> out = new ArrayList<>();
                q.drainTo(out, 1);
                return out.get(0);
            }));
        }
        return cases.stream();
    }

    /** The kinds built on {@link AbstractLockFreeQueue}, whose waiter stacks this test reads. */
    private static List<QueueKind> lockFreeKinds() {
        return Stream.of(QueueKind.values()).filter(QueueKind::lockFree).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("insertsOnLockFreeKinds")
    void anInsertWakesAParkedTakeBeforeItReturns(QueueKind kind, String call, Insert insert) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = kind.create(2);
            VarHandle top = ((AbstractLockFreeQueue<Integer>) q).notEmptyTop();
            for (int round = 0; round < ROUNDS; round++) {
                Actor consumer = Actor.start("consumer", q::take);
                awaitRegistered(top, q, consumer);
                insert.insert(q, round);
                assertNull(top.getVolatile(q),
                        "round " + round + ": " + call + " returned with the consumer still registered");
                assertEquals(round, consumer.join());
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("removalsOnBoundedLockFreeKinds")
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void aRemovalWakesAParkedPutBeforeItReturns(QueueKind kind, String call, Removal removal) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = kind.create(2);
            VarHandle top = ((AbstractLockFreeQueue<Integer>) q).notFullTop();
            int next = fillUp(q);
            for (int round = 0; round < ROUNDS; round++) {
                int element = next++;
                Actor producer = parkedPut(q, top, element);
                int expected = element - q.capacity();
                assertEquals(expected, removal.remove(q), "FIFO order");
                assertNull(top.getVolatile(q),
                        "round " + round + ": " + call + " returned with the producer still registered");
                producer.join();
            }
        });
    }

    /**
     * A drain's consumer that waits on another, full queue first gives back the room its drain
     * holds (decision 0030), and wakes the producer parked for that room before the wait: the
     * waiter stack is empty when the (at once timed-out) wait returns, before the drain returns.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runGivingKinds")
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void aGiveBackForAWaitElsewhereWakesAParkedPut(QueueKind kind) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = kind.create(16);
            VarHandle top = ((AbstractLockFreeQueue<Integer>) q).notFullTop();
            MessageQueue<Integer> full = QueueKind.SPSC_ARRAY.create(1);
            full.offer(-1);
            int next = fillUp(q);
            for (int round = 0; round < ROUNDS; round++) {
                int element = next++;
                Actor producer = parkedPut(q, top, element);
                List<Object> stackAfterWait = new ArrayList<>();
                q.drain(e -> {
                    try {
                        full.offer(e, 1, TimeUnit.NANOSECONDS); // gives back, then times out at once
                    } catch (InterruptedException x) {
                        throw new AssertionError(x);
                    }
                    stackAfterWait.add(String.valueOf(top.getVolatile(q)));
                }, 1);
                assertEquals(List.of("null"), stackAfterWait,
                        "round " + round + ": the wait elsewhere returned with the producer still registered");
                producer.join();
            }
        });
    }

    static Stream<QueueKind> runGivingKinds() {
        return Stream.of(QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY);
    }

    /** Fills {@code q} with 0, 1, ...; returns the next element. */
    private static int fillUp(MessageQueue<Integer> q) {
        int next = 0;
        while (q.offer(next)) {
            next++;
        }
        return next;
    }

    /** A producer putting {@code element} into the full {@code q}, once it has registered on {@code top}. */
    private static Actor parkedPut(MessageQueue<Integer> q, VarHandle top, int element) throws InterruptedException {
        Actor producer = Actor.start("producer", () -> {
            q.put(element);
            return null;
        });
        awaitRegistered(top, q, producer);
        return producer;
    }

    /**
     * Spins until {@code waiter} has pushed itself onto the waiter stack {@code top} of
     * {@code q}. If it ends first (its call failed, as under the debug role check, which
     * refuses a role handed between live threads), fails with its failure rather than spin on.
     */
    private static void awaitRegistered(VarHandle top, MessageQueue<Integer> q, Actor waiter)
            throws InterruptedException {
        while (top.getVolatile(q) == null) {
            if (waiter.isDone()) {
                waiter.join(); // throws the waiter's failure
                throw new AssertionError("the waiter returned without registering");
            }
            Thread.onSpinWait();
        }
    }
}
