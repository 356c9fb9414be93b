package dev.cooper.testkit;

/**
 * One execution of a property on one choice sequence: the choices drawn (each as used, so the
 * sequence replays to the same value), the spans marked in it, the value, and the outcome.
 */
record Run(long[] choices, int[] spans, Object value, Outcome outcome) {

    /** How a run ended. */
    sealed interface Outcome permits Passed, Failed, Discarded, Invalid {
    }

    /** The check returned normally. */
    record Passed() implements Outcome {
    }

    /** The check threw {@code failure}. */
    record Failed(Throwable failure) implements Outcome {
    }

    /** The check rejected the value with a JUnit assumption. */
    record Discarded() implements Outcome {
    }

    /** The generator could not make a value from these choices (it threw {@code problem}). */
    record Invalid(Throwable problem) implements Outcome {
    }

    boolean failedLike(Class<?> failureType) {
        return outcome instanceof Failed(Throwable failure) && failure.getClass() == failureType;
    }

    Throwable failure() {
        return ((Failed) outcome).failure();
    }
}
