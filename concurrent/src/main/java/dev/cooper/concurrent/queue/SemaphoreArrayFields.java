package dev.cooper.concurrent.queue;

import java.util.concurrent.locks.ReentrantLock;

/*
 * The fields of SemaphoreArrayQueue, split by who writes them and padded apart (~128 bytes
 * each side): the producers' index and the consumers' index are each written on every call,
 * and must not share a cache line. LockBasedQueuePad -> read-only -> Pad1 -> producers'
 * (putLock) -> Pad2 -> consumers' (takeLock) -> Pad3. Bytes, not longs: HotSpot puts a
 * subclass's small fields into the gaps a superclass leaves before 8-byte alignment (checked
 * with JOL, see LockBasedQueuePad).
 */

/** Set in the constructor, then only read. */
abstract class SemaphoreArrayReadOnlyFields<E> extends LockBasedQueuePad<E> {
    final Object[] items;
    /** The producers' mutex: guards putIndex and putCount, every P(free) and V(filled). */
    final ReentrantLock putLock;
    /** The consumers' mutex: guards takeIndex and takeCount, every P(filled) and V(free). */
    final ReentrantLock takeLock;
    /** Permits = free slots no producer has claimed. */
    final Permits free;
    /** Permits = stored elements no consumer has claimed. */
    final Permits filled;

    SemaphoreArrayReadOnlyFields(int capacity) {
        items = new Object[capacity];
        // Allocation order puts a padded Permits after each lock, so that the two locks'
        // states (in their own small objects) do not start out on one cache line.
        putLock = new ReentrantLock();
        filled = new Permits(0, putLock);
        takeLock = new ReentrantLock();
        free = new Permits(capacity, takeLock);
    }
}

/** Padding between the read-only and the producers' fields. */
abstract class SemaphoreArrayPad1<E> extends SemaphoreArrayReadOnlyFields<E> {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

    SemaphoreArrayPad1(int capacity) {
        super(capacity);
    }
}

/** The producers' end, guarded by putLock. */
abstract class SemaphoreArrayPutFields<E> extends SemaphoreArrayPad1<E> {
    /** Next slot to store into; guarded by putLock. */
    int putIndex;
    /** Elements ever stored, less those removed by remove(Object); guarded by putLock. */
    long putCount;

    SemaphoreArrayPutFields(int capacity) {
        super(capacity);
    }
}

/** Padding between the producers' and the consumers' fields. */
abstract class SemaphoreArrayPad2<E> extends SemaphoreArrayPutFields<E> {
    byte p200, p201, p202, p203, p204, p205, p206, p207, p208, p209, p20a, p20b, p20c, p20d, p20e, p20f;
    byte p210, p211, p212, p213, p214, p215, p216, p217, p218, p219, p21a, p21b, p21c, p21d, p21e, p21f;
    byte p220, p221, p222, p223, p224, p225, p226, p227, p228, p229, p22a, p22b, p22c, p22d, p22e, p22f;
    byte p230, p231, p232, p233, p234, p235, p236, p237, p238, p239, p23a, p23b, p23c, p23d, p23e, p23f;
    byte p240, p241, p242, p243, p244, p245, p246, p247, p248, p249, p24a, p24b, p24c, p24d, p24e, p24f;
    byte p250, p251, p252, p253, p254, p255, p256, p257, p258, p259, p25a, p25b, p25c, p25d, p25e, p25f;
    byte p260, p261, p262, p263, p264, p265, p266, p267, p268, p269, p26a, p26b, p26c, p26d, p26e, p26f;
    byte p270, p271, p272, p273, p274, p275, p276, p277, p278, p279, p27a, p27b, p27c, p27d, p27e, p27f;

    SemaphoreArrayPad2(int capacity) {
        super(capacity);
    }
}

/** The consumers' end, guarded by takeLock. */
abstract class SemaphoreArrayTakeFields<E> extends SemaphoreArrayPad2<E> {
    /** Next slot to take from; guarded by takeLock. */
    int takeIndex;
    /** Elements ever taken; guarded by takeLock. */
    long takeCount;

    SemaphoreArrayTakeFields(int capacity) {
        super(capacity);
    }
}

/** Padding after the consumers' fields. */
abstract class SemaphoreArrayPad3<E> extends SemaphoreArrayTakeFields<E> {
    byte p300, p301, p302, p303, p304, p305, p306, p307, p308, p309, p30a, p30b, p30c, p30d, p30e, p30f;
    byte p310, p311, p312, p313, p314, p315, p316, p317, p318, p319, p31a, p31b, p31c, p31d, p31e, p31f;
    byte p320, p321, p322, p323, p324, p325, p326, p327, p328, p329, p32a, p32b, p32c, p32d, p32e, p32f;
    byte p330, p331, p332, p333, p334, p335, p336, p337, p338, p339, p33a, p33b, p33c, p33d, p33e, p33f;
    byte p340, p341, p342, p343, p344, p345, p346, p347, p348, p349, p34a, p34b, p34c, p34d, p34e, p34f;
    byte p350, p351, p352, p353, p354, p355, p356, p357, p358, p359, p35a, p35b, p35c, p35d, p35e, p35f;
    byte p360, p361, p362, p363, p364, p365, p366, p367, p368, p369, p36a, p36b, p36c, p36d, p36e, p36f;
    byte p370, p371, p372, p373, p374, p375, p376, p377, p378, p379, p37a, p37b, p37c, p37d, p37e, p37f;

    SemaphoreArrayPad3(int capacity) {
        super(capacity);
    }
}
