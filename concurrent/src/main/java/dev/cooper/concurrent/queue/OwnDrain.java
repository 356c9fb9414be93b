package dev.cooper.concurrent.queue;

import dev.cooper.concurrent.internal.HeldRunAccess;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;

/**
 * Which queues' {@code drain} consumers the current thread is running, for the kinds whose
 * drain gives room back in runs ({@code SPSC_ARRAY}, {@code MPSC_ARRAY}; decision 0028), and
 * how far each of those drains has handed elements on. A blocking call on any queue that such
 * a consumer makes, and that must wait ({@code put} or a timed {@code offer} finding no room,
 * {@code take} or a timed {@code poll} finding no element), gives the runs back first
 * ({@link #giveBackHeldRun}): an insert into a drained queue, so that it does not wait for
 * room only its own thread could free; any wait on another queue (a dispatcher forwarding to
 * a full worker queue, a consumer waiting for a reply), so that the drained queues' producers
 * are not kept out of room nobody holds for them while it waits. The waits of the channels,
 * of {@code Broadcast} and of a consumer group's retry back-off reach the same give-back
 * through {@link HeldRunAccess}, which this class installs when it is first used.
 *
 * <p>Per thread, so that the drain's store per element lands in memory no other core reads.
 * On the queue's consumer line, which {@code MPSC_ARRAY}'s producers read while the ring is
 * full, it would move that line between cores once per element, the traffic the runs exist to
 * avoid (reasoned from decision 0028's mechanism, not measured; the per-thread form measured
 * level with the code before it, benchmarks/RESULTS.md).
 *
 * <p>Nesting: the innermost drain's queue and end are in {@link #queue} and {@link #end}, which
 * its loop writes; a drain started from inside another's consumer ({@link #enter}) keeps the
 * outer one's below it, and {@link #exit} brings them back. A wait gives back every run the
 * thread holds, innermost first: each holds only elements already handed on, so giving back
 * an outer run from inside an inner consumer is as safe as from the outer consumer itself.
 */
final class OwnDrain {
    /** No initial value: a thread that never drains gets no record when it waits. */
    private static final ThreadLocal<OwnDrain> CURRENT = new ThreadLocal<>();

    static {
        // The first use of this class (a drain, or a queue's wait) installs the give-back for
        // the waits outside this package (channels, broadcast, group retries).
        HeldRunAccess.install(MethodHandles.lookup(), OwnDrain::giveBackHeldRun);
    }

    /** The queue whose drain consumer this thread is running (the innermost), or null. */
    Object queue;
    /** The index after the element that drain is handing on: its run ends there. */
    long end;
    /** The drains the innermost one runs inside, outermost first: {@code depth} of them. */
    private Object[] outerQueues = NO_QUEUES;
    private long[] outerEnds = NO_ENDS;
    private int depth;

    /** Until a thread first nests drains: most never do. */
    private static final Object[] NO_QUEUES = {};
    private static final long[] NO_ENDS = {};

    private OwnDrain() {
    }

    /** This thread's record, made on its first drain. */
    static OwnDrain current() {
        OwnDrain own = CURRENT.get();
        if (own == null) {
            own = new OwnDrain();
            CURRENT.set(own);
        }
        return own;
    }

    /** Called by a drain of {@code drained} as it starts: it becomes the innermost. */
    void enter(Object drained) {
        if (queue != null) {
            if (depth == outerQueues.length) {
                int length = Math.max(2, depth * 2);
                outerQueues = Arrays.copyOf(outerQueues, length);
                outerEnds = Arrays.copyOf(outerEnds, length);
            }
            outerQueues[depth] = queue;
            outerEnds[depth] = end;
            depth++;
        }
        queue = drained;
    }

    /** Called by that drain as it ends, in a {@code finally}: the one it ran inside is innermost again. */
    void exit() {
        if (depth == 0) {
            queue = null;
            return;
        }
        depth--;
        queue = outerQueues[depth];
        end = outerEnds[depth];
        outerQueues[depth] = null;
    }

    /**
     * Gives back the runs held by the drains whose consumers the current thread is running,
     * innermost first, where they hold removals not yet given back, and wakes producers waiting
     * for that room.
     *
     * @return whether any room was given back
     */
    static boolean giveBackHeldRun() {
        OwnDrain own = CURRENT.get();
        if (own == null) {
            return false;
        }
        boolean gave = giveBack(own.queue, own.end);
        for (int i = own.depth - 1; i >= 0; i--) {
            gave |= giveBack(own.outerQueues[i], own.outerEnds[i]);
        }
        return gave;
    }

    private static boolean giveBack(Object queue, long end) {
        if (queue instanceof SpscArrayQueue<?> q) {
            return q.giveBackRun(end);
        }
        if (queue instanceof MpscArrayQueue<?> q) {
            return q.giveBackRun(end);
        }
        return false;
    }
}
