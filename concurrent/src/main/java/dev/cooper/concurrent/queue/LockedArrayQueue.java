package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded multi-producer, multi-consumer queue over a circular array, guarded by one lock
 * with two conditions (not empty, not full): Hoare's monitor bounded buffer.
 *
 * <p>Any number of threads may insert and remove at once. All operations are blocking in the
 * progress sense (they take the lock); {@code put}/{@code take} also wait for room/an
 * element, and the timed {@code offer}/{@code poll} wait at most the given time. The blocking
 * methods acquire the lock interruptibly.
 *
 * <p>Actions in a thread before it inserts an element happen-before actions after that
 * element's removal (or access) in another thread.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The capacity is exact (no
 * rounding) and fixed; the array is allocated up front and nothing is allocated per element.
 *
 * <p>{@link #size()} is exact whenever the queue is quiescent and reads a single field without
 * the lock. Full {@link java.util.Collection} semantics: {@link #remove(Object)} (O(n)) and
 * {@link Iterator#remove()} are supported. Iterators are weakly consistent: an iterator works
 * on a snapshot taken under the lock when it is created, never throws
 * {@link java.util.ConcurrentModificationException}, and its {@code remove()} removes the
 * element last returned if it is still in the queue (that element, by its position, not an
 * earlier occurrence of the same instance).
 *
 * <p>{@link #drain} and {@link #fill} run under one acquisition of the lock and call the
 * consumer (supplier) while holding it. What {@link MessageQueue} forbids there on every kind
 * breaks this one too. The supplier must not insert into this queue: the fill saw room before
 * it called the supplier, and an insert that takes the last of it makes the fill's own insert
 * overwrite the head element and push the count past the capacity. The consumer must not take
 * from it: the drain wakes producers waiting for room only when it ends, so a {@code take}
 * (timed {@code poll}) there that finds the queue empty can wait for ever (its whole timeout)
 * for a producer parked for the room the drain has made. Anything else may be called from
 * them, blocking calls included: inserts and {@code peek} from the consumer, takes and
 * {@code peek} from the supplier. A call there that has to wait releases the lock while it
 * waits (a wait on its conditions releases every hold), so other threads' calls then come in
 * the middle of the batch. {@code -Dcooper.queue.checkThreads=true} refuses the two
 * forbidden ones with an {@link IllegalStateException}.
 *
 * @param <E> the type of the elements
 */
public final class LockedArrayQueue<E> extends AbstractMessageQueue<E> {

    /*
     * Algorithm: C. A. R. Hoare, "Monitors: An Operating System Structuring Concept", CACM
     * 17(10), 1974 -- the bounded buffer monitor: a circular array, the count of elements, and
     * two conditions, "nonempty" (waited on by take) and "nonfull" (waited on by put). As
     * with every Java monitor (Mesa semantics, not Hoare's immediate hand-over), a signalled
     * thread re-checks its condition in a loop.
     *
     * Departures, for speed:
     * - a condition is signalled only when a thread is registered as waiting on it (counted
     *   under the lock), so the common case never touches the condition queue;
     * - the batch forms move many elements per lock acquisition;
     * - no spinning. Busy-waiting before blocking (on the count, or on tryLock) was measured
     *   and lost: with one producer and one consumer it turns the hand-off of whole bursts
     *   (one side parks while the other runs alone on a warm cache) into a cache-line
     *   ping-pong per element, which costs more than the occasional park and unpark.
     *
     * Invariants (under the lock):
     * - 0 <= count <= items.length; the elements are items[takeIndex], items[takeIndex + 1],
     *   ... (count of them, wrapping around); every other slot is null.
     * - waitingTakers (waitingPutters) is the number of threads between registering and
     *   deregistering around notEmpty.await (notFull.await).
     * count is also read without the lock (size): it is written only under the
     * lock, with release, and such reads are snapshots, never a decision to change the queue.
     */

    private final Object[] items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** Next slot to take from; guarded by lock. */
    private int takeIndex;
    /** Next slot to put into; guarded by lock. */
    private int putIndex;
    /** Number of elements: written under the lock (release), read anywhere (acquire). */
    private volatile int count;
    /** Threads waiting on notEmpty; guarded by lock. */
    private int waitingTakers;
    /** Threads waiting on notFull; guarded by lock. */
    private int waitingPutters;
    /** Debug checks; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final CallbackReentryCheck drainCheck = CallbackReentryCheck.forDrain(QueueKind.LOCKED_ARRAY,
            "MessageQueue.drain forbids this. This drain wakes producers waiting for room only when it ends, "
            + "so here a take() that finds the queue empty can wait for ever, and a timed poll its whole "
            + "timeout, for the element of a producer that is parked for the room this drain has made");
    private final CallbackReentryCheck fillCheck = CallbackReentryCheck.forFill(QueueKind.LOCKED_ARRAY,
            "MessageQueue.fill forbids this. The fill saw room before it called the supplier, so an insert "
            + "here that takes the last of it makes the fill's own insert overwrite the head element and "
            + "push the count past the capacity");

    /**
     * Creates an empty queue holding at most {@code capacity} elements.
     *
     * @param capacity the exact capacity, in {@code 1..2^30}; the array is allocated now
     * @throws IllegalArgumentException if {@code capacity < 1} or {@code capacity > 2^30}
     */
    public LockedArrayQueue(int capacity) {
        items = new Object[checkArrayCapacity(capacity)];
    }

    @Override
    public QueueKind kind() {
        return QueueKind.LOCKED_ARRAY;
    }

    @Override
    public int capacity() {
        return items.length;
    }

    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
        }
        lock.lock();
        try {
            if (count == items.length) {
                return false;
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        checkElement(e);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("put");
        }
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                waitingPutters++;
                try {
                    OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                    notFull.await();
                } finally {
                    waitingPutters--;
                }
            }
            enqueue(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        checkElement(e);
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
        }
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                if (nanos <= 0L) {
                    return false;
                }
                waitingPutters++;
                try {
                    OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                    nanos = notFull.awaitNanos(nanos);
                } finally {
                    waitingPutters--;
                }
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("poll");
        }
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("take");
        }
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                waitingTakers++;
                try {
                    OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                    notEmpty.await();
                } finally {
                    waitingTakers--;
                }
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("poll");
        }
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0L) {
                    return null;
                }
                waitingTakers++;
                try {
                    OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                    nanos = notEmpty.awaitNanos(nanos);
                } finally {
                    waitingTakers--;
                }
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E peek() {
        lock.lock();
        try {
            return count == 0 ? null : elementAt(takeIndex);
        } finally {
            lock.unlock();
        }
    }

    /** Exact when quiescent; one read of the count, without the lock. */
    @Override
    public int size() {
        return acquireCount();
    }

    /** Removes up to {@code limit} elements under one acquisition of the lock. */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.enter();
        }
        lock.lock();
        int n = 0;
        try {
            while (n < limit && count > 0) {
                E e = dequeueQuietly();
                n++;
                consumer.accept(e); // the queue is consistent here: the element is out
            }
        } finally {
            signalNotFull(n);
            lock.unlock();
            if (ThreadRoleCheck.ENABLED) {
                drainCheck.exit();
            }
        }
        return n;
    }

    /** Inserts up to {@code limit} elements under one acquisition of the lock. */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.enter();
        }
        lock.lock();
        int n = 0;
        try {
            // Under the lock no other thread inserts, and the supplier must not (see the class
            // comment): room seen here is still there at the insert. A take from the supplier
            // that waits lets other producers in, but returns only after removing an element,
            // which leaves room.
            while (n < limit && count < items.length) {
                E e = Objects.requireNonNull(supplier.get(), "supplier returned null");
                enqueueQuietly(e);
                n++;
            }
        } finally {
            signalNotEmpty(n);
            lock.unlock();
            if (ThreadRoleCheck.ENABLED) {
                fillCheck.exit();
            }
        }
        return n;
    }

    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        lock.lock();
        try {
            for (int i = 0, k = takeIndex; i < count; i++, k = inc(k)) {
                if (o.equals(items[k])) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the first element equal to {@code o}, if any. O(n) under the lock. */
    @Override
    public boolean remove(Object o) {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("remove");
        }
        if (o == null) {
            return false;
        }
        lock.lock();
        try {
            for (int i = 0, k = takeIndex; i < count; i++, k = inc(k)) {
                if (o.equals(items[k])) {
                    removeAt(k);
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the element an iterator returned: position {@code j} of a snapshot taken when
     * the head was at slot {@code snapshotTake}. Elements only leave the queue or move towards
     * its head, so if it is still in, it is at position {@code j} less the removals from the
     * head since, or (after a removal from the middle ahead of it) nearer the head: the nearest
     * identical element at or before that position is it. That count of head removals is
     * exact while it is still in (fewer than {@code j + 1} of them). If it has left, nothing
     * is removed, unless the queue has since turned over past a later copy of the same
     * instance (weak consistency).
     */
    private void removeReturned(Object o, int j, int snapshotTake) {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("the iterator's remove");
        }
        lock.lock();
        try {
            int headRemovals = Math.floorMod(takeIndex - snapshotTake, items.length);
            int k = nearestIdenticalSlot(items, takeIndex, Math.min(j - headRemovals, count - 1), o);
            if (k >= 0) {
                removeAt(k);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("clear");
        }
        lock.lock();
        try {
            int n = count;
            for (int i = 0, k = takeIndex; i < n; i++, k = inc(k)) {
                items[k] = null;
            }
            takeIndex = putIndex;
            releaseCount(0);
            signalNotFull(n);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A weakly consistent iterator over a snapshot of the elements taken under the lock now.
     * {@link Iterator#remove()} removes the element last returned, if it is still in the
     * queue: that element, not an earlier occurrence of the same instance.
     */
    @Override
    public Iterator<E> iterator() {
        Object[] snapshot;
        int snapshotTake;
        lock.lock();
        try {
            snapshot = new Object[count];
            snapshotTake = takeIndex;
            for (int i = 0, k = takeIndex; i < snapshot.length; i++, k = inc(k)) {
                snapshot[i] = items[k];
            }
        } finally {
            lock.unlock();
        }
        return new Itr(snapshot, snapshotTake);
    }

    private final class Itr implements Iterator<E> {
        private final Object[] snapshot;
        /** The head's slot when the snapshot was taken. */
        private final int snapshotTake;
        private int cursor;
        private Object last;

        Itr(Object[] snapshot, int snapshotTake) {
            this.snapshot = snapshot;
            this.snapshotTake = snapshotTake;
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
            removeReturned(last, cursor - 1, snapshotTake);
            last = null;
        }
    }

    // Under the lock from here on.

    /** Inserts at the tail and wakes one waiting taker. Lock held, count < capacity. */
    private void enqueue(E e) {
        enqueueQuietly(e);
        if (waitingTakers > 0) {
            notEmpty.signal();
        }
    }

    private void enqueueQuietly(E e) {
        items[putIndex] = e;
        putIndex = inc(putIndex);
        releaseCount(count + 1);
    }

    /** Removes the head and wakes one waiting putter. Lock held, count > 0. */
    private E dequeue() {
        E e = dequeueQuietly();
        if (waitingPutters > 0) {
            notFull.signal();
        }
        return e;
    }

    private E dequeueQuietly() {
        E e = elementAt(takeIndex);
        items[takeIndex] = null;
        takeIndex = inc(takeIndex);
        releaseCount(count - 1);
        return e;
    }

    /** Removes the element at slot {@code k} by closing the gap towards the tail. */
    private void removeAt(int k) {
        if (k == takeIndex) {
            dequeue();
            return;
        }
        int i = k;
        for (int next = inc(i); next != putIndex; i = next, next = inc(next)) {
            items[i] = items[next];
        }
        items[i] = null;
        putIndex = i;
        releaseCount(count - 1);
        if (waitingPutters > 0) {
            notFull.signal();
        }
    }

    /** Wakes as many waiting putters as {@code freed} slots can serve. */
    private void signalNotFull(int freed) {
        for (int i = Math.min(freed, waitingPutters); i > 0; i--) {
            notFull.signal();
        }
    }

    /** Wakes as many waiting takers as {@code added} elements can serve. */
    private void signalNotEmpty(int added) {
        for (int i = Math.min(added, waitingTakers); i > 0; i--) {
            notEmpty.signal();
        }
    }

    @SuppressWarnings("unchecked")
    private E elementAt(int k) {
        return (E) items[k];
    }

    private int inc(int k) {
        return ++k == items.length ? 0 : k;
    }

    // VarHandle mechanics

    private int acquireCount() {
        return (int) COUNT.getAcquire(this);
    }

    /** Lock held: release is enough, the lock orders the writers. */
    private void releaseCount(int value) {
        COUNT.setRelease(this, value);
    }

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(LockedArrayQueue.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
