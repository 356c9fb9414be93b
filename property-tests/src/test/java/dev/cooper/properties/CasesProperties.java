package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.variant.Cases;
import org.junit.jupiter.api.Test;

/**
 * {@link Cases} tags are dense and stable: {@code type} and {@code tagOf} are inverse on
 * {@code 0..count()-1} and refuse anything else, and every derived instance gets the tag of its
 * case, the one its position in the {@code permits} order gives, every time it is asked.
 */
class CasesProperties {

    private static final Cases<Event> CASES = Cases.of(Event.class);

    @Test
    void typeAndTagOfAreInverseOnExactlyTheDenseRange() {
        assertEquals(Event.CASES, CASES.count());
        Property.forAll(Gen.ints(-3, Event.CASES + 3)).check(tag -> {
            if (tag >= 0 && tag < Event.CASES) {
                Class<? extends Event> type = CASES.type(tag);
                assertEquals(tag, CASES.tagOf(type));
                assertEquals(type, CASES.types().get(tag));
                assertEquals(type.getSimpleName(), CASES.name(tag));
                assertTrue(CASES.isCase(type));
            } else {
                assertThrows(IndexOutOfBoundsException.class, () -> CASES.type(tag));
                assertThrows(IndexOutOfBoundsException.class, () -> CASES.name(tag));
            }
        });
    }

    @Test
    void derivedInstancesGetTheTagOfTheirCase() {
        Property.forAll(Gen.of(Event.class)).check(event -> {
            int tag = CASES.tag(event);
            assertEquals(Event.expectedTag(event), tag, () -> event + " in " + CASES);
            assertTrue(CASES.type(tag).isInstance(event), () -> event + " is not a " + CASES.type(tag));
            assertEquals(tag, CASES.tag(event), "asked again");
            assertSame(CASES, Cases.of(Event.class), "one descriptor per root");
        });
    }

    record Pair(Event first, Event second) {}

    @Test
    void twoEventsShareATagExactlyWhenTheyShareACase() {
        Property.forAll(Gen.zip(Gen.of(Event.class), Gen.of(Event.class), Pair::new))
                .check(pair -> assertEquals(caseOf(pair.first()) == caseOf(pair.second()),
                        CASES.tag(pair.first()) == CASES.tag(pair.second()), pair::toString));
    }

    /** The leaf case an event belongs to: the first of {@code types()} it is an instance of. */
    private static Class<? extends Event> caseOf(Event event) {
        return CASES.types().stream().filter(t -> t.isInstance(event)).findFirst().orElseThrow();
    }
}
