package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
     * - offer: walk from the tail to the last node, CAS its next from null to the new node
     *   (the linearization point), then swing the tail.
     * - poll: from the head, claim the first element and move the head past it.
     *
     * ABA: the paper pairs each pointer with a modification counter because a freed node can
     * come back at the same address. Under a garbage collector a node cannot be reused while
     * any thread still holds a reference to it, so plain reference CAS is safe.
     *
     * Departure, as in ConcurrentLinkedQueue (Doug Lea's JSR-166 version of the same
     * algorithm): head and tail move every second time. offer swings the tail only when it
     * linked at least one node past the tail it read (then straight to its own node); poll
     * moves the head only when it claimed past the first node (then straight to the claimed
     * node, the new dummy). Each end thus takes one CAS per element and one per two elements
     * instead of two per element, and tail and head lag their ends by a node or so.
     *
     * Departure: a node the head has passed is linked to itself by the poll that moved the
     * head (see LinkedNode: a dead node that still links live ones keeps them, and every
     * younger node, from the young collector once it is promoted). A thread that meets a
     * self-link goes on from the head: an offer on a tail left behind the head, a poll or
     * a reader on a stale head.
     *
     * Departure: poll never reads the tail. The paper's dequeue helps a lagging tail before it
     * moves the head past it only so that the tail never points at a node that dequeue is
     * about to free; under a garbage collector a node behind the head stays valid, and its
     * next (or its self-link, then the head) still leads to the last node (as in
     * ConcurrentLinkedQueue, where head and tail may both lag). Reading the tail in every poll
     * cost a cache miss on the producers' line per element (decision 0009).
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
     * - a node's next goes from null to its successor once, and to the node itself once the
     *   head has moved past it (written after the head CAS, by the thread that made it).
     * - every node before the head has a non-null next, so the CAS from null succeeds only
     *   on the last node.
     * - a node's item goes from its element to null at most once, never back; the head's
     *   item and the items of every node before it are null.
     * - the elements are the non-null items after the head, in list order.
     *
     * Layout: LinkedQueueFields pads the tail and the head apart (JOL 0.17, JDK 25, compressed
     * oops: tail and notEmptyTop at offsets 144-151, head and notFullTop at 280-287; 128
     * padding bytes before the tail, between the two, and after the head).
     */

    /** Debug check; null unless {@link ThreadRoleCheck#ENABLED}. */
    private final CallbackReentryCheck drainCheck = CallbackReentryCheck.forDrain(QueueKind.MPMC_LINKED,
            "MessageQueue.drain forbids this on every kind. On this one, whose drain is a loop of poll, it "
            + "would do no harm; on SPMC_ARRAY and MPMC_ARRAY it passes the run the drain has claimed (it "
            + "gets elements out of order, or waits for ever in take()), so code that does it breaks when its "
            + "queue's kind changes");
    private final CallbackReentryCheck fillCheck = CallbackReentryCheck.forFill(QueueKind.MPMC_LINKED,
            CallbackReentryCheck.FILL_IS_A_LOOP_OF_OFFER);

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
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
        }
        LinkedNode<E> node = new LinkedNode<>(checkElement(e));
        LinkedNode<E> t = volatileTail();
        LinkedNode<E> p = t;
        while (true) {
            LinkedNode<E> next = p.volatileNext();
            if (next == null) {
                // Linearization point: the element is in once its node is linked. A CAS, so
                // the insert is fenced for the waiter handshake (see Waiters).
                if (p.casNext(null, node)) {
                    if (p != t) {
                        // The tail lagged by a node or more: move it, two hops at once. When
                        // p was the tail, it stays one behind, so the tail moves on every
                        // second insert. May fail: another producer moved it first.
                        casTail(t, node);
                    }
                    signalNotEmpty();
                    return true;
                }
                // Another producer linked first: read p's next again, now not null.
            } else if (next == p) {
                // p is off the list (the tail lagged behind the head): go on from a newer
                // tail if there is one, else from the head.
                LinkedNode<E> fresh = volatileTail();
                p = fresh != t ? fresh : volatileHead();
                t = fresh;
            } else if (p != t) {
                // Walked past the tail read: if another producer moved the tail meanwhile,
                // go on from there (it is nearer the end); else keep walking.
                LinkedNode<E> fresh = volatileTail();
                p = fresh != t ? fresh : next;
                t = fresh;
            } else {
                p = next;
            }
        }
    }

    /** Removes the head element, or returns null if the queue is empty. Lock-free. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("poll");
        }
        restart:
        while (true) {
            LinkedNode<E> h = volatileHead();
            LinkedNode<E> first = h.volatileNext();
            LinkedNode<E> last = h; // the last node walked past, its item null
            for (LinkedNode<E> p = first; p != null; p = p.volatileNext()) {
                if (p == last) {
                    continue restart; // last is off the list (self-linked): the head moved on
                }
                // A stale h (the head moved on) is harmless: the nodes between it and the
                // head hold null items, so the walk passes them, and the head CAS fails.
                E item = p.volatileItem();
                // Linearization point of a successful poll: claiming the item.
                if (item != null && p.casItem(item, null)) {
                    if (p != first) {
                        // Moves the dummy to p, past the emptied nodes before it. When p was
                        // the first node, the head is left one behind (p is empty now, and
                        // the next poll passes it), so the head moves on every second poll.
                        moveHead(h, p);
                    }
                    signalNotFull();
                    return item;
                }
                last = p;
            }
            if (last != h) {
                moveHead(h, last); // empty after emptied nodes: the last of them is the dummy
            }
            return null;
        }
    }

    /**
     * Takes the head element and hands it to {@code consumer}, one at a time, until
     * {@code limit} elements are out or the queue is empty: a loop of {@link #poll()}, each
     * step lock-free. Nothing of the queue is kept across the consumer's call, so a take from
     * inside {@code consumer} would do no harm here; {@link MessageQueue#drain} forbids it on
     * every kind all the same (it breaks the kinds whose drain claims a run), and
     * {@code -Dcooper.queue.checkThreads=true} refuses it ({@code poll}, {@code take},
     * {@code drain}, {@code drainTo}, {@code clear}, {@code remove(Object)}, iterator removal)
     * with an {@link IllegalStateException}.
     */
    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        // With the check on, the mark covers the consumer's calls only: the loop's polls pass.
        return super.drain(ThreadRoleCheck.ENABLED ? drainCheck.marking(consumer) : consumer, limit);
    }

    /**
     * Inserts up to {@code limit} elements from {@code supplier}: a loop of {@link #offer},
     * which always succeeds. Nothing of the queue is kept across the supplier's call, so an
     * insert from inside {@code supplier} would do no harm here; {@link MessageQueue#fill}
     * forbids it on every kind all the same, and {@code -Dcooper.queue.checkThreads=true}
     * refuses it ({@code offer}, {@code add}, {@code put}, {@code fill}) with an
     * {@link IllegalStateException}.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        // With the check on, the mark covers the supplier's calls only: the loop's offers pass.
        return super.fill(ThreadRoleCheck.ENABLED ? fillCheck.marking(supplier) : supplier, limit);
    }

    /** Moves the head from {@code h} to {@code p}, a node after it, unless another poll did. */
    private void moveHead(LinkedNode<E> h, LinkedNode<E> p) {
        if (casHead(h, p)) {
            // Only this thread moved the head off h: h leaves the list, and must not keep
            // the younger nodes alive (see LinkedNode). The nodes between h and p stay
            // linked to p, which is still in the list; each leaves it as a head in turn.
            h.releaseSelfLink();
        }
    }

    /** Returns the head element without removing it, or null if the queue is empty. */
    @Override
    public E peek() {
        for (LinkedNode<E> p = volatileHead(); (p = p.nextOrHead(this)) != null; ) {
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
        restart:
        while (true) {
            int n = 0;
            LinkedNode<E> p = volatileHead();
            for (LinkedNode<E> next; (next = p.volatileNext()) != null && n < Integer.MAX_VALUE; p = next) {
                if (next == p) {
                    continue restart; // p is off the list: count again from the head
                }
                if (next.volatileItem() != null) {
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public boolean isEmpty() {
        return peek() == null;
    }

    @Override
    public boolean contains(Object o) {
        return LinkedNode.anyAfterEquals(this, o);
    }

    /**
     * Removes one element equal to {@code o}, the first found from the head, by emptying its
     * node (a CAS that races fairly with consumers claiming it). O(n). Lock-free.
     */
    @Override
    public boolean remove(Object o) {
        if (ThreadRoleCheck.ENABLED) {
            drainCheck.check("remove");
        }
        if (o == null) {
            return false;
        }
        for (LinkedNode<E> p = volatileHead(); (p = p.nextOrHead(this)) != null; ) {
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
            super(MpmcLinkedQueue.this);
        }

        @Override
        void returned(LinkedNode<E> node, E item) {
            lastNode = node;
            lastItem = item;
        }

        @Override
        public void remove() {
            if (ThreadRoleCheck.ENABLED) {
                drainCheck.check("the iterator's remove");
            }
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
