package dev.cooper.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dispatch benchmarks compare like with like: over the same message mix, every way of
 * dispatching computes the same result for every message, and the mix exercises every case.
 */
class DispatchTest {

    @Test
    void everyDispatchOverFourCasesAgreesWithTheSwitch() {
        Dispatch4 d = new Dispatch4();
        d.setUp();
        Map<String, ToIntFunction<Msg4>> ways = new LinkedHashMap<>();
        ways.put("instanceof", d::byInstanceof);
        ways.put("visitor", d::byVisitor);
        ways.put("Handler", d::byHandler);
        ways.put("Cases.tag", d::byTag);
        ways.put("ClassValue", d::byClassValue);
        ways.put("Vavr Match", d::byVavrMatch);
        ways.put("Vavr Match, hoisted", d::byVavrMatchHoisted);
        assertAgree(d.messages(), d::bySwitch, ways);
        assertEquals(d.patternSwitch(), d.vavrMatch(), "benchmark sums");
    }

    @Test
    void everyDispatchOverEightCasesAgreesWithTheSwitch() {
        Dispatch8 d = new Dispatch8();
        d.setUp();
        Map<String, ToIntFunction<Msg8>> ways = new LinkedHashMap<>();
        ways.put("instanceof", d::byInstanceof);
        ways.put("visitor", d::byVisitor);
        ways.put("Handler", d::byHandler);
        ways.put("Cases.tag", d::byTag);
        ways.put("ClassValue", d::byClassValue);
        ways.put("Vavr Match", d::byVavrMatch);
        ways.put("Vavr Match, hoisted", d::byVavrMatchHoisted);
        assertAgree(d.messages(), d::bySwitch, ways);
        assertEquals(d.patternSwitch(), d.handler(), "benchmark sums");
    }

    @Test
    void everyDispatchOverThirtyTwoCasesAgreesWithTheSwitch() {
        Dispatch32 d = new Dispatch32();
        d.setUp();
        Map<String, ToIntFunction<Msg32>> ways = new LinkedHashMap<>();
        ways.put("instanceof", d::byInstanceof);
        ways.put("visitor", d::byVisitor);
        ways.put("Handler", d::byHandler);
        ways.put("Cases.tag", d::byTag);
        ways.put("ClassValue", d::byClassValue);
        ways.put("Vavr Match", d::byVavrMatch);
        ways.put("Vavr Match, hoisted", d::byVavrMatchHoisted);
        assertAgree(d.messages(), d::bySwitch, ways);
        assertEquals(d.patternSwitch(), d.casesTag(), "benchmark sums");
    }

    @Test
    void theMixHoldsEveryCaseAndIsTheSameForTheSameSeed() {
        for (Class<?> root : new Class<?>[] {Msg4.class, Msg8.class, Msg32.class}) {
            Object[] mix = DispatchMix.messages(root, DispatchMix.SEED);
            assertEquals(DispatchMix.SIZE, mix.length);
            assertEquals(root.getPermittedSubclasses().length,
                    Arrays.stream(mix).map(Object::getClass).distinct().count(),
                    root.getSimpleName() + " cases in the mix");
            assertEquals(Arrays.asList(mix), Arrays.asList(DispatchMix.messages(root, DispatchMix.SEED)),
                    root.getSimpleName() + " mix replayed from the seed");
        }
    }

    @Test
    void casesTagAgreesWithTheSwitchOnTheCaseOfEveryMessage() {
        CaseTag d = new CaseTag();
        d.setUp();
        assertAgree(d.messages(), d::bySwitch, Map.of("Cases.tag", d::byTag));
        assertEquals(d.patternSwitch(), d.casesTag(), "benchmark sums");
    }

    private static <T> void assertAgree(T[] messages, ToIntFunction<T> expected, Map<String, ToIntFunction<T>> ways) {
        for (T m : messages) {
            int want = expected.applyAsInt(m);
            Map<String, Integer> got = ways.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().applyAsInt(m), (a, b) -> a, LinkedHashMap::new));
            for (Map.Entry<String, Integer> e : got.entrySet()) {
                assertEquals(want, e.getValue(), () -> e.getKey() + " on " + m + ": " + got);
            }
        }
    }
}
