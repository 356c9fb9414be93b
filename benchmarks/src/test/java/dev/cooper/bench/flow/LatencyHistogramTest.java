package dev.cooper.bench.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTheBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertEquals(100_000, h.count());
        assertWithinPrecision(50_000, h.percentile(0.50));
        assertWithinPrecision(99_000, h.percentile(0.99));
        assertWithinPrecision(100_000, h.percentile(1.0));
    }

    @Test
    void everyValueFallsInABucketWhoseUpperEdgeIsAtLeastIt() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >>> (1 + random.nextInt(63)); // non-negative, any magnitude
            int index = LatencyHistogram.index(v);
            assertTrue(LatencyHistogram.upperEdge(index) >= v, v + " in bucket " + index);
            assertTrue(index == 0 || LatencyHistogram.upperEdge(index - 1) < v, v + " belongs to an earlier bucket");
        }
    }

    @Test
    void mergingAddsCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(1_000_000);
        a.addAll(b);
        assertEquals(2, a.count());
        assertEquals(10, a.percentile(0.5));
        assertWithinPrecision(1_000_000, a.percentile(1.0));
    }

    private static void assertWithinPrecision(long expected, long actual) {
        assertTrue(actual >= expected && actual <= expected + expected / LatencyHistogram.SUB_BUCKETS,
                "expected about " + expected + ", got " + actual);
    }
}
