package dev.cooper.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The stream of choices a generator draws from.
 *
 * <p>Every value a {@link Gen} produces is a function of the choices it draws: unsigned longs,
 * each below a bound the generator names. A source either makes fresh random choices (and
 * records them) or replays a recorded sequence; past the end of a replayed sequence every
 * choice is 0. Shrinking edits the recorded sequence and replays it, so a generator only has to
 * make <em>smaller choices give simpler values</em> to shrink well: 0 is the simplest choice.
 *
 * <p>A source belongs to one generation run on one thread.
 */
public final class Source {

    /** Most choices one run may draw: a generator that draws more is taken to be unbounded. */
    static final int MAX_CHOICES = 1 << 16;

    private final SplittableRandom random;   // null when replaying
    private final long[] prefix;             // the replayed choices, empty when random
    private long[] choices = new long[32];
    private int size;
    private int[] spans = new int[16];       // pairs (start, end) of marked sub-sequences
    private int spanCount;
    private int depth;

    private Source(SplittableRandom random, long[] prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** A source of fresh random choices from {@code seed}. */
    static Source random(long seed) {
        return new Source(new SplittableRandom(seed), new long[0]);
    }

    /** A source replaying {@code choices}, then drawing 0 forever. */
    static Source replay(long[] choices) {
        return new Source(null, choices);
    }

    /**
     * Draws a choice in {@code 0..bound}, both read as <em>unsigned</em>: {@code bound} -1 allows
     * every long. Random draws lean towards both ends of the range and towards small values.
     *
     * @throws GenerationException if the run has drawn too many choices to be bounded
     */
    public long draw(long bound) {
        return record(bound, random == null ? 0 : biased(bound));
    }

    /**
     * Draws a choice of 0 or 1 that is 1 with probability {@code probability} when random: the
     * weight only shapes random runs, replay and shrinking see a plain 0-or-1 choice.
     */
    public boolean drawBoolean(double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability: " + probability + " (expected: 0.0..1.0)");
        }
        return record(1, random != null && random.nextDouble() < probability ? 1 : 0) == 1;
    }

    /**
     * Draws an index in {@code 0..weights.length-1}, random draws picking index i with probability
     * {@code weights[i] / sum}. Weights are validated by the caller.
     */
    int drawWeighted(int[] weights, long total) {
        long picked = 0;
        if (random != null) {
            long r = random.nextLong(total);
            while (r >= weights[(int) picked]) {
                r -= weights[(int) picked];
                picked++;
            }
        }
        return (int) record(weights.length - 1, picked);
    }

    /** Whether this run replays recorded choices and has gone past their end. */
    boolean pastEnd() {
        return random == null && size >= prefix.length;
    }

    /** Opens a span: a sub-sequence of choices the shrinker may try to delete as a whole. */
    int startSpan() {
        return size;
    }

    /** Closes the span opened at {@code start}. */
    void endSpan(int start) {
        if (size == start) {
            return;
        }
        if (spanCount * 2 == spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[spanCount * 2] = start;
        spans[spanCount * 2 + 1] = size;
        spanCount++;
    }

    /** Nesting depth of recursive derived types, see {@link Derivation#maxDepth(int)}. */
    int depth() {
        return depth;
    }

    void enter() {
        depth++;
    }

    void exit() {
        depth--;
    }

    /** The choices drawn so far. */
    long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    /** The spans closed so far, as (start, end) pairs. */
    int[] spans() {
        return Arrays.copyOf(spans, spanCount * 2);
    }

    private long record(long bound, long randomChoice) {
        if (size == MAX_CHOICES) {
            throw new GenerationException("a generator drew more than " + MAX_CHOICES
                    + " choices in one run: a recursive generator without a bound, or a value too big to shrink"
                    + " (a list draws about two choices per element)");
        }
        long choice;
        if (random != null) {
            choice = randomChoice;
        } else if (size < prefix.length) {
            // A replayed choice may exceed the bound when shrinking moved it under another draw.
            choice = bound == -1L ? prefix[size] : Long.remainderUnsigned(prefix[size], bound + 1);
        } else {
            choice = 0;
        }
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, size * 2);
        }
        choices[size++] = choice;
        return choice;
    }

    private long biased(long bound) {
        int roll = random.nextInt(32);
        if (roll == 0) {
            return 0;
        }
        if (roll == 1) {
            return bound;
        }
        if (roll < 8 && Long.compareUnsigned(bound, 255) > 0) {
            // Log-uniform: a random bit width first, so small values are common in wide ranges.
            int bits = 1 + random.nextInt(64 - Long.numberOfLeadingZeros(bound));
            long narrow = bits == 64 ? -1L : (1L << bits) - 1;
            return uniform(Long.compareUnsigned(narrow, bound) < 0 ? narrow : bound);
        }
        return uniform(bound);
    }

    private long uniform(long bound) {
        if (bound == -1L) {
            return random.nextLong();
        }
        if (bound >= 0 && bound != Long.MAX_VALUE) {
            return random.nextLong(bound + 1);
        }
        long r;
        do {
            r = random.nextLong();
        } while (Long.compareUnsigned(r, bound) > 0);
        return r;
    }
}
