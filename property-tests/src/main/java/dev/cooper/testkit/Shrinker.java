package dev.cooper.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a failing run by editing its choice sequence.
 *
 * <p>The approach is Hypothesis's (MacIver and Donaldson, "Test-Case Reduction via Test-Case
 * Generation: Insights from the Hypothesis Reducer", ECOOP 2020): values are never shrunk
 * directly; the recorded choices are, and the generator is run again on the edited sequence,
 * so every generator shrinks through map, flatMap and filter. A candidate replaces the current
 * best when it fails the same way (an exception of the same class) and the choices it actually
 * drew are smaller in shortlex order (shorter, or as long and lexicographically smaller,
 * unsigned). Shortlex is a well-order, so shrinking terminates; the step budget bounds it in
 * practice.
 *
 * <p>Passes, repeated until a whole round improves nothing:
 * <ol>
 *   <li>minimise each of the first {@value #PREFIX} choices, as the fifth pass does: generators
 *       usually draw first the sizes of what follows (how many threads, how many elements), and
 *       a smaller size makes every later candidate shorter and cheaper to run;
 *   <li>delete each marked span (a collection element, a flatMap stage, a filter attempt);
 *   <li>delete each block of 8, 4, 2 and 1 consecutive choices;
 *   <li>zero each block of 8, 4 and 2 choices;
 *   <li>minimise each choice: 0, else a binary search between 0 and its value (exact for a
 *       threshold, the common case);
 *   <li>lower choices of equal value together, as the fifth pass lowers one (a property about
 *       two equal values, such as "no duplicates", fails only while both stay equal);
 *   <li>swap adjacent spans of equal length when that puts the smaller first (sorting).
 * </ol>
 * Departures from Hypothesis: no span-aware pass beyond these and no pass that moves value
 * between two choices; each kept small in exchange for a short, predictable reducer.
 */
final class Shrinker {

    /** Leading choices minimised before the other passes of each round. */
    static final int PREFIX = 4;

    /** Candidates remembered to avoid running one twice; beyond this, reruns are possible. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Function<long[], Run> replay;
    private final Class<?> failureType;
    private final int maxSteps;
    private final long deadline;
    private final Set<Candidate> tried = new HashSet<>();
    private Run best;
    private int steps;

    /**
     * @param replay   runs the property on a choice sequence
     * @param original the failing run to shrink
     * @param maxSteps most candidates to run
     * @param deadline {@link System#nanoTime()} after which no candidate is started
     */
    Shrinker(Function<long[], Run> replay, Run original, int maxSteps, long deadline) {
        this.replay = replay;
        this.failureType = original.failure().getClass();
        this.best = original;
        this.maxSteps = maxSteps;
        this.deadline = deadline;
    }

    /** Shrinks as far as the passes and the budget allow; returns the smallest failing run. */
    Run shrink() {
        boolean improved = true;
        while (improved && !exhausted()) {
            long[] before = best.choices();
            minimiseChoices(PREFIX);
            deleteSpans();
            deleteBlocks();
            zeroBlocks();
            minimiseChoices(Integer.MAX_VALUE);
            minimiseDuplicates();
            sortSpans();
            improved = before != best.choices();
        }
        return best;
    }

    /** Candidates run so far. */
    int steps() {
        return steps;
    }

    private void deleteSpans() {
        int i = 0;
        while (i * 2 < best.spans().length && !exhausted()) {
            int[] spans = best.spans();
            if (!consider(delete(best.choices(), spans[i * 2], spans[i * 2 + 1]))) {
                i++;
            }
        }
    }

    private void deleteBlocks() {
        for (int k = 8; k >= 1; k /= 2) {
            int i = best.choices().length - k;
            while (i >= 0 && !exhausted()) {
                consider(delete(best.choices(), i, i + k));
                i = Math.min(i - 1, best.choices().length - k);
            }
        }
    }

    private void zeroBlocks() {
        for (int k = 8; k >= 2; k /= 2) {
            for (int i = 0; i + k <= best.choices().length && !exhausted(); i++) {
                long[] candidate = best.choices().clone();
                Arrays.fill(candidate, i, i + k, 0);
                consider(candidate);
            }
        }
    }

    /** Minimises each of the first {@code count} choices in turn. */
    private void minimiseChoices(int count) {
        for (int i = 0; i < Math.min(count, best.choices().length) && !exhausted(); i++) {
            long value = best.choices()[i];
            if (value == 0 || consider(with(i, 0))) {
                continue;
            }
            // Invariant: lo passes (or is untried), hi fails; both unsigned, lo < hi.
            long lo = 0;
            long hi = value;
            while (Long.compareUnsigned(hi - lo, 1) > 0 && i < best.choices().length && !exhausted()) {
                long mid = lo + ((hi - lo) >>> 1);
                if (consider(with(i, mid))) {
                    hi = i < best.choices().length ? best.choices()[i] : 0;
                    if (Long.compareUnsigned(hi, lo) <= 0) {
                        break;
                    }
                } else {
                    lo = mid;
                }
            }
        }
    }

    /**
     * For each value that two or more choices share, lowers all of them together: to 0, else
     * by a binary search between 0 and the value. Stops at the first group it lowers: the
     * indices of the others may have moved, and the next round finds them again.
     */
    private void minimiseDuplicates() {
        long[] choices = best.choices();
        Map<Long, List<Integer>> indicesByValue = new LinkedHashMap<>();
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != 0) {
                indicesByValue.computeIfAbsent(choices[i], v -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Long, List<Integer>> group : indicesByValue.entrySet()) {
            if (exhausted()) {
                return;
            }
            List<Integer> indices = group.getValue();
            if (indices.size() < 2) {
                continue;
            }
            if (consider(withAll(choices, indices, 0))) {
                return;
            }
            // Invariant as in minimiseChoices: lo passes (or is untried), hi fails.
            long lo = 0;
            long hi = group.getKey();
            boolean lowered = false;
            while (Long.compareUnsigned(hi - lo, 1) > 0 && !exhausted()) {
                long mid = lo + ((hi - lo) >>> 1);
                if (consider(withAll(choices, indices, mid))) {
                    hi = mid;
                    lowered = true;
                } else {
                    lo = mid;
                }
            }
            if (lowered) {
                return;
            }
        }
    }

    private static long[] withAll(long[] choices, List<Integer> indices, long value) {
        long[] candidate = choices.clone();
        for (int i : indices) {
            candidate[i] = value;
        }
        return candidate;
    }

    private void sortSpans() {
        int[] spans = best.spans();
        Map<Integer, Integer> endByStart = new HashMap<>();
        for (int i = 0; i < spans.length; i += 2) {
            endByStart.merge(spans[i], spans[i + 1], Math::max);
        }
        for (int i = 0; i < spans.length && !exhausted(); i += 2) {
            int start = spans[i];
            int middle = spans[i + 1];
            Integer end = endByStart.get(middle);
            if (end == null || end - middle != middle - start || best.spans() != spans) {
                continue;
            }
            long[] choices = best.choices();
            if (Arrays.compareUnsigned(choices, middle, end, choices, start, middle) < 0) {
                long[] candidate = choices.clone();
                System.arraycopy(choices, middle, candidate, start, end - middle);
                System.arraycopy(choices, start, candidate, start + (end - middle), middle - start);
                consider(candidate);
            }
        }
    }

    private long[] with(int index, long value) {
        long[] candidate = best.choices().clone();
        candidate[index] = value;
        return candidate;
    }

    private static long[] delete(long[] choices, int from, int to) {
        long[] candidate = new long[choices.length - (to - from)];
        System.arraycopy(choices, 0, candidate, 0, from);
        System.arraycopy(choices, to, candidate, from, choices.length - to);
        return candidate;
    }

    /** Runs {@code candidate} when it is new and smaller; keeps it when it fails the same way. */
    private boolean consider(long[] candidate) {
        if (exhausted() || shortlex(candidate, best.choices()) >= 0) {
            return false;
        }
        Candidate key = new Candidate(candidate);
        if (tried.contains(key)) {
            return false;
        }
        if (tried.size() < MAX_REMEMBERED) {
            tried.add(key);
        }
        steps++;
        Run run = replay.apply(candidate);
        if (run.failedLike(failureType) && shortlex(run.choices(), best.choices()) < 0) {
            best = run;
            return true;
        }
        return false;
    }

    private boolean exhausted() {
        return steps >= maxSteps || System.nanoTime() - deadline > 0;
    }

    static int shortlex(long[] a, long[] b) {
        return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
    }

    /** A choice sequence as a set element. */
    private record Candidate(long[] choices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Candidate c && Arrays.equals(choices, c.choices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(choices);
        }

        @Override
        public String toString() {
            return Arrays.toString(choices);
        }
    }
}
