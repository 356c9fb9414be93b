package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A node of the lock-free linked kinds ({@link MpscLinkedQueue}, {@link MpmcLinkedQueue}): an
 * item, null in the head's dummy and once the item is taken, and the link to the next node.
 * Every access goes through a helper named after its access mode; which mode each call site
 * needs, and why, is said there, in the queue's algorithm.
 *
 * <p>Shared by both queues: a node's next goes from null to its successor once, and from
 * there to the node itself once the node is behind the head (off the list); its item goes
 * from the element to null at most once, never back.
 *
 * <p>The self-link is for the garbage collector. A node that is off the list but still
 * linked to its successor keeps that successor, and through it every younger node, reachable
 * from wherever the dead node lives: once one dead node has been promoted to the old
 * generation, each young collection copies the whole chain behind it ("nepotism"). Measured
 * on MPMC_LINKED with one producer and one consumer (decision 0011): more than half of each
 * second in the collector. {@code ConcurrentLinkedQueue} and {@code LinkedBlockingQueue}
 * self-link for the same reason. A thread that reads a self-link knows the node is behind
 * the head and continues from the head.
 */
final class LinkedNode<E> {
    private volatile E item;
    private volatile LinkedNode<E> next;

    LinkedNode(E item) {
        // Plain: the node is published by the release store or CAS that links it (or, for a
        // queue's first dummy, by the safe publication of the queue).
        ITEM.set(this, item);
    }

    /**
     * Whether a node after the head of {@code queue} holds an item equal to {@code o}; false
     * for null. Reads are volatile, so any thread may call it; it answers for the moment it
     * passes each node (weakly consistent). A node found off the list sends it back to the
     * head: the nodes between were all taken.
     */
    static <E> boolean anyAfterEquals(LinkedQueueHeadField<E> queue, Object o) {
        if (o == null) {
            return false;
        }
        LinkedNode<E> p = queue.volatileHead();
        while ((p = p.nextOrHead(queue)) != null) {
            if (o.equals(p.volatileItem())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The node after this one, or the head of {@code queue} if this one is off the list
     * (self-linked), or null at the end. For the walks of readers that any thread may run.
     */
    LinkedNode<E> nextOrHead(LinkedQueueHeadField<E> queue) {
        LinkedNode<E> next = this.next;
        // The head read after a self-link is at or past this node's successor: the head
        // moved past this node before it was self-linked (release, after the head's store).
        return next == this ? queue.volatileHead() : next;
    }

    // VarHandle mechanics

    @SuppressWarnings("unchecked")
    E plainItem() {
        return (E) ITEM.get(this);
    }

    void plainItem(E value) {
        ITEM.set(this, value);
    }

    E volatileItem() {
        return item;
    }

    boolean casItem(E expected, E value) {
        return ITEM.compareAndSet(this, expected, value);
    }

    @SuppressWarnings("unchecked")
    LinkedNode<E> acquireNext() {
        return (LinkedNode<E>) NEXT.getAcquire(this);
    }

    void releaseNext(LinkedNode<E> node) {
        NEXT.setRelease(this, node);
    }

    LinkedNode<E> volatileNext() {
        return next;
    }

    /**
     * Links this node to itself; called once the head has moved past it, by the thread that
     * moved the head. Release: a thread that reads the self-link and then the head sees the
     * head's new value (or a later one).
     */
    void releaseSelfLink() {
        NEXT.setRelease(this, this);
    }

    boolean casNext(LinkedNode<E> expected, LinkedNode<E> value) {
        return NEXT.compareAndSet(this, expected, value);
    }

    private static final VarHandle ITEM;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ITEM = lookup.findVarHandle(LinkedNode.class, "item", Object.class);
            NEXT = lookup.findVarHandle(LinkedNode.class, "next", LinkedNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
