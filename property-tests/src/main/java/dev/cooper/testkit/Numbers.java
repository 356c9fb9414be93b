package dev.cooper.testkit;

/**
 * Numbers from choices. A range on one side of 0 draws the distance from its end nearest 0; a
 * range around 0 draws a sign (0: positive) and then a magnitude, so both shrink towards 0 and
 * a threshold is found by a plain binary search on one choice.
 */
final class Numbers {

    /** 2^53: doubles draw a fraction of this many steps, the precision of a double's mantissa. */
    private static final long FRACTION_STEPS = 1L << 53;

    private Numbers() {
    }

    static long longInRange(Source src, long min, long max) {
        if (min >= 0) {
            return min + src.draw(max - min);
        }
        if (max <= 0) {
            return max - src.draw(max - min);   // max - min may be 2^64-1: unsigned, as draw reads it
        }
        if (src.draw(1) == 0) {
            return src.draw(max);
        }
        return -src.draw(-min);                 // -Long.MIN_VALUE is 2^63 unsigned, negated back to itself
    }

    static double doubleInRange(Source src, double min, double max) {
        if (min >= 0) {
            return Math.min(max, min + fraction(src) * (max - min));
        }
        if (max <= 0) {
            return Math.max(min, max - fraction(src) * (max - min));
        }
        if (src.draw(1) == 0) {
            return Math.min(max, fraction(src) * max);
        }
        return Math.max(min, -fraction(src) * -min);
    }

    static void checkFinite(double min, double max) {
        if (!Double.isFinite(min)) {
            throw new IllegalArgumentException("min: " + min + " (expected: finite)");
        }
        if (!Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("max: " + max + " (expected: finite and >= min " + min + ")");
        }
    }

    private static double fraction(Source src) {
        return (double) src.draw(FRACTION_STEPS) / FRACTION_STEPS;
    }
}
