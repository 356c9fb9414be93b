package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A blocking call that must wait, made on another queue of any kind from inside the consumer
 * of a {@code SPSC_ARRAY} or {@code MPSC_ARRAY} drain, gives back the run that drain holds
 * before it waits (decision 0030): a dispatcher forwarding to a full worker queue, a consumer
 * waiting for a reply on an empty one. The drained queue's producers then get that room while
 * the consumer waits; {@code size()} shows it. The same-queue case, where the insert then
 * finds the room it gave back, is in {@link ArrayQueueTest}.
 */
class DrainRunGiveBackTest {

    private static final Duration GUARD = Duration.ofSeconds(20);

    /** Each run-based kind drained, with each kind waited on (the bounded ones, for inserts). */
    static Stream<Arguments> drainedAndWaitedOn() {
        return Stream.of(QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY)
                .flatMap(drained -> Arrays.stream(QueueKind.values()).map(waited -> Arguments.of(drained, waited)));
    }

    static Stream<Arguments> drainedAndBoundedWaitedOn() {
        return drainedAndWaitedOn().filter(a -> ((QueueKind) a.get()[1]).bounded());
    }

    @ParameterizedTest(name = "{0} drained, {1} full")
    @MethodSource("drainedAndBoundedWaitedOn")
    void aTimedOfferThatWaitsGivesTheRunBack(QueueKind drained, QueueKind waited) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> full = waited.create(1);
            assertTrue(full.offer(-1));
            assertEquals(List.of(16, 15, 15, 14, 14, 13), HeldRuns.sizesAroundWaits(drained, 3, e -> {
                assertFalse(full.offer(e, 1, TimeUnit.MILLISECONDS));
            }), "size before and after each wait");
        });
    }

    @ParameterizedTest(name = "{0} drained, {1} empty")
    @MethodSource("drainedAndWaitedOn")
    void aTimedPollThatWaitsGivesTheRunBack(QueueKind drained, QueueKind waited) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> empty = waited.create(1);
            assertEquals(List.of(16, 15, 15, 14, 14, 13), HeldRuns.sizesAroundWaits(drained, 3, e -> {
                assertNull(empty.poll(1, TimeUnit.MILLISECONDS));
            }), "size before and after each wait");
        });
    }

    /**
     * A {@code put} that waits for room another thread makes only once the drained queue's
     * size has dropped: it returns only if the run was given back before the wait.
     */
    @ParameterizedTest(name = "{0} drained, {1} full")
    @MethodSource("drainedAndBoundedWaitedOn")
    void aPutThatWaitsGivesTheRunBack(QueueKind drained, QueueKind waited) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = HeldRuns.filled(drained);
            MessageQueue<Integer> full = waited.create(1);
            assertTrue(full.offer(-1));
            Actor freer = Actor.start("freer", () -> {
                assertTrue(HeldRuns.awaitSize(q, 15, GUARD), "the run was not given back");
                return full.poll();
            });
            assertEquals(1, q.drain(e -> {
                try {
                    full.put(e);
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }, 1));
            assertEquals(-1, freer.join());
            assertEquals(List.of(0), List.copyOf(full));
        });
    }

    /** As {@link #aPutThatWaitsGivesTheRunBack}, for a {@code take} from an empty queue. */
    @ParameterizedTest(name = "{0} drained, {1} empty")
    @MethodSource("drainedAndWaitedOn")
    void aTakeThatWaitsGivesTheRunBack(QueueKind drained, QueueKind waited) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = HeldRuns.filled(drained);
            MessageQueue<Integer> empty = waited.create(1);
            Actor filler = Actor.start("filler", () -> {
                assertTrue(HeldRuns.awaitSize(q, 15, GUARD), "the run was not given back");
                return empty.offer(7);
            });
            List<Integer> taken = new ArrayList<>();
            assertEquals(1, q.drain(e -> {
                try {
                    taken.add(empty.take());
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }, 1));
            assertEquals(true, filler.join());
            assertEquals(List.of(7), taken);
        });
    }

    /** Each run-based kind drained, with each of four kinds drained inside its consumer. */
    static Stream<Arguments> outerAndInner() {
        return Stream.of(QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY).flatMap(outer -> Stream.of(
                QueueKind.SPSC_ARRAY, QueueKind.MPSC_ARRAY, QueueKind.LOCKED_ARRAY, QueueKind.MPSC_LINKED)
                .map(inner -> Arguments.of(outer, inner)));
    }

    /**
     * A wait made inside the consumer of a drain nested in the drained queue's consumer gives
     * back the outer run too: a timed offer into the outer, full queue finds the room the
     * outer drain took, whatever kind the inner drain is.
     */
    @ParameterizedTest(name = "{0} drained, {1} drained inside")
    @MethodSource("outerAndInner")
    void aWaitInsideANestedDrainGivesTheOuterRunBack(QueueKind outer, QueueKind inner) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = HeldRuns.filled(outer);
            MessageQueue<Integer> other = inner.create(4);
            assertTrue(other.offer(7));
            List<Object> seen = new ArrayList<>();
            assertEquals(1, q.drain(e -> other.drain(x -> {
                seen.add(q.size());
                try {
                    seen.add(q.offer(100, 1, TimeUnit.SECONDS));
                } catch (InterruptedException ie) {
                    throw new AssertionError(ie);
                }
            }, 1), 1));
            assertEquals(List.of(16, true), seen, "the size inside, and whether the offer found room");
            List<Integer> rest = new ArrayList<>();
            q.drainTo(rest);
            assertEquals(16, rest.size());
            assertEquals(100, rest.get(15));
        });
    }
}
