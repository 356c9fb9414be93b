package dev.cooper.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Generators that choose: between alternatives, among elements, by a predicate, by depth. */
final class Choices {

    private Choices() {
    }

    static <T> Gen<T> elements(List<? extends T> values) {
        Objects.requireNonNull(values, "values is null");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values: [] (expected: at least one)");
        }
        List<? extends T> copy = List.copyOf(values);
        return src -> copy.get((int) src.draw(copy.size() - 1));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> alternatives) {
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("alternatives: [] (expected: at least one)");
        }
        List<? extends Gen<? extends T>> copy = List.copyOf(alternatives);   // rejects null elements
        return src -> {
            Gen<? extends T> picked = copy.get((int) src.draw(copy.size() - 1));
            int start = src.startSpan();
            T value = picked.generate(src);
            src.endSpan(start);
            return value;
        };
    }

    static <T> Gen<T> frequency(List<? extends Map.Entry<Integer, ? extends Gen<? extends T>>> weighted) {
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("weighted: [] (expected: at least one)");
        }
        int n = weighted.size();
        int[] weights = new int[n];
        @SuppressWarnings("unchecked")
        Gen<? extends T>[] gens = new Gen[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            Map.Entry<Integer, ? extends Gen<? extends T>> entry = Objects.requireNonNull(weighted.get(i), "entry is null");
            int weight = Objects.requireNonNull(entry.getKey(), "weight is null");
            weights[i] = Checks.atLeast("weight", weight, 1);
            gens[i] = Objects.requireNonNull(entry.getValue(), "generator is null");
            total += weight;
        }
        long sum = total;
        return src -> {
            Gen<? extends T> picked = gens[src.drawWeighted(weights, sum)];
            int start = src.startSpan();
            T value = picked.generate(src);
            src.endSpan(start);
            return value;
        };
    }

    static <T> Gen<T> filter(Gen<T> gen, Predicate<? super T> predicate, int maxTries) {
        Objects.requireNonNull(predicate, "predicate is null");
        Checks.atLeast("maxTries", maxTries, 1);
        return src -> {
            T last = null;
            for (int i = 0; i < maxTries; i++) {
                // Past the end of a replay every attempt draws the same zeros: one rejection is final.
                boolean repeats = src.pastEnd();
                int start = src.startSpan();
                T candidate = gen.generate(src);
                src.endSpan(start);
                if (predicate.test(candidate)) {
                    return candidate;
                }
                last = candidate;
                if (repeats) {
                    break;
                }
            }
            throw new GenerationException("filter rejected " + maxTries + " of " + maxTries
                    + " candidates in a row (last rejected: " + Show.value(last) + "); relax the predicate, "
                    + "raise maxTries, or build valid values directly with map or flatMap");
        };
    }

    static <T> Gen<T> lazy(Supplier<? extends Gen<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier is null");
        return new Gen<>() {
            private volatile Gen<T> gen;   // racing first users may both ask the supplier: harmless

            @Override
            public T generate(Source source) {
                Gen<T> g = gen;
                if (g == null) {
                    g = Objects.requireNonNull(supplier.get(), "lazy supplier returned null");
                    gen = g;
                }
                return g.generate(source);
            }
        };
    }

    static <T> Gen<T> recursive(Gen<? extends T> leaf, Function<Gen<T>, Gen<? extends T>> node, int maxDepth) {
        Objects.requireNonNull(leaf, "leaf is null");
        Objects.requireNonNull(node, "node is null");
        Checks.atLeast("maxDepth", maxDepth, 0);
        Gen<T> level = leaf::generate;
        for (int depth = 1; depth <= maxDepth; depth++) {
            Gen<? extends T> branch = Objects.requireNonNull(node.apply(level), "node returned null");
            level = oneOf(List.of(leaf, branch));
        }
        return level;
    }
}
