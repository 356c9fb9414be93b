package dev.cooper.bench.flow;

/**
 * Latencies in nanoseconds, in log-linear buckets: each power of two is split into
 * {@value #SUB_BUCKETS} equal parts, so a reported percentile is within 1/{@value #SUB_BUCKETS}
 * (about 6%) of the true value. Written by one thread; merged after that thread is joined.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 4;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB_BUCKETS + SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /**
     * The smallest recorded value class below which {@code fraction} of the values fall, as the
     * upper edge of its bucket; 0 when empty.
     */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return upperEdge(i);
            }
        }
        return upperEdge(BUCKETS - 1);
    }

    /** Values below {@code SUB_BUCKETS} get one bucket each; above, 16 buckets per power of two. */
    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BITS
        int shift = magnitude - SUB_BITS;
        int sub = (int) (value >>> shift) & (SUB_BUCKETS - 1);
        return (shift + 1) * SUB_BUCKETS + sub;
    }

    static long upperEdge(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index % SUB_BUCKETS;
        long lower = (SUB_BUCKETS + sub) << shift;
        return lower + (1L << shift) - 1;
    }
}
