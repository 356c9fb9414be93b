package dev.cooper.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator of values of type {@code T}: a function of the choices it draws from a
 * {@link Source}.
 *
 * <p>Shrinking is integrated: the engine shrinks the recorded choices and runs the generator
 * again, so every generator built from these pieces with {@link #map}, {@link #flatMap},
 * {@link #filter} or plain code shrinks without a shrinker of its own. The building blocks are
 * designed so that smaller choices give simpler values: numbers move towards 0 (or towards the
 * end of their range nearest 0), collections get shorter, {@link #oneOf} moves to its first
 * alternative, booleans to {@code false}, {@link #elements} to the first element.
 *
 * <p>Combining several generators is ordinary code, which keeps shrinking intact:
 * <pre>{@code
 * Gen<Order> orders = src -> new Order(ids.generate(src), items.generate(src), Gen.booleans().generate(src));
 * }</pre>
 *
 * <p>A generator is a stateless description and may be shared between threads and properties.
 * Generators never produce {@code null} unless a user-supplied function does.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** Produces a value from the choices drawn from {@code source}. */
    T generate(Source source);

    /** A generator of {@code mapper} applied to this generator's values. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper is null");
        return src -> mapper.apply(generate(src));
    }

    /**
     * A generator that draws a value from this generator, then a value from the generator
     * {@code mapper} makes of it. Shrinking reaches through both stages.
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        Objects.requireNonNull(mapper, "mapper is null");
        return src -> {
            T first = generate(src);
            int start = src.startSpan();
            R second = Objects.requireNonNull(mapper.apply(first), "flatMap mapper returned null")
                    .generate(src);
            src.endSpan(start);
            return second;
        };
    }

    /**
     * The values of this generator that satisfy {@code predicate}, giving up with a
     * {@link GenerationException} after 100 rejections in a row.
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        return filter(predicate, 100);
    }

    /**
     * The values of this generator that satisfy {@code predicate}, giving up with a
     * {@link GenerationException} after {@code maxTries} rejections in a row. Prefer building
     * valid values directly when most candidates would be rejected.
     */
    default Gen<T> filter(Predicate<? super T> predicate, int maxTries) {
        return Choices.filter(this, predicate, maxTries);
    }

    /**
     * Lists of {@code minSize..maxSize} elements of this generator; shrinks towards shorter lists.
     * Each element costs at least two of the 65,536 choices one run may draw, so a list of more
     * than about 30,000 elements fails with {@link GenerationException}; build such a value
     * from a drawn seed ({@link #longs()}) instead, at the cost of shrinking it.
     */
    default Gen<List<T>> list(int minSize, int maxSize) {
        return Containers.list(this, minSize, maxSize);
    }

    /**
     * Sets of {@code minSize..maxSize} distinct elements of this generator, in generation order.
     * Gives up with a {@link GenerationException} when the element generator cannot supply
     * {@code minSize} distinct values.
     */
    default Gen<Set<T>> set(int minSize, int maxSize) {
        return Containers.set(this, minSize, maxSize);
    }

    /** Empty or present optionals of this generator's values; shrinks towards empty. */
    default Gen<Optional<T>> optional() {
        return src -> src.drawBoolean(0.75) ? Optional.of(generate(src)) : Optional.empty();
    }

    /**
     * {@code count} values of this generator, each from a source seeded from {@code seed}; the
     * same seed gives the same values. For looking at what a generator makes.
     */
    default List<T> samples(long seed, int count) {
        Checks.atLeast("count", count, 0);
        List<T> out = new ArrayList<>(count);
        long s = seed;
        for (int i = 0; i < count; i++) {
            out.add(generate(Source.random(s)));
            s = Seeds.next(s);
        }
        return out;
    }

    /** Ints in {@code min..max} (inclusive), shrinking towards 0 or the end of the range nearest it. */
    static Gen<Integer> ints(int min, int max) {
        Checks.ordered(min, max);
        return src -> (int) Numbers.longInRange(src, min, max);
    }

    /** Any int, small magnitudes being common; shrinks towards 0. */
    static Gen<Integer> ints() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code min..max} (inclusive), shrinking towards 0 or the end of the range nearest it. */
    static Gen<Long> longs(long min, long max) {
        Checks.ordered(min, max);
        return src -> Numbers.longInRange(src, min, max);
    }

    /** Any long, small magnitudes being common; shrinks towards 0. */
    static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Finite doubles in {@code min..max} (inclusive), shrinking towards 0 or the end of the
     * range nearest it.
     */
    static Gen<Double> doubles(double min, double max) {
        Numbers.checkFinite(min, max);
        return src -> Numbers.doubleInRange(src, min, max);
    }

    /** Booleans; shrinks towards {@code false}. */
    static Gen<Boolean> booleans() {
        return src -> src.draw(1) == 1;
    }

    /** Chars in {@code min..max} (inclusive); shrinks towards {@code min}. */
    static Gen<Character> chars(char min, char max) {
        Checks.ordered(min, max);
        return src -> (char) (min + src.draw(max - min));
    }

    /** Chars of {@code alphabet}; shrinks towards its first char. */
    static Gen<Character> chars(String alphabet) {
        Objects.requireNonNull(alphabet, "alphabet is null");
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet: \"\" (expected: at least one char)");
        }
        return src -> alphabet.charAt((int) src.draw(alphabet.length() - 1));
    }

    /**
     * Strings of {@code minLength..maxLength} printable ASCII chars, letters first, so that they
     * shrink towards {@code "a"}s.
     */
    static Gen<String> strings(int minLength, int maxLength) {
        return strings(chars(Containers.PRINTABLE), minLength, maxLength);
    }

    /** Strings of {@code minLength..maxLength} chars of {@code chars}; shrinks towards shorter. */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        Objects.requireNonNull(chars, "chars is null");
        return Containers.list(chars, minLength, maxLength).map(list -> {
            StringBuilder sb = new StringBuilder(list.size());
            list.forEach(sb::append);
            return sb.toString();
        });
    }

    /** Always {@code value}; draws nothing. */
    static <T> Gen<T> constant(T value) {
        return src -> value;
    }

    /** One of {@code values}; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        Objects.requireNonNull(values, "values is null");
        return elements(Arrays.asList(values));
    }

    /** One of {@code values}; shrinks towards the first. The list is copied. */
    static <T> Gen<T> elements(List<? extends T> values) {
        return Choices.elements(values);
    }

    /** The constants of {@code type}; shrinks towards the first declared. */
    static <E extends Enum<E>> Gen<E> enumOf(Class<E> type) {
        Objects.requireNonNull(type, "type is null");
        return elements(type.getEnumConstants());
    }

    /** A value of one of {@code alternatives}, picked uniformly; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... alternatives) {
        Objects.requireNonNull(alternatives, "alternatives is null");
        return Choices.oneOf(List.of(alternatives));
    }

    /**
     * A value of one of the generators, picked in proportion to its weight (the entry's key);
     * shrinks towards the first. For example
     * {@code Gen.frequency(Map.entry(9, small), Map.entry(1, huge))}.
     */
    @SafeVarargs
    static <T> Gen<T> frequency(Map.Entry<Integer, ? extends Gen<? extends T>>... weighted) {
        Objects.requireNonNull(weighted, "weighted is null");
        return Choices.frequency(List.of(weighted));
    }

    /** Maps of {@code minSize..maxSize} entries with distinct keys; shrinks towards fewer entries. */
    static <K, V> Gen<Map<K, V>> mapOf(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        return Containers.map(keys, values, minSize, maxSize);
    }

    /** {@code combiner} applied to a value of {@code first} and then one of {@code second}. */
    static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
        Objects.requireNonNull(first, "first is null");
        Objects.requireNonNull(second, "second is null");
        Objects.requireNonNull(combiner, "combiner is null");
        return src -> combiner.apply(first.generate(src), second.generate(src));
    }

    /**
     * The generator {@code supplier} returns, asked for once on first use: for generators that
     * refer to themselves or each other. Bound the recursion yourself (a depth parameter, a
     * shrinking {@link #list}, or {@link #recursive}).
     */
    static <T> Gen<T> lazy(Supplier<? extends Gen<T>> supplier) {
        return Choices.lazy(supplier);
    }

    /**
     * Recursive values with at most {@code maxDepth} nodes on any path down to a leaf: each
     * level is either a {@code leaf} or {@code node} applied to the generator of the level below,
     * and level 0 is leaves only. Shrinks towards leaves.
     * <pre>{@code
     * Gen<Expr> exprs = Gen.recursive(Gen.ints(0, 9).map(Lit::new),
     *         sub -> Gen.zip(sub, sub, Add::new), 4);
     * }</pre>
     */
    static <T> Gen<T> recursive(Gen<? extends T> leaf, Function<Gen<T>, Gen<? extends T>> node, int maxDepth) {
        return Choices.recursive(leaf, node, maxDepth);
    }

    /**
     * A generator derived from {@code type} by {@link Derivation#defaults()}: records, enums,
     * sealed hierarchies, Immutables value types, and the common JDK types inside them.
     *
     * @throws IllegalArgumentException naming the type and the path to it when some type cannot
     *         be derived
     */
    static <T> Gen<T> of(Class<T> type) {
        return Derivation.defaults().of(type);
    }
}
