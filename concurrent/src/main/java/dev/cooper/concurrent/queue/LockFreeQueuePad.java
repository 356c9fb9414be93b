package dev.cooper.concurrent.queue;

/**
 * The first padding of the lock-free kinds' field layouts (AbstractArrayQueue's and
 * LinkedQueueFields'): 128 bytes between the read-only fields of {@link AbstractLockFreeQueue}
 * (and whatever precedes the object) and the producers' hot fields. The rest of each layout
 * is the family's own.
 *
 * <p>The padding is in bytes, not longs, as in {@link LockBasedQueuePad}: HotSpot puts a
 * subclass's small fields into the gaps a superclass leaves before 8-byte alignment, and byte
 * pads leave none.
 */
abstract class LockFreeQueuePad<E> extends AbstractLockFreeQueue<E> {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p00a, p00b, p00c, p00d, p00e, p00f;
    byte p010, p011, p012, p013, p014, p015, p016, p017, p018, p019, p01a, p01b, p01c, p01d, p01e, p01f;
    byte p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p02a, p02b, p02c, p02d, p02e, p02f;
    byte p030, p031, p032, p033, p034, p035, p036, p037, p038, p039, p03a, p03b, p03c, p03d, p03e, p03f;
    byte p040, p041, p042, p043, p044, p045, p046, p047, p048, p049, p04a, p04b, p04c, p04d, p04e, p04f;
    byte p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p05a, p05b, p05c, p05d, p05e, p05f;
    byte p060, p061, p062, p063, p064, p065, p066, p067, p068, p069, p06a, p06b, p06c, p06d, p06e, p06f;
    byte p070, p071, p072, p073, p074, p075, p076, p077, p078, p079, p07a, p07b, p07c, p07d, p07e, p07f;

    LockFreeQueuePad(boolean fencedInsert, boolean fencedRemove) {
        super(fencedInsert, fencedRemove);
    }
}
