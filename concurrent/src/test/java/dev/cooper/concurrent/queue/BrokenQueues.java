package dev.cooper.concurrent.queue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Queues with a deliberate concurrency bug, each in the shape of one of the real kinds, for
 * {@link LincheckCatchesBrokenQueuesTest} to prove that the Lincheck checks bite. Every access
 * is sequentially consistent (atomics), so the bugs are in the algorithm, not in memory
 * ordering: the model checker must find them by interleaving alone.
 */
final class BrokenQueues {

    /** Both broken rings hold this many elements, so a scenario fills them quickly. */
    static final int CAPACITY = 2;

    private BrokenQueues() {
    }

    /**
     * A Lamport single-producer single-consumer ring whose consumer publishes its new index
     * <em>before</em> reading the slot: the producer may then reuse the slot, and the consumer
     * reads the newer element (the old one is lost, the new one delivered twice).
     */
    static final class ConsumerReleasesSlotEarlyRing {
        private final AtomicReferenceArray<Integer> slots = new AtomicReferenceArray<>(CAPACITY);
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        boolean offer(Integer e) {
            long t = tail.get();
            if (t - head.get() == CAPACITY) {
                return false;
            }
            slots.set((int) (t % CAPACITY), e);
            tail.set(t + 1);
            return true;
        }

        Integer poll() {
            long h = head.get();
            if (h == tail.get()) {
                return null;
            }
            head.set(h + 1); // the bug: frees the slot before reading it
            return slots.get((int) (h % CAPACITY));
        }

        Integer peek() {
            long h = head.get();
            return h == tail.get() ? null : slots.get((int) (h % CAPACITY));
        }
    }

    /**
     * A multi-producer ring whose producers claim a slot with a plain read then write of the
     * tail instead of a compare-and-set: two producers can claim the same slot, and one
     * element overwrites the other.
     */
    static final class ProducersClaimWithoutCasRing {
        private final AtomicReferenceArray<Integer> slots = new AtomicReferenceArray<>(CAPACITY);
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        boolean offer(Integer e) {
            long t = tail.get();
            if (t - head.get() == CAPACITY) {
                return false;
            }
            slots.set((int) (t % CAPACITY), e);
            tail.set(t + 1); // the bug: get-then-set, so two producers may both claim slot t
            return true;
        }

        Integer poll() {
            long h = head.get();
            if (h == tail.get()) {
                return null;
            }
            Integer e = slots.get((int) (h % CAPACITY));
            head.set(h + 1);
            return e;
        }

        Integer peek() {
            long h = head.get();
            return h == tail.get() ? null : slots.get((int) (h % CAPACITY));
        }
    }

    /** Lincheck operations on {@link ConsumerReleasesSlotEarlyRing}, kept to its 1 -> 1 roles. */
    public static class SpscOperations {
        private final ConsumerReleasesSlotEarlyRing ring = new ConsumerReleasesSlotEarlyRing();

        @Operation(nonParallelGroup = "producers")
        public boolean offer(int e) {
            return ring.offer(e);
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer poll() {
            return ring.poll();
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer peek() {
            return ring.peek();
        }
    }

    /** Lincheck operations on {@link ProducersClaimWithoutCasRing}, with one consumer. */
    public static class MpscOperations {
        private final ProducersClaimWithoutCasRing ring = new ProducersClaimWithoutCasRing();

        @Operation
        public boolean offer(int e) {
            return ring.offer(e);
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer poll() {
            return ring.poll();
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer peek() {
            return ring.peek();
        }
    }
}
