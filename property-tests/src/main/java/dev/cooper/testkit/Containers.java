package dev.cooper.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collections from choices. Past the minimum size every element is preceded by a "one more"
 * choice (1: more, 0: stop), and the flag and its element form one span, so deleting a span
 * deletes an element and zeroing a flag cuts the collection short: no size is drawn up front
 * that an edit would have to keep consistent.
 */
final class Containers {

    /** Printable ASCII, letters first so that strings shrink towards "a". */
    static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** Consecutive duplicate draws after which a set or map stops looking for a new element. */
    private static final int MAX_DUPLICATES = 50;

    private Containers() {
    }

    static <T> Gen<List<T>> list(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element generator is null");
        Checks.sizes(minSize, maxSize);
        double more = continuation(minSize, maxSize);
        return src -> {
            List<T> out = new ArrayList<>();
            while (out.size() < maxSize) {
                int start = src.startSpan();
                if (out.size() >= minSize && !src.drawBoolean(more)) {
                    break;
                }
                out.add(element.generate(src));
                src.endSpan(start);
            }
            return Collections.unmodifiableList(out);
        };
    }

    static <T> Gen<Set<T>> set(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element generator is null");
        Checks.sizes(minSize, maxSize);
        double more = continuation(minSize, maxSize);
        return src -> {
            Set<T> out = new LinkedHashSet<>();
            int duplicates = 0;
            while (out.size() < maxSize) {
                int start = src.startSpan();
                if (out.size() >= minSize && !src.drawBoolean(more)) {
                    break;
                }
                boolean added = out.add(element.generate(src));
                src.endSpan(start);
                duplicates = added ? 0 : duplicates + 1;
                if (duplicates == MAX_DUPLICATES) {
                    if (out.size() >= minSize) {
                        break;
                    }
                    throw tooFewDistinct("set", out.size(), minSize);
                }
            }
            return Collections.unmodifiableSet(out);
        };
    }

    static <K, V> Gen<Map<K, V>> map(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        Objects.requireNonNull(keys, "keys is null");
        Objects.requireNonNull(values, "values is null");
        Checks.sizes(minSize, maxSize);
        double more = continuation(minSize, maxSize);
        return src -> {
            Map<K, V> out = new LinkedHashMap<>();
            int duplicates = 0;
            while (out.size() < maxSize) {
                int start = src.startSpan();
                if (out.size() >= minSize && !src.drawBoolean(more)) {
                    break;
                }
                K key = keys.generate(src);
                boolean added = !out.containsKey(key);
                if (added) {
                    out.put(key, values.generate(src));
                }
                src.endSpan(start);
                duplicates = added ? 0 : duplicates + 1;
                if (duplicates == MAX_DUPLICATES) {
                    if (out.size() >= minSize) {
                        break;
                    }
                    throw tooFewDistinct("map", out.size(), minSize);
                }
            }
            return Collections.unmodifiableMap(out);
        };
    }

    /**
     * The probability of one more element that makes the expected size
     * {@code min(max(2 min, min + 5), (min + max) / 2)}: a handful beyond the minimum.
     */
    private static double continuation(int minSize, int maxSize) {
        double average = Math.min(Math.max(2.0 * minSize, minSize + 5.0), (minSize + (double) maxSize) / 2);
        double extra = average - minSize;
        return extra / (extra + 1);
    }

    private static GenerationException tooFewDistinct(String what, int found, int minSize) {
        return new GenerationException("a " + what + " needs " + minSize + " distinct elements, but after "
                + found + " the element generator repeated itself " + MAX_DUPLICATES
                + " times in a row; widen the element generator or lower minSize");
    }
}
