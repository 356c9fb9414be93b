package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ReceiveResult;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A deliberately broken channel that reorders: after every {@link #EVERY} elements taken from the
 * real channel, the next receive that can get a second element at once (waiting up to a
 * millisecond for it) hands out that second one first, and the first at the same thread's next
 * receive. Nothing is lost or duplicated; the receiver sees two elements in the wrong order, which
 * breaks the claim that each receiver sees each sender's elements in order whenever both came
 * from one sender.
 */
final class SwappingChannel<E> extends ReceiveBrokenChannel<E> {

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: a swap is due at the next receive that finds a second element. */
    private boolean armed;

    SwappingChannel(Channel<E> delegate) {
        super(delegate);
    }

    @Override
    E handOut(E got) {
        lock.lock();
        try {
            armed |= due();
            if (!armed) {
                return got;
            }
            E second = Briefly.poll(() -> delegate.tryReceive() instanceof ReceiveResult.Received<E>(E e) ? e : null);
            if (second == null) {
                return got;
            }
            armed = false;
            setAside(got);
            return second;
        } finally {
            lock.unlock();
        }
    }
}
