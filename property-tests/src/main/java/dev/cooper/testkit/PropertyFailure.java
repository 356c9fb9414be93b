package dev.cooper.testkit;

/**
 * A property failed: a counterexample was found and shrunk.
 *
 * <p>The message names the try, the seed, the shrunk and the original counterexample, the
 * failure of the shrunk one, and ends with a one-line replay hint. The {@linkplain #getCause()
 * cause} is the failure the shrunk counterexample raised; the original counterexample's failure,
 * when it is a different exception, is {@linkplain #getSuppressed() suppressed}.
 */
public final class PropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient Object original;
    private final transient Object shrunk;
    private final long seed;
    private final int tryNumber;
    private final int shrinkSteps;

    PropertyFailure(String message, Object original, Object shrunk, long seed, int tryNumber, int shrinkSteps,
            Throwable shrunkFailure, Throwable originalFailure) {
        super(message, shrunkFailure);
        this.original = original;
        this.shrunk = shrunk;
        this.seed = seed;
        this.tryNumber = tryNumber;
        this.shrinkSteps = shrinkSteps;
        if (originalFailure != shrunkFailure) {
            addSuppressed(originalFailure);
        }
    }

    /** The counterexample as first generated. */
    public Object original() {
        return original;
    }

    /** The smallest counterexample shrinking found (the original when it could not shrink). */
    public Object shrunk() {
        return shrunk;
    }

    /** The seed of the failing try: {@code -Dcooper.seed=} this value starts a run with that try. */
    public long seed() {
        return seed;
    }

    /** The failing try, counted from 1. */
    public int tryNumber() {
        return tryNumber;
    }

    /** How many shrink candidates were run. */
    public int shrinkSteps() {
        return shrinkSteps;
    }
}
