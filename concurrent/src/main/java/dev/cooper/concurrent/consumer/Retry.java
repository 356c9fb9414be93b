package dev.cooper.concurrent.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a {@link ConsumerGroup} runs a handler on a message that makes it throw, and how
 * long it waits between runs. After the last attempt fails the message goes to the dead-letter
 * sink with the last cause and the number of attempts. A message the handler accepted without
 * throwing is never run again.
 *
 * <p>The wait before attempt {@code n + 1} (after {@code n} failures) is
 * {@code min(backoff * multiplier^(n-1), maxBackoff)}: {@link #backoff(Duration)} waits the same
 * each time, {@link #exponentialBackoff(Duration, Duration)} doubles up to a ceiling. The worker
 * waits by sleeping, so it handles nothing else meanwhile (per-key order is kept).
 *
 * <pre>{@code
 * Retry.attempts(3).backoff(Duration.ofMillis(10))   // run at most 3 times, 10 ms apart
 * }</pre>
 *
 * @param maxAttempts the most times the handler runs on one message, at least 1
 * @param backoff the wait before the first retry, not negative
 * @param multiplier the factor between consecutive waits, at least 1
 * @param maxBackoff the longest wait, at least {@code backoff}
 */
public record Retry(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff) {

    /**
     * A policy with the given components.
     *
     * @throws IllegalArgumentException if a value is out of its range (see the components)
     * @throws NullPointerException if a duration is null
     */
    public Retry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected: >= 1)");
        }
        Objects.requireNonNull(backoff, "backoff is null");
        Objects.requireNonNull(maxBackoff, "maxBackoff is null");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff: " + backoff + " (expected: >= 0)");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier: " + multiplier + " (expected: >= 1, finite)");
        }
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: " + maxBackoff + " (expected: >= backoff " + backoff + ")");
        }
    }

    /**
     * One attempt: a message whose handler throws is dead-lettered at once. The default.
     *
     * @return the policy of a single attempt
     */
    public static Retry none() {
        return attempts(1);
    }

    /**
     * At most {@code maxAttempts} runs per message, with no wait between them.
     *
     * @param maxAttempts the most times the handler runs on one message, at least 1
     * @return a policy without waits; add them with {@link #backoff} or
     *     {@link #exponentialBackoff}
     */
    public static Retry attempts(int maxAttempts) {
        return new Retry(maxAttempts, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /**
     * This policy with the same wait before every retry.
     *
     * @param delay the wait before each retry; not null, not negative
     * @return a new policy with this one's {@code maxAttempts}
     */
    public Retry backoff(Duration delay) {
        return new Retry(maxAttempts, delay, 1.0, delay);
    }

    /**
     * This policy with waits that start at {@code initial} and double up to {@code max}.
     *
     * @param initial the wait before the first retry; not null, not negative
     * @param max the longest wait; not null, at least {@code initial}
     * @return a new policy with this one's {@code maxAttempts}
     */
    public Retry exponentialBackoff(Duration initial, Duration max) {
        return new Retry(maxAttempts, initial, 2.0, max);
    }

    /** The wait in nanoseconds before the next attempt, after {@code failures} failed ones. */
    long delayNanos(int failures) {
        long base = saturatedNanos(backoff);
        if (base == 0 || multiplier == 1.0) {
            return base;
        }
        double delay = base * Math.pow(multiplier, failures - 1);
        long max = saturatedNanos(maxBackoff);
        return delay >= max ? max : (long) delay;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
