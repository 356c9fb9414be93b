package dev.cooper.concurrent.queue;

/**
 * Which queue's {@code drain} consumer the current thread is running, for the kinds whose
 * drain gives room back in runs ({@code SPSC_ARRAY}, {@code MPSC_ARRAY}; decision 0028), and
 * how far that drain has handed elements on. A blocking insert that this consumer makes into
 * the same queue finds the ring full while the run is held; with this it can give the run back
 * instead of waiting for itself ({@link AbstractLockFreeQueue#giveBackOwnRoom}).
 *
 * <p>Per thread, so that the drain's store per element lands in memory no other core reads:
 * on the queue's own lines it would pull a line from spinning producers once per element,
 * which is the traffic the runs exist to avoid. A drain of another queue run from inside a
 * drain saves and restores the outer one's values.
 */
final class OwnDrain {
    private static final ThreadLocal<OwnDrain> CURRENT = ThreadLocal.withInitial(OwnDrain::new);

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
}
