package dev.cooper.concurrent.queue;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An unbounded multi-producer, single-consumer queue of linked nodes.
 *
 * <p>Any number of threads may insert at once; one thread at a time may remove or look at the
 * head ({@code poll}, {@code take}, {@code peek}, {@code drain}, {@code clear}, see
 * {@link QueueKind}). {@code offer} is wait-free: one atomic exchange and one store.
 * {@code poll} is lock-free except in one narrow window: a producer that has exchanged the
 * tail but not yet linked its node holds up the consumer (and only it), which waits the few
 * instructions until the link appears instead of wrongly reporting an empty queue.
 *
 * <p>Actions in a thread before it inserts an element happen-before actions after that
 * element's removal (or access through {@code peek} or an iterator) in another thread.
 *
 * <p>Null elements are refused with {@link NullPointerException}. The queue is unbounded:
 * {@link #capacity()} is {@link Integer#MAX_VALUE}, {@code offer} always succeeds, and the
 * capacity given to the constructor is only checked ({@code >= 1}), nothing is allocated for
 * it. Each element costs one node.
 *
 * <p>{@link #size()} walks the nodes: O(n), exact when the queue is quiescent, otherwise a
 * count of the elements inserted before the walk began and not removed before it passed them.
 * {@link #isEmpty()} is O(1). Iterators are weakly consistent and never throw
 * {@link java.util.ConcurrentModificationException}.
 *
 * <p>{@link #remove(Object)} and {@link Iterator#remove()} throw
 * {@link UnsupportedOperationException}: only the consumer may unlink nodes, and the node a
 * producer is linking to cannot be unlinked at all. The bulk removals inherited from
 * {@link java.util.AbstractCollection} ({@code removeAll}, {@code retainAll},
 * {@code removeIf}) throw it too as soon as they find an element to remove.
 *
 * @param <E> the type of the elements
 */
public final class MpscLinkedQueue<E> extends LinkedQueuePad2<E> {

    /*
     * Algorithm: Dmitry Vyukov's non-intrusive MPSC node-based queue (1024cores.net,
     * "Non-intrusive MPSC node-based queue", 2010). The list runs from head to tail through
     * next links. The head is a stub whose item is not an element; the elements are the
     * items of the nodes after it.
     *
     * - offer: tail = xchg(tail, node) -- the linearization point, which fixes the order among
     *   producers -- then prev.next = node with a release store. Between the two steps the new
     *   node is in the queue but not reachable from the head.
     * - poll (single consumer): next = head.next (acquire); if non-null, take next.item,
     *   make next the new stub (null its item, so the queue does not keep the element alive)
     *   and advance the head.
     *
     * Departure from the original: when head.next is null but head != tail, a producer is in
     * the window between its exchange and its link. Vyukov's poll then returns "empty", which
     * is not linearizable (the producer's offer may already have returned, or a later
     * producer's offer may have completed). We wait for the link instead, as JCTools'
     * MpscLinkedQueue does; the wait is bounded by the producer's next two instructions
     * unless it is descheduled, so it spins, then yields, then parks briefly (Backoff).
     * Nodes are not reused. A consumed stub is linked to itself once the head has passed it
     * (see LinkedNode: a dead node still linked to live ones keeps them, and every younger
     * node, from the young collector once it has been promoted); readers that meet a
     * self-link (size, contains, iterators) go back to the head.
     *
     * Invariants:
     * - head and tail are never null; tail is reachable from head once every producer in its
     *   window has linked; head never passes tail.
     * - a node's next goes from null to its successor once, and to the node itself once the
     *   head has passed it; the consumer writes that self-link after its head store.
     * - head's item is null; the items of the nodes after head are the elements, in order.
     * - head is written only by the consumer, with release stores (the consumer reads it
     *   plain, other threads with acquire); tail only by producers' exchanges.
     *
     * Layout: LinkedQueueFields pads the tail and the head apart (JOL 0.17, JDK 25, compressed
     * oops: tail and notEmptyTop at offsets 144-151, head and notFullTop at 280-287; 128
     * padding bytes before the tail, between the two, and after the head). The debug role
     * check is read-only and sits after the padding.
     */

    private final ThreadRoleCheck consumerCheck = ThreadRoleCheck.forRole(QueueKind.MPSC_LINKED, "consumer");
    private final CallbackReentryCheck fillCheck = CallbackReentryCheck.forFill(QueueKind.MPSC_LINKED,
            CallbackReentryCheck.FILL_IS_A_LOOP_OF_OFFER);

    /**
     * Creates an empty queue.
     *
     * @param capacity a sizing hint, unused beyond validation (the queue is unbounded)
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public MpscLinkedQueue(int capacity) {
        // Fenced insert: offer linearizes with a getAndSet; poll with a release store.
        super(true, false, stub(capacity));
    }

    /** Validates the capacity hint (before the superclass constructors run) and makes the stub. */
    private static <E> LinkedNode<E> stub(int capacity) {
        checkCapacity(capacity);
        return new LinkedNode<>(null);
    }

    @Override
    public QueueKind kind() {
        return QueueKind.MPSC_LINKED;
    }

    /** Always {@link Integer#MAX_VALUE}: the queue is unbounded. */
    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    /** Inserts {@code e}; always succeeds (the queue is unbounded). Wait-free. */
    @Override
    public boolean offer(E e) {
        if (ThreadRoleCheck.ENABLED) {
            fillCheck.check("offer");
        }
        LinkedNode<E> node = new LinkedNode<>(checkElement(e));
        // Linearization point; the getAndSet is also the full fence that makes this kind's
        // insert "fenced" for the waiter handshake (see Waiters).
        LinkedNode<E> prev = getAndSetTail(node);
        // Release: publishes node.item, written plainly in the constructor, to the consumer
        // that acquires this link.
        prev.releaseNext(node);
        signalNotEmpty();
        return true;
    }

    /**
     * Inserts up to {@code limit} elements from {@code supplier}: a loop of {@link #offer},
     * which always succeeds. An insert from inside {@code supplier} would do no harm here;
     * {@link MessageQueue#fill} forbids it on every kind all the same, and
     * {@code -Dcooper.queue.checkThreads=true} refuses it ({@code offer}, {@code add},
     * {@code put}, {@code fill}) with an {@link IllegalStateException}.
     */
    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        // With the check on, the mark covers the supplier's calls only: the loop's offers pass.
        return super.fill(ThreadRoleCheck.ENABLED ? fillCheck.marking(supplier) : supplier, limit);
    }

    /** Removes the head element, or returns null if the queue is empty. Consumer thread only. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        LinkedNode<E> h = plainHead(); // plain: only the consumer writes head
        LinkedNode<E> next = firstNode(h);
        if (next == null) {
            return null;
        }
        E e = next.plainItem(); // plain: published by the release of h.next that firstNode acquired
        // Plain: next becomes the stub; other threads that reach it (iterators, contains,
        // size) treat a null item as "already removed", and either value is a correct answer
        // for them. Nulling it lets the collector take the element.
        next.plainItem(null);
        // Release: a thread that acquires the new head sees the item already nulled.
        releaseHead(next);
        h.releaseSelfLink(); // h is off the list: it must not keep the younger nodes alive
        signalNotFull();
        return e;
    }

    /** Returns the head element without removing it, or null if empty. Consumer thread only. */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        LinkedNode<E> next = firstNode(plainHead()); // plain: only the consumer writes head
        return next == null ? null : next.plainItem(); // plain: published by the acquired link
    }

    /**
     * The node after {@code h}, or null if the queue was empty; waits out a producer that has
     * exchanged the tail but not linked yet (see the class comment).
     */
    private LinkedNode<E> firstNode(LinkedNode<E> h) {
        LinkedNode<E> next = h.acquireNext();
        if (next == null && h != volatileTail()) {
            next = awaitLink(h);
        }
        return next;
    }

    private static <E> LinkedNode<E> awaitLink(LinkedNode<E> node) {
        LinkedNode<E> next;
        for (int round = 0; (next = node.acquireNext()) == null; round++) {
            Backoff.pause(round);
        }
        return next;
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.enter();
        }
        LinkedNode<E> h = plainHead(); // plain: only the consumer writes head
        int n = 0;
        LinkedNode<E> next;
        try {
            while (n < limit && (next = firstNode(h)) != null) {
                E e = next.plainItem(); // plain: published by the acquired link
                next.plainItem(null);   // plain: see poll
                releaseHead(next);       // release: see poll
                h.releaseSelfLink();     // see poll
                h = next;
                n++;
                signalNotFull();
                consumer.accept(e);
            }
        } finally {
            if (ThreadRoleCheck.ENABLED) {
                consumerCheck.exit();
            }
        }
        return n;
    }

    /**
     * The number of elements: O(n), it walks from the head to the tail seen at the start
     * (waiting out a producer caught between its exchange and its link). Exact when quiescent;
     * {@link Integer#MAX_VALUE} if there are more.
     */
    @Override
    public int size() {
        restart:
        while (true) {
            // Head before tail: the tail read later is at or after this head in the list, so
            // the walk ends at it.
            LinkedNode<E> h = acquireHead();
            LinkedNode<E> t = volatileTail();
            int n = 0;
            while (h != t && n < Integer.MAX_VALUE) {
                LinkedNode<E> next = h.acquireNext();
                if (next == h) {
                    continue restart; // the consumer passed h (self-linked): count again
                }
                h = next != null ? next : awaitLink(h);
                n++;
            }
            return n;
        }
    }

    /** O(1): whether the head has caught up with the tail. */
    @Override
    public boolean isEmpty() {
        // Head before tail: if they are equal, the tail was at the head at the tail's read,
        // and the queue was empty at that moment.
        return acquireHead() == volatileTail();
    }

    @Override
    public boolean contains(Object o) {
        return LinkedNode.anyAfterEquals(this, o);
    }

    /** Unsupported: see the class javadoc. */
    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException("MPSC_LINKED does not support remove(Object)");
    }

    /**
     * A weakly consistent iterator from the head: it returns the elements it finds on the
     * nodes linked at the time it passes them, skipping those the consumer has taken since.
     * It reads one element ahead, so the element {@code next()} returns may have been taken
     * after {@code hasNext()} saw it (as with {@link java.util.concurrent.ConcurrentLinkedQueue}).
     * {@link Iterator#remove()} is unsupported.
     */
    @Override
    public Iterator<E> iterator() {
        return new LinkedNodeIterator<>(this);
    }
}
