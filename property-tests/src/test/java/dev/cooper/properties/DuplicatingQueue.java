package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A deliberately broken queue: every {@link #EVERY}-th element inserted goes in twice (the copy
 * waits for room). Every insertion goes through {@link #offer(Object)}.
 */
final class DuplicatingQueue<E> extends ForwardingQueue<E> {

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
            while (!delegate.offer(e)) {
                Thread.yield();
            }
        }
        return true;
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!offer(e)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.yield();
        }
        return true;
    }

    @Override
    public void put(E e) throws InterruptedException {
        offer(e, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        int n = 0;
        while (n < limit && delegate.remainingCapacity() > 0) {
            E e = supplier.get();
            while (!offer(e)) {
                Thread.yield();
            }
            n++;
        }
        return n;
    }
}
