package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unbounded multi-producer, multi-consumer lock-free queue of linked nodes: the
 * Michael &amp; Scott non-blocking queue.
 *
 * <p>Any number of threads may insert and remove at once. {@code offer}, {@code poll},
 * {@code peek} and {@code remove(Object)} are lock-free: a thread that stops mid-call never
 * prevents the others from completing theirs. The blocking methods spin, yield and then park.
 *
 * <p>Actions in a thread before it inserts an element happen-before actions after that
 * element's removal (or access through {@code peek} or an iterator) in another thread.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The queue is unbounded:
 * {@link #capacity()} is {@link Integer#MAX_VALUE}, {@code offer} always succeeds, and the
 * capacity given to the constructor is only checked ({@code >= 1}). Each element costs one
 * node.
 *
 * <p>{@link #size()} walks the nodes: O(n), exact when the queue is quiescent. Iterators are
 * weakly consistent, never throw {@link java.util.ConcurrentModificationException}, and
 * support {@link Iterator#remove()}. {@link #remove(Object)} is supported: it empties the
 * element's node in place (O(n) to find it); the emptied node stays linked, holding nothing,
 * until consumers pass it.
 *
 * @param <E> the type of the elements
 */
public final class MpmcLinkedQueue<E> extends MpmcLinkedPad2<E> {

    /*
     * Algorithm: M. M. Michael and M. L. Scott, "Simple, Fast, and Practical Non-Blocking and
     * Blocking Concurrent Queue Algorithms", PODC 1996 -- the non-blocking queue. A singly
     * linked list with a dummy node at the head; head and tail are moved by CAS, and a thread
     * that finds the tail lagging (tail.next != null) swings it forward before going on
     * ("helping"), so no thread waits for a stalled one.
     *
     * - offer: read tail t and t.next; if next is null, CAS t.next from null to the new node
     *   (the linearization point), then try once to swing the tail; otherwise help the tail.
     * - poll: read head h, tail t and first = h.next; if first is null the queue is empty; if
     *   h == t the tail lags behind a linked node, help it; otherwise claim first's element.
     *
     * ABA: the paper pairs each pointer with a modification counter because a freed node can
     * come back at the same address. Under a garbage collector a node cannot be reused while
     * any thread still holds a reference to it, so plain reference CAS is safe.
     *
     * Departure from the paper, to support remove(Object) and Iterator.remove() as
     * ConcurrentLinkedQueue does: an element is claimed by CASing its node's item from the
     * element to null, and that CAS, not the head CAS, is the linearization point of poll and
     * remove. The head CAS then only moves the dummy forward, and poll moves it past any node
     * whose item is already null (claimed or removed). Emptied interior nodes are not
     * unlinked (that would race with a producer linking to the last node); they cost a node
     * each until consumers pass them.
     *
     * Invariants:
     * - head and tail are never null; tail is reachable from head; head never passes tail
     *   (poll helps a lagging tail before moving the head past it).
     * - a node's next goes from null to its successor once and never changes.
     * - a node's item goes from its element to null at most once, never back; the head's
     *   item and the items of every node before it are null.
     * - the elements are the non-null items after the head, in list order.
     */

    /**
     * Creates an empty queue.
     *
     * @param capacity a sizing hint, unused beyond validation (the queue is unbounded)
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public MpmcLinkedQueue(int capacity) {
        super(stub(capacity));
    }

    /** Validates the capacity hint (before the superclass constructors run) and makes the dummy. */
    private static <E> Node<E> stub(int capacity) {
        checkCapacity(capacity);
        return new Node<>(null);
    }

    @Override
    public QueueKind kind() {
        return QueueKind.MPMC_LINKED;
    }

    /** Always {@link Integer#MAX_VALUE}: the queue is unbounded. */
    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    /** Inserts {@code e}; always succeeds (the queue is unbounded). Lock-free. */
    @Override
    public boolean offer(E e) {
        Node<E> node = new Node<>(checkElement(e));
        while (true) {
            Node<E> t = volatileTail();
            Node<E> next = t.volatileNext();
            if (t != volatileTail()) {
                continue; // t and next are not a consistent pair: read again
            }
            if (next == null) {
                // Linearization point: the element is in once its node is linked. A CAS, so
                // the insert is fenced for the waiter handshake (see Waiters).
                if (t.casNext(null, node)) {
                    casTail(t, node); // may fail: another thread already helped
                    signalNotEmpty();
                    return true;
                }
            } else {
                casTail(t, next); // the tail lags: help it forward
            }
        }
    }

    /** Removes the head element, or returns null if the queue is empty. Lock-free. */
    @Override
    public E poll() {
        while (true) {
            Node<E> h = volatileHead();
            Node<E> t = volatileTail();
            Node<E> first = h.volatileNext();
            if (h != volatileHead()) {
                continue; // h, t and first are not a consistent snapshot: read again
            }
            if (first == null) {
                return null; // h was the head and had no successor: empty at that read
            }
            if (h == t) {
                casTail(t, first); // the tail lags behind a linked node: help it first
                continue;
            }
            E item = first.volatileItem();
            // Linearization point of a successful poll: claiming the item.
            if (item != null && first.casItem(item, null)) {
                casHead(h, first); // may fail: another thread moved the head already
                signalNotFull();
                return item;
            }
            casHead(h, first); // first was claimed or removed: move the dummy past it
        }
    }

    /** Returns the head element without removing it, or null if the queue is empty. */
    @Override
    public E peek() {
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            E item = p.volatileItem();
            if (item != null) {
                return item;
            }
        }
        return null;
    }

    /** Always true: the queue is unbounded. */
    @Override
    boolean hasRoom() {
        return true;
    }

    /**
     * The number of elements: O(n), it walks the list and counts the nodes still holding one.
     * Exact when quiescent; {@link Integer#MAX_VALUE} if there are more.
     */
    @Override
    public int size() {
        int n = 0;
        for (Node<E> p = volatileHead().volatileNext(); p != null && n < Integer.MAX_VALUE; p = p.volatileNext()) {
            if (p.volatileItem() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isEmpty() {
        return peek() == null;
    }

    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            if (o.equals(p.volatileItem())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes one element equal to {@code o}, the first found from the head, by emptying its
     * node (a CAS that races fairly with consumers claiming it). O(n). Lock-free.
     */
    @Override
    public boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            E item = p.volatileItem();
            if (item != null && o.equals(item) && p.casItem(item, null)) { // linearization point
                signalNotFull();
                return true;
            }
        }
        return false;
    }

    /**
     * A weakly consistent iterator from the head. It reads one element ahead, so the element
     * {@code next()} returns may have been removed after {@code hasNext()} saw it.
     * {@link Iterator#remove()} removes the element last returned if it is still in the queue.
     */
    @Override
    public Iterator<E> iterator() {
        return new Itr();
    }

    private final class Itr implements Iterator<E> {
        /** The node of the element {@link #next} returns next, or null at the end. */
        private Node<E> nextNode;
        private E nextItem;
        /** The node and element last returned, for remove(); null when there is none. */
        private Node<E> lastNode;
        private E lastItem;

        Itr() {
            advance(volatileHead());
        }

        /** Moves to the first node after {@code from} that still holds an element. */
        private void advance(Node<E> from) {
            for (Node<E> p = from.volatileNext(); p != null; p = p.volatileNext()) {
                E item = p.volatileItem();
                if (item != null) {
                    nextNode = p;
                    nextItem = item;
                    return;
                }
            }
            nextNode = null;
            nextItem = null;
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
            lastNode = node;
            lastItem = nextItem;
            advance(node);
            return lastItem;
        }

        @Override
        public void remove() {
            Node<E> node = lastNode;
            if (node == null) {
                throw new IllegalStateException("next() not called, or remove() already called");
            }
            // Only if the node still holds the element returned: a consumer may have taken it.
            if (node.casItem(lastItem, null)) {
                signalNotFull();
            }
            lastNode = null;
            lastItem = null;
        }
    }

    /** A list node: an element (null in the dummy and once claimed) and the next link. */
    static final class Node<E> {
        private volatile E item;
        private volatile Node<E> next;

        Node(E item) {
            // Plain: the node is published by the CAS that links it (or, for the first dummy,
            // by the safe publication of the queue).
            ITEM.set(this, item);
        }

        // VarHandle mechanics

        E volatileItem() {
            return item;
        }

        boolean casItem(E expected, E value) {
            return ITEM.compareAndSet(this, expected, value);
        }

        Node<E> volatileNext() {
            return next;
        }

        boolean casNext(Node<E> expected, Node<E> value) {
            return NEXT.compareAndSet(this, expected, value);
        }

        private static final VarHandle ITEM;
        private static final VarHandle NEXT;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                ITEM = lookup.findVarHandle(Node.class, "item", Object.class);
                NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}

/** Padding before the tail (false sharing with whatever precedes the object). */
abstract class MpmcLinkedPad0<E> extends AbstractLockFreeQueue<E> {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;

    MpmcLinkedPad0() {
        super(true, true); // both offer and poll linearize with a CAS
    }
}

/** The producers' end: the tail, moved only by CAS (by producers and helping consumers). */
abstract class MpmcLinkedTailField<E> extends MpmcLinkedPad0<E> {
    private volatile MpmcLinkedQueue.Node<E> tail;

    MpmcLinkedTailField(MpmcLinkedQueue.Node<E> dummy) {
        this.tail = dummy;
    }

    // VarHandle mechanics

    final MpmcLinkedQueue.Node<E> volatileTail() {
        return tail;
    }

    final boolean casTail(MpmcLinkedQueue.Node<E> expected, MpmcLinkedQueue.Node<E> value) {
        return TAIL.compareAndSet(this, expected, value);
    }

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(
                    MpmcLinkedTailField.class, "tail", MpmcLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding between the tail and the head. */
abstract class MpmcLinkedPad1<E> extends MpmcLinkedTailField<E> {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

    MpmcLinkedPad1(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
    }
}

/** The consumers' end: the head (the dummy), moved only by CAS. */
abstract class MpmcLinkedHeadField<E> extends MpmcLinkedPad1<E> {
    private volatile MpmcLinkedQueue.Node<E> head;

    MpmcLinkedHeadField(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
        this.head = dummy;
    }

    // VarHandle mechanics

    final MpmcLinkedQueue.Node<E> volatileHead() {
        return head;
    }

    final boolean casHead(MpmcLinkedQueue.Node<E> expected, MpmcLinkedQueue.Node<E> value) {
        return HEAD.compareAndSet(this, expected, value);
    }

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(
                    MpmcLinkedHeadField.class, "head", MpmcLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding after the head. */
abstract class MpmcLinkedPad2<E> extends MpmcLinkedHeadField<E> {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

    MpmcLinkedPad2(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
    }
}
