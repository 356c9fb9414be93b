package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
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
 * last returned (that element, by its position, not an earlier occurrence of the same
 * instance) if it is still in the queue and not already promised to a consumer.
 *
 * <p>{@link #drain} and {@link #fill} take their permits at once and run under one
 * acquisition of their mutex, calling the consumer/supplier while holding it: they must not
 * call back into this queue (the other end's mutex taken inside could deadlock against a
 * thread that holds both). {@code -Dcooper.queue.checkThreads=true} refuses such a call with
 * an {@link IllegalStateException}.
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
     * Here each semaphore is a Permits: every P of "free" and every V of "filled" runs under
     * putLock, every P of "filled" and every V of "free" under takeLock, so a semaphore's
     * count can be kept as two one-writer counters (permits taken, permits given) instead of
     * one word both ends CAS; each end then writes only its own cache lines, and a P reads
     * the other end's counter only when its cached copy says no permit is left (see
     * Permits). java.util.concurrent.Semaphore, used before, cost two contended CASes per
     * call and measured slower than ArrayBlockingQueue (decision 0005). The single buffer
     * mutex of the original is split in two (putLock for the producers' index,
     * takeLock for the consumers'): once a producer holds an "empty" permit, the slot at the
     * producers' index is free, and once a consumer holds a "filled" permit, the slot at the
     * consumers' index is full, so the two ends never touch the same slot and need not
     * exclude each other. A lock-free index claim (getAndIncrement plus per-slot publication)
     * would let producers overlap too, but then a consumer must wait on a slot whose producer
     * is descheduled mid-store, and remove(Object) and consistent iteration become
     * impossible; two short mutexes keep the classic's simplicity.
     *
     * Other departures: the batch forms take many permits at once (and give back, with
     * Permits.untake, those a throwing callback left unused); remove(Object) takes both
     * mutexes and a "filled" permit. No spinning before blocking in acquire: measured,
     * it lost (it turns the hand-off of whole bursts into a cache-line ping-pong per element).
     *
     * Happens-before: a producer stores under putLock and then releases "filled"; a consumer
     * acquires "filled" and then reads under takeLock. The putLock orders the producers'
     * stores, so every store before the released permit is visible -- the slots are plain.
     *
     * Linearizability (the one departure from the classic's order): a producer takes putLock
     * first and then its "free" permit, stores, and releases its "filled" permit before it
     * lets go of the lock; a consumer likewise under takeLock. So each operation's decision
     * (permit or not) and its effect on the array are one step under its end's mutex, and
     * peek, contains, remove and iteration, which hold both mutexes, see permits and slots
     * agree. Dijkstra's order (P(empty) before P(mutex)) let a producer hold a permit -- and
     * so fail other offers -- while its element was not yet visible to peek, and let peek
     * show a new head while the freed slot's permit was not yet out; Lincheck found both.
     * No thread waits while holding a mutex: put and take wait outside their own until a
     * permit is available, without taking it (Permits.await: a condition of the other end's
     * mutex, released while asleep), then retry under their own, so peek, size and iteration
     * never wait behind a blocked consumer or producer. A thread holds at most one mutex
     * except in fullyLock (tail, then head), so waiting on the other end's adds no deadlock.
     *
     * Invariants, with E = putCount - takeCount elements in the array (exact under both locks):
     * - Outside the mutexes, E = filled permits and free permits + E = capacity (a permit
     *   and its store, a permit and its take, are one step under the end's mutex).
     * - slots takeIndex .. putIndex - 1 (wrapping, E of them) hold the elements; all others
     *   are null.
     */

    /**
     * Creates an empty queue holding at most {@code capacity} elements.
     *
     * @param capacity the exact capacity, in {@code 1..2^30}; the array is allocated now
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public SemaphoreArrayQueue(int capacity) {
        super(checkArrayCapacity(capacity));
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "offer", putLock, takeLock);
        }
        checkElement(e);
        putLock.lock();
        try {
            if (!free.tryAcquire()) {
                return false;
            }
            store(e);
            return true;
        } finally {
            putLock.unlock();
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "put", putLock, takeLock);
        }
        checkElement(e);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        while (!offer(e)) {
            free.await(0L, false);
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "offer", putLock, takeLock);
        }
        checkElement(e);
        Objects.requireNonNull(unit, "unit is null");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        while (!offer(e)) {
            // nanos <= 0: no wait (the deadline could have overflowed for a value near Long.MIN_VALUE).
            if (nanos <= 0 || !free.await(deadline, true)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "poll", putLock, takeLock);
        }
        takeLock.lock();
        try {
            return filled.tryAcquire() ? extract() : null;
        } finally {
            takeLock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "take", putLock, takeLock);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        E e;
        while ((e = poll()) == null) {
            filled.await(0L, false);
        }
        return e;
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "poll", putLock, takeLock);
        }
        Objects.requireNonNull(unit, "unit is null");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        E e;
        while ((e = poll()) == null) {
            if (nanos <= 0 || !filled.await(deadline, true)) {
                return null;
            }
        }
        return e;
    }

    /**
     * The head element, or null if there is none; takes both mutexes. An element a consumer
     * is already taking (it holds the permit) may still be returned.
     */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "peek", putLock, takeLock);
        }
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
        return filled.available();
    }

    /** Removes up to {@code limit} elements: one permit grab, one mutex acquisition. */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "drain", putLock, takeLock);
        }
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        int n = 0;
        int permits = 0;
        takeLock.lock();
        try {
            permits = filled.tryAcquireUpTo(limit);
            while (n < permits) {
                E e = takeHead();
                n++;
                consumer.accept(e); // the queue is consistent here: the element is out
            }
        } finally {
            if (n < permits) {
                filled.untake(permits - n); // the consumer threw: hand back what was not used
            }
            free.release(n); // under takeLock: see "Linearizability" in the class comment
            takeLock.unlock();
            if (n < permits) {
                filled.wakeAll(); // after takeLock: filled's waiters sleep on putLock
            }
        }
        return n;
    }

    /** Inserts up to {@code limit} elements: one permit grab, one mutex acquisition. */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "fill", putLock, takeLock);
        }
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        int n = 0;
        int permits = 0;
        putLock.lock();
        try {
            permits = free.tryAcquireUpTo(limit);
            while (n < permits) {
                storeTail(Objects.requireNonNull(supplier.get(), "supplier returned null"));
                n++;
            }
        } finally {
            if (n < permits) {
                free.untake(permits - n); // the supplier threw: hand back what was not used
            }
            filled.release(n); // under putLock: see "Linearizability" in the class comment
            putLock.unlock();
            if (n < permits) {
                free.wakeAll(); // after putLock: free's waiters sleep on takeLock
            }
        }
        return n;
    }

    @Override
    public boolean contains(Object o) {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "contains", putLock, takeLock);
        }
        if (o == null) {
            return false;
        }
        fullyLock();
        try {
            return indexOf(o) >= 0;
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "remove", putLock, takeLock);
        }
        return o != null && removeFirst(o);
    }

    @Override
    public void clear() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "clear", putLock, takeLock);
        }
        takeLock.lock();
        int permits = 0;
        try {
            permits = filled.tryAcquireUpTo(Integer.MAX_VALUE);
            for (int i = 0; i < permits; i++) {
                takeHead();
            }
        } finally {
            free.release(permits);
            takeLock.unlock();
        }
    }

    /**
     * A weakly consistent iterator over a snapshot of the elements taken under both mutexes
     * now. {@link Iterator#remove()} removes the element last returned (not an earlier
     * occurrence of the same instance) if it is still in the queue and not promised to a
     * consumer.
     */
    @Override
    public Iterator<E> iterator() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "iterator", putLock, takeLock);
        }
        Object[] snapshot;
        long snapshotTakes;
        fullyLock();
        try {
            snapshot = new Object[(int) (putCount - takeCount)];
            snapshotTakes = takeCount;
            for (int i = 0, k = takeIndex; i < snapshot.length; i++, k = inc(k)) {
                snapshot[i] = items[k];
            }
        } finally {
            fullyUnlock();
        }
        return new Itr(snapshot, snapshotTakes);
    }

    private final class Itr implements Iterator<E> {
        private final Object[] snapshot;
        /** {@code takeCount} when the snapshot was taken. */
        private final long snapshotTakes;
        private int cursor;
        private Object last;

        Itr(Object[] snapshot, long snapshotTakes) {
            this.snapshot = snapshot;
            this.snapshotTakes = snapshotTakes;
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
            removeReturned(last, cursor - 1, snapshotTakes);
            last = null;
        }
    }

    /** putLock held, a free permit spent: stores {@code e} and publishes it with a filled permit. */
    private void store(E e) {
        storeTail(e);
        filled.release(); // under putLock: see "Linearizability" in the class comment
    }

    /** takeLock held, a filled permit spent: takes the head and gives its slot back. */
    private E extract() {
        E e = takeHead();
        free.release(); // under takeLock: see "Linearizability" in the class comment
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

    /** Finds the first element equal to {@code o} and removes it if a filled permit is free. */
    private boolean removeFirst(Object o) {
        fullyLock();
        try {
            int k = indexOf(o);
            return k >= 0 && removeIfUnpromised(k);
        } finally {
            fullyUnlock();
        }
    }

    /** Both locks held: the slot of the first element equal to {@code o}, or -1. */
    private int indexOf(Object o) {
        int k = takeIndex;
        for (long i = takeCount; i < putCount; i++, k = inc(k)) {
            if (o.equals(items[k])) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Removes the element an iterator returned: position {@code j} of a snapshot taken when
     * {@code takeCount} was {@code snapshotTakes}. Elements only leave the queue or move
     * towards its head, so if it is still in, it is at position {@code j} less the takes since,
     * or (after a removal from the middle ahead of it) nearer the head: the nearest identical
     * element at or before that position is it.
     */
    private void removeReturned(Object o, int j, long snapshotTakes) {
        fullyLock();
        try {
            long from = Math.min(j - (takeCount - snapshotTakes), putCount - takeCount - 1);
            int k = nearestIdenticalSlot(items, takeIndex, from, o);
            if (k >= 0) {
                removeIfUnpromised(k);
            }
        } finally {
            fullyUnlock();
        }
    }

    /** Both locks held: removes slot {@code k} unless every element is promised to a consumer. */
    private boolean removeIfUnpromised(int k) {
        if (!filled.tryAcquire()) {
            return false;
        }
        removeAt(k);
        free.release();
        return true;
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
}
