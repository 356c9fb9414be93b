package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately broken queue: every {@link #EVERY}-th element inserted goes in twice (the copy
 * waits for room, unless the thread is interrupted meanwhile). Every insertion goes through
 * {@link #offer(Object)}.
 */
final class DuplicatingQueue<E> extends OfferingQueue<E> {

    static final int EVERY = 20;

    private final AtomicLong inserted = new AtomicLong();

    DuplicatingQueue(MessageQueue<E> delegate) {
        super(delegate);
    }

    @Override
    public boolean offer(E e) {
        if (!delegate.offer(e)) {
            return false;
        }
        if (inserted.incrementAndGet() % EVERY == 0) {
            for (int round = 0; !delegate.offer(e) && !Thread.currentThread().isInterrupted(); round++) {
                TestThreads.backOff(round);
            }
        }
        return true;
    }
}
