package dev.cooper.concurrent.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The field layout shared by the two lock-free linked kinds (MpscLinkedQueue,
 * MpmcLinkedQueue), padded through the class hierarchy so that the producers' tail and the
 * consumers' head never share a cache line (~128 bytes each side: two 64-byte lines, or one
 * adjacent-line prefetch pair):
 *
 *   LockFreeQueuePad      128 bytes
 *   LinkedQueueTailField  tail, notEmptyTop
 *   LinkedQueuePad1       128 bytes
 *   LinkedQueueHeadField  head, notFullTop
 *   LinkedQueuePad2       128 bytes
 *
 * Each end also holds the waiter-stack top its side reads after every change (decision
 * 0018): producers check notEmptyTop after an insert, consumers notFullTop after a removal.
 *
 * The padding is in bytes, not longs: HotSpot puts a subclass's small fields into the gaps a
 * superclass leaves before 8-byte alignment, and longs would leave such gaps next to the hot
 * fields (checked with JOL 0.17 on JDK 25, see MpscLinkedQueue and MpmcLinkedQueue).
 *
 * Only the layout is shared: each field has a helper per access mode, and each queue uses
 * those its algorithm needs (its class comment says which and why).
 */

/** The producers' end: the last node (or one behind it, where the algorithm lets it lag). */
abstract class LinkedQueueTailField<E> extends LockFreeQueuePad<E> {
    private volatile LinkedNode<E> tail;
    /**
     * Top of the stack of consumers waiting for an element (see {@link AbstractLockFreeQueue}):
     * next to the tail because producers read it after every insert.
     */
    private volatile Waiters.Node notEmptyTop;

    LinkedQueueTailField(boolean fencedInsert, boolean fencedRemove, LinkedNode<E> dummy) {
        super(fencedInsert, fencedRemove);
        this.tail = dummy;
    }

    // VarHandle mechanics

    final LinkedNode<E> volatileTail() {
        return tail;
    }

    @SuppressWarnings("unchecked")
    final LinkedNode<E> getAndSetTail(LinkedNode<E> node) {
        return (LinkedNode<E>) TAIL.getAndSet(this, node);
    }

    final boolean casTail(LinkedNode<E> expected, LinkedNode<E> value) {
        return TAIL.compareAndSet(this, expected, value);
    }

    @Override
    final VarHandle notEmptyTop() {
        return NOT_EMPTY_TOP;
    }

    private static final VarHandle TAIL;
    private static final VarHandle NOT_EMPTY_TOP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(LinkedQueueTailField.class, "tail", LinkedNode.class);
            NOT_EMPTY_TOP = lookup.findVarHandle(LinkedQueueTailField.class, "notEmptyTop", Waiters.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding between the tail and the head. */
abstract class LinkedQueuePad1<E> extends LinkedQueueTailField<E> {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

    LinkedQueuePad1(boolean fencedInsert, boolean fencedRemove, LinkedNode<E> dummy) {
        super(fencedInsert, fencedRemove, dummy);
    }
}

/** The consumers' end: the dummy node, whose successors hold the elements. */
abstract class LinkedQueueHeadField<E> extends LinkedQueuePad1<E> {
    private volatile LinkedNode<E> head;
    /**
     * Top of the stack of producers waiting for room (see {@link AbstractLockFreeQueue}): next
     * to the head because consumers read it after every removal.
     */
    private volatile Waiters.Node notFullTop;

    LinkedQueueHeadField(boolean fencedInsert, boolean fencedRemove, LinkedNode<E> dummy) {
        super(fencedInsert, fencedRemove, dummy);
        this.head = dummy;
    }

    // VarHandle mechanics

    @SuppressWarnings("unchecked")
    final LinkedNode<E> plainHead() {
        return (LinkedNode<E>) HEAD.get(this);
    }

    @SuppressWarnings("unchecked")
    final LinkedNode<E> acquireHead() {
        return (LinkedNode<E>) HEAD.getAcquire(this);
    }

    final LinkedNode<E> volatileHead() {
        return head;
    }

    final void releaseHead(LinkedNode<E> node) {
        HEAD.setRelease(this, node);
    }

    final boolean casHead(LinkedNode<E> expected, LinkedNode<E> value) {
        return HEAD.compareAndSet(this, expected, value);
    }

    @Override
    final VarHandle notFullTop() {
        return NOT_FULL_TOP;
    }

    private static final VarHandle HEAD;
    private static final VarHandle NOT_FULL_TOP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LinkedQueueHeadField.class, "head", LinkedNode.class);
            NOT_FULL_TOP = lookup.findVarHandle(LinkedQueueHeadField.class, "notFullTop", Waiters.Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}

/** Padding after the head. */
abstract class LinkedQueuePad2<E> extends LinkedQueueHeadField<E> {
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p20a, p20b, p20c, p20d, p20e, p20f;
    byte p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p21a, p21b, p21c, p21d, p21e, p21f;
    byte p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p22a, p22b, p22c, p22d, p22e, p22f;
    byte p230, p231, p232, p233, p234, p235, p236, p237, p238, p239, p23a, p23b, p23c, p23d, p23e, p23f;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p24a, p24b, p24c, p24d, p24e, p24f;
    byte p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p25a, p25b, p25c, p25d, p25e, p25f;
    byte p260, p261, p262, p263, p264, p265, p266, p267, p268, p269, p26a, p26b, p26c, p26d, p26e, p26f;
    byte p270, p271, p272, p273, p274, p275, p276, p277, p278, p279, p27a, p27b, p27c, p27d, p27e, p27f;

    LinkedQueuePad2(boolean fencedInsert, boolean fencedRemove, LinkedNode<E> dummy) {
        super(fencedInsert, fencedRemove, dummy);
    }
}
