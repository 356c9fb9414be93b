package dev.cooper.bench;

import dev.cooper.variant.Cases;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The inputs of the dispatch benchmarks ({@link Dispatch4}, {@link Dispatch8},
 * {@link Dispatch32}): a seeded random mix of messages, and the two lambda tables built from
 * one map of case class to handler.
 */
final class DispatchMix {
    /** Messages per benchmark invocation; the scores divide by it. */
    static final int SIZE = 1024;
    /** Fixed, so every run and fork sees the same mix. */
    static final long SEED = 0x5eed_c0deL;

    private DispatchMix() {
    }

    /**
     * {@link #SIZE} messages of {@code root}'s record cases, each case equally likely, each
     * carrying a value in {@code [0, 64)}. The cases come from the JDK's
     * {@link Class#getPermittedSubclasses()}, not from {@link Cases}, which is under test; each
     * must be a record with an {@code int} as its only component.
     */
    static <T> T[] messages(Class<T> root, long seed) {
        Class<?>[] leaves = root.getPermittedSubclasses();
        if (leaves == null) {
            throw new IllegalArgumentException("root: " + root.getName() + " (expected: a sealed interface)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        @SuppressWarnings("unchecked")
        T[] mix = (T[]) java.lang.reflect.Array.newInstance(root, SIZE);
        for (int i = 0; i < SIZE; i++) {
            mix[i] = root.cast(create(leaves[random.nextInt(leaves.length)], random.nextInt(64)));
        }
        return mix;
    }

    private static Object create(Class<?> leaf, int value) {
        try {
            return leaf.getDeclaredConstructor(int.class).newInstance(value);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("case: " + leaf.getName()
                    + " (expected: a record whose only component is an int)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(leaf.getName() + " refused value " + value, e.getCause());
        }
    }

    /** The table indexed by {@link Cases#tag}: entry {@code i} handles {@code cases.type(i)}. */
    static <T> ToIntFunction<T>[] byTag(Cases<T> cases, Map<Class<?>, ToIntFunction<T>> table) {
        @SuppressWarnings("unchecked")
        ToIntFunction<T>[] byTag = new ToIntFunction[cases.count()];
        for (int tag = 0; tag < byTag.length; tag++) {
            byTag[tag] = handlerFor(cases.type(tag), table);
        }
        return byTag;
    }

    /** The table looked up by the message's class, each entry computed once by the JDK. */
    static <T> ClassValue<ToIntFunction<T>> byClass(Map<Class<?>, ToIntFunction<T>> table) {
        return new ClassValue<>() {
            @Override
            protected ToIntFunction<T> computeValue(Class<?> type) {
                return handlerFor(type, table);
            }
        };
    }

    private static <T> ToIntFunction<T> handlerFor(Class<?> type, Map<Class<?>, ToIntFunction<T>> table) {
        ToIntFunction<T> handler = table.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("type: " + type.getName() + " (expected: one of " + table.keySet() + ")");
        }
        return handler;
    }
}
