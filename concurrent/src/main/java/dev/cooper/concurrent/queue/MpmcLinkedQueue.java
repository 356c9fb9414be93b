package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unbounded multi-producer, multi-consumer lock-free queue of linked nodes: the
 * Michael &amp; Scott non-blocking queue.
 *
 * <p>Any number of threads may insert and remove at once. {@code offer}, {@code poll},
 * {@code peek} and {@code remove(Object)} are lock-free: a thread that stops mid-call never
 * prevents the others from completing theirs. The blocking methods spin, yield and then park.
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
public final class MpmcLinkedQueue<E> extends MpmcLinkedPad2<E> {

    /*
     * Algorithm: M. M. Michael and M. L. Scott, "Simple, Fast, and Practical Non-Blocking and
     * Blocking Concurrent Queue Algorithms", PODC 1996 -- the non-blocking queue. A singly
     * linked list with a dummy node at the head; head and tail are moved by CAS, and a thread
     * that finds the tail lagging (tail.next != null) swings it forward before going on
     * ("helping"), so no thread waits for a stalled one.
     *
     * - offer: read tail t and t.next; if next is null, CAS t.next from null to the new node
     *   (the linearization point), then try once to swing the tail; otherwise help the tail.
     * - poll: read head h, tail t and first = h.next; if first is null the queue is empty; if
     *   h == t the tail lags behind a linked node, help it; otherwise claim first's element.
     *
     * ABA: the paper pairs each pointer with a modification counter because a freed node can
     * come back at the same address. Under a garbage collector a node cannot be reused while
     * any thread still holds a reference to it, so plain reference CAS is safe.
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
     * - head and tail are never null; tail is reachable from head; head never passes tail
     *   (poll helps a lagging tail before moving the head past it).
     * - a node's next goes from null to its successor once and never changes.
     * - a node's item goes from its element to null at most once, never back; the head's
     *   item and the items of every node before it are null.
     * - the elements are the non-null items after the head, in list order.
     */

    /**
     * Creates an empty queue.
     *
     * @param capacity a sizing hint, unused beyond validation (the queue is unbounded)
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public MpmcLinkedQueue(int capacity) {
        super(stub(capacity));
    }

    /** Validates the capacity hint (before the superclass constructors run) and makes the dummy. */
    private static <E> Node<E> stub(int capacity) {
        checkCapacity(capacity);
        return new Node<>(null);
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
        Node<E> node = new Node<>(checkElement(e));
        while (true) {
            Node<E> t = volatileTail();
            Node<E> next = t.volatileNext();
            if (t != volatileTail()) {
                continue; // t and next are not a consistent pair: read again
            }
            if (next == null) {
                // Linearization point: the element is in once its node is linked. A CAS, so
                // the insert is fenced for the waiter handshake (see Waiters).
                if (t.casNext(null, node)) {
                    casTail(t, node); // may fail: another thread already helped
                    signalNotEmpty();
                    return true;
                }
            } else {
                casTail(t, next); // the tail lags: help it forward
            }
        }
    }

    /** Removes the head element, or returns null if the queue is empty. Lock-free. */
    @Override
    public E poll() {
        while (true) {
            Node<E> h = volatileHead();
            Node<E> t = volatileTail();
            Node<E> first = h.volatileNext();
            if (h != volatileHead()) {
                continue; // h, t and first are not a consistent snapshot: read again
            }
            if (first == null) {
                return null; // h was the head and had no successor: empty at that read
            }
            if (h == t) {
                casTail(t, first); // the tail lags behind a linked node: help it first
                continue;
            }
            E item = first.volatileItem();
            // Linearization point of a successful poll: claiming the item.
            if (item != null && first.casItem(item, null)) {
                casHead(h, first); // may fail: another thread moved the head already
                signalNotFull();
                return item;
            }
            casHead(h, first); // first was claimed or removed: move the dummy past it
        }
    }

    /** Returns the head element without removing it, or null if the queue is empty. */
    @Override
    public E peek() {
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            E item = p.volatileItem();
            if (item != null) {
                return item;
            }
        }
        return null;
    }

    /** Always true: the queue is unbounded. */
    @Override
    boolean hasRoom() {
        return true;
    }

    /**
     * The number of elements: O(n), it walks the list and counts the nodes still holding one.
     * Exact when quiescent; {@link Integer#MAX_VALUE} if there are more.
     */
    @Override
    public int size() {
        int n = 0;
        for (Node<E> p = volatileHead().volatileNext(); p != null && n < Integer.MAX_VALUE; p = p.volatileNext()) {
            if (p.volatileItem() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isEmpty() {
        return peek() == null;
    }

    @Override
    public boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
            if (o.equals(p.volatileItem())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes one element equal to {@code o}, the first found from the head, by emptying its
     * node (a CAS that races fairly with consumers claiming it). O(n). Lock-free.
     */
    @Override
    public boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        for (Node<E> p = volatileHead().volatileNext(); p != null; p = p.volatileNext()) {
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

    private final class Itr implements Iterator<E> {
        /** The node of the element {@link #next} returns next, or null at the end. */
        private Node<E> nextNode;
        private E nextItem;
        /** The node and element last returned, for remove(); null when there is none. */
        private Node<E> lastNode;
        private E lastItem;

        Itr() {
            advance(volatileHead());
        }

        /** Moves to the first node after {@code from} that still holds an element. */
        private void advance(Node<E> from) {
            for (Node<E> p = from.volatileNext(); p != null; p = p.volatileNext()) {
                E item = p.volatileItem();
                if (item != null) {
                    nextNode = p;
                    nextItem = item;
                    return;
                }
            }
            nextNode = null;
            nextItem = null;
        }

        @Override
        public boolean hasNext() {
            return nextNode != null;
        }

        @Override
        public E next() {
            Node<E> node = nextNode;
            if (node == null) {
                throw new NoSuchElementException();
            }
            lastNode = node;
            lastItem = nextItem;
            advance(node);
            return lastItem;
        }

        @Override
        public void remove() {
            Node<E> node = lastNode;
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

    /** A list node: an element (null in the dummy and once claimed) and the next link. */
    static final class Node<E> {
        private volatile E item;
        private volatile Node<E> next;

        Node(E item) {
            // Plain: the node is published by the CAS that links it (or, for the first dummy,
            // by the safe publication of the queue).
            ITEM.set(this, item);
        }

        // VarHandle mechanics

        E volatileItem() {
            return item;
        }

        boolean casItem(E expected, E value) {
            return ITEM.compareAndSet(this, expected, value);
        }

        Node<E> volatileNext() {
            return next;
        }

        boolean casNext(Node<E> expected, Node<E> value) {
            return NEXT.compareAndSet(this, expected, value);
        }

        private static final VarHandle ITEM;
        private static final VarHandle NEXT;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                ITEM = lookup.findVarHandle(Node.class, "item", Object.class);
                NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}

/** Padding before the tail (false sharing with whatever precedes the object).
 * The padding is in bytes, not longs: HotSpot puts a subclass's small fields into the gaps
 * a superclass leaves before 8-byte alignment, and longs would leave such gaps next to the
 * hot fields (checked with JOL 0.17 on JDK 25: with bytes, no two hot fields of different
 * sides share 128 bytes).
 */
abstract class MpmcLinkedPad0<E> extends AbstractLockFreeQueue<E> {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p00a, p00b, p00c, p00d, p00e, p00f;
    byte p010, p011, p012, p013, p014, p015, p016, p017, p018, p019, p01a, p01b, p01c, p01d, p01e, p01f;
    byte p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p02a, p02b, p02c, p02d, p02e, p02f;
    byte p030, p031, p032, p033, p034, p035, p036, p037, p038, p039, p03a, p03b, p03c, p03d, p03e, p03f;
    byte p040, p041, p042, p043, p044, p045, p046, p047, p048, p049, p04a, p04b, p04c, p04d, p04e, p04f;
    byte p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p05a, p05b, p05c, p05d, p05e, p05f;
    byte p060, p061, p062, p063, p064, p065, p066, p067, p068, p069, p06a, p06b, p06c, p06d, p06e, p06f;
    byte p070, p071, p072, p073, p074, p075, p076, p077, p078, p079, p07a, p07b, p07c, p07d, p07e, p07f;

    MpmcLinkedPad0() {
        super(true, true); // both offer and poll linearize with a CAS
    }
}

/** The producers' end: the tail, moved only by CAS (by producers and helping consumers). */
abstract class MpmcLinkedTailField<E> extends MpmcLinkedPad0<E> {
    private volatile MpmcLinkedQueue.Node<E> tail;

    MpmcLinkedTailField(MpmcLinkedQueue.Node<E> dummy) {
        this.tail = dummy;
    }

    // VarHandle mechanics

    final MpmcLinkedQueue.Node<E> volatileTail() {
        return tail;
    }

    final boolean casTail(MpmcLinkedQueue.Node<E> expected, MpmcLinkedQueue.Node<E> value) {
        return TAIL.compareAndSet(this, expected, value);
    }

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(
                    MpmcLinkedTailField.class, "tail", MpmcLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding between the tail and the head. */
abstract class MpmcLinkedPad1<E> extends MpmcLinkedTailField<E> {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

    MpmcLinkedPad1(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
    }
}

/** The consumers' end: the head (the dummy), moved only by CAS. */
abstract class MpmcLinkedHeadField<E> extends MpmcLinkedPad1<E> {
    private volatile MpmcLinkedQueue.Node<E> head;

    MpmcLinkedHeadField(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
        this.head = dummy;
    }

    // VarHandle mechanics

    final MpmcLinkedQueue.Node<E> volatileHead() {
        return head;
    }

    final boolean casHead(MpmcLinkedQueue.Node<E> expected, MpmcLinkedQueue.Node<E> value) {
        return HEAD.compareAndSet(this, expected, value);
    }

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(
                    MpmcLinkedHeadField.class, "head", MpmcLinkedQueue.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding after the head. */
abstract class MpmcLinkedPad2<E> extends MpmcLinkedHeadField<E> {
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p20a, p20b, p20c, p20d, p20e, p20f;
    byte p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p21a, p21b, p21c, p21d, p21e, p21f;
    byte p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p22a, p22b, p22c, p22d, p22e, p22f;
    byte p230, p231, p232, p233, p234, p235, p236, p237, p238, p239, p23a, p23b, p23c, p23d, p23e, p23f;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p24a, p24b, p24c, p24d, p24e, p24f;
    byte p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p25a, p25b, p25c, p25d, p25e, p25f;
    byte p260, p261, p262, p263, p264, p265, p266, p267, p268, p269, p26a, p26b, p26c, p26d, p26e, p26f;
    byte p270, p271, p272, p273, p274, p275, p276, p277, p278, p279, p27a, p27b, p27c, p27d, p27e, p27f;

    MpmcLinkedPad2(MpmcLinkedQueue.Node<E> dummy) {
        super(dummy);
    }
}
