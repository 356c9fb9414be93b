package dev.cooper.concurrent.queue;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The fields of TwoLockLinkedQueue, split by who writes them and padded apart (~128 bytes each
 * side) so that a producer's writes never invalidate the cache line a consumer reads on every
 * call, nor the reverse: ...Pad0 -> shared, rarely written -> Pad1 -> producers' (putLock) ->
 * Pad2 -> consumers' (takeLock) -> Pad3.
 */

/** Padding before the shared fields. */
abstract class TwoLockLinkedPad0<E> extends AbstractMessageQueue<E> {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** Read by both ends on every call, written only when a thread starts or stops waiting. */
abstract class TwoLockLinkedSharedFields<E> extends TwoLockLinkedPad0<E> {
    final int capacity;
    /** Threads in notEmpty.await: written under takeLock, read by producers without it. */
    volatile int waitingTakers;
    /** Threads in notFull.await: written under putLock, read by consumers without it. */
    volatile int waitingPutters;

    TwoLockLinkedSharedFields(int capacity) {
        this.capacity = capacity;
    }
}

/** Padding between the shared and the producers' fields. */
abstract class TwoLockLinkedPad1<E> extends TwoLockLinkedSharedFields<E> {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

    TwoLockLinkedPad1(int capacity) {
        super(capacity);
    }
}

/** The producers' end, guarded by putLock. */
abstract class TwoLockLinkedPutFields<E> extends TwoLockLinkedPad1<E> {
    final ReentrantLock putLock = new ReentrantLock();
    final Condition notFull = putLock.newCondition();
    /** The last node; guarded by putLock. */
    TwoLockLinkedQueue.Node<E> last;
    /** Elements ever inserted: written under putLock (release), read anywhere (acquire). */
    volatile long putCount;
    /** A takeCount seen earlier, never above the real one; guarded by putLock. */
    long cachedTakeCount;

    TwoLockLinkedPutFields(int capacity) {
        super(capacity);
    }
}

/** Padding between the producers' and the consumers' fields. */
abstract class TwoLockLinkedPad2<E> extends TwoLockLinkedPutFields<E> {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

    TwoLockLinkedPad2(int capacity) {
        super(capacity);
    }
}

/** The consumers' end, guarded by takeLock. */
abstract class TwoLockLinkedTakeFields<E> extends TwoLockLinkedPad2<E> {
    final ReentrantLock takeLock = new ReentrantLock();
    final Condition notEmpty = takeLock.newCondition();
    /** The dummy node; guarded by takeLock. */
    TwoLockLinkedQueue.Node<E> head;
    /** Elements ever removed: written under takeLock (volatile), read anywhere. */
    volatile long takeCount;

    TwoLockLinkedTakeFields(int capacity) {
        super(capacity);
    }
}

/** Padding after the consumers' fields. */
abstract class TwoLockLinkedPad3<E> extends TwoLockLinkedTakeFields<E> {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;

    TwoLockLinkedPad3(int capacity) {
        super(capacity);
    }
}
