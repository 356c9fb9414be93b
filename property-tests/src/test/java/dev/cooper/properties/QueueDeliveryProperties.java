package dev.cooper.properties;

import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every queue kind delivers every event exactly once, each consumer seeing each producer's
 * events in send order, under generated schedules: as many producers and consumers as the kind
 * allows (up to 3 a side), edge-heavy capacities, message counts around the capacity, pauses at
 * random points, virtual or platform threads, and each way of calling the queue: blocking
 * ({@code put}/{@code take}), non-blocking ({@code offer}/{@code poll} with back-off), timed,
 * batch ({@code fill}/{@code drain}), peeking consumers (with one consumer, a {@code poll} after a
 * {@code peek} that saw an element returns that element), and a mix.
 *
 * <p>Each property runs {@link Budget#concurrentTries()} schedules; a failing one is shrunk,
 * each candidate run up to 3 times since a thread interleaving may not come back on the first.
 */
class QueueDeliveryProperties {

    private static final int RERUNS = 3;

    static Stream<Arguments> kindsAndModes() {
        return Arrays.stream(QueueKind.values()).flatMap(kind -> Arrays.stream(DeliveryScenario.Mode.values())
                .map(mode -> Arguments.of(kind, mode)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndModes")
    void deliversExactlyOnceInProducerOrder(QueueKind kind, DeliveryScenario.Mode mode) {
        check(kind, Gen.constant(mode));
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void deliversExactlyOnceInProducerOrderWithMixedModes(QueueKind kind) {
        check(kind, Gen.enumOf(DeliveryScenario.Mode.class));
    }

    private static void check(QueueKind kind, Gen<DeliveryScenario.Mode> modes) {
        Property.forAll(DeliveryScenario.gen(kind, modes))
                .tries(Budget.concurrentTries())
                .nondeterministic(RERUNS)
                .check(scenario -> DeliveryRunner.run(scenario, kind.create(scenario.schedule().capacity())));
    }
}
