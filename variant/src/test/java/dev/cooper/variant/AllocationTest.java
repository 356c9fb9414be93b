package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dispatch allocates nothing: a per-call allocation over {@link #CALLS} calls would show as
 * megabytes, far above the slack left for the measurement itself.
 */
class AllocationTest {
    private static final int CALLS = 100_000;
    private static final long SLACK_BYTES = 4096;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Msg[] messages = Samples.all().toArray(Msg[]::new);
    private int sink;

    @Test
    void tagAllocatesNothing() {
        Cases<Msg> cases = Cases.of(Msg.class);
        assertAllocationFree(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink += cases.tag(messages[i % messages.length]);
            }
        });
    }

    @Test
    void handlerApplyAllocatesNothing() {
        Handler<Msg, Integer> handler = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> 1)
                .on(Msg.Control.class, control -> 2)
                .on(Msg.Custom.class, custom -> 3)
                .otherwise(msg -> 4)
                .build();
        assertAllocationFree(() -> {
            for (int i = 0; i < CALLS; i++) {
                sink += handler.apply(messages[i % messages.length]);
            }
        });
    }

    @Test
    void caseConsumerAcceptAllocatesNothing() {
        CaseConsumer<Msg> consumer = Handler.consumer(Msg.class)
                .on(Msg.Sub.class, sub -> sink++)
                .on(Msg.A.class, a -> sink--)
                .build();
        assertAllocationFree(() -> {
            for (int i = 0; i < CALLS; i++) {
                consumer.accept(messages[i % messages.length]);
            }
        });
    }

    private void assertAllocationFree(Runnable calls) {
        calls.run(); // first sight of each class resolves and caches its tag
        long before = THREADS.getCurrentThreadAllocatedBytes();
        calls.run();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < SLACK_BYTES,
                () -> allocated + " bytes allocated over " + CALLS + " calls: " + List.of(messages));
    }
}
