package dev.cooper.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Generators stay in their bounds, cover them, and replay from choices. */
class GenTest {

    private static final int N = 2_000;

    @Test
    void intsStayInRangeAndReachBothEnds() {
        int[][] ranges = {{-5, 5}, {10, 20}, {-20, -10}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {7, 7}};
        for (int[] r : ranges) {
            List<Integer> xs = Gen.ints(r[0], r[1]).samples(1, N);
            assertTrue(xs.stream().allMatch(x -> x >= r[0] && x <= r[1]), "in " + r[0] + ".." + r[1]);
            assertTrue(xs.contains(r[0]) && xs.contains(r[1]), "both ends of " + r[0] + ".." + r[1]);
        }
    }

    @Test
    void longsCoverTheWholeRangeWithSmallValuesCommon() {
        List<Long> xs = Gen.longs().samples(2, N);
        assertTrue(xs.contains(Long.MIN_VALUE) && xs.contains(Long.MAX_VALUE));
        assertTrue(xs.stream().filter(x -> Math.abs(x) < 1_000_000).count() > N / 20, "small magnitudes common");
        assertTrue(xs.stream().anyMatch(x -> x < 0) && xs.stream().anyMatch(x -> x > 0));
    }

    @Test
    void doublesStayInRange() {
        List<Double> xs = Gen.doubles(-2.5, 1e6).samples(3, N);
        assertTrue(xs.stream().allMatch(x -> x >= -2.5 && x <= 1e6));
        assertTrue(xs.contains(-2.5) && xs.contains(1e6));
        assertTrue(Gen.doubles(3, 4).samples(4, N).stream().allMatch(x -> x >= 3 && x <= 4));
        assertEquals("max: 1.0 (expected: finite and >= min 2.0)",
                assertThrows(IllegalArgumentException.class, () -> Gen.doubles(2, 1)).getMessage());
        assertEquals("min: NaN (expected: finite)",
                assertThrows(IllegalArgumentException.class, () -> Gen.doubles(Double.NaN, 1)).getMessage());
    }

    @Test
    void collectionsRespectTheirSizeBounds() {
        List<List<Integer>> lists = Gen.ints(0, 3).list(2, 6).samples(5, N);
        assertEquals(Set.of(2, 3, 4, 5, 6), lists.stream().map(List::size).collect(Collectors.toSet()));
        List<Set<Integer>> sets = Gen.ints(0, 1000).set(1, 4).samples(6, N);
        assertEquals(Set.of(1, 2, 3, 4), sets.stream().map(Set::size).collect(Collectors.toSet()));
        List<Map<Integer, String>> maps = Gen.mapOf(Gen.ints(0, 9), Gen.strings(0, 2), 3, 5).samples(7, N);
        assertEquals(Set.of(3, 4, 5), maps.stream().map(Map::size).collect(Collectors.toSet()));
        assertTrue(Gen.strings(1, 3).samples(8, N).stream().allMatch(s -> s.length() >= 1 && s.length() <= 3));
        assertEquals("maxSize: 1 (expected: >= minSize 2)",
                assertThrows(IllegalArgumentException.class, () -> Gen.ints().list(2, 1)).getMessage());
    }

    @Test
    void setThatCannotFindEnoughDistinctElementsGivesUp() {
        GenerationException e = assertThrows(GenerationException.class,
                () -> Gen.ints(0, 2).set(5, 5).samples(1, 1));
        assertTrue(e.getMessage().startsWith("a set needs 5 distinct elements, but after 3"), e.getMessage());
    }

    @Test
    void choicesReachEveryAlternativeInProportion() {
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(Gen.elements("a", "b", "c").samples(9, 200)));
        assertEquals(Set.of(1, 2), Set.copyOf(Gen.oneOf(Gen.constant(1), Gen.constant(2)).samples(10, 200)));
        List<String> weighted = Gen.frequency(Map.entry(9, Gen.constant("often")), Map.entry(1, Gen.constant("rare")))
                .samples(11, N);
        long rare = weighted.stream().filter("rare"::equals).count();
        assertTrue(rare > N / 20 && rare < N / 5, "about a tenth rare: " + rare);
        assertEquals(Set.of('x', 'y'), Set.copyOf(Gen.chars("xy").samples(12, 100)));
        assertTrue(Gen.chars('a', 'c').samples(13, 100).stream().allMatch(c -> c >= 'a' && c <= 'c'));
        assertEquals("values: [] (expected: at least one)",
                assertThrows(IllegalArgumentException.class, () -> Gen.elements(List.of())).getMessage());
        assertEquals("weight: 0 (expected: >= 1)", assertThrows(IllegalArgumentException.class,
                () -> Gen.frequency(Map.entry(0, Gen.constant(1)))).getMessage());
    }

    @Test
    void recursiveGeneratorRespectsItsDepth() {
        Gen<Msg.Expr> exprs = Gen.recursive(Gen.ints(0, 9).map(Msg.Lit::new),
                sub -> Gen.oneOf(Gen.zip(sub, sub, Msg.Add::new), sub.map(Msg.Neg::new)), 3);
        List<Msg.Expr> xs = exprs.samples(14, N);
        assertEquals(4, xs.stream().mapToInt(Msg.Expr::depth).max().orElseThrow(), "three levels above a literal");
    }

    @Test
    void sourceReplaysItsChoicesAndDrawsZeroPastTheEnd() {
        Source random = Source.random(15);
        Gen<List<Integer>> gen = Gen.ints(-100, 100).list(0, 10);
        List<Integer> value = gen.generate(random);
        long[] choices = random.choices();
        Source replay = Source.replay(choices);
        assertEquals(value, gen.generate(replay));
        assertArrayEquals(choices, replay.choices());
        Source empty = Source.replay(new long[0]);
        assertEquals(0, empty.draw(100));
        assertTrue(empty.pastEnd());
        assertEquals(3, Source.replay(new long[] {13}).draw(4), "a choice above the bound wraps around");
        assertEquals(List.of(), gen.generate(Source.replay(new long[0])));
    }

    @Test
    void lazyGeneratorIsBuiltOnce() {
        int[] built = {0};
        Gen<Integer> lazy = Gen.lazy(() -> {
            built[0]++;
            return Gen.ints(0, 5);
        });
        assertTrue(lazy.samples(16, 50).stream().allMatch(x -> x >= 0 && x <= 5));
        assertEquals(1, built[0]);
    }
}
