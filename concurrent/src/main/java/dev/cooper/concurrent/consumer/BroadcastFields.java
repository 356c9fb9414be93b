package dev.cooper.concurrent.consumer;

/**
 * The field layout of {@link Broadcast}, in two groups on cache lines of their own (byte pads,
 * as the queues' layouts use, so that HotSpot cannot move a later class's small fields into a
 * gap; {@code BroadcastLayoutTest} reads the result with JOL).
 *
 * <ul>
 *   <li><b>The read-mostly line</b>: the ring and its mask, the policy, and the fields changed
 *       only on rare events (close, join and leave, a writer parking). Every reader reads them
 *       for every message, so nothing written per message may share their line.</li>
 *   <li><b>The writer's line</b>: the cursor and the claim, which the writer stores for every
 *       message, its cached gating limit, and the count of waiting readers, which the writer
 *       checks after every publish and readers change only when they park (decision 0018's
 *       rule: a check reads a line its own core has just written).</li>
 * </ul>
 */
abstract class BroadcastReadMostlyFields {
    final Object[] ring;
    final int mask;
    final Overflow overflow;
    /** Set by the writer's close, after its last publish. */
    volatile boolean closed;
    /** Registered readers; replaced (copy on write) by CAS. */
    volatile Broadcast.Reader<?>[] readers = new Broadcast.Reader<?>[0];
    /** The writer while it waits for room (BLOCK mode); null otherwise. */
    volatile Thread parkedWriter;

    BroadcastReadMostlyFields(int size, Overflow overflow) {
        this.ring = new Object[size];
        this.mask = size - 1;
        this.overflow = overflow;
    }
}

/** 128 bytes between the read-mostly fields and the writer's. */
abstract class BroadcastPad1 extends BroadcastReadMostlyFields {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p00a, p00b, p00c, p00d, p00e, p00f;
    byte p010, p011, p012, p013, p014, p015, p016, p017, p018, p019, p01a, p01b, p01c, p01d, p01e, p01f;
    byte p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p02a, p02b, p02c, p02d, p02e, p02f;
    byte p030, p031, p032, p033, p034, p035, p036, p037, p038, p039, p03a, p03b, p03c, p03d, p03e, p03f;
    byte p040, p041, p042, p043, p044, p045, p046, p047, p048, p049, p04a, p04b, p04c, p04d, p04e, p04f;
    byte p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p05a, p05b, p05c, p05d, p05e, p05f;
    byte p060, p061, p062, p063, p064, p065, p066, p067, p068, p069, p06a, p06b, p06c, p06d, p06e, p06f;
    byte p070, p071, p072, p073, p074, p075, p076, p077, p078, p079, p07a, p07b, p07c, p07d, p07e, p07f;

    BroadcastPad1(int size, Overflow overflow) {
        super(size, overflow);
    }
}

/** The writer's fields. */
abstract class BroadcastWriterFields extends BroadcastPad1 {
    /** The last published sequence; -1 before the first. Written by the writer only. */
    volatile long cursor = -1;
    /** DROP mode: the sequence the writer is writing or has written last. */
    volatile long claimed = -1;
    /** Writer-local: publishes up to this sequence need no look at the readers. */
    long gatingLimit = -1;
    /** Readers between registering as waiters and leaving their wait. */
    volatile int waitingReaders;

    BroadcastWriterFields(int size, Overflow overflow) {
        super(size, overflow);
    }
}

/** 128 bytes after the writer's fields, against whatever the heap puts next. */
abstract class BroadcastPad2 extends BroadcastWriterFields {
    byte p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p10a, p10b, p10c, p10d, p10e, p10f;
    byte p110, p111, p112, p113, p114, p115, p116, p117, p118, p119, p11a, p11b, p11c, p11d, p11e, p11f;
    byte p120, p121, p122, p123, p124, p125, p126, p127, p128, p129, p12a, p12b, p12c, p12d, p12e, p12f;
    byte p130, p131, p132, p133, p134, p135, p136, p137, p138, p139, p13a, p13b, p13c, p13d, p13e, p13f;
    byte p140, p141, p142, p143, p144, p145, p146, p147, p148, p149, p14a, p14b, p14c, p14d, p14e, p14f;
    byte p150, p151, p152, p153, p154, p155, p156, p157, p158, p159, p15a, p15b, p15c, p15d, p15e, p15f;
    byte p160, p161, p162, p163, p164, p165, p166, p167, p168, p169, p16a, p16b, p16c, p16d, p16e, p16f;
    byte p170, p171, p172, p173, p174, p175, p176, p177, p178, p179, p17a, p17b, p17c, p17d, p17e, p17f;

    BroadcastPad2(int size, Overflow overflow) {
        super(size, overflow);
    }
}

/**
 * The 64 bytes of padding before the fields of a {@link Broadcast.Reader}, which adds as many
 * after them: each reader writes its own fields for every message (or batch), so two readers
 * joined one after the other must not share a line.
 */
abstract class BroadcastReaderPad {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p00a, p00b, p00c, p00d, p00e, p00f;
    byte p010, p011, p012, p013, p014, p015, p016, p017, p018, p019, p01a, p01b, p01c, p01d, p01e, p01f;
    byte p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p02a, p02b, p02c, p02d, p02e, p02f;
    byte p030, p031, p032, p033, p034, p035, p036, p037, p038, p039, p03a, p03b, p03c, p03d, p03e, p03f;
}

/** A reader's fields (see {@link Broadcast.Reader}), between its two pads. */
abstract class BroadcastReaderFields<T> extends BroadcastReaderPad {
    final Broadcast<T> broadcast;
    /** The last sequence received; the writer gates on it. Written by the reader. */
    volatile long sequence;
    /** The reader's thread while it parks; null otherwise. */
    volatile Thread waiter;
    /** Set by {@link Broadcast.Reader#close()}, from any thread. */
    volatile boolean left;
    /** Reader-local: the next sequence to receive. */
    long next;
    /** Reader-local: the cursor as last read; sequences up to it need no read of it. */
    long available;
    /** Reader-local: messages skipped under the drop policy. */
    long dropped;

    BroadcastReaderFields(Broadcast<T> broadcast) {
        this.broadcast = broadcast;
    }
}
