package dev.cooper.concurrent.consumer;

import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; the tests' class-level timeouts are the hang guards. */
final class Await {
    private Await() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }

    /** Until the group has finished (handled or dead-lettered) {@code n} messages. */
    static void finished(ConsumerGroup<?> group, long n) throws InterruptedException {
        until(() -> {
            GroupStats s = group.stats();
            return s.handled() + s.deadLettered() >= n;
        });
    }
}
