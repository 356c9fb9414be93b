package dev.cooper.concurrent.consumer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counters of one group thread (a worker or the dispatcher): written by that thread only,
 * read by any thread taking a {@link GroupStats} snapshot.
 *
 * <p>Single writer, so an increment needs no atomic read-modify-write: the owner reads its own
 * last value plainly and publishes the new one with a release store. A reader uses acquire
 * loads. The release/acquire pair is what makes a snapshot never ahead of itself: the owner
 * increments {@code accepted} before it counts the outcome of that message, so a reader that
 * loads the outcome counters first and {@code accepted} last sees at least as many accepted
 * messages as outcomes. Each array is padded at both ends so that two threads' counters never
 * share a cache line.
 */
final class Counters {
    /** Longs of padding at each end: 128 bytes, two cache lines (adjacent-line prefetch). */
    private static final int PAD = 16;
    private static final int ACCEPTED = PAD;
    private static final int RETRIES = PAD + 1;
    private static final int CASES = PAD + 2;

    private final int caseCount;
    private final long[] slots;

    Counters(int caseCount) {
        this.caseCount = caseCount;
        this.slots = new long[CASES + 3 * caseCount + PAD];
    }

    void accepted() {
        increment(ACCEPTED);
    }

    void retried() {
        increment(RETRIES);
    }

    void handled(int tag) {
        increment(CASES + tag);
    }

    void failed(int tag) {
        increment(CASES + caseCount + tag);
    }

    void deadLettered(int tag) {
        increment(CASES + 2 * caseCount + tag);
    }

    long acceptedCount() {
        return acquireSlot(ACCEPTED);
    }

    long retryCount() {
        return acquireSlot(RETRIES);
    }

    long handledCount(int tag) {
        return acquireSlot(CASES + tag);
    }

    long failureCount(int tag) {
        return acquireSlot(CASES + caseCount + tag);
    }

    long deadLetteredCount(int tag) {
        return acquireSlot(CASES + 2 * caseCount + tag);
    }

    private void increment(int index) {
        // Plain read: this thread is the only writer of the slot, so it sees its own last value.
        releaseSlot(index, slots[index] + 1);
    }

    // VarHandle mechanics

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private void releaseSlot(int index, long value) {
        SLOTS.setRelease(slots, index, value);
    }

    private long acquireSlot(int index) {
        return (long) SLOTS.getAcquire(slots, index);
    }
}
