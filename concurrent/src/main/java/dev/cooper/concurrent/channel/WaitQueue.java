package dev.cooper.concurrent.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The FIFO queue of operations blocked on one side of a channel (Go's {@code waitq}): a doubly
 * linked list, so that a node withdrawn on timeout, interrupt or by a select that fired
 * elsewhere leaves in O(1). Every method requires the owning channel's lock (both locks of a
 * buffered channel), except {@link #mayHaveWaiters()}.
 *
 * <p>Nodes of finished operations may still be linked (a select whose other clause fired and
 * has not yet unlinked this one): {@code claim*} skip them, since their owner's CAS fails.
 */
final class WaitQueue {
    private Node head;
    private Node tail;

    /**
     * Without the lock: whether a node may be linked. A fast path of a buffered channel calls
     * it after its own critical section; see LockedChannel for why that read cannot miss a
     * waiter that needs it.
     */
    boolean mayHaveWaiters() {
        return HEAD.getAcquire(this) != null;
    }

    void add(Node node) {
        node.queued = true;
        node.prev = tail;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
    }

    /** Unlinks {@code node} if it is still linked; idempotent. */
    void remove(Node node) {
        if (!node.queued) {
            return;
        }
        node.queued = false;
        Node p = node.prev;
        Node n = node.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        node.prev = null;
        node.next = null;
    }

    /**
     * Hands {@code element} to the first receiver still waiting, if any: the receiver's
     * operation completes with it (Go's direct send).
     *
     * @return false if no receiver was waiting
     */
    boolean giveToReceiver(Object element) {
        for (Node n; (n = head) != null; ) {
            remove(n);
            n.item = element; // published by the firing CAS
            n.success = true;
            if (n.owner.tryFire(n)) {
                return true;
            }
            n.item = null; // a finished operation's stale node: drop the reference
        }
        return false;
    }

    /**
     * Takes the element of the first sender still waiting, if any: the sender's operation
     * completes.
     *
     * @return the element, or null if no sender was waiting
     */
    Object takeFromSender() {
        for (Node n; (n = head) != null; ) {
            remove(n);
            n.success = true; // published by the firing CAS
            // Read before the CAS: once fired, the sender may return and reuse the node.
            Object item = n.item; // written before the node was added, under the same lock
            if (n.owner.tryFire(n)) {
                return item;
            }
        }
        return null;
    }

    /** Completes every waiting operation as failed: the channel closed under them. */
    void releaseAll() {
        for (Node n; (n = head) != null; ) {
            remove(n);
            n.success = false; // published by the firing CAS
            n.owner.tryFire(n); // fails for stale nodes, which are just dropped
        }
    }

    // VarHandle mechanics

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(WaitQueue.class, "head", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
