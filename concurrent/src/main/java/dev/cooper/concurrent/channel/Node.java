package dev.cooper.concurrent.channel;

/**
 * One operation waiting on one channel, linked into that channel's queue of waiting senders or
 * receivers: Go's {@code sudog}. A plain send or receive waits with a node that is its own
 * {@link Waiter}; a select has one node per clause, all owned by one shared waiter.
 *
 * <p>Nodes are reused, as Go caches sudogs: each thread keeps one node for its plain
 * operations ({@link #ofCurrentThread()}), and each {@link Select} keeps one per clause. A node
 * is armed ({@link #arm}) under its channel's lock before it is linked, and is free again once
 * its operation has finished and the node is unlinked.
 *
 * <p>All fields but {@code owner} and {@code clause} are guarded by the lock of the channel
 * whose queue holds the node. The waiting thread reads {@code item} and {@code success} only
 * after it has seen its waiter fired with this node: the completer wrote them under that lock
 * before the firing CAS, which publishes them.
 */
final class Node extends Waiter {
    /** Each thread's node for its plain operations; a thread waits on one channel at a time. */
    private static final ThreadLocal<Node> PLAIN = ThreadLocal.withInitial(Node::new);

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

    /** A node for plain operations. */
    private Node() {
        this.owner = this;
        this.clause = 0;
    }

    /** A node for clause {@code clause} of the select waiting as {@code owner}. */
    Node(Waiter owner, int clause) {
        this.owner = owner;
        this.clause = clause;
    }

    /**
     * The calling thread's node for a plain send or receive. It is free: a thread's plain
     * operation unlinks its node (or has it unlinked by its completer) before it returns.
     */
    static Node ofCurrentThread() {
        return PLAIN.get();
    }

    /**
     * Prepares this node to be linked for a new operation carrying {@code item} (null for a
     * receive). Requires the lock of the channel it is about to join; for a plain node, that
     * also rearms it as its own waiter (see {@link Waiter#reset}).
     */
    void arm(Object item) {
        this.item = item;
        this.success = false;
        if (owner == this) {
            reset();
        }
    }
}
