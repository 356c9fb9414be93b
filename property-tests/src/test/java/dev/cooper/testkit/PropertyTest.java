package dev.cooper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Running, reporting, replaying, discarding, rerunning. */
class PropertyTest {

    private static final Gen<List<Integer>> LISTS = Gen.ints(0, 1000).list(0, 50);

    @Test
    void passingPropertyRunsEveryTry() {
        AtomicInteger runs = new AtomicInteger();
        Property.forAll(Gen.ints()).tries(77).check(x -> runs.incrementAndGet());
        assertEquals(77, runs.get());
    }

    @Test
    void triesDefaultToTheSystemProperty() {
        AtomicInteger runs = new AtomicInteger();
        Property.forAll(Gen.ints()).check(x -> runs.incrementAndGet());
        assertEquals(Integer.parseInt(System.getProperty("cooper.tries", "100")), runs.get());
    }

    @Test
    void sameSeedGivesTheSameValues() {
        List<List<Integer>> first = new ArrayList<>();
        List<List<Integer>> second = new ArrayList<>();
        Property.forAll(LISTS).seed(99).tries(50).check(first::add);
        Property.forAll(LISTS).seed(99).tries(50).check(second::add);
        assertEquals(first, second);
        assertEquals(LISTS.samples(5, 30), LISTS.samples(5, 30));
        assertFalse(LISTS.samples(5, 30).equals(LISTS.samples(6, 30)));
    }

    @Test
    void reportedSeedReplaysTheFailingTryFirst() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(1234)
                .check(list -> assertTrue(list.size() < 12)));
        assertTrue(failure.tryNumber() > 1, "fails later than the first try");
        List<List<Integer>> replayed = new ArrayList<>();
        assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(failure.seed()).check(list -> {
            replayed.add(list);
            assertTrue(list.size() < 12);
        }));
        assertEquals(failure.original(), replayed.get(0));
    }

    @Test
    void seedSystemPropertyOverridesTheSeedInCode() {
        List<Integer> fromProperty = new ArrayList<>();
        List<Integer> fromCode = new ArrayList<>();
        String saved = System.getProperty("cooper.seed");
        System.setProperty("cooper.seed", "0x2a");
        try {
            Property.forAll(Gen.ints()).seed(7).tries(20).check(fromProperty::add);
        } finally {
            if (saved == null) {
                System.clearProperty("cooper.seed");
            } else {
                System.setProperty("cooper.seed", saved);
            }
        }
        Property.forAll(Gen.ints()).seed(42).tries(20).check(fromCode::add);
        assertEquals(fromCode, fromProperty);
    }

    @Test
    void failureNamesTryValuesSeedAndReplayHint() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(5).tries(100)
                .check(list -> assertTrue(list.stream().allMatch(x -> x < 100), "all below 100")));
        String message = failure.getMessage();
        assertTrue(message.startsWith("property failed at try " + failure.tryNumber() + " of 100 (seed "
                + failure.seed() + ")"), message);
        assertTrue(message.contains("counterexample: [100]"), message);
        assertTrue(message.contains("original:       " + failure.original()), message);
        assertTrue(message.contains("shrunk in " + failure.shrinkSteps() + " steps"), message);
        assertTrue(message.contains("all below 100"), message);
        assertTrue(message.endsWith("replay with -Dcooper.seed=" + failure.seed()), message);
        assertInstanceOf(AssertionError.class, failure);
        assertInstanceOf(org.opentest4j.AssertionFailedError.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("all below 100"));
    }

    @Test
    void predicateFormReportsTheShrunkValue() {
        PropertyFailure failure = assertThrows(PropertyFailure.class,
                () -> Property.forAll(Gen.ints(0, 10_000)).seed(3).holds(x -> x < 300));
        assertEquals(300, failure.shrunk());
        assertEquals("predicate is false", failure.getCause().getMessage());
    }

    @Test
    void noShrinkStepsKeepsTheOriginal() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(8)
                .maxShrinkSteps(0).check(list -> assertTrue(list.stream().allMatch(x -> x < 100))));
        assertEquals(0, failure.shrinkSteps());
        assertSame(failure.original(), failure.shrunk());
    }

    @Test
    void shrinkingStopsAtTheStepBudget() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(8)
                .maxShrinkSteps(3).check(list -> assertTrue(list.stream().allMatch(x -> x < 100))));
        assertEquals(3, failure.shrinkSteps());
    }

    @Test
    void shrinkingStopsAtTheTimeBudget() {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(LISTS).seed(8)
                .maxShrinkTime(Duration.ZERO).check(list -> assertTrue(list.stream().allMatch(x -> x < 100))));
        assertEquals(0, failure.shrinkSteps());
    }

    @Test
    void shrinkingKeepsTheFailureKind() {
        // Values >= 500 fail with an IllegalStateException, values 100..499 with an AssertionError:
        // shrinking the first must not slip to the second at 100.
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.ints(0, 10_000))
                .seed(4).check(x -> {
                    if (x >= 500) {
                        throw new IllegalStateException("too big: " + x);
                    }
                    assertTrue(x < 100);
                }));
        assertInstanceOf(IllegalStateException.class, failure.getSuppressed().length == 0
                ? failure.getCause() : failure.getSuppressed()[0], "the first failure was the exception");
        assertEquals(500, failure.shrunk());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }

    @Test
    void assumptionsDiscardValues() {
        List<Integer> checked = new ArrayList<>();
        Property.forAll(Gen.ints(0, 1000)).tries(50).check(x -> {
            Assumptions.assumeTrue(x % 2 == 0);
            checked.add(x);
        });
        assertEquals(50, checked.size());
        assertTrue(checked.stream().allMatch(x -> x % 2 == 0));
    }

    @Test
    void tooManyDiscardsGiveUp() {
        GenerationException e = assertThrows(GenerationException.class, () -> Property.forAll(Gen.ints()).tries(5)
                .check(x -> Assumptions.assumeTrue(false)));
        assertTrue(e.getMessage().startsWith("gave up after 51 values were discarded"), e.getMessage());
    }

    @Test
    void filterThatRejectsEverythingGivesUpSayingHowMany() {
        GenerationException e = assertThrows(GenerationException.class,
                () -> Property.forAll(Gen.ints(0, 10).filter(x -> x > 100)).seed(1).check(x -> { }));
        assertTrue(e.getMessage().startsWith("filter rejected 100 of 100 candidates in a row (last rejected: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("[try 1, seed 1]"), e.getMessage());
        GenerationException custom = assertThrows(GenerationException.class,
                () -> Gen.ints(0, 10).filter(x -> x > 100, 7).samples(1, 1));
        assertTrue(custom.getMessage().startsWith("filter rejected 7 of 7"), custom.getMessage());
    }

    /** An Error, such as a constructor's AssertionError, is a generation problem too. */
    @Test
    void generatorThatThrowsIsAnErrorWithItsSeed() {
        for (Throwable thrown : List.of(new IllegalStateException("boom"), new AssertionError("invariant"))) {
            Gen<Integer> broken = Gen.ints(0, 10).map(x -> {
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            });
            GenerationException e = assertThrows(GenerationException.class,
                    () -> Property.forAll(broken).seed(3).check(x -> { }));
            assertEquals("the generator threw " + thrown + " [try 1, seed 3]", e.getMessage());
        }
    }

    record Positive(int value) {
        Positive {
            if (value == 0) {
                throw new AssertionError("value must not be 0");
            }
        }
    }

    /**
     * While shrinking, a candidate the generator throws an Error on is not a counterexample:
     * the failure is still reported, shrunk as far as the valid candidates go.
     */
    @Test
    void generatorErrorWhileShrinkingKeepsTheFailure() {
        // The choice 0 makes Positive(0), which the invariant refuses: shrinking tries it first.
        // (The tries of seed 5 do not draw it.)
        Gen<Positive> risky = Gen.ints(0, 999).map(x -> new Positive(x == 0 ? 0 : x + 1));
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(risky).seed(5).check(p -> assertTrue(p.value() < 500)));
        assertEquals(new Positive(500), f.shrunk());
    }

    @Test
    void aShrinkTimeTooLongForNanosecondsMeansNoTimeLimit() {
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.ints(0, 100)).seed(1)
                .maxShrinkTime(Duration.ofDays(1_000_000)).check(x -> assertTrue(x < 10)));
        assertEquals(10, f.shrunk());
    }

    /** The counterexample is the generated value, made afresh, not what the check left of it. */
    @Test
    void aCheckThatChangesItsValueDoesNotChangeTheReportedCounterexample() {
        Gen<int[]> gen = Gen.ints(0, 100).list(0, 5).map(l -> l.stream().mapToInt(i -> i).toArray());
        PropertyFailure f = assertThrows(PropertyFailure.class, () -> Property.forAll(gen).seed(1).check(a -> {
            int first = a.length > 0 ? a[0] : 0;
            java.util.Arrays.fill(a, -7);
            assertTrue(first < 50);
        }));
        assertEquals("[50]", java.util.Arrays.toString((int[]) f.shrunk()));
        assertTrue(f.getMessage().contains("counterexample: [50]"), f.getMessage());
    }

    record WithArray(int[] xs) {}

    @Test
    void aRecordWithAnArrayComponentIsShownWithItsElements() {
        Gen<WithArray> gen = Gen.ints(0, 100).list(0, 5).map(l -> new WithArray(l.stream().mapToInt(i -> i).toArray()));
        PropertyFailure f = assertThrows(PropertyFailure.class,
                () -> Property.forAll(gen).seed(1).check(w -> assertTrue(w.xs().length < 2)));
        assertTrue(f.getMessage().contains("counterexample: WithArray[xs=[0, 0]]"), f.getMessage());
    }

    @Test
    void nondeterministicFailureIsConfirmedAndShrunk() {
        // Fails one run in three, and only for values >= 500.
        AtomicInteger calls = new AtomicInteger();
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.ints(0, 10_000))
                .seed(11).nondeterministic(3).check(x -> assertTrue(x < 500 || calls.incrementAndGet() % 3 != 0)));
        assertEquals(500, failure.shrunk());
        assertTrue(failure.getMessage().contains("nondeterministic: each candidate ran up to 3 times"),
                failure.getMessage());
    }

    @Test
    void failureThatDoesNotHappenAgainIsReportedUnshrunk() {
        AtomicInteger calls = new AtomicInteger();
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll(Gen.ints(0, 10_000))
                .seed(11).nondeterministic(4).check(x -> assertTrue(calls.incrementAndGet() != 5)));
        assertSame(failure.original(), failure.shrunk());
        assertEquals(5, failure.tryNumber());
        assertEquals(9, calls.get(), "the failing try and its four reruns");
        assertTrue(failure.getMessage().contains("not shrunk: the failure did not happen again in 4 reruns"),
                failure.getMessage());
    }

    @Test
    void interruptedCheckStopsTheRunAndKeepsTheInterrupt() {
        CancellationException e = assertThrows(CancellationException.class,
                () -> Property.forAll(Gen.ints()).check(x -> {
                    throw new InterruptedException("stop");
                }));
        assertTrue(Thread.interrupted(), "interrupt status set again (and cleared here)");
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @Test
    void badSettingsAreRejected() {
        Property<Integer> p = Property.forAll(Gen.ints());
        assertEquals("tries: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> p.tries(0)).getMessage());
        assertEquals("reruns: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> p.nondeterministic(0)).getMessage());
        assertEquals("steps: -1 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> p.maxShrinkSteps(-1)).getMessage());
        assertEquals("gen is null", assertThrows(NullPointerException.class, () -> Property.forAll(null)).getMessage());
    }
}
