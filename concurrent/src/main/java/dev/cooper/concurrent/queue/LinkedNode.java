package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A node of the lock-free linked kinds ({@link MpscLinkedQueue}, {@link MpmcLinkedQueue}): an
 * item, null in the head's dummy and once the item is taken, and the link to the next node.
 * Every access goes through a helper named after its access mode; which mode each call site
 * needs, and why, is said there, in the queue's algorithm.
 *
 * <p>Shared by both queues: a node's next goes from null to its successor once and never
 * changes again, and its item goes from the element to null at most once, never back.
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
     * Whether a node after {@code head} holds an item equal to {@code o}; false for null.
     * Reads are volatile, so any thread may call it; it answers for the moment it passes
     * each node (weakly consistent).
     */
    static boolean anyAfterEquals(LinkedNode<?> head, Object o) {
        if (o == null) {
            return false;
        }
        for (LinkedNode<?> p = head.volatileNext(); p != null; p = p.volatileNext()) {
            if (o.equals(p.volatileItem())) {
                return true;
            }
        }
        return false;
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
