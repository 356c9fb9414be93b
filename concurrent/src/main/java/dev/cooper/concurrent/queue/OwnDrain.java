package dev.cooper.concurrent.queue;

import dev.cooper.concurrent.internal.HeldRunAccess;

/**
 * Which queue's {@code drain} consumer the current thread is running, for the kinds whose
 * drain gives room back in runs ({@code SPSC_ARRAY}, {@code MPSC_ARRAY}; decision 0028), and
 * how far that drain has handed elements on. A blocking call on any queue that this consumer
 * makes, and that must wait ({@code put} or a timed {@code offer} finding no room, {@code take}
 * or a timed {@code poll} finding no element), gives the run back first
 * ({@link #giveBackHeldRun}): an insert into the same queue, so that it does not wait for
 * room only its own thread could free; any wait on another queue (a dispatcher forwarding to
 * a full worker queue, a consumer waiting for a reply), so that the drained queue's producers
 * are not kept out of room nobody holds for them while it waits. The waits of the channels,
 * of {@code Broadcast} and of a consumer group's retry back-off reach the same give-back
 * through {@link HeldRunAccess}, which this class installs when it is first used.
 *
 * <p>Per thread, so that the drain's store per element lands in memory no other core reads.
 * On the queue's consumer line, which {@code MPSC_ARRAY}'s producers read while the ring is
 * full, it would move that line between cores once per element, the traffic the runs exist to
 * avoid (reasoned from decision 0028's mechanism, not measured; the per-thread form measured
 * level with the code before it, benchmarks/RESULTS.md). A drain of another queue run from
 * inside a drain saves the outer one's values in its locals and restores them; only the
 * innermost drain's run is given back.
 */
final class OwnDrain {
    private static final ThreadLocal<OwnDrain> CURRENT = ThreadLocal.withInitial(OwnDrain::new);

    static {
        // The first drain to record its run initializes this class: from then on the waits
        // outside this package (channels, broadcast, group retries) can give the run back.
        HeldRunAccess.install(OwnDrain::giveBackHeldRun);
    }

    /** The queue whose drain consumer this thread is running, or null. */
    Object queue;
    /** The index after the element that drain is handing on: its run ends there. */
    long end;

    private OwnDrain() {
    }

    /** This thread's record. */
    static OwnDrain current() {
        return CURRENT.get();
    }

    /**
     * Gives back the run held by the drain whose consumer the current thread is running, if
     * there is one and it holds removals not yet given back, and wakes producers waiting for
     * that room.
     *
     * @return whether any room was given back
     */
    static boolean giveBackHeldRun() {
        OwnDrain own = current();
        if (own.queue instanceof SpscArrayQueue<?> q) {
            return q.giveBackRun(own.end);
        }
        if (own.queue instanceof MpscArrayQueue<?> q) {
            return q.giveBackRun(own.end);
        }
        return false;
    }
}
