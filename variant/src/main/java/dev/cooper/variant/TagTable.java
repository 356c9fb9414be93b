package dev.cooper.variant;

import java.util.Map;

/**
 * An immutable map from exact classes to tags, probed by identity.
 *
 * <p>Open addressing with linear probing over a power-of-two table kept at most a quarter full,
 * so a lookup is one identity hash, usually one slot read and one reference comparison. The
 * table is built once and never written after construction; its fields are final, so any thread
 * that sees the table sees it fully built.
 */
final class TagTable {
    /** Returned by {@link #get} for a class that is not in the table. */
    static final int ABSENT = -1;

    private final Class<?>[] keys;
    private final int[] tags;
    private final int mask;

    TagTable(Map<Class<?>, Integer> entries) {
        // Four slots per entry at least: probe sequences stay short and a miss ends quickly.
        int size = Integer.highestOneBit(Math.max(1, entries.size()) * 4 - 1) << 1;
        keys = new Class<?>[size];
        tags = new int[size];
        mask = size - 1;
        entries.forEach((type, tag) -> {
            int i = slot(type);
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = type;
            tags[i] = tag;
        });
    }

    /** The tag of {@code type}, or {@link #ABSENT}. */
    int get(Class<?> type) {
        for (int i = slot(type); ; i = (i + 1) & mask) {
            Class<?> key = keys[i];
            if (key == type) {
                return tags[i];
            }
            if (key == null) {
                return ABSENT;
            }
        }
    }

    private int slot(Class<?> type) {
        return System.identityHashCode(type) & mask;
    }
}
