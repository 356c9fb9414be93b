package dev.cooper.concurrent.consumer;

import java.time.Duration;
import java.util.Objects;

/** The one check of a {@link Duration} timeout that every method of this package applies. */
final class Timeouts {
    private Timeouts() {
    }

    /**
     * {@code timeout} in nanoseconds; a duration too long for a {@code long} of nanoseconds
     * (about 292 years) becomes {@link Long#MAX_VALUE}.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
