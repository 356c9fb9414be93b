package dev.cooper.properties;

/**
 * How many tries each property gets. Cheap properties take the testkit's default, the
 * {@code cooper.tries} system property (100, or 10,000 under {@code -Pstress}); properties that
 * start threads for every try take a quarter of it, at least 5: 25 schedules per property by
 * default (the whole suite then runs in well under a minute on two cores), 2,500 under the
 * stress profile.
 */
final class Budget {

    private Budget() {
    }

    /** The tries of a property that runs threads on every try. */
    static int concurrentTries() {
        return Math.max(5, Integer.getInteger("cooper.tries", 100) / 4);
    }
}
