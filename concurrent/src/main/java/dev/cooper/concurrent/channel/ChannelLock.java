package dev.cooper.concurrent.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A channel's lock, which also holds the ends of its wait queues: a non-reentrant mutex built
 * on {@link AbstractQueuedSynchronizer} (exclusive mode; state 0 is free, 1 is held), so a
 * contended {@link #lock()} spins briefly and then parks, never pinning a virtual thread.
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
 * senders' ends in the receive lock. A rendezvous or unbounded channel has one lock and keeps
 * both queues' ends in it.
 *
 * <p>Reentrancy is not needed: no code path takes a channel's lock while holding it, and a
 * {@link Select} locks each distinct channel once.
 */
@SuppressWarnings("serial") // AQS is Serializable; a channel's lock is never serialized
final class ChannelLock extends AbstractQueuedSynchronizer {
    /** The ends of the senders' queue, if it lives here; guarded by the channel's lock(s). */
    Node sendersHead;
    Node sendersTail;
    /** The ends of the receivers' queue, if it lives here; guarded by the channel's lock(s). */
    Node receiversHead;
    Node receiversTail;

    /** Takes the lock: one CAS when it is free; otherwise AQS queues this thread and parks it. */
    void lock() {
        if (!compareAndSetState(0, 1)) {
            acquire(1);
        }
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
            SENDERS_HEAD = lookup.findVarHandle(ChannelLock.class, "sendersHead", Node.class);
            RECEIVERS_HEAD = lookup.findVarHandle(ChannelLock.class, "receiversHead", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
