package dev.cooper.testkit;

import java.security.SecureRandom;

/** Seed arithmetic and the {@code cooper.*} system properties. */
final class Seeds {

    static final String SEED_PROPERTY = "cooper.seed";
    static final String TRIES_PROPERTY = "cooper.tries";

    private Seeds() {
    }

    /**
     * The seed after {@code seed}: the SplitMix64 finaliser (Steele, Lea, Flood 2014) of
     * {@code seed} plus the golden-ratio increment, a bijection that scatters neighbouring seeds.
     */
    static long next(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A fresh seed for a run nobody asked to replay. */
    static long fresh() {
        return new SecureRandom().nextLong();
    }

    /** The {@code cooper.seed} system property, or null when unset. */
    static Long seedProperty() {
        String text = System.getProperty(SEED_PROPERTY);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String t = text.strip();
            return t.startsWith("0x") || t.startsWith("0X")
                    ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + ": \"" + text + "\" (expected: a long, decimal or 0x hex)", e);
        }
    }

    /** The {@code cooper.tries} system property, 100 when unset. */
    static int triesProperty() {
        String text = System.getProperty(TRIES_PROPERTY);
        if (text == null || text.isBlank()) {
            return 100;
        }
        int tries;
        try {
            tries = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRIES_PROPERTY + ": \"" + text + "\" (expected: an int >= 1)", e);
        }
        return Checks.atLeast(TRIES_PROPERTY, tries, 1);
    }
}
