package dev.cooper.concurrent.channel;

/**
 * One operation waiting on one channel, linked into that channel's queue of waiting senders or
 * receivers: Go's {@code sudog}. A plain send or receive is a node that is its own
 * {@link Waiter}; a select makes one node per clause, all owned by one shared waiter.
 *
 * <p>All fields but {@code owner} and {@code clause} are guarded by the lock of the channel
 * whose queue holds the node. The waiting thread reads {@code item} and {@code success} only
 * after it has seen its waiter fired with this node: the completer wrote them under that lock
 * before the firing CAS, which publishes them.
 */
final class Node extends Waiter {
    /** The operation this node belongs to: itself for a plain send or receive. */
    final Waiter owner;
    /** The index of the select clause this node stands for; 0 for a plain operation. */
    final int clause;
    /** For a sender: the element offered. For a receiver: the element handed over. */
    Object item;
    /** Whether the element was transferred; false when the node was released by close. */
    boolean success;
    /** Links of the channel's {@link WaitQueue}; meaningful only while {@code queued}. */
    Node prev;
    Node next;
    boolean queued;

    /** A node for a plain operation of the current thread. */
    Node(Object item) {
        this.owner = this;
        this.clause = 0;
        this.item = item;
    }

    /** A node for clause {@code clause} of the select waiting as {@code owner}. */
    Node(Waiter owner, int clause, Object item) {
        this.owner = owner;
        this.clause = clause;
        this.item = item;
    }
}
