package dev.cooper.properties;

/**
 * How many tries each property gets. Cheap properties take the testkit's default, the
 * {@code cooper.tries} system property (100, or 10,000 under {@code -Pstress}); properties that
 * start threads for every try take a tenth of it, at least 5, so that the default run stays
 * short on two cores and the stress profile still multiplies it by 100.
 */
final class Budget {

    private Budget() {
    }

    /** The tries of a property that runs threads on every try. */
    static int concurrentTries() {
        return Math.max(5, Integer.getInteger("cooper.tries", 100) / 10);
    }
}
