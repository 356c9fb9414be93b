package dev.cooper.testkit;

/**
 * The body of a property: checks one value and throws to say it fails, for example with a JUnit
 * assertion. It may throw checked exceptions; a JUnit assumption that does not hold
 * ({@code Assumptions.assumeTrue}) discards the value instead of failing.
 *
 * @param <T> the type of the checked values
 */
@FunctionalInterface
public interface Check<T> {

    /** Checks {@code value}; returns normally when the property holds for it. */
    void verify(T value) throws Exception;
}
