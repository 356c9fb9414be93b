package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What the tests of the held-run give-back (decision 0030) share, in this package and in the
 * consumer groups': a full run-based queue, the sizes a drain's consumer sees around its waits,
 * and a wait for a size.
 */
public final class HeldRuns {

    /** A wait made from inside a drain's consumer, for the element it was handed. */
    public interface Wait {
        void on(Integer element) throws InterruptedException;
    }

    private HeldRuns() {
    }

    /** A queue of 16 slots, full: runs of 4 ({@code MPSC_ARRAY}) or 5 ({@code SPSC_ARRAY}). */
    public static MessageQueue<Integer> filled(QueueKind kind) {
        MessageQueue<Integer> q = kind.create(16);
        for (int i = 0; i < 16; i++) {
            assertTrue(q.offer(i));
        }
        return q;
    }

    /**
     * A {@linkplain #filled full} queue drained of {@code waits} elements (fewer than a run, so
     * the drain holds all it took), with {@code wait} inside the consumer: the queue's size
     * before and after each wait. {@code 16, 15, 15, 14, ...} when each wait gave the run back.
     */
    public static List<Integer> sizesAroundWaits(QueueKind drained, int waits, Wait wait) {
        MessageQueue<Integer> q = filled(drained);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(waits, q.drain(e -> {
            sizes.add(q.size());
            try {
                wait.on(e);
            } catch (InterruptedException x) {
                throw new AssertionError(x);
            }
            sizes.add(q.size());
        }, waits));
        return sizes;
    }

    /** Whether {@code q} comes to hold {@code size} within {@code guard}; polls every 50 µs. */
    public static boolean awaitSize(MessageQueue<?> q, int size, Duration guard) {
        long deadline = System.nanoTime() + guard.toNanos();
        while (q.size() != size) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }
}
