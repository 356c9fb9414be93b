package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CasesConcurrencyTest {

    /** Used by this test only, so that its descriptor is first computed here. */
    sealed interface Fresh permits Fresh.X, Fresh.Y {
        record X() implements Fresh {}

        record Y() implements Fresh {}
    }

    @Test
    void concurrentFirstUseYieldsOneDescriptor() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Cases<Fresh>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Cases.of(Fresh.class);
                }));
            }
            start.countDown();
            Cases<Fresh> first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Cases<Fresh>> result : results) {
                assertSame(first, result.get(30, TimeUnit.SECONDS));
            }
            assertSame(first, Cases.of(Fresh.class));
            assertEquals(List.of(Fresh.X.class, Fresh.Y.class), first.types());
        } finally {
            pool.shutdownNow();
        }
    }
}
