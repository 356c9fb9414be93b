package dev.cooper.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A property: a check that must hold for every value of a generator.
 *
 * <pre>{@code
 * Property.forAll(Gen.ints(0, 1000).list(0, 50))
 *         .tries(200)
 *         .check(list -> assertTrue(list.stream().allMatch(x -> x < 500)));
 * }</pre>
 *
 * <p><b>Runs.</b> {@link #check} runs the check on {@linkplain #tries(int) tries} values, each
 * from a seed: the first try uses the run seed, each later try the seed after the previous one.
 * The run seed is the {@code cooper.seed} system property when set, else {@link #seed(long)}
 * when given, else fresh. A failure reports the seed of the failing try, so
 * {@code -Dcooper.seed=<that seed>} starts the replay with the failing value itself. Values a
 * JUnit assumption rejects are discarded and do not count as tries; more than ten discards per
 * try give up with a {@link GenerationException}.
 *
 * <p><b>Shrinking.</b> A failing value is shrunk to a minimal one that fails with an exception
 * of the same class (see {@link Gen} for what "smaller" means), within
 * {@linkplain #maxShrinkSteps(int) a step} and {@linkplain #maxShrinkTime(Duration) a time}
 * budget; then {@link PropertyFailure} is thrown. Time-limited shrinking of a slow property may
 * end at different values on different machines.
 *
 * <p><b>Nondeterministic checks</b> (concurrency) may pass on a failing value by luck:
 * {@link #nondeterministic(int)} runs each shrink candidate up to k times and counts it as
 * failing if any run fails, and re-confirms the first failure the same way.
 *
 * <p>A property is an immutable description: each setter returns a new one.
 *
 * @param <T> the type of the checked values
 */
public final class Property<T> {

    private static final int DEFAULT_MAX_SHRINK_STEPS = 2_000;
    private static final Duration DEFAULT_MAX_SHRINK_TIME = Duration.ofSeconds(30);

    private final Gen<T> gen;
    private final int tries;
    private final Long seed;
    private final int maxShrinkSteps;
    private final Duration maxShrinkTime;
    private final int runs;

    private Property(Gen<T> gen, int tries, Long seed, int maxShrinkSteps, Duration maxShrinkTime, int runs) {
        this.gen = gen;
        this.tries = tries;
        this.seed = seed;
        this.maxShrinkSteps = maxShrinkSteps;
        this.maxShrinkTime = maxShrinkTime;
        this.runs = runs;
    }

    /**
     * A property over the values of {@code gen}, with the {@code cooper.tries} system property's
     * number of tries (100 when unset).
     */
    public static <T> Property<T> forAll(Gen<T> gen) {
        Objects.requireNonNull(gen, "gen is null");
        return new Property<>(gen, Seeds.triesProperty(), null, DEFAULT_MAX_SHRINK_STEPS, DEFAULT_MAX_SHRINK_TIME, 1);
    }

    /** This property with {@code tries} values checked (at least 1). */
    public Property<T> tries(int tries) {
        Checks.atLeast("tries", tries, 1);
        return new Property<>(gen, tries, seed, maxShrinkSteps, maxShrinkTime, runs);
    }

    /** This property with a fixed run seed; the {@code cooper.seed} system property still wins. */
    public Property<T> seed(long seed) {
        return new Property<>(gen, tries, seed, maxShrinkSteps, maxShrinkTime, runs);
    }

    /** This property running at most {@code steps} shrink candidates (0 disables shrinking; default 2000). */
    public Property<T> maxShrinkSteps(int steps) {
        Checks.atLeast("steps", steps, 0);
        return new Property<>(gen, tries, seed, steps, maxShrinkTime, runs);
    }

    /** This property shrinking for at most {@code time} (default 30 s). */
    public Property<T> maxShrinkTime(Duration time) {
        Objects.requireNonNull(time, "time is null");
        if (time.isNegative()) {
            throw new IllegalArgumentException("time: " + time + " (expected: >= 0)");
        }
        return new Property<>(gen, tries, seed, maxShrinkSteps, time, runs);
    }

    /**
     * This property for a nondeterministic check: a value counts as failing when any of up to
     * {@code reruns} runs fails, both when confirming the first failure and when shrinking.
     */
    public Property<T> nondeterministic(int reruns) {
        Checks.atLeast("reruns", reruns, 1);
        return new Property<>(gen, tries, seed, maxShrinkSteps, maxShrinkTime, reruns);
    }

    /**
     * Checks that {@code predicate} is true for every try.
     *
     * @throws PropertyFailure with the shrunk counterexample when it is false or throws
     */
    public void holds(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        check(value -> {
            if (!predicate.test(value)) {
                throw new AssertionError("predicate is false");
            }
        });
    }

    /**
     * Runs {@code check} on every try.
     *
     * @throws PropertyFailure with the shrunk counterexample when the check throws
     * @throws GenerationException when the generator cannot make values
     * @throws java.util.concurrent.CancellationException when the check throws
     *         {@link InterruptedException}; the thread's interrupt status is set again
     */
    public void check(Check<? super T> check) {
        Objects.requireNonNull(check, "check is null");
        Long property = Seeds.seedProperty();
        long runSeed = property != null ? property : seed != null ? seed : Seeds.fresh();
        Trial<T> trial = new Trial<>(gen, check, runs);
        long trySeed = runSeed;
        int discarded = 0;
        for (int tryNumber = 1; tryNumber <= tries; trySeed = Seeds.next(trySeed)) {
            Run run;
            try {
                run = trial.random(trySeed);
            } catch (GenerationException e) {
                throw new GenerationException(e.getMessage() + " [try " + tryNumber + ", seed " + trySeed + "]", e);
            }
            if (run.outcome() instanceof Run.Failed) {
                throw fail(trial, run, tryNumber, trySeed);
            }
            if (run.outcome() instanceof Run.Discarded) {
                if (++discarded > 10L * tries) {
                    throw new GenerationException("gave up after " + discarded + " values were discarded by "
                            + "assumptions and only " + (tryNumber - 1) + " of " + tries
                            + " tries ran [run seed " + runSeed + "]");
                }
            } else {
                tryNumber++;
            }
        }
    }

    private PropertyFailure fail(Trial<T> trial, Run original, int tryNumber, long trySeed) {
        String note = "";
        Run shrunk = original;
        int steps = 0;
        if (runs > 1 && !trial.replay(original.choices()).failedLike(original.failure().getClass())) {
            note = "  not shrunk: the failure did not happen again in " + runs + " reruns\n";
        } else {
            // Capped at ~146 years, so that the deadline cannot overflow.
            long nanos = maxShrinkTime.compareTo(Duration.ofNanos(Long.MAX_VALUE / 2)) > 0
                    ? Long.MAX_VALUE / 2 : maxShrinkTime.toNanos();
            long deadline = System.nanoTime() + nanos;
            Shrinker shrinker = new Shrinker(trial::replay, original, maxShrinkSteps, deadline);
            shrunk = shrinker.shrink();
            steps = shrinker.steps();
            if (runs > 1) {
                note = "  nondeterministic: each candidate ran up to " + runs + " times\n";
            }
        }
        Throwable cause = shrunk.failure();
        // Made afresh from their choices: the check may have changed the values it was given.
        Object originalValue = trial.regenerated(original);
        Object shrunkValue = shrunk == original ? originalValue : trial.regenerated(shrunk);
        String message = "property failed at try " + tryNumber + " of " + tries + " (seed " + trySeed + ")\n"
                + "  counterexample: " + Show.value(shrunkValue) + "\n"
                + "  original:       " + Show.value(originalValue) + "\n"
                + "  shrunk in " + steps + " steps (" + original.choices().length + " -> "
                + shrunk.choices().length + " choices)\n"
                + note
                + "  failure: " + cause + "\n"
                + "  replay with -D" + Seeds.SEED_PROPERTY + "=" + trySeed;
        return new PropertyFailure(message, originalValue, shrunkValue, trySeed, tryNumber, steps,
                cause, original.failure());
    }
}
