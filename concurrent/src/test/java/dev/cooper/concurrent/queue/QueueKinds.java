package dev.cooper.concurrent.queue;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Argument sources and small facts about kinds shared by the queue suites. */
final class QueueKinds {

    /** The capacities every contract check runs at; see {@link EdgeCapacities}. */
    static final int[] EDGE_CAPACITIES = {1, 2, 3, 16, 1000};

    /** Whether the long runs of the stress profile ({@code -Pstress}) are on. */
    static final boolean STRESS = Boolean.getBoolean("cooper.stress");

    private QueueKinds() {
    }

    static Stream<Arguments> withEdgeCapacities() {
        return Arrays.stream(QueueKind.values())
                .flatMap(kind -> IntStream.of(EDGE_CAPACITIES).mapToObj(c -> Arguments.of(kind, c)));
    }

    /** How many producer threads a test may run on {@code kind}: 1 for single-producer kinds. */
    static int producers(QueueKind kind, int many) {
        return kind.multiProducer() ? many : 1;
    }

    /** How many consumer threads a test may run on {@code kind}: 1 for single-consumer kinds. */
    static int consumers(QueueKind kind, int many) {
        return kind.multiConsumer() ? many : 1;
    }
}
