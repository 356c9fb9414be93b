package dev.cooper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shrinking reaches the known minimum of standard examples, whatever the seed. */
class ShrinkingTest {

    static <T> Object shrunk(Property<T> property, Check<? super T> check) {
        return assertThrows(PropertyFailure.class, () -> property.check(check)).shrunk();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, -7})
    void listWithABadElementShrinksToThatElementAlone(long seed) {
        Object shrunk = shrunk(Property.forAll(Gen.ints(0, 1000).list(0, 50)).seed(seed),
                list -> assertTrue(list.stream().allMatch(x -> x < 100)));
        assertEquals(List.of(100), shrunk);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, -7})
    void intAboveThresholdShrinksToTheThreshold(long seed) {
        assertEquals(1235, shrunk(Property.forAll(Gen.ints(0, 100_000)).seed(seed), x -> assertTrue(x <= 1234)));
        assertEquals(1235, shrunk(Property.forAll(Gen.ints()).seed(seed), x -> assertTrue(x <= 1234)));
        assertEquals(-1235, shrunk(Property.forAll(Gen.ints()).seed(seed), x -> assertTrue(x >= -1234)));
        assertEquals(1235L, shrunk(Property.forAll(Gen.longs()).seed(seed), x -> assertTrue(x <= 1234)));
    }

    record Pair(int a, int b) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void pairShrinksEachSideToItsThreshold(long seed) {
        Gen<Pair> pairs = Gen.zip(Gen.ints(0, 1000), Gen.ints(0, 1000), Pair::new);
        assertEquals(new Pair(11, 21),
                shrunk(Property.forAll(pairs).seed(seed), p -> assertTrue(p.a() <= 10 || p.b() <= 20)));
    }

    record Sized(int threads, List<Integer> items) {}

    /**
     * A size drawn first shrinks before the long list drawn after it: with a budget of 20
     * candidates, deleting list elements one by one would use them all up.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void leadingSizeShrinksFirst(long seed) {
        Gen<Sized> sized = Gen.zip(Gen.ints(1, 1000), Gen.ints(0, 9).list(200, 300), Sized::new);
        Sized shrunk = (Sized) shrunk(Property.forAll(sized).seed(seed).maxShrinkSteps(20),
                s -> fail("every case fails"));
        assertEquals(1, shrunk.threads());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void flatMapShrinksThroughBothStages(long seed) {
        Gen<List<Integer>> sized = Gen.ints(1, 20).flatMap(n -> Gen.ints(0, 1000).list(n, n));
        assertEquals(List.of(500),
                shrunk(Property.forAll(sized).seed(seed), list -> assertTrue(list.stream().allMatch(x -> x < 500))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void filterShrinksToTheSmallestAcceptedFailure(long seed) {
        Gen<Integer> evens = Gen.ints(0, 10_000).filter(x -> x % 2 == 0);
        assertEquals(102, shrunk(Property.forAll(evens).seed(seed), x -> assertTrue(x <= 100)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void stringShrinksToTheOffendingChar(long seed) {
        assertEquals("z", shrunk(Property.forAll(Gen.strings(0, 20)).seed(seed).tries(1000),
                s -> assertTrue(s.indexOf('z') < 0)));
    }

    record Everything(int i, long l, boolean b, String s, List<Integer> list, Optional<Integer> opt, String pick,
            double d, char c) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void alwaysFailingPropertyShrinksToTheSimplestValue(long seed) {
        Gen<Everything> everything = src -> new Everything(Gen.ints(-50, 50).generate(src),
                Gen.longs(10, 20).generate(src), Gen.booleans().generate(src), Gen.strings(0, 5).generate(src),
                Gen.ints().list(0, 5).generate(src), Gen.ints().optional().generate(src),
                Gen.oneOf(Gen.constant("first"), Gen.constant("second"), Gen.strings(1, 3)).generate(src),
                Gen.doubles(-5, -1).generate(src), Gen.chars('k', 'z').generate(src));
        assertEquals(new Everything(0, 10, false, "", List.of(), Optional.empty(), "first", -1.0, 'k'),
                shrunk(Property.forAll(everything).seed(seed), x -> fail("always")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void recursiveGeneratorShrinksToALeaf(long seed) {
        Gen<Msg.Expr> exprs = Gen.recursive(Gen.ints(0, 9).map(Msg.Lit::new),
                sub -> Gen.oneOf(Gen.zip(sub, sub, Msg.Add::new), sub.map(Msg.Neg::new)), 4);
        assertEquals(new Msg.Add(new Msg.Lit(0), new Msg.Lit(0)),
                shrunk(Property.forAll(exprs).seed(seed), e -> assertTrue(!(e instanceof Msg.Add))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void derivedValuesShrinkLikeHandWrittenOnes(long seed) {
        Object shrunk = shrunk(Property.forAll(Gen.of(Msg.Data.class)).seed(seed),
                data -> assertTrue(data.values().size() < 2));
        assertEquals(new Msg.Data(0, "", List.of(0L, 0L), Optional.empty(), java.util.Map.of()), shrunk);
    }

    /** Two equal values shrink together: neither alone can be lowered without passing. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aDuplicateShrinksToTwoZeros(long seed) {
        Object shrunk = shrunk(Property.forAll(Gen.ints(0, 1000).list(0, 30)).seed(seed).tries(1000),
                list -> assertEquals(list.size(), new java.util.HashSet<>(list).size()));
        assertEquals(List.of(0, 0), shrunk);
    }
}
