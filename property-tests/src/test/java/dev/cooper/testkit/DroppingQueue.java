package dev.cooper.testkit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A deliberately broken queue: every 1000th element offered is dropped while reporting success. */
final class DroppingQueue<E> extends ArrayBlockingQueue<E> {

    private static final long serialVersionUID = 1L;
    static final int EVERY = 1000;

    private final AtomicLong offered = new AtomicLong();

    DroppingQueue(int capacity) {
        super(capacity);
    }

    private boolean drops() {
        return offered.incrementAndGet() % EVERY == 0;
    }

    @Override
    public void put(E e) throws InterruptedException {
        if (!drops()) {
            super.put(e);
        }
    }

    @Override
    public boolean offer(E e) {
        return drops() || super.offer(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        return drops() || super.offer(e, timeout, unit);
    }
}
