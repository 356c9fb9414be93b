package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately broken queue that loses elements: every {@link #EVERY}-th element it accepts is
 * thrown away, though the call that inserted it reports success. Breaks the "nothing is lost"
 * half of exactly-once delivery, which neither {@link SwappingQueue} nor {@link DuplicatingQueue}
 * touches. Every insertion goes through {@link #offer(Object)}; an offer refused for want of room
 * is not counted, so with one producer exactly the elements 20, 40, ... (counted from 1) are lost.
 */
final class LosingQueue<E> extends OfferingQueue<E> {

    static final int EVERY = 20;

    private final AtomicLong accepted = new AtomicLong();

    LosingQueue(MessageQueue<E> delegate) {
        super(delegate);
    }

    @Override
    public boolean offer(E e) {
        if (accepted.incrementAndGet() % EVERY == 0) {
            return true;    // "accepted", and dropped
        }
        if (delegate.offer(e)) {
            return true;
        }
        accepted.decrementAndGet();
        return false;
    }
}
