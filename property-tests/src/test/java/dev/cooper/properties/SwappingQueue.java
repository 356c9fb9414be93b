package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A deliberately broken queue: after every {@link #EVERY} removals, the next removal takes two
 * elements (waiting up to a millisecond for the second) and hands out the second first; the
 * first goes to the same consumer thread at its next removal. Nothing is lost or duplicated;
 * that consumer sees two adjacent elements in the wrong order. Every removal goes through
 * {@link #poll()}. Its iterator does not see elements set aside for a consumer.
 */
final class SwappingQueue<E> extends ForwardingQueue<E> {

    static final int EVERY = 20;
    private static final long WAIT_NANOS = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    /** The element set aside for this consumer thread: the first of its swapped pair. */
    private final ThreadLocal<E> setAside = new ThreadLocal<>();
    /** How many elements are set aside, for size(). */
    private final AtomicInteger setAsideCount = new AtomicInteger();
    /** Guarded by lock. */
    private long removals;
    /** Guarded by lock: a swap is due at the next removal that finds two elements. */
    private boolean armed;

    SwappingQueue(MessageQueue<E> delegate) {
        super(delegate);
    }

    @Override
    public E poll() {
        E mine = setAside.get();
        if (mine != null) {
            setAside.remove();
            setAsideCount.decrementAndGet();
            return mine;
        }
        lock.lock();
        try {
            E e = delegate.poll();
            if (e == null) {
                return null;
            }
            armed |= ++removals % EVERY == 0;
            if (armed) {
                E second = Briefly.poll(delegate::poll);
                if (second != null) {
                    armed = false;
                    setAsideCount.incrementAndGet();
                    setAside.set(e);
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
        E mine = setAside.get();
        return mine != null ? mine : delegate.peek();
    }

    @Override
    public int size() {
        return delegate.size() + setAsideCount.get();
    }
}
