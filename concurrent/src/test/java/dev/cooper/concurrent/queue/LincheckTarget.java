package dev.cooper.concurrent.queue;

/**
 * What the Lincheck operation classes build. Lincheck instantiates them through their no-arg
 * constructors, so the JUnit test sets the kind and capacity here before each check; the
 * checks of one JVM run one after another.
 */
final class LincheckTarget {
    private static volatile QueueKind kind;
    private static volatile int requestedCapacity;
    private static volatile int specCapacity;

    private LincheckTarget() {
    }

    /** Points the operation classes at {@code kind}, built with {@code capacity}. */
    static void set(QueueKind kind, int capacity) {
        LincheckTarget.kind = kind;
        LincheckTarget.requestedCapacity = capacity;
        LincheckTarget.specCapacity = kind.create(capacity).capacity();
    }

    /** Points the sequential specification at a capacity, for queues that are not kinds. */
    static void setSpecCapacity(int capacity) {
        LincheckTarget.kind = null;
        LincheckTarget.specCapacity = capacity;
    }

    static MessageQueue<Integer> create() {
        return kind.create(requestedCapacity);
    }

    /** The capacity the queue really has (kinds may round up); unbounded kinds: MAX_VALUE. */
    static int specCapacity() {
        return specCapacity;
    }
}
