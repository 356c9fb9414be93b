package dev.cooper.concurrent.queue;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The operations Lincheck calls on a queue of the kind in {@link LincheckTarget}, one class
 * per concurrency shape: single-producer kinds put every insert (with {@code fill}) in the {@code producers}
 * non-parallel group (Lincheck then runs them all on one thread), single-consumer kinds put
 * every removal, {@code peek} and {@code drain} in {@code consumers}. {@code size()} is not among the
 * operations: see {@link QueueLinearizabilityTest}.
 */
final class QueueOperations {

    private QueueOperations() {
    }

    /** The operation class matching {@code kind}'s producer and consumer roles. */
    static Class<?> forKind(QueueKind kind) {
        if (kind.multiProducer()) {
            return kind.multiConsumer() ? Mpmc.class : Mpsc.class;
        }
        return kind.multiConsumer() ? Spmc.class : Spsc.class;
    }

    /**
     * Holds the queue under test; built fresh by Lincheck for every invocation. The batch
     * operations insert {@code first, first + 1, ...} and return what was drained, so a
     * result shows which elements moved, not only how many. Their limit is 0 or 1: a longer
     * batch is not one atomic step on any kind (a consumer may take the first elements of a
     * {@code fill} before the next are in, and each kind says so), so an atomic sequential
     * specification cannot judge it. At 0 and 1 the batch code paths (claims, full and empty
     * checks) must behave exactly as {@code offer} and {@code poll} do; longer batches under
     * concurrency are checked for exactly-once, in-order delivery in
     * {@link QueueStressTest} and {@link BatchClaimStressTest}.
     */
    @Param(name = "limit", gen = IntGen.class, conf = "0:1")
    abstract static class Base {
        final MessageQueue<Integer> queue = LincheckTarget.create();

        int fillFrom(int first, int limit) {
            int[] next = {first};
            return queue.fill(() -> next[0]++, limit);
        }

        List<Integer> drainUpTo(int limit) {
            List<Integer> out = new ArrayList<>();
            queue.drain(out::add, limit);
            return out;
        }
    }

    public static class Mpmc extends Base {
        @Operation
        public boolean offer(int e) {
            return queue.offer(e);
        }

        @Operation
        public Integer poll() {
            return queue.poll();
        }

        @Operation
        public Integer peek() {
            return queue.peek();
        }

        @Operation
        public int fill(int first, @Param(name = "limit") int limit) {
            return fillFrom(first, limit);
        }

        @Operation
        public List<Integer> drain(@Param(name = "limit") int limit) {
            return drainUpTo(limit);
        }
    }


    public static class Mpsc extends Base {
        @Operation
        public boolean offer(int e) {
            return queue.offer(e);
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer poll() {
            return queue.poll();
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer peek() {
            return queue.peek();
        }

        @Operation
        public int fill(int first, @Param(name = "limit") int limit) {
            return fillFrom(first, limit);
        }

        @Operation(nonParallelGroup = "consumers")
        public List<Integer> drain(@Param(name = "limit") int limit) {
            return drainUpTo(limit);
        }
    }


    public static class Spmc extends Base {
        @Operation(nonParallelGroup = "producers")
        public boolean offer(int e) {
            return queue.offer(e);
        }

        @Operation
        public Integer poll() {
            return queue.poll();
        }

        @Operation
        public Integer peek() {
            return queue.peek();
        }

        @Operation(nonParallelGroup = "producers")
        public int fill(int first, @Param(name = "limit") int limit) {
            return fillFrom(first, limit);
        }

        @Operation
        public List<Integer> drain(@Param(name = "limit") int limit) {
            return drainUpTo(limit);
        }
    }


    public static class Spsc extends Base {
        @Operation(nonParallelGroup = "producers")
        public boolean offer(int e) {
            return queue.offer(e);
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer poll() {
            return queue.poll();
        }

        @Operation(nonParallelGroup = "consumers")
        public Integer peek() {
            return queue.peek();
        }

        @Operation(nonParallelGroup = "producers")
        public int fill(int first, @Param(name = "limit") int limit) {
            return fillFrom(first, limit);
        }

        @Operation(nonParallelGroup = "consumers")
        public List<Integer> drain(@Param(name = "limit") int limit) {
            return drainUpTo(limit);
        }
    }

}
