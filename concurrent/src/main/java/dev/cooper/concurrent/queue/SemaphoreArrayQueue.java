package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded multi-producer, multi-consumer queue over a circular array, coordinated by two
 * counting semaphores (free slots, filled slots) and a mutex for each end: Dijkstra's bounded
 * buffer.
 *
 * <p>Any number of threads may insert and remove at once; a producer and a consumer proceed
 * in parallel, producers exclude each other only while storing, consumers likewise. All
 * operations are blocking in the progress sense; {@code put}/{@code take} wait on a semaphore
 * (interruptibly), the timed {@code offer}/{@code poll} at most the given time.
 *
 * <p>Actions in a thread before it inserts an element happen-before actions after that
 * element's removal (or access) in another thread.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is exact (no
 * rounding) and fixed; the array is allocated up front and nothing is allocated per element.
 *
 * <p>{@link #size()} is the number of filled-slot permits: exact when the queue is quiescent.
 * Full {@link java.util.Collection} semantics: {@link #remove(Object)} and
 * {@link Iterator#remove()} are supported (O(n), under both mutexes). Iterators work on a
 * snapshot taken under both mutexes when they are created (weakly consistent, never a
 * {@link java.util.ConcurrentModificationException}); {@code remove()} removes the element
 * last returned, by identity, if it is still in the queue and not already promised to a
 * consumer.
 *
 * <p>{@link #drain} and {@link #fill} take their permits at once and run under one
 * acquisition of their mutex, calling the consumer/supplier while holding it: they must not
 * call back into this queue (the other end's mutex taken inside could deadlock against a
 * thread that holds both).
 *
 * @param <E> the type of the elements
 */
public final class SemaphoreArrayQueue<E> extends SemaphoreArrayPad3<E> {

    /*
     * Algorithm: E. W. Dijkstra, "Cooperating Sequential Processes", EWD-123, 1965 -- the
     * bounded buffer: a semaphore "number of empty positions" (initially N), a semaphore
     * "number of queueing portions" (initially 0) and mutual exclusion on the buffer. A
     * producer P(empty), stores, V(filled); a consumer P(filled), takes, V(empty).
     *
     * Here java.util.concurrent.Semaphore (non-fair) provides both counters, and the single
     * buffer mutex of the original is split in two (putLock for the producers' index,
     * takeLock for the consumers'): once a producer holds an "empty" permit, the slot at the
     * producers' index is free, and once a consumer holds a "filled" permit, the slot at the
     * consumers' index is full, so the two ends never touch the same slot and need not
     * exclude each other. A lock-free index claim (getAndIncrement plus per-slot publication)
     * would let producers overlap too, but then a consumer must wait on a slot whose producer
     * is descheduled mid-store, and remove(Object) and consistent iteration become
     * impossible; two short mutexes keep the classic's simplicity.
     *
     * Other departures: the batch forms take many permits at once; remove(Object) takes both
     * mutexes and a "filled" permit, so it only removes elements that no consumer has been
     * promised (an element covered by an in-flight consumer's permit is, for
     * linearizability, already being taken). No spinning before blocking in acquire: measured,
     * it lost (it turns the hand-off of whole bursts into a cache-line ping-pong per element).
     *
     * Happens-before: a producer stores under putLock and then releases "filled"; a consumer
     * acquires "filled" and then reads under takeLock. The putLock orders the producers'
     * stores, so every store before the released permit is visible -- the slots are plain.
     *
     * Invariants, with E = putCount - takeCount elements in the array (exact under both locks):
     * - E = filled permits + consumers holding a permit not yet taken + producers that stored
     *   but have not released yet; free permits + E + producers holding a permit not yet
     *   stored = capacity.
     * - slots takeIndex .. putIndex - 1 (wrapping, E of them) hold the elements; all others
     *   are null.
     */

    /**
     * Creates an empty queue holding at most {@code capacity} elements.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public SemaphoreArrayQueue(int capacity) {
        super(checkCapacity(capacity));
    }

    @Override
    public QueueKind kind() {
        return QueueKind.SEMAPHORE_ARRAY;
    }

    @Override
    public int capacity() {
        return items.length;
    }

    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (!free.tryAcquire()) {
            return false;
        }
        store(e);
        return true;
    }

    @Override
    public void put(E e) throws InterruptedException {
        checkElement(e);
        free.acquire(); // throws at once if the thread is interrupted, permit or not
        store(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        checkElement(e);
        Objects.requireNonNull(unit, "unit is null");
        if (!free.tryAcquire(timeout, unit)) { // throws at once if interrupted
            return false;
        }
        store(e);
        return true;
    }

    @Override
    public E poll() {
        return filled.tryAcquire() ? extract() : null;
    }

    @Override
    public E take() throws InterruptedException {
        filled.acquire(); // throws at once if the thread is interrupted
        return extract();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit is null");
        if (!filled.tryAcquire(timeout, unit)) { // throws at once if interrupted
            return null;
        }
        return extract();
    }

    /**
     * The head element, or null if there is none; takes both mutexes. An element a consumer
     * is already taking (it holds the permit) may still be returned.
     */
    @Override
    public E peek() {
        fullyLock();
        try {
            return putCount == takeCount ? null : elementAt(takeIndex);
        } finally {
            fullyUnlock();
        }
    }

    /** The number of filled-slot permits: exact when quiescent, always in [0, capacity]. */
    @Override
    public int size() {
        return filled.availablePermits();
    }

    @Override
    boolean hasRoom() {
        return free.availablePermits() > 0;
    }

    /** Removes up to {@code limit} elements: one permit grab, one mutex acquisition. */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        int permits = grab(filled, limit);
        if (permits == 0) {
            return 0;
        }
        int n = 0;
        takeLock.lock();
        try {
            while (n < permits) {
                E e = takeHead();
                n++;
                consumer.accept(e); // the queue is consistent here: the element is out
            }
        } finally {
            takeLock.unlock();
            if (n < permits) {
                filled.release(permits - n); // the consumer threw: hand back what was not used
            }
            free.release(n);
        }
        return n;
    }

    /** Inserts up to {@code limit} elements: one permit grab, one mutex acquisition. */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        int permits = grab(free, limit);
        if (permits == 0) {
            return 0;
        }
        int n = 0;
        putLock.lock();
        try {
            while (n < permits) {
                storeTail(Objects.requireNonNull(supplier.get(), "supplier returned null"));
                n++;
            }
        } finally {
            putLock.unlock();
            if (n < permits) {
                free.release(permits - n); // the supplier threw: hand back what was not used
            }
            filled.release(n);
        }
        return n;
    }

    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        fullyLock();
        try {
            return indexOf(o, false) >= 0;
        } finally {
            fullyUnlock();
        }
    }

    /**
     * Removes the first element equal to {@code o}, unless every element is already promised
     * to a consumer that is taking it. O(n), under both mutexes.
     */
    @Override
    public boolean remove(Object o) {
        return o != null && removeFirst(o, false);
    }

    @Override
    public void clear() {
        int permits = grab(filled, Integer.MAX_VALUE);
        if (permits == 0) {
            return;
        }
        takeLock.lock();
        try {
            for (int i = 0; i < permits; i++) {
                takeHead();
            }
        } finally {
            takeLock.unlock();
            free.release(permits);
        }
    }

    /**
     * A weakly consistent iterator over a snapshot of the elements taken under both mutexes
     * now. {@link Iterator#remove()} removes the element last returned, by identity, if it is
     * still in the queue and not promised to a consumer.
     */
    @Override
    public Iterator<E> iterator() {
        Object[] snapshot;
        fullyLock();
        try {
            snapshot = new Object[(int) (putCount - takeCount)];
            for (int i = 0, k = takeIndex; i < snapshot.length; i++, k = inc(k)) {
                snapshot[i] = items[k];
            }
        } finally {
            fullyUnlock();
        }
        return new Itr(snapshot);
    }

    private final class Itr implements Iterator<E> {
        private final Object[] snapshot;
        private int cursor;
        private Object last;

        Itr(Object[] snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            return cursor < snapshot.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (cursor >= snapshot.length) {
                throw new NoSuchElementException();
            }
            last = snapshot[cursor++];
            return (E) last;
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() not called, or remove() already called");
            }
            removeFirst(last, true);
            last = null;
        }
    }

    /** Holding a free permit: stores {@code e} and publishes it with a filled permit. */
    private void store(E e) {
        putLock.lock();
        try {
            storeTail(e);
        } finally {
            putLock.unlock();
        }
        filled.release();
    }

    /** Holding a filled permit: takes the head and gives its slot back with a free permit. */
    private E extract() {
        E e;
        takeLock.lock();
        try {
            e = takeHead();
        } finally {
            takeLock.unlock();
        }
        free.release();
        return e;
    }

    /** putLock held, a free permit spent: the slot at putIndex is null. */
    private void storeTail(E e) {
        items[putIndex] = e; // plain: published by putLock and the filled permit's release
        putIndex = inc(putIndex);
        putCount++;
    }

    /** takeLock held, a filled permit spent: the slot at takeIndex holds an element. */
    private E takeHead() {
        E e = elementAt(takeIndex); // plain: see the class comment on happens-before
        items[takeIndex] = null;
        takeIndex = inc(takeIndex);
        takeCount++;
        return e;
    }

    /** Finds {@code o} (by identity or equality) and removes it if a filled permit is free. */
    private boolean removeFirst(Object o, boolean identity) {
        fullyLock();
        try {
            int k = indexOf(o, identity);
            if (k < 0 || !filled.tryAcquire()) {
                return false; // absent, or every element is promised to a consumer
            }
            removeAt(k);
        } finally {
            fullyUnlock();
        }
        free.release();
        return true;
    }

    /** Both locks held: the slot of the first element matching {@code o}, or -1. */
    private int indexOf(Object o, boolean identity) {
        int k = takeIndex;
        for (long i = takeCount; i < putCount; i++, k = inc(k)) {
            Object x = items[k];
            if (identity ? x == o : o.equals(x)) {
                return k;
            }
        }
        return -1;
    }

    /** Both locks held: removes slot {@code k}, closing the gap towards the tail. */
    private void removeAt(int k) {
        int i = k;
        for (int next = inc(i); next != putIndex; i = next, next = inc(next)) {
            items[i] = items[next];
        }
        items[i] = null;
        putIndex = i;
        putCount--;
    }

    /** Tail mutex, then head mutex: the one order in which both are ever held. */
    private void fullyLock() {
        putLock.lock();
        takeLock.lock();
    }

    private void fullyUnlock() {
        takeLock.unlock();
        putLock.unlock();
    }

    @SuppressWarnings("unchecked")
    private E elementAt(int k) {
        return (E) items[k];
    }

    private int inc(int k) {
        return ++k == items.length ? 0 : k;
    }

    /** Takes up to {@code limit} permits without blocking; how many it got. */
    private static int grab(Semaphore s, int limit) {
        while (true) {
            int n = Math.min(limit, s.availablePermits());
            if (n <= 0 || s.tryAcquire(n)) {
                return Math.max(n, 0);
            }
        }
    }
}
