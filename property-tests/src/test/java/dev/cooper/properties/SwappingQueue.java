package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A deliberately broken queue: after every {@link #EVERY} removals it hands out the next two
 * elements in the wrong order, as soon as two are there. Nothing is lost or duplicated; only the
 * order breaks. Every removal goes through {@link #poll()}, under one lock.
 */
final class SwappingQueue<E> extends ForwardingQueue<E> {

    static final int EVERY = 20;
    private static final long WAIT_NANOS = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: the first of a swapped pair, handed out by the next removal. */
    private E held;
    /** Guarded by lock. */
    private long removals;
    /** Guarded by lock: a swap is due at the next removal that finds two elements. */
    private boolean armed;

    SwappingQueue(MessageQueue<E> delegate) {
        super(delegate);
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            if (held != null) {
                E e = held;
                held = null;
                return e;
            }
            E e = delegate.poll();
            if (e == null) {
                return null;
            }
            armed |= ++removals % EVERY == 0;
            if (armed) {
                E second = delegate.poll();
                if (second != null) {
                    held = e;
                    armed = false;
                    return second;
                }
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (E e = poll(); ; e = poll()) {
            if (e != null || System.nanoTime() - deadline >= 0) {
                return e;
            }
            waitBriefly();
        }
    }

    @Override
    public E take() throws InterruptedException {
        for (E e = poll(); ; e = poll()) {
            if (e != null) {
                return e;
            }
            waitBriefly();
        }
    }

    private static void waitBriefly() throws InterruptedException {
        LockSupport.parkNanos(WAIT_NANOS);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        int n = 0;
        for (E e; n < limit && (e = poll()) != null; n++) {
            consumer.accept(e);
        }
        return n;
    }

    @Override
    public E peek() {
        lock.lock();
        try {
            return held != null ? held : delegate.peek();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return delegate.size() + (held != null ? 1 : 0);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Iterator<E> iterator() {
        lock.lock();
        try {
            List<E> all = new ArrayList<>();
            if (held != null) {
                all.add(held);
            }
            delegate.forEach(all::add);
            return List.copyOf(all).iterator();
        } finally {
            lock.unlock();
        }
    }
}
