package dev.cooper.testkit;

/** Argument checks with the project's messages: parameter, value, expectation. */
final class Checks {

    private Checks() {
    }

    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
        return value;
    }

    static void ordered(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("max: " + max + " (expected: >= min " + min + ")");
        }
    }

    static void sizes(int minSize, int maxSize) {
        atLeast("minSize", minSize, 0);
        if (maxSize < minSize) {
            throw new IllegalArgumentException("maxSize: " + maxSize + " (expected: >= minSize " + minSize + ")");
        }
    }
}
