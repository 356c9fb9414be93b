package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.variant.Cases;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Derived generators reach every case of a sealed hierarchy, records, enum and Immutables case
 * alike, from any seed; a generator derived for a sealed sub-interface reaches exactly its
 * cases.
 */
class DerivationProperties {

    /** Enough samples that a case with probability 1/7 is missed with odds below 1e-13. */
    private static final int SAMPLES = 200;

    @Test
    void derivedEventsReachEveryCaseFromAnySeed() {
        Cases<Event> cases = Cases.of(Event.class);
        Gen<Event> events = Gen.of(Event.class);
        Set<Integer> all = IntStream.range(0, cases.count()).boxed().collect(Collectors.toSet());
        Property.forAll(Gen.longs()).check(seed -> {
            Set<Integer> reached = events.samples(seed, SAMPLES).stream().map(cases::tag)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(all, reached, () -> "cases reached: " + reached + " of " + cases);
        });
    }

    @Test
    void aSubInterfaceDerivesExactlyItsCases() {
        Gen<Event.Control> controls = Gen.of(Event.Control.class);
        Property.forAll(Gen.longs()).check(seed -> assertEquals(
                Set.of(Event.Start.class, Event.Stop.class),
                controls.samples(seed, SAMPLES).stream().map(Object::getClass).collect(Collectors.toSet())));
    }
}
