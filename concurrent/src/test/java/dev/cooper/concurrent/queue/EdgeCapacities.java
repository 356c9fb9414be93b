package dev.cooper.concurrent.queue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the annotated test for every {@link QueueKind} at each of the edge capacities
 * {@link QueueKinds#EDGE_CAPACITIES} (1, 2, 3, 16, 1000: the smallest queues, a capacity that
 * is not a power of two, a small power of two, and one that kinds round up). The test method
 * takes {@code (QueueKind kind, int capacity)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} capacity {1}")
@MethodSource("dev.cooper.concurrent.queue.QueueKinds#withEdgeCapacities")
@interface EdgeCapacities {
}
