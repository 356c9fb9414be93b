package dev.cooper.properties;

import java.util.function.Supplier;

/** The short wait of the swapping mutants for a second element to hand out first. */
final class Briefly {

    private static final long WAIT_NANOS = 1_000_000;

    private Briefly() {
    }

    /** What {@code attempt} gives, retried with back-off for up to a millisecond while it gives null. */
    static <E> E poll(Supplier<E> attempt) {
        E e = attempt.get();
        long end = System.nanoTime() + WAIT_NANOS;
        for (int round = 0; e == null && System.nanoTime() - end < 0; round++) {
            TestThreads.backOff(round);
            e = attempt.get();
        }
        return e;
    }
}
