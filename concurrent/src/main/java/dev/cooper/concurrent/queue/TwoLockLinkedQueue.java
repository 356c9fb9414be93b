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
 * A multi-producer, multi-consumer queue of linked nodes with one lock for the tail and
 * another for the head, so that a producer and a consumer never wait for each other: the
 * Michael &amp; Scott two-lock queue. Bounded or not.
 *
 * <p>Any number of threads may insert and remove at once; producers exclude each other, and
 * consumers each other. All operations are blocking in the progress sense (they take a lock);
 * {@code put}/{@code take} also wait for room/an element, the timed {@code offer}/{@code poll}
 * at most the given time, and the blocking methods acquire their lock interruptibly.
 *
 * <p>Actions in a thread before it inserts an element happen-before actions after that
 * element's removal (or access) in another thread.
 *
 * <p>Null elements are refused with {@link NullPointerException}. {@link #TwoLockLinkedQueue(int)}
 * makes a queue of exactly that capacity (this is what {@link QueueKind#TWO_LOCK_LINKED}
 * creates); {@link #TwoLockLinkedQueue()} makes an unbounded one ({@link #capacity()} is
 * {@link Integer#MAX_VALUE}). Each element costs one node.
 *
 * <p>{@link #size()} reads one counter: exact when the queue is quiescent. Full
 * {@link java.util.Collection} semantics: {@link #remove(Object)} (O(n)) and
 * {@link Iterator#remove()} are supported, taking both locks. Iterators are weakly
 * consistent and never throw {@link java.util.ConcurrentModificationException}.
 *
 * <p>{@link #drain} runs under the head lock and {@link #fill} under the tail lock, calling
 * the consumer/supplier while holding it: they must not block on this queue.
 *
 * @param <E> the type of the elements
 */
public final class TwoLockLinkedQueue<E> extends AbstractMessageQueue<E> {

    /*
     * Algorithm: M. M. Michael and M. L. Scott, "Simple, Fast, and Practical Non-Blocking and
     * Blocking Concurrent Queue Algorithms", PODC 1996 -- the two-lock queue. A singly linked
     * list with a dummy node at the head; enqueue links a node after the last one holding the
     * tail lock, dequeue moves the head to its successor holding the head lock. The dummy keeps
     * the two ends apart, so the locks never need to be held together.
     *
     * Departures from the paper:
     * - a bound: an atomic count (getAndAdd) with a "not full" condition under the tail lock
     *   and a "not empty" condition under the head lock, as java.util.concurrent's
     *   LinkedBlockingQueue does. The paper's dequeue tests head.next for null; here the
     *   consumer tests the count, and the count is also what publishes the link: a producer
     *   links, then increments; a consumer that reads count > 0 sees the link.
     * - signals: a producer that makes the queue non-empty wakes a consumer (taking the head
     *   lock), and each waker passes the signal on while more elements (room) remain
     *   (cascading, as LinkedBlockingQueue does). Unlike LinkedBlockingQueue, the cross-lock
     *   signal is sent only when a thread is registered as waiting (waitingTakers,
     *   waitingPutters), so that in the common case neither side ever takes the other's lock.
     *   No wake-up is lost: a waiter registers (volatile write) and then re-reads the count
     *   (volatile read) under its lock before it awaits; a waker changes the count (getAndAdd) and then reads
     *   the registration. Of two sequentially consistent write-then-read pairs one sees the
     *   other: either the waiter sees the new count and does not wait, or the waker sees the
     *   registration and signals -- under the waiter's lock, which it only gets once the
     *   waiter is in await.
     * - blocking calls spin briefly (multi-CPU only) watching the count before taking the lock
     *   to wait: a park and unpark costs far more than the other side needs to catch up.
     * - iteration, remove(Object), contains and clear take both locks (tail then head: the
     *   one order used everywhere). A dequeued dummy is linked to itself, both for the
     *   collector and so that an iterator standing on it knows to restart from the head.
     *
     * Invariants:
     * - head.item == null; last.next == null; last is reachable from head.
     * - count = the number of nodes after head that a consumer may take: a producer's node is
     *   linked before the count covers it, and a consumer's node is unlinked before the count
     *   drops; 0 <= count <= capacity.
     * - items of nodes after the head are non-null, except a node unlinked by remove(Object)
     *   (item nulled, next kept so that an iterator on it can go on).
     */

    /** Rounds of busy-waiting, watching the count, before taking a lock to wait. */
    static final int SPIN_ROUNDS = Runtime.getRuntime().availableProcessors() > 1 ? 256 : 0;

    private final int capacity;
    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private final ReentrantLock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();
    /** The dummy; guarded by takeLock. */
    private Node<E> head;
    /** The last node; guarded by putLock. */
    private Node<E> last;
    /** Number of elements; changed by getAndAdd, read anywhere. */
    private volatile int count;
    /** Threads in notEmpty.await: written under takeLock, read by producers without it. */
    private volatile int waitingTakers;
    /** Threads in notFull.await: written under putLock, read by consumers without it. */
    private volatile int waitingPutters;

    /**
     * Creates an empty queue holding at most {@code capacity} elements.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public TwoLockLinkedQueue(int capacity) {
        this.capacity = checkCapacity(capacity);
        head = last = new Node<>(null);
    }

    /** Creates an empty unbounded queue: {@link #capacity()} is {@link Integer#MAX_VALUE}. */
    public TwoLockLinkedQueue() {
        this(Integer.MAX_VALUE);
    }

    @Override
    public QueueKind kind() {
        return QueueKind.TWO_LOCK_LINKED;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean offer(E e) {
        checkElement(e);
        if (count == capacity) {
            return false;
        }
        Node<E> node = new Node<>(e);
        int c;
        lockSpinning(putLock);
        try {
            if (count == capacity) {
                return false;
            }
            c = enqueue(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(c);
        return true;
    }

    @Override
    public void put(E e) throws InterruptedException {
        checkElement(e);
        Node<E> node = new Node<>(e);
        spinWhileCountIs(capacity);
        int c;
        lockInterruptiblySpinning(putLock);
        try {
            while (count == capacity) {
                waitingPutters++; // under putLock: the only writer now
                try {
                    if (count == capacity) { // re-check after registering: see the class comment
                        notFull.await();
                    }
                } finally {
                    waitingPutters--;
                }
            }
            c = enqueue(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(c);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        checkElement(e);
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        Node<E> node = new Node<>(e);
        int c;
        lockInterruptiblySpinning(putLock);
        try {
            while (count == capacity) {
                if (nanos <= 0L) {
                    return false;
                }
                waitingPutters++;
                try {
                    if (count == capacity) { // re-check after registering
                        nanos = notFull.awaitNanos(nanos);
                    }
                } finally {
                    waitingPutters--;
                }
            }
            c = enqueue(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(c);
        return true;
    }

    @Override
    public E poll() {
        if (count == 0) {
            return null;
        }
        E e;
        int c;
        lockSpinning(takeLock);
        try {
            if (count == 0) {
                return null;
            }
            e = dequeue();
            c = decrementAndCascade();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(c);
        return e;
    }

    @Override
    public E take() throws InterruptedException {
        spinWhileCountIs(0);
        E e;
        int c;
        lockInterruptiblySpinning(takeLock);
        try {
            while (count == 0) {
                waitingTakers++; // under takeLock: the only writer now
                try {
                    if (count == 0) { // re-check after registering: see the class comment
                        notEmpty.await();
                    }
                } finally {
                    waitingTakers--;
                }
            }
            e = dequeue();
            c = decrementAndCascade();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(c);
        return e;
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        E e;
        int c;
        lockInterruptiblySpinning(takeLock);
        try {
            while (count == 0) {
                if (nanos <= 0L) {
                    return null;
                }
                waitingTakers++;
                try {
                    if (count == 0) { // re-check after registering
                        nanos = notEmpty.awaitNanos(nanos);
                    }
                } finally {
                    waitingTakers--;
                }
            }
            e = dequeue();
            c = decrementAndCascade();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(c);
        return e;
    }

    @Override
    public E peek() {
        if (count == 0) {
            return null;
        }
        lockSpinning(takeLock);
        try {
            // count > 0 was read before the lock; with other consumers it may be 0 by now.
            Node<E> first = head.next;
            return count == 0 || first == null ? null : first.item;
        } finally {
            takeLock.unlock();
        }
    }

    /** Exact when quiescent: one read of the counter. */
    @Override
    public int size() {
        return count;
    }

    /** Removes up to {@code limit} elements under one acquisition of the head lock. */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        int n = 0;
        int c = 0;
        lockSpinning(takeLock);
        try {
            int available = Math.min(limit, count);
            try {
                while (n < available) {
                    E e = dequeue();
                    n++;
                    consumer.accept(e);
                }
            } finally {
                if (n > 0) {
                    c = getAndAddCount(-n);
                    if (c > n && waitingTakers > 0) {
                        notEmpty.signal(); // elements remain: pass the wake-up on
                    }
                }
            }
        } finally {
            takeLock.unlock();
            if (n > 0) {
                signalNotFullIfWasFull(c);
            }
        }
        return n;
    }

    /** Inserts up to {@code limit} elements under one acquisition of the tail lock. */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        int n = 0;
        int c = 0;
        lockSpinning(putLock);
        try {
            // Under putLock nobody else inserts: the count can only fall, the room only grow.
            int room = Math.min(limit, capacity - count);
            try {
                while (n < room) {
                    E e = Objects.requireNonNull(supplier.get(), "supplier returned null");
                    Node<E> node = new Node<>(e);
                    last.next = node; // plain: published by the count increment below
                    last = node;
                    n++;
                }
            } finally {
                if (n > 0) {
                    c = getAndAddCount(n);
                    if (c + n < capacity && waitingPutters > 0) {
                        notFull.signal(); // room remains: pass the wake-up on
                    }
                }
            }
        } finally {
            putLock.unlock();
            if (n > 0) {
                signalNotEmptyIfWasEmpty(c);
            }
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
            for (Node<E> p = head.next; p != null; p = p.next) {
                if (o.equals(p.item)) {
                    return true;
                }
            }
            return false;
        } finally {
            fullyUnlock();
        }
    }

    /** Removes the first element equal to {@code o}, if any. O(n), under both locks. */
    @Override
    public boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        fullyLock();
        try {
            for (Node<E> trail = head, p = trail.next; p != null; trail = p, p = p.next) {
                if (o.equals(p.item)) {
                    unlink(p, trail);
                    return true;
                }
            }
            return false;
        } finally {
            fullyUnlock();
        }
    }

    @Override
    public void clear() {
        fullyLock();
        try {
            for (Node<E> h = head, p; (p = h.next) != null; h = p) {
                h.next = h; // self-link: iterators standing here restart from the head
                p.item = null;
            }
            head = last;
            if (getAndSetCount(0) > 0 && waitingPutters > 0) {
                notFull.signalAll();
            }
        } finally {
            fullyUnlock();
        }
    }

    /**
     * A weakly consistent iterator: it returns the elements it finds in the list as it walks
     * (under both locks at each step), skipping those removed before it reaches them; it
     * reads one element ahead, so the element {@code next()} returns may have been taken after
     * {@code hasNext()} saw it. {@link Iterator#remove()} removes the node last returned if it
     * is still in the queue.
     */
    @Override
    public Iterator<E> iterator() {
        return new Itr();
    }

    private final class Itr implements Iterator<E> {
        private Node<E> nextNode;
        private E nextItem;
        private Node<E> lastNode;

        Itr() {
            fullyLock();
            try {
                moveFrom(head);
            } finally {
                fullyUnlock();
            }
        }

        /** Both locks held: moves to the first live node after {@code p}. */
        private void moveFrom(Node<E> p) {
            Node<E> q = p;
            do {
                Node<E> s = q.next;
                q = s == q ? head.next : s; // q was dequeued: the live nodes start at the head
            } while (q != null && q.item == null);
            nextNode = q;
            nextItem = q == null ? null : q.item;
        }

        @Override
        public boolean hasNext() {
            return nextNode != null;
        }

        @Override
        public E next() {
            Node<E> node = nextNode;
            if (node == null) {
                throw new NoSuchElementException();
            }
            E e = nextItem;
            lastNode = node;
            fullyLock();
            try {
                moveFrom(node);
            } finally {
                fullyUnlock();
            }
            return e;
        }

        @Override
        public void remove() {
            Node<E> node = lastNode;
            if (node == null) {
                throw new IllegalStateException("next() not called, or remove() already called");
            }
            lastNode = null;
            fullyLock();
            try {
                for (Node<E> trail = head, p = trail.next; p != null; trail = p, p = p.next) {
                    if (p == node) {
                        unlink(p, trail);
                        return;
                    }
                }
            } finally {
                fullyUnlock();
            }
        }
    }

    /** putLock held, count < capacity: links the node and counts it; returns the old count. */
    private int enqueue(Node<E> node) {
        last.next = node; // plain: published to consumers by the count increment below
        last = node;
        int c = getAndAddCount(1);
        if (c + 1 < capacity && waitingPutters > 0) {
            notFull.signal(); // room remains: pass the wake-up on to the next producer
        }
        return c;
    }

    /** takeLock held, count > 0: moves the head to the first node and returns its element. */
    private E dequeue() {
        Node<E> h = head;
        Node<E> first = h.next; // plain: visible, the count read under this lock covered it
        h.next = h; // self-link: helps the collector, tells iterators h is gone
        head = first;
        E e = first.item;
        first.item = null;
        return e;
    }

    /** takeLock held, after a dequeue: uncounts it and passes on the wake-up; the old count. */
    private int decrementAndCascade() {
        int c = getAndAddCount(-1);
        if (c > 1 && waitingTakers > 0) {
            notEmpty.signal(); // elements remain: pass the wake-up on to the next consumer
        }
        return c;
    }

    /** Both locks held: unlinks {@code p}, whose predecessor is {@code trail}. */
    private void unlink(Node<E> p, Node<E> trail) {
        p.item = null;
        trail.next = p.next; // p keeps its next, so an iterator standing on p can go on
        if (last == p) {
            last = trail;
        }
        if (getAndAddCount(-1) == capacity && waitingPutters > 0) {
            notFull.signal();
        }
    }

    /** After an insert that found {@code c} elements: wake a consumer if one may wait. */
    private void signalNotEmptyIfWasEmpty(int c) {
        if (c == 0 && waitingTakers > 0) { // volatile read after the count's getAndAdd
            takeLock.lock();
            try {
                notEmpty.signal();
            } finally {
                takeLock.unlock();
            }
        }
    }

    /** After a removal that found {@code c} elements: wake a producer if one may wait. */
    private void signalNotFullIfWasFull(int c) {
        if (c == capacity && waitingPutters > 0) { // volatile read after the count's getAndAdd
            putLock.lock();
            try {
                notFull.signal();
            } finally {
                putLock.unlock();
            }
        }
    }

    /** Tail lock, then head lock: the one order in which both are ever held. */
    private void fullyLock() {
        putLock.lock();
        takeLock.lock();
    }

    private void fullyUnlock() {
        takeLock.unlock();
        putLock.unlock();
    }

    /**
     * Busy-waits, briefly and only on a multi-CPU machine, while the count stays at
     * {@code value}: the other side usually changes it sooner than a park and unpark takes.
     */
    private void spinWhileCountIs(int value) {
        for (int i = 0; i < SPIN_ROUNDS && count == value; i++) {
            Thread.onSpinWait();
        }
    }

    /** Takes {@code lock}, spinning on tryLock first so a short hold does not cost a park. */
    private static void lockSpinning(ReentrantLock lock) {
        for (int i = 0; i < SPIN_ROUNDS; i++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lock();
    }

    /** As {@link #lockSpinning}, interruptibly: throws at once if the thread is interrupted. */
    private static void lockInterruptiblySpinning(ReentrantLock lock) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        for (int i = 0; i < SPIN_ROUNDS; i++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lockInterruptibly();
    }

    /** A list node; fields guarded by the locks (see each access). */
    static final class Node<E> {
        E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    // VarHandle mechanics

    private int getAndAddCount(int delta) {
        return (int) COUNT.getAndAdd(this, delta);
    }

    private int getAndSetCount(int value) {
        return (int) COUNT.getAndSet(this, value);
    }

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(TwoLockLinkedQueue.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
