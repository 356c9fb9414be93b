package dev.cooper.concurrent.channel;

/**
 * The FIFO queue of operations blocked on one side of a channel (Go's {@code waitq}): a doubly
 * linked list, so that a node withdrawn on timeout, interrupt or by a select that fired
 * elsewhere leaves in O(1). Every method requires the owning channel's lock (both locks of a
 * buffered channel), except {@link #mayHaveWaiters()}. The queue's two ends are fields of a
 * {@link ChannelLock} (see there why); this object knows which lock and which pair.
 *
 * <p>Nodes of finished operations may still be linked (a select whose other clause fired and
 * has not yet unlinked this one): {@code claim*} skip them, since their owner's CAS fails.
 */
final class WaitQueue {
    /** The lock object whose fields hold this queue's ends. */
    private final ChannelLock ends;
    /** Which pair of ends: the senders' or the receivers'. */
    private final boolean ofSenders;

    private WaitQueue(ChannelLock ends, boolean ofSenders) {
        this.ends = ends;
        this.ofSenders = ofSenders;
    }

    /** The queue of blocked senders, its ends kept in {@code ends}. */
    static WaitQueue senders(ChannelLock ends) {
        return new WaitQueue(ends, true);
    }

    /** The queue of blocked receivers, its ends kept in {@code ends}. */
    static WaitQueue receivers(ChannelLock ends) {
        return new WaitQueue(ends, false);
    }

    /**
     * Without the lock: whether a node may be linked. A fast path of a buffered channel calls
     * it after its own critical section; see LockedChannel for why that read cannot miss a
     * waiter that needs it.
     */
    boolean mayHaveWaiters() {
        // Two constant handles, not one chosen at run time: only a constant one is inlined.
        return (ofSenders
                ? ChannelLock.SENDERS_HEAD.getAcquire(ends)
                : ChannelLock.RECEIVERS_HEAD.getAcquire(ends)) != null;
    }

    void add(Node node) {
        node.queued = true;
        Node t = tail();
        node.prev = t;
        if (t == null) {
            head(node);
        } else {
            t.next = node;
        }
        tail(node);
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
            head(n);
        } else {
            p.next = n;
        }
        if (n == null) {
            tail(p);
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
        for (Node n; (n = head()) != null; ) {
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
        for (Node n; (n = head()) != null; ) {
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
        for (Node n; (n = head()) != null; ) {
            remove(n);
            n.success = false; // published by the firing CAS
            n.owner.tryFire(n); // fails for stale nodes, which are just dropped
        }
    }

    // The ends, in the lock object

    private Node head() {
        return ofSenders ? ends.sendersHead : ends.receiversHead;
    }

    private Node tail() {
        return ofSenders ? ends.sendersTail : ends.receiversTail;
    }

    private void head(Node node) {
        if (ofSenders) {
            ends.sendersHead = node;
        } else {
            ends.receiversHead = node;
        }
    }

    private void tail(Node node) {
        if (ofSenders) {
            ends.sendersTail = node;
        } else {
            ends.receiversTail = node;
        }
    }
}
