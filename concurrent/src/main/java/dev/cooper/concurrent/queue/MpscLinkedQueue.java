package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

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
public final class MpscLinkedQueue<E> extends MpscLinkedPad2<E> {

    /*
     * Algorithm: Dmitry Vyukov's non-intrusive MPSC node-based queue (1024cores.net,
     * "Non-intrusive MPSC node-based queue", 2010). The list runs from head to tail through
     * next links. The head is a stub whose value is not an element; the elements are the
     * values of the nodes after it.
     *
     * - offer: tail = xchg(tail, node) -- the linearization point, which fixes the order among
     *   producers -- then prev.next = node with a release store. Between the two steps the new
     *   node is in the queue but not reachable from the head.
     * - poll (single consumer): next = head.next (acquire); if non-null, take next.value,
     *   make next the new stub (null its value, so the queue does not keep the element alive)
     *   and advance the head.
     *
     * Departure from the original: when head.next is null but head != tail, a producer is in
     * the window between its exchange and its link. Vyukov's poll then returns "empty", which
     * is not linearizable (the producer's offer may already have returned, or a later
     * producer's offer may have completed). We wait for the link instead, as JCTools'
     * MpscLinkedQueue does; the wait is bounded by the producer's next two instructions
     * unless it is descheduled, so it spins and then yields (Backoff), never parks.
     * Nodes are not reused; consumed stubs are left to the collector (no self-link: nothing
     * walks from a stale node except a weakly consistent reader, which just runs on).
     *
     * Invariants:
     * - head and tail are never null; tail is reachable from head once every producer in its
     *   window has linked; head never passes tail.
     * - a node's next goes from null to its successor once and never changes again.
     * - head's value is null; the values of the nodes after head are the elements, in order.
     * - head is written only by the consumer; tail only by producers' exchanges.
     */

    /**
     * Creates an empty queue.
     *
     * @param capacity a sizing hint, unused beyond validation (the queue is unbounded)
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public MpscLinkedQueue(int capacity) {
        super(stub(capacity));
    }

    /** Validates the capacity hint (before the superclass constructors run) and makes the stub. */
    private static <E> Node<E> stub(int capacity) {
        checkCapacity(capacity);
        return new Node<>(null);
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
        Node<E> node = new Node<>(checkElement(e));
        // Linearization point; the getAndSet is also the full fence that makes this kind's
        // insert "fenced" for the waiter handshake (see Waiters).
        Node<E> prev = getAndSetTail(node);
        // Release: publishes node.value, written plainly in the constructor, to the consumer
        // that acquires this link.
        prev.releaseNext(node);
        signalNotEmpty();
        return true;
    }

    /** Removes the head element, or returns null if the queue is empty. Consumer thread only. */
    @Override
    public E poll() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        Node<E> h = plainHead(); // plain: only the consumer writes head
        Node<E> next = firstNode(h);
        if (next == null) {
            return null;
        }
        E e = next.plainValue(); // plain: published by the release of h.next that firstNode acquired
        // Plain: next becomes the stub; other threads that reach it (iterators, contains,
        // size) treat a null value as "already removed", and either value is a correct answer
        // for them. Nulling it lets the collector take the element.
        next.plainValue(null);
        // Release: a thread that acquires the new head sees the value already nulled.
        releaseHead(next);
        signalNotFull();
        return e;
    }

    /** Returns the head element without removing it, or null if empty. Consumer thread only. */
    @Override
    public E peek() {
        if (ThreadRoleCheck.ENABLED) {
            consumerCheck.check();
        }
        Node<E> next = firstNode(plainHead()); // plain: only the consumer writes head
        return next == null ? null : next.plainValue(); // plain: published by the acquired link
    }

    /**
     * The node after {@code h}, or null if the queue was empty; waits out a producer that has
     * exchanged the tail but not linked yet (see the class comment).
     */
    private Node<E> firstNode(Node<E> h) {
        Node<E> next = h.acquireNext();
        if (next == null && h != volatileTail()) {
            next = awaitLink(h);
        }
        return next;
    }

    private static <E> Node<E> awaitLink(Node<E> node) {
        Node<E> next;
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
            consumerCheck.check();
        }
        Node<E> h = plainHead(); // plain: only the consumer writes head
        int n = 0;
        Node<E> next;
        while (n < limit && (next = firstNode(h)) != null) {
            E e = next.plainValue(); // plain: published by the acquired link
            next.plainValue(null);   // plain: see poll
            releaseHead(next);       // release: see poll
            h = next;
            n++;
            signalNotFull();
            consumer.accept(e);
        }
        return n;
    }

    /** Always true: the queue is unbounded. */
    @Override
    boolean hasRoom() {
        return true;
    }

    /**
     * The number of elements: O(n), it walks from the head to the tail seen at the start
     * (waiting out a producer caught between its exchange and its link). Exact when quiescent;
     * {@link Integer#MAX_VALUE} if there are more.
     */
    @Override
    public int size() {
        // Head before tail: the tail read later is at or after this head in the list, so the
        // walk ends at it.
        Node<E> h = acquireHead();
        Node<E> t = volatileTail();
        int n = 0;
        while (h != t && n < Integer.MAX_VALUE) {
            Node<E> next = h.acquireNext();
            h = next != null ? next : awaitLink(h);
            n++;
        }
        return n;
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
        if (o == null) {
            return false;
        }
        for (Node<E> p = acquireHead().acquireNext(); p != null; p = p.acquireNext()) {
            if (o.equals(p.plainValue())) { // plain: see poll on why a stale value is fine
                return true;
            }
        }
        return false;
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
        return new Itr();
    }

    private final class Itr implements Iterator<E> {
        private Node<E> node;
        private E nextValue;

        Itr() {
            node = acquireHead();
            advance();
        }

        /** Moves to the next node that still holds a value. */
        private void advance() {
            Node<E> p = node;
            E v = null;
            while (v == null && (p = p.acquireNext()) != null) {
                v = p.plainValue(); // plain: null here means taken by the consumer, skip it
                node = p;
            }
            nextValue = v;
        }

        @Override
        public boolean hasNext() {
            return nextValue != null;
        }

        @Override
        public E next() {
            E v = nextValue;
            if (v == null) {
                throw new NoSuchElementException();
            }
            advance();
            return v;
        }
    }

    /** A list node: an element (or null in the stub) and the link to the next node. */
    static final class Node<E> {
        private E value;
        private volatile Node<E> next;

        Node(E value) {
            this.value = value; // plain: published by the release store that links this node
        }

        E plainValue() {
            return value;
        }

        void plainValue(E v) {
            value = v;
        }

        // VarHandle mechanics

        @SuppressWarnings("unchecked")
        Node<E> acquireNext() {
            return (Node<E>) NEXT.getAcquire(this);
        }

        void releaseNext(Node<E> n) {
            NEXT.setRelease(this, n);
        }

        private static final VarHandle NEXT;

        static {
            try {
                NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}

/** Padding before the producer field (false sharing with whatever precedes the object).
 * The padding is in bytes, not longs: HotSpot puts a subclass's small fields into the gaps
 * a superclass leaves before 8-byte alignment, and longs would leave such gaps next to the
 * hot fields (checked with JOL 0.17 on JDK 25: with bytes, no two hot fields of different
 * sides share 128 bytes).
 */
abstract class MpscLinkedPad0<E> extends AbstractLockFreeQueue<E> {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p00a, p00b, p00c, p00d, p00e, p00f;
    byte p010, p011, p012, p013, p014, p015, p016, p017, p018, p019, p01a, p01b, p01c, p01d, p01e, p01f;
    byte p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p02a, p02b, p02c, p02d, p02e, p02f;
    byte p030, p031, p032, p033, p034, p035, p036, p037, p038, p039, p03a, p03b, p03c, p03d, p03e, p03f;
    byte p040, p041, p042, p043, p044, p045, p046, p047, p048, p049, p04a, p04b, p04c, p04d, p04e, p04f;
    byte p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p05a, p05b, p05c, p05d, p05e, p05f;
    byte p060, p061, p062, p063, p064, p065, p066, p067, p068, p069, p06a, p06b, p06c, p06d, p06e, p06f;
    byte p070, p071, p072, p073, p074, p075, p076, p077, p078, p079, p07a, p07b, p07c, p07d, p07e, p07f;

    MpscLinkedPad0() {
        super(true, false);
    }
}

/** The producers' field: the tail, changed only by getAndSet. */
abstract class MpscLinkedProducerFields<E> extends MpscLinkedPad0<E> {
    private volatile MpscLinkedQueue.Node<E> tail;

    MpscLinkedProducerFields(MpscLinkedQueue.Node<E> stub) {
        this.tail = stub;
    }

    // VarHandle mechanics

    final MpscLinkedQueue.Node<E> volatileTail() {
        return tail;
    }

    @SuppressWarnings("unchecked")
    final MpscLinkedQueue.Node<E> getAndSetTail(MpscLinkedQueue.Node<E> node) {
        return (MpscLinkedQueue.Node<E>) TAIL.getAndSet(this, node);
    }

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(
                    MpscLinkedProducerFields.class, "tail", MpscLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding between the producers' and the consumer's fields. */
abstract class MpscLinkedPad1<E> extends MpscLinkedProducerFields<E> {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

    MpscLinkedPad1(MpscLinkedQueue.Node<E> stub) {
        super(stub);
    }
}

/** The consumer's fields: the head (the stub) and the debug role check. */
abstract class MpscLinkedConsumerFields<E> extends MpscLinkedPad1<E> {
    /** Written only by the consumer, with release; other threads read it with acquire. */
    private MpscLinkedQueue.Node<E> head;
    final ThreadRoleCheck consumerCheck = ThreadRoleCheck.forRole(QueueKind.MPSC_LINKED, "consumer");

    MpscLinkedConsumerFields(MpscLinkedQueue.Node<E> stub) {
        super(stub);
        // Plain: other threads see it through the safe publication of the queue itself.
        this.head = stub;
    }

    // VarHandle mechanics

    final MpscLinkedQueue.Node<E> plainHead() {
        return head;
    }

    @SuppressWarnings("unchecked")
    final MpscLinkedQueue.Node<E> acquireHead() {
        return (MpscLinkedQueue.Node<E>) HEAD.getAcquire(this);
    }

    final void releaseHead(MpscLinkedQueue.Node<E> node) {
        HEAD.setRelease(this, node);
    }

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(
                    MpscLinkedConsumerFields.class, "head", MpscLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding after the consumer's fields. */
abstract class MpscLinkedPad2<E> extends MpscLinkedConsumerFields<E> {
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p20a, p20b, p20c, p20d, p20e, p20f;
    byte p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p21a, p21b, p21c, p21d, p21e, p21f;
    byte p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p22a, p22b, p22c, p22d, p22e, p22f;
    byte p230, p231, p232, p233, p234, p235, p236, p237, p238, p239, p23a, p23b, p23c, p23d, p23e, p23f;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p24a, p24b, p24c, p24d, p24e, p24f;
    byte p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p25a, p25b, p25c, p25d, p25e, p25f;
    byte p260, p261, p262, p263, p264, p265, p266, p267, p268, p269, p26a, p26b, p26c, p26d, p26e, p26f;
    byte p270, p271, p272, p273, p274, p275, p276, p277, p278, p279, p27a, p27b, p27c, p27d, p27e, p27f;

    MpscLinkedPad2(MpscLinkedQueue.Node<E> stub) {
        super(stub);
    }
}
