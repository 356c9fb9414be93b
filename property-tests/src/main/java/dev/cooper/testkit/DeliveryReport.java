package dev.cooper.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a {@link DeliveryLog}: how many messages were sent and received, and
 * every violation found, lost ones first, then duplicated, unexpected and reordered ones.
 *
 * @param sent       messages recorded as sent
 * @param received   receptions recorded (a duplicate counts each time)
 * @param violations every violation, by message
 * @param <M>        the message type
 */
public record DeliveryReport<M>(long sent, long received, List<Violation<M>> violations) {

    /** How many violations {@link #assertClean()} lists before summing up the rest. */
    static final int SHOWN = 20;

    /** Copies {@code violations}. */
    public DeliveryReport {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations is null"));
    }

    /** Whether no violation was found. */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /** The number of violations of one kind, for example {@code count(Violation.Lost.class)}. */
    @SuppressWarnings("rawtypes")
    public long count(Class<? extends Violation> kind) {
        Objects.requireNonNull(kind, "kind is null");
        return violations.stream().filter(kind::isInstance).count();
    }

    /**
     * Throws an {@link AssertionError} listing the first 20 violations and the count of each
     * kind, unless the report is clean.
     */
    public void assertClean() {
        if (!isClean()) {
            throw new AssertionError(summary());
        }
    }

    /** A readable account: totals, counts per kind, the first 20 violations. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(isClean() ? "delivery clean: " : "delivery check failed: " + violations.size() + " violations in ")
                .append(sent).append(" sent, ").append(received).append(" received (lost ")
                .append(count(Violation.Lost.class)).append(", duplicated ").append(count(Violation.Duplicated.class))
                .append(", unexpected ").append(count(Violation.Unexpected.class)).append(", reordered ")
                .append(count(Violation.Reordered.class)).append(')');
        violations.stream().limit(SHOWN).forEach(v -> sb.append("\n  ").append(v));
        if (violations.size() > SHOWN) {
            sb.append("\n  ... and ").append(violations.size() - SHOWN).append(" more");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
