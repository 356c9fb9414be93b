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

    /** Until the platform thread named {@code name} parks (waits, timed or not). */
    static void parked(String name) throws InterruptedException {
        until(() -> isParked(name));
    }

    /** Whether the platform thread named {@code name} is parked (waits, timed or not) now. */
    static boolean isParked(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name)
                && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));
    }

    /** Until the group has finished (handled or dead-lettered) {@code n} messages. */
    static void finished(ConsumerGroup<?> group, long n) throws InterruptedException {
        until(() -> {
            GroupStats s = group.stats();
            return s.handled() + s.deadLettered() >= n;
        });
    }
}
