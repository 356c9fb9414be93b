package dev.cooper.concurrent.queue;

import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The operations Lincheck calls on a queue of the kind in {@link LincheckTarget}, one class
 * per concurrency shape: single-producer kinds put every insert in the {@code producers}
 * non-parallel group (Lincheck then runs them all on one thread), single-consumer kinds put
 * every removal and {@code peek} in {@code consumers}. The {@code ...WithSize} classes add
 * {@code size()} for kinds whose size is linearizable.
 */
final class QueueOperations {

    private QueueOperations() {
    }

    /** The operation class for {@code kind}, with or without {@code size()}. */
    static Class<?> forKind(QueueKind kind, boolean withSize) {
        if (kind.multiProducer()) {
            if (kind.multiConsumer()) {
                return withSize ? MpmcWithSize.class : Mpmc.class;
            }
            return withSize ? MpscWithSize.class : Mpsc.class;
        }
        if (kind.multiConsumer()) {
            return withSize ? SpmcWithSize.class : Spmc.class;
        }
        return withSize ? SpscWithSize.class : Spsc.class;
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

    public static class MpmcWithSize extends Mpmc {
        /** Not covered by {@link QueueKind#lockFree()}, so kept out of the progress check. */
        @Operation(blocking = true)
        public int size() {
            return queue.size();
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

    public static class MpscWithSize extends Mpsc {
        /** Not covered by {@link QueueKind#lockFree()}, so kept out of the progress check. */
        @Operation(blocking = true)
        public int size() {
            return queue.size();
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

    public static class SpmcWithSize extends Spmc {
        /** Not covered by {@link QueueKind#lockFree()}, so kept out of the progress check. */
        @Operation(blocking = true)
        public int size() {
            return queue.size();
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

    public static class SpscWithSize extends Spsc {
        /** Not covered by {@link QueueKind#lockFree()}, so kept out of the progress check. */
        @Operation(blocking = true)
        public int size() {
            return queue.size();
        }
    }
}
