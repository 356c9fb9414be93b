package dev.cooper.concurrent.channel;

import dev.cooper.concurrent.internal.HeldRunAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A channel's lock, which also holds the ends of its wait queues and its ring's indices (the
 * fields of {@link ChannelLockFields}): a non-reentrant mutex built on
 * {@link java.util.concurrent.locks.AbstractQueuedSynchronizer} (exclusive mode; state 0 is
 * free, 1 is held), so a contended {@link #lock()} spins briefly and then parks, never pinning
 * a virtual thread. The spin is this class's own (decision 0025): AQS's acquire queues a
 * thread that finds the lock held and parks it after a retry or two, and a parked platform
 * thread then pays a kernel wake-up for a critical section of a few dozen instructions.
 *
 * <p>Why the queue ends live here (decision 0014). A rendezvous hand-off is a chain of cache-line
 * transfers between the two threads: the completer takes the lock, reads the head of the
 * queue its partner joined, writes the partner's node, and releases the lock; the partner then
 * does the same on its next operation. With a {@code ReentrantLock} and separate queue objects,
 * the lock word and the queue ends were three objects the other thread wrote last; here they
 * are fields of one object, so the completer finds the queue it needs next to the lock word it
 * has just won. The ends are still guarded by the lock (see {@link WaitQueue}); being here
 * changes where they sit, not who may touch them.
 *
 * <p>A buffered channel has two locks (see LockedChannel). Each queue's ends then sit in the
 * lock of the side that checks that queue after its fast path: a send, holding the send lock,
 * then asks whether receivers wait, so the receivers' ends are in the send lock, and the
 * senders' ends in the receive lock. The ring's put index sits in the send lock and its take
 * index in the receive lock: each side then finds its index in the line of the lock word it
 * has just won, and the two sides share no line but the ring's slots (in one object, as the
 * ring had them, the two indices were written by both sides in turn). A rendezvous or
 * unbounded channel has one lock and keeps all of these in it.
 *
 * <p>Reentrancy is not needed: no code path takes a channel's lock while holding it, and a
 * {@link Select} locks each distinct channel once.
 */
@SuppressWarnings("serial") // AQS is Serializable; a channel's lock is never serialized
final class ChannelLock extends ChannelLockFields {
    // Padding, after the fields of ChannelLockFields: a buffered channel allocates its two
    // locks one after the other, and its sending and receiving sides must not share a cache
    // line. 64 bytes, laid out last (ChannelLockLayoutTest reads the layout with JOL).
    byte p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
    byte p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
    byte p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
    byte p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;

    /**
     * Rounds of {@link Thread#onSpinWait()} a thread that finds the lock held spends watching
     * it before AQS queues and parks the thread: about 0.8 us at 24 ns a round (SpinBudget),
     * for a critical section of a ring store or a queue link, and far below a platform
     * thread's park and wake-up (25-30 us here). 32, not 128: decision 0025. None on a single
     * CPU, where the holder cannot run while we spin.
     */
    static final int SPINS = SpinBudget.FULL > 0 ? 32 : 0;

    /**
     * Takes the lock: one CAS when it is free; otherwise a short spin that re-tries the CAS
     * whenever the lock reads free, then AQS queues this thread and parks it.
     */
    void lock() {
        if (!compareAndSetState(0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int round = 0; round < SPINS; round++) {
            Thread.onSpinWait();
            // Test, then test-and-set: the CAS only when the volatile read saw the lock free,
            // so spinners do not take the line from the holder in exclusive state.
            if (getState() == 0 && compareAndSetState(0, 1)) {
                return;
            }
        }
        // About to park, for as long as the holder takes (longer if it is descheduled): a run
        // that a queue's drain holds for this thread goes back to its producers first
        // (decision 0030). The spin above holds it, as a spin is bounded.
        HeldRunAccess.giveBackHeldRun();
        acquire(1);
    }

    /** Releases the lock (a volatile write of 0) and unparks the first queued thread, if any. */
    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        return compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getState() != 0;
    }

    // VarHandle mechanics: the lock-free read of a queue head (WaitQueue.mayHaveWaiters)

    static final VarHandle SENDERS_HEAD;
    static final VarHandle RECEIVERS_HEAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> fields = ChannelLockFields.class;
            SENDERS_HEAD = lookup.findVarHandle(fields, "sendersHead", Node.class);
            RECEIVERS_HEAD = lookup.findVarHandle(fields, "receiversHead", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
