package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads parked until a lock-free queue has an element (or room): a Treiber stack
 * (R. K. Treiber, "Systems Programming: Coping with Parallelism", IBM RJ 5118, 1986) of nodes,
 * each holding its thread until it is either signalled or cancelled.
 *
 * <p>Protocol against lost wake-ups (a Dekker handshake). A waiter first {@link #enqueue}s
 * (a CAS, so a full fence), then re-checks the queue, then parks. A signaller first changes the
 * queue, then reads the stack's top. When both the queue change and the enqueue are
 * sequentially consistent (a CAS, getAndAdd or getAndSet on the queue side), one of the two
 * sees the other: either the waiter's re-check sees the change, or the signaller sees the
 * node. Where the queue change is a release store (single-producer or single-consumer sides),
 * the store may still sit in the store buffer while the signaller reads this stack empty; the
 * waiter therefore parks for a bounded time and re-checks (see {@code AbstractLockFreeQueue}),
 * so such a race costs latency, never the wake-up.
 *
 * <p>The stack's top is not a field of this class but a volatile {@code Node} field of the
 * queue itself, reached through a {@link VarHandle} the caller passes in: the check every
 * {@code offer} and {@code poll} makes ({@code top != null}) is then a single load from the
 * queue object, with no hop through a separate stack object (decision 0005). This class only
 * holds the operations on such a top.
 *
 * <p>A node leaves the stack in one of two ways, decided by a CAS on its {@code thread} field:
 * {@link #signal} wins it (and unparks the thread), or its own thread {@link #cancel}s it
 * (timeout, interrupt, or success found on a re-check). Cancelled nodes are unlinked lazily:
 * from the top by {@code cancel}, and wherever {@code signal} pops past them. The order of
 * wake-ups is last-in first-out: no fairness is promised between waiting threads.
 */
final class Waiters {

    private Waiters() {
    }

    static final class Node {
        /** The waiting thread; null once the node is signalled or cancelled (CAS decides). */
        volatile Thread thread;
        /** Written once before the node is published by the CAS on the top. */
        Node next;

        Node(Thread thread) {
            this.thread = thread;
        }
    }

    /*
     * Every method takes the stack as (top, owner): top is a VarHandle on a volatile Node
     * field of owner, only ever changed by CAS. The callers pass static final handles, so
     * once inlined the accesses compile as if the field were named here.
     */

    /** Pushes a node for the current thread; the CAS is the fence the protocol needs. */
    static Node enqueue(VarHandle top, Object owner) {
        Node node = new Node(Thread.currentThread());
        Node h;
        do {
            h = (Node) top.getVolatile(owner);
            node.next = h; // plain: published by the CAS below
        } while (!top.compareAndSet(owner, h, node));
        return node;
    }

    /**
     * Withdraws the node of a thread that stops waiting.
     *
     * @return true if withdrawn; false if a signaller already won it, in which case the caller
     *     owes the stack that signal (see {@link #passOn})
     */
    static boolean cancel(VarHandle top, Object owner, Node node) {
        boolean withdrawn = casThread(node, Thread.currentThread(), null);
        unlinkDeadTop(top, owner);
        return withdrawn;
    }

    /**
     * Hands on a signal that the caller received but did not use (it left on timeout or
     * interrupt, or found what it waited for on its own): wakes another waiter, if any.
     */
    static void passOn(VarHandle top, Object owner) {
        signal(top, owner);
    }

    /** Wakes one waiting thread, if there is one. */
    static void signal(VarHandle top, Object owner) {
        Node h;
        while ((h = (Node) top.getVolatile(owner)) != null) {
            if (top.compareAndSet(owner, h, h.next)) {
                Thread t = h.thread;
                if (t != null && casThread(h, t, null)) {
                    LockSupport.unpark(t);
                    return;
                }
                // h was cancelled: it is now unlinked; try the next one.
            }
        }
    }

    /** Pops cancelled nodes off the top so that timed waits on an idle queue leave no trail. */
    private static void unlinkDeadTop(VarHandle top, Object owner) {
        Node h;
        while ((h = (Node) top.getVolatile(owner)) != null && h.thread == null) {
            top.compareAndSet(owner, h, h.next);
        }
    }

    // VarHandle mechanics

    private static final VarHandle THREAD;

    static {
        try {
            THREAD = MethodHandles.lookup().findVarHandle(Node.class, "thread", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean casThread(Node node, Thread expected, Thread value) {
        return THREAD.compareAndSet(node, expected, value);
    }
}
