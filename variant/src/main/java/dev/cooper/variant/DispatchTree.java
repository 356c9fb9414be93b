package dev.cooper.variant;

import static java.lang.invoke.MethodType.methodType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compiles a table of branches (one per tag) into a {@link Dispatcher} the JIT can inline whole.
 *
 * <p>The tree is a {@code MethodHandle} of type {@code (Object)Object}, built from two parts:
 * <ul>
 *   <li>a chain of exact-class tests, one per class whose instances {@link Cases#tag} maps
 *       through its identity table (records, final classes, enums and their constant bodies):
 *       {@code message.getClass() == C}, which compiles to one comparison of the object's class
 *       word with a constant, followed by the branch of {@code C}'s tag; only when there are at
 *       most {@link #CHAIN_LIMIT} such classes;</li>
 *   <li>behind the chain, the general path: {@link Cases#tag} and a {@code tableSwitch} over the
 *       branches. Everything the chain does not recognise ends here (subclasses of
 *       {@code non-sealed} leaves, seen only at run time), so the tree answers exactly what
 *       {@code branches[cases.tag(message)]} answers.</li>
 * </ul>
 *
 * <p>The tree becomes the class data of a hidden class defined from {@link DispatchTemplate}'s
 * bytes, where it sits in a {@code static final} field: a constant to the JIT, so the tests, the
 * switch and the bound branch objects fold into straight-line code. The hidden class is not
 * strongly linked to its defining loader: it is unloaded once its handler is unreachable.
 */
final class DispatchTree {
    /**
     * The most exact-class tests one tree chains; larger hierarchies use the tag switch alone.
     * Measured on Temurin 25 (decision record 0007): a chain of 32 runs at ~4 ns a message with
     * a random mix, 48 at ~7 ns, but at 64 the nested handles outgrow what C2 inlines and a
     * dispatch costs 50-130 ns, where the tag switch stays near 15 ns.
     */
    static final int CHAIN_LIMIT = 32;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** The bytes of {@link DispatchTemplate}, read once. */
    private static final byte[] TEMPLATE = readTemplate();

    private static final MethodHandle FUNCTION_APPLY;
    private static final MethodHandle CONSUMER_ACCEPT;
    private static final MethodHandle CASES_TAG;
    private static final MethodHandle IS_EXACTLY;
    private static final MethodHandle NO_SUCH_TAG;

    static {
        try {
            FUNCTION_APPLY = LOOKUP.findVirtual(Function.class, "apply", methodType(Object.class, Object.class));
            CONSUMER_ACCEPT = LOOKUP.findVirtual(Consumer.class, "accept", methodType(void.class, Object.class));
            CASES_TAG = LOOKUP.findVirtual(Cases.class, "tag", methodType(int.class, Object.class));
            IS_EXACTLY = LOOKUP.findStatic(DispatchTree.class, "isExactly",
                    methodType(boolean.class, Class.class, Object.class));
            NO_SUCH_TAG = LOOKUP.findStatic(DispatchTree.class, "noSuchTag",
                    methodType(Object.class, int.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DispatchTree() {}

    /** Compiles a handler's branches, indexed by tag of {@code cases}. */
    static Dispatcher ofFunctions(Cases<?> cases, Function<?, ?>[] branches) {
        return compile(cases, bind(branches, FUNCTION_APPLY));
    }

    /** Compiles a consumer's branches, indexed by tag of {@code cases}; the dispatcher returns null. */
    static Dispatcher ofConsumers(Cases<?> cases, Consumer<?>[] branches) {
        return compile(cases, bind(branches, CONSUMER_ACCEPT));
    }

    /** One {@code (Object)Object} handle per tag; tags that share a branch share its handle. */
    private static MethodHandle[] bind(Object[] branches, MethodHandle call) {
        Map<Object, MethodHandle> bound = new IdentityHashMap<>();
        MethodHandle[] byTag = new MethodHandle[branches.length];
        for (int tag = 0; tag < branches.length; tag++) {
            // A consumer's void result becomes null.
            byTag[tag] = bound.computeIfAbsent(branches[tag],
                    branch -> call.bindTo(branch).asType(methodType(Object.class, Object.class)));
        }
        return byTag;
    }

    private static Dispatcher compile(Cases<?> cases, MethodHandle[] byTag) {
        return define(exactChain(cases, byTag, tagSwitch(cases, byTag)));
    }

    /** {@code byTag[cases.tag(message)](message)}. */
    private static MethodHandle tagSwitch(Cases<?> cases, MethodHandle[] byTag) {
        MethodHandle[] targets = new MethodHandle[byTag.length];
        for (int tag = 0; tag < byTag.length; tag++) {
            targets[tag] = MethodHandles.dropArguments(byTag[tag], 0, int.class);
        }
        // Cases.tag returns 0..count-1 or throws, so the default target is never taken.
        MethodHandle select = MethodHandles.tableSwitch(NO_SUCH_TAG, targets);
        return MethodHandles.foldArguments(select, CASES_TAG.bindTo(cases));
    }

    /** Exact-class tests for each class in the identity table of {@code cases}, then {@code rest}. */
    private static MethodHandle exactChain(Cases<?> cases, MethodHandle[] byTag, MethodHandle rest) {
        List<Class<?>> exact = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        for (int tag = 0; tag < cases.count(); tag++) {
            Class<?> leaf = cases.type(tag);
            if (!leaf.isInterface() && !Modifier.isAbstract(leaf.getModifiers())) {
                exact.add(leaf);
                tags.add(tag);
            }
            if (leaf.isEnum() && leaf.isSealed()) {
                for (Class<?> body : leaf.getPermittedSubclasses()) {
                    exact.add(body);
                    tags.add(tag);
                }
            }
        }
        if (exact.size() > CHAIN_LIMIT) {
            return rest;
        }
        MethodHandle tree = rest;
        for (int i = exact.size() - 1; i >= 0; i--) {
            tree = MethodHandles.guardWithTest(IS_EXACTLY.bindTo(exact.get(i)), byTag[tags.get(i)], tree);
        }
        return tree;
    }

    private static Dispatcher define(MethodHandle tree) {
        try {
            // Not STRONG: the class can be unloaded as soon as its dispatcher is unreachable.
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(TEMPLATE, tree, true);
            return (Dispatcher) hidden.lookupClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define the dispatch class of a handler", e);
        }
    }

    private static byte[] readTemplate() {
        String name = DispatchTemplate.class.getSimpleName() + ".class";
        try (InputStream in = DispatchTree.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not readable as a resource of " + DispatchTree.class.getPackageName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isExactly(Class<?> type, Object message) {
        return message.getClass() == type;
    }

    private static Object noSuchTag(int tag, Object message) {
        throw new IllegalStateException("tag " + tag + " of " + message.getClass().getName() + " has no branch");
    }

    /** Throws {@code e} as it is, checked or not; declared to return so callers can {@code throw} it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable e) throws E {
        throw (E) e;
    }
}
