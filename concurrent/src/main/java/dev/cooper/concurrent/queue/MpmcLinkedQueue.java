package dev.cooper.concurrent.queue;

import java.util.Iterator;

/**
 * An unbounded multi-producer, multi-consumer lock-free queue of linked nodes: the
 * Michael &amp; Scott non-blocking queue.
 *
 * <p>Any number of threads may insert and remove at once. {@code offer}, {@code poll},
 * {@code peek} and {@code remove(Object)} are lock-free: a thread that stops mid-call never
 * prevents the others from completing theirs. The blocking methods yield twice and then park.
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
public final class MpmcLinkedQueue<E> extends LinkedQueuePad2<E> {

    /*
     * Algorithm: M. M. Michael and M. L. Scott, "Simple, Fast, and Practical Non-Blocking and
     * Blocking Concurrent Queue Algorithms", PODC 1996 -- the non-blocking queue. A singly
     * linked list with a dummy node at the head; head and tail are moved by CAS, and a thread
     * that finds the tail lagging (tail.next != null) swings it forward before going on
     * ("helping"), so no thread waits for a stalled one.
     *
     * - offer: read tail t and t.next; if next is null, CAS t.next from null to the new node
     *   (the linearization point), then try once to swing the tail; otherwise help the tail.
     * - poll: read head h and first = h.next; if first is null the queue is empty; otherwise
     *   claim first's element and move the head to first.
     *
     * ABA: the paper pairs each pointer with a modification counter because a freed node can
     * come back at the same address. Under a garbage collector a node cannot be reused while
     * any thread still holds a reference to it, so plain reference CAS is safe.
     *
     * Departure: poll never reads the tail. The paper's dequeue helps a lagging tail before
     * it moves the head past it only so that the tail never points at a node that dequeue is
     * about to free; under a garbage collector a node behind the head stays valid, and its
     * next still leads to the last node (as in ConcurrentLinkedQueue, where head and tail may
     * both lag). Reading the tail in every poll cost a cache miss on the producers' line per
     * element (decision 0009).
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
     * - head and tail are never null, and the last node is reachable from both. The tail may
     *   lag behind the head (a poll moved the head past a node linked but not yet made the
     *   tail): offer then helps it forward along next, as for any lagging tail.
     * - a node's next goes from null to its successor once and never changes.
     * - a node's item goes from its element to null at most once, never back; the head's
     *   item and the items of every node before it are null.
     * - the elements are the non-null items after the head, in list order.
     *
     * Layout: LinkedQueueFields pads the tail and the head apart (JOL 0.17, JDK 25, compressed
     * oops: tail at offset 152, head at 284; 128 padding bytes before the tail, between the
     * two, and after the head).
     */

    /**
     * Creates an empty queue.
     *
     * @param capacity a sizing hint, unused beyond validation (the queue is unbounded)
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public MpmcLinkedQueue(int capacity) {
        super(true, true, stub(capacity)); // both offer and poll linearize with a CAS
    }

    /** Validates the capacity hint (before the superclass constructors run) and makes the dummy. */
    private static <E> LinkedNode<E> stub(int capacity) {
        checkCapacity(capacity);
        return new LinkedNode<>(null);
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
        LinkedNode<E> node = new LinkedNode<>(checkElement(e));
        while (true) {
            LinkedNode<E> t = volatileTail();
            LinkedNode<E> next = t.volatileNext();
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
            LinkedNode<E> h = volatileHead();
            LinkedNode<E> first = h.volatileNext();
            if (first == null) {
                return null; // h had no successor: empty at that read
            }
            // A stale h (the head moved on) is harmless: its successor is then at or before
            // the head, so its item is null and the head CAS below fails.
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
        for (LinkedNode<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            E item = p.volatileItem();
            if (item != null) {
                return item;
            }
        }
        return null;
    }

    /**
     * The number of elements: O(n), it walks the list and counts the nodes still holding one.
     * Exact when quiescent; {@link Integer#MAX_VALUE} if there are more.
     */
    @Override
    public int size() {
        int n = 0;
        for (LinkedNode<E> p = volatileHead().volatileNext(); p != null && n < Integer.MAX_VALUE; p = p.volatileNext()) {
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
        return LinkedNode.anyAfterEquals(volatileHead(), o);
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
        for (LinkedNode<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
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

    private final class Itr extends LinkedNodeIterator<E> {
        /** The node and element last returned, for remove(); null when there is none. */
        private LinkedNode<E> lastNode;
        private E lastItem;

        Itr() {
            super(volatileHead());
        }

        @Override
        void returned(LinkedNode<E> node, E item) {
            lastNode = node;
            lastItem = item;
        }

        @Override
        public void remove() {
            LinkedNode<E> node = lastNode;
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
}
