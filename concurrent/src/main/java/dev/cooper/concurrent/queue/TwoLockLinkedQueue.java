package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
 * <p>{@link #size()} reads two counters: exact when the queue is quiescent, always within
 * {@code [0, capacity()]}. Full {@link java.util.Collection} semantics:
 * {@link #remove(Object)} (O(n)) and {@link Iterator#remove()} are supported, taking both
 * locks. Iterators are weakly consistent and never throw
 * {@link java.util.ConcurrentModificationException}.
 *
 * <p>{@link #drain} runs under the head lock and {@link #fill} under the tail lock, calling
 * the consumer/supplier while holding it: they must not call back into this queue (the other
 * end's lock taken inside could deadlock against a thread that holds both).
 * {@code -Dcooper.queue.checkThreads=true} refuses such a call with an
 * {@link IllegalStateException}.
 *
 * @param <E> the type of the elements
 */
public final class TwoLockLinkedQueue<E> extends TwoLockLinkedPad3<E> {

    /*
     * Algorithm: M. M. Michael and M. L. Scott, "Simple, Fast, and Practical Non-Blocking and
     * Blocking Concurrent Queue Algorithms", PODC 1996 -- the two-lock queue. A singly linked
     * list with a dummy node at the head; enqueue links a node after the last one holding the
     * tail lock; dequeue, holding the head lock, finds head.next null (empty) or moves the
     * head to it. The dummy keeps the two ends apart, so the locks never need to be held
     * together.
     *
     * Departures from the paper:
     * - a bound, without a shared counter: producers count insertions (putCount, under the
     *   tail lock), consumers count removals (takeCount, under the head lock), and the queue
     *   is full when putCount - takeCount == capacity. A producer keeps a cached, possibly
     *   old takeCount and re-reads the real one only when the cached view says full (the
     *   cached-index trick of FastFlow and B-Queue), so in the common case the two ends write
     *   no cache line in common and read none the other writes, except the node being handed
     *   over. (java.util.concurrent's LinkedBlockingQueue instead has both ends getAndAdd one
     *   AtomicInteger on every call.) Consumers test head.next as in the paper.
     * - waiting: "not full" is a condition of the tail lock, "not empty" of the head lock. A
     *   thread registers in waitingPutters / waitingTakers, re-checks, and awaits. An
     *   insertion signals a consumer only when one is registered and the queue was empty
     *   just before (takeCount == putCount before the insert); a removal signals a producer
     *   only when one is registered and the queue was full just before. A woken thread passes
     *   the signal on while elements (room) remain, as LinkedBlockingQueue does, so one
     *   signal per empty-to-non-empty (full-to-non-full) transition is enough.
     *   No wake-up is lost (a Dekker handshake): a waiter writes its registration (volatile)
     *   and then reads the state it waits on (volatile: head.next, or takeCount); a waker
     *   changes that state (volatile write of the link, or of takeCount) and then reads the
     *   registration. Of two such sequentially consistent write-then-read pairs, one sees
     *   the other: either the waiter sees the change and does not wait, or the waker sees
     *   the registration and signals -- under the waiter's lock, which it gets only once the
     *   waiter is in await. The "was empty/full" test cannot hide such a waiter: take the
     *   waiter's last check (head.next null, takeCount = L, every linked node taken). The
     *   operation that links the next node began its insert with putCount = before <= L, and
     *   reads takeCount >= L >= before after its link, so "takeCount - before >= 0" holds and
     *   it signals. (An equality test is not enough: a fill links node by node, and the
     *   waiter itself may take its first node and wait before the second is linked.)
     * - no spinning before blocking: measured, it lost. With one producer and one consumer,
     *   a side that parks lets the other run whole bursts alone on a warm cache; spinning
     *   keeps both running and hands each node over from cache to cache, which costs more.
     * - iteration, remove(Object), contains and clear take both locks (tail then head: the
     *   one order used everywhere); a removal by value counts as a take. A dequeued dummy is
     *   linked to itself, for the collector and so that an iterator standing on it knows to
     *   restart from the head.
     *
     * Invariants:
     * - head.item == null; last.next == null; last is reachable from head.
     * - under both locks, putCount - takeCount is the number of nodes after the head, and
     *   0 <= putCount - takeCount <= capacity. Without the locks a consumer may already have
     *   taken a node whose producer has not counted it yet: size() clamps.
     * - items of nodes after the head are non-null, except a node unlinked by remove(Object)
     *   (item nulled, next kept so that an iterator on it can go on).
     */

    /**
     * Creates an empty queue holding at most {@code capacity} elements.
     *
     * @param capacity the exact capacity, at least 1; nodes are allocated as elements arrive
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public TwoLockLinkedQueue(int capacity) {
        super(checkCapacity(capacity));
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "offer", putLock, takeLock);
        }
        Node<E> node = new Node<>(checkElement(e));
        long before;
        putLock.lock();
        try {
            if (isFull()) {
                return false;
            }
            before = link(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(before);
        return true;
    }

    @Override
    public void put(E e) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "put", putLock, takeLock);
        }
        Node<E> node = new Node<>(checkElement(e));
        long before;
        putLock.lockInterruptibly();
        try {
            while (isFull()) {
                waitingPutters++; // under putLock: the only writer now
                try {
                    if (isFull()) { // the re-check after registering: see the class comment
                        OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                        notFull.await();
                    }
                } finally {
                    waitingPutters--;
                }
            }
            before = link(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(before);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "offer", putLock, takeLock);
        }
        Node<E> node = new Node<>(checkElement(e));
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        long before;
        putLock.lockInterruptibly();
        try {
            while (isFull()) {
                if (nanos <= 0L) {
                    return false;
                }
                waitingPutters++;
                try {
                    if (isFull()) { // the re-check after registering
                        OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                        nanos = notFull.awaitNanos(nanos);
                    }
                } finally {
                    waitingPutters--;
                }
            }
            before = link(node);
        } finally {
            putLock.unlock();
        }
        signalNotEmptyIfWasEmpty(before);
        return true;
    }

    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "poll", putLock, takeLock);
        }
        E e;
        long before;
        takeLock.lock();
        try {
            Node<E> first = head.volatileNext();
            if (first == null) {
                return null;
            }
            before = takeCount; // under takeLock: the only writer
            e = unlinkHead(first);
            takeCount = before + 1; // volatile: the write half of the handshake with putters
            cascadeNotEmpty();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(before);
        return e;
    }

    @Override
    public E take() throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "take", putLock, takeLock);
        }
        E e;
        long before;
        takeLock.lockInterruptibly();
        try {
            Node<E> first;
            while ((first = head.volatileNext()) == null) {
                waitingTakers++; // under takeLock: the only writer now
                try {
                    if (head.volatileNext() == null) { // the re-check after registering
                        OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                        notEmpty.await();
                    }
                } finally {
                    waitingTakers--;
                }
            }
            before = takeCount;
            e = unlinkHead(first);
            takeCount = before + 1;
            cascadeNotEmpty();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(before);
        return e;
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "poll", putLock, takeLock);
        }
        long nanos = Objects.requireNonNull(unit, "unit is null").toNanos(timeout);
        E e;
        long before;
        takeLock.lockInterruptibly();
        try {
            Node<E> first;
            while ((first = head.volatileNext()) == null) {
                if (nanos <= 0L) {
                    return null;
                }
                waitingTakers++;
                try {
                    if (head.volatileNext() == null) { // the re-check after registering
                        OwnDrain.giveBackHeldRun(); // not while holding a drain's run: see OwnDrain
                        nanos = notEmpty.awaitNanos(nanos);
                    }
                } finally {
                    waitingTakers--;
                }
            }
            before = takeCount;
            e = unlinkHead(first);
            takeCount = before + 1;
            cascadeNotEmpty();
        } finally {
            takeLock.unlock();
        }
        signalNotFullIfWasFull(before);
        return e;
    }

    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "peek", putLock, takeLock);
        }
        takeLock.lock();
        try {
            Node<E> first = head.volatileNext();
            return first == null ? null : first.item;
        } finally {
            takeLock.unlock();
        }
    }

    /** Exact when quiescent: insertions minus removals, clamped to [0, capacity]. */
    @Override
    public int size() {
        long t = takeCount; // takes first: the later read of puts can only be larger
        long n = acquirePutCount() - t;
        return (int) Math.max(0L, Math.min(n, capacity));
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Removes up to {@code limit} elements under one acquisition of the head lock. */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "drain", putLock, takeLock);
        }
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        int n = 0;
        long before;
        takeLock.lock();
        try {
            before = takeCount;
            try {
                Node<E> first;
                while (n < limit && (first = head.volatileNext()) != null) {
                    E e = unlinkHead(first);
                    n++;
                    consumer.accept(e);
                }
            } finally {
                if (n > 0) {
                    takeCount = before + n;
                    cascadeNotEmpty();
                }
            }
        } finally {
            takeLock.unlock();
        }
        if (n > 0) {
            signalNotFullIfWasFull(before);
        }
        return n;
    }

    /** Inserts up to {@code limit} elements under one acquisition of the tail lock. */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "fill", putLock, takeLock);
        }
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        int n = 0;
        long before;
        putLock.lock();
        try {
            before = putCount; // under putLock: the only writer
            // Under putLock nobody else inserts: the room seen now can only grow.
            long room = Math.min(limit, capacity - (before - takeCount));
            try {
                while (n < room) {
                    Node<E> node = new Node<>(Objects.requireNonNull(supplier.get(), "supplier returned null"));
                    last.volatileNext(node);
                    last = node;
                    n++;
                }
            } finally {
                if (n > 0) {
                    releasePutCount(before + n);
                    cascadeNotFull();
                }
            }
        } finally {
            putLock.unlock();
        }
        if (n > 0) {
            signalNotEmptyIfWasEmpty(before);
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
            for (Node<E> p = head.volatileNext(); p != null; p = p.volatileNext()) {
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "remove", putLock, takeLock);
        }
        if (o == null) {
            return false;
        }
        fullyLock();
        try {
            for (Node<E> trail = head, p = trail.volatileNext(); p != null; trail = p, p = p.volatileNext()) {
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "clear", putLock, takeLock);
        }
        fullyLock();
        try {
            for (Node<E> h = head, p; (p = h.volatileNext()) != null; h = p) {
                h.plainNext(h); // self-link: iterators standing here restart from the head
                p.item = null;
            }
            head = last;
            boolean wasFull = putCount - takeCount == capacity;
            takeCount = putCount; // every inserted element is now removed
            if (wasFull && waitingPutters > 0) {
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
        if (ThreadRoleCheck.ENABLED) {
            LockCallbackCheck.refuseCallBack(kind(), "iterator", putLock, takeLock);
        }
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
                Node<E> s = q.volatileNext();
                q = s == q ? head.volatileNext() : s; // q was dequeued: restart at the head
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
                for (Node<E> trail = head, p = trail.volatileNext(); p != null; trail = p, p = p.volatileNext()) {
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

    /**
     * putLock held: whether the queue is full. The cached takeCount can only be lower than the
     * real one, so "not full" by it is true; "full" is confirmed with a fresh read.
     */
    private boolean isFull() {
        long puts = putCount; // under putLock: the only writer
        if (puts - cachedTakeCount < capacity) {
            return false;
        }
        cachedTakeCount = takeCount; // volatile: the read half of the handshake with takers
        return puts - cachedTakeCount >= capacity;
    }

    /** putLock held, not full: links the node, counts it; returns putCount before. */
    private long link(Node<E> node) {
        // Volatile: the write half of the handshake with waiting consumers, and what
        // publishes node.item to the consumer that reads this link.
        last.volatileNext(node);
        last = node;
        long before = putCount;
        releasePutCount(before + 1); // release: readers (size, "was full") only need order
        cascadeNotFull();
        return before;
    }

    /** takeLock held: moves the head to {@code first} and returns its element. */
    private E unlinkHead(Node<E> first) {
        Node<E> h = head;
        // Plain: only iterators read a dequeued node's link, under both locks.
        h.plainNext(h); // self-link: helps the collector, tells iterators h is gone
        head = first;
        E e = first.item; // plain: published by the volatile link this thread read
        first.item = null; // plain: first is the dummy now; read only under takeLock
        return e;
    }

    /** putLock held, after an insert: pass a wake-up on to the next producer if room remains. */
    private void cascadeNotFull() {
        if (waitingPutters > 0 && !isFull()) {
            notFull.signal();
        }
    }

    /** takeLock held, after a removal: pass a wake-up on to the next consumer if elements remain. */
    private void cascadeNotEmpty() {
        if (waitingTakers > 0 && head.volatileNext() != null) {
            notEmpty.signal();
        }
    }

    /** After an insert that found putCount == {@code before}: wake a consumer if one may wait. */
    private void signalNotEmptyIfWasEmpty(long before) {
        // waitingTakers is the read half of the handshake; takeCount >= before means the queue
        // was empty at some moment since this insert began. Not "==": fill links its nodes one
        // by one, and a consumer may take the first and wait before the second is linked (the
        // lost wake-up fillThatAConsumerOvertakesStillWakesIt reproduces).
        if (waitingTakers > 0 && takeCount - before >= 0) {
            takeLock.lock();
            try {
                notEmpty.signal();
            } finally {
                takeLock.unlock();
            }
        }
    }

    /** After a removal that found takeCount == {@code before}: wake a producer if one may wait. */
    private void signalNotFullIfWasFull(long before) {
        if (waitingPutters > 0 && acquirePutCount() - before >= capacity) {
            putLock.lock();
            try {
                notFull.signal();
            } finally {
                putLock.unlock();
            }
        }
    }

    /** Both locks held: unlinks {@code p}, whose predecessor is {@code trail}; counts a take. */
    private void unlink(Node<E> p, Node<E> trail) {
        p.item = null;
        trail.volatileNext(p.volatileNext()); // p keeps its next: an iterator on p can go on
        if (last == p) {
            last = trail;
        }
        boolean wasFull = putCount - takeCount == capacity;
        takeCount = takeCount + 1;
        if (wasFull && waitingPutters > 0) {
            notFull.signal();
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

    /** A list node: the element (null in the dummy) and the link, written once by a producer. */
    static final class Node<E> {
        /** Written by the producer before the link publishes it; nulled under takeLock. */
        E item;
        private volatile Node<E> next;

        Node(E item) {
            this.item = item;
        }

        // VarHandle mechanics

        Node<E> volatileNext() {
            return next;
        }

        void volatileNext(Node<E> n) {
            next = n;
        }

        void plainNext(Node<E> n) {
            NEXT.set(this, n);
        }

        private static final VarHandle NEXT;

        static {
            try {
                NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    // VarHandle mechanics

    private long acquirePutCount() {
        return (long) PUT_COUNT.getAcquire(this);
    }

    private void releasePutCount(long value) {
        PUT_COUNT.setRelease(this, value);
    }

    private static final VarHandle PUT_COUNT;

    static {
        try {
            PUT_COUNT = MethodHandles.lookup().findVarHandle(TwoLockLinkedPutFields.class, "putCount", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
