package dev.cooper.concurrent.queue;

import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The operations Lincheck calls on a queue of the kind in {@link LincheckTarget}, one class
 * per concurrency shape: single-producer kinds put every insert in the {@code producers}
 * non-parallel group (Lincheck then runs them all on one thread), single-consumer kinds put
 * every removal and {@code peek} in {@code consumers}. {@code size()} is not among the
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

    /** Holds the queue under test; built fresh by Lincheck for every invocation. */
    abstract static class Base {
        final MessageQueue<Integer> queue = LincheckTarget.create();
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
    }

}
