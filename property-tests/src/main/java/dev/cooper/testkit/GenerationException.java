package dev.cooper.testkit;

/**
 * A generator could not produce a value: a {@link Gen#filter filter} rejected too many
 * candidates in a row, a derived constructor kept refusing its arguments, or a generator drew
 * without bound. This is a problem in the test's generators, not a counterexample, so it is
 * reported as an error and never shrunk.
 */
public final class GenerationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A generation error described by {@code message}. */
    public GenerationException(String message) {
        super(message);
    }

    /** A generation error described by {@code message}, caused by {@code cause}. */
    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
