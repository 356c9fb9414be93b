package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The compiled dispatch (a hidden class per handler, see {@link DispatchTree}) answers exactly
 * what the table path {@code branches[cases.tag(message)]} answers, on both of its shapes: the
 * exact-class chain ({@link Msg}, 9 cases) and the tag switch alone ({@link Wide}, 42 cases).
 */
class DispatchTreeTest {
    private static final long SEED = 0x7ab1eL;
    private static final int ROUNDS = 300;

    /** Every type of {@link Msg} a branch can be registered for: the root, sealed types, cases. */
    private static final List<Class<?>> MSG_NODES = List.of(
            Msg.class, Msg.Sub.class, Msg.Control.class, Msg.Admin.class, Msg.Work.class, Order.class,
            Msg.A.class, Msg.Start.class, Msg.Stop.class, Msg.Reload.class, Msg.Shutdown.class,
            Msg.Compute.class, Msg.Custom.class, Msg.Level.class, ImmutableOrder.class);

    /** A subclass of the non-sealed leaf that {@link Cases} first sees at dispatch time. */
    private static final class Late extends Msg.Custom {}

    @Test
    void handlerAgreesWithTheTablePathForRandomRegistrations() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Msg> messages = new ArrayList<>(Samples.all());
        messages.add(new Late());
        messages.add(new Msg.Custom() {});
        Cases<Msg> cases = Cases.of(Msg.class);
        for (int round = 0; round < ROUNDS; round++) {
            List<Class<?>> registered = new ArrayList<>();
            for (Class<?> node : MSG_NODES) {
                if (random.nextBoolean()) {
                    registered.add(node);
                }
            }
            if (registered.isEmpty()) {
                registered.add(Msg.A.class); // a builder starts with a branch
            }
            boolean otherwise = random.nextBoolean();
            if (!otherwise && !registered.contains(Msg.class)) {
                registered.add(Msg.class); // a total handler: build() needs every case covered
            }
            BranchTable<Msg, Function<Object, String>> table = new BranchTable<>(cases);
            registered.forEach(type -> table.on(type, branch(type)));
            if (otherwise) {
                table.otherwise(message -> "otherwise " + message);
            }
            Function<Object, String>[] byTag = table.resolveAll(Function[]::new);
            Handler<Msg, String> handler = handler(registered, otherwise);
            for (Msg message : messages) {
                assertEquals(byTag[cases.tag(message)].apply(message), handler.apply(message),
                        () -> message + " with branches for " + registered + (otherwise ? " and otherwise" : ""));
            }
        }
    }

    @Test
    void wideHierarchyDispatchesByTagSwitchAndAgreesWithTheTablePath() throws ReflectiveOperationException {
        Cases<Wide> cases = Cases.of(Wide.class);
        assertTrue(cases.count() > DispatchTree.CHAIN_LIMIT, cases::toString);
        Handler.Builder<Wide, String> builder = Handler.builder(Wide.class)
                .on(Wide.Open.class, open -> "open " + open.getClass().getName())
                .on(Wide.Base.class, base -> "base " + base.getClass().getName())
                .otherwise(wide -> "otherwise " + wide);
        List<Wide> messages = new ArrayList<>();
        for (Class<? extends Wide> type : cases.types()) {
            if (type.isRecord()) {
                int index = messages.size();
                messages.add(newRecord(type, index));
                if (index % 2 == 0) {
                    builder.on(type.asSubclass(Wide.class), wide -> "own " + wide);
                }
            }
        }
        messages.add(new Wide.Base());
        messages.add(new Wide.Base() {});
        messages.add(new Wide.Open() {});
        Handler<Wide, String> handler = builder.build();
        for (Wide message : messages) {
            String expected = switch (message) {
                case Wide.Open open -> "open " + open.getClass().getName();
                case Wide.Base base -> "base " + base.getClass().getName();
                default -> messages.indexOf(message) % 2 == 0 ? "own " + message : "otherwise " + message;
            };
            assertEquals(expected, handler.apply(message));
        }
    }

    @Test
    void caseConsumerAgreesWithTheTablePath() {
        List<String> seen = new ArrayList<>();
        CaseConsumer<Msg> consumer = Handler.consumer(Msg.class)
                .on(Msg.Control.class, control -> seen.add("control " + control))
                .on(Msg.Custom.class, custom -> seen.add("custom " + custom))
                .on(Msg.Level.class, level -> seen.add("level " + level))
                .otherwise(message -> seen.add("otherwise " + message))
                .build();
        List<Msg> messages = new ArrayList<>(Samples.all());
        messages.add(new Late());
        List<String> expected = new ArrayList<>();
        for (Msg message : messages) {
            consumer.accept(message);
            expected.add(switch (message) {
                case Msg.Control control -> "control " + control;
                case Msg.Custom custom -> "custom " + custom;
                case Msg.Level level -> "level " + level;
                default -> "otherwise " + message;
            });
        }
        assertEquals(expected, seen);
    }

    @Test
    void branchExceptionsReachTheCallerUnchanged() {
        IllegalStateException unchecked = new IllegalStateException("unchecked");
        IOException checked = new IOException("checked past the compiler");
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .<Msg.A, String>on(Msg.A.class, a -> {
                    throw unchecked;
                })
                .on(Msg.Start.class, start -> DispatchTreeTest.<RuntimeException>sneakyThrow(checked))
                .otherwise(message -> "other")
                .build();
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> handler.apply(new Msg.A(1))));
        assertSame(checked, assertThrows(IOException.class, () -> handler.apply(new Msg.Start())));
        assertEquals("other", handler.apply(new Msg.Stop("x")));
    }

    @Test
    void eachCompiledTableIsAHiddenClassOfItsOwn() {
        Cases<Msg> cases = Cases.of(Msg.class);
        Dispatcher one = DispatchTree.ofFunctions(cases, constantBranches(cases, "one"));
        Dispatcher two = DispatchTree.ofFunctions(cases, constantBranches(cases, "two"));
        assertTrue(one.getClass().isHidden());
        assertNotSame(one.getClass(), two.getClass());
        for (Msg message : Samples.all()) {
            assertEquals("one", one.dispatch(message));
            assertEquals("two", two.dispatch(message));
        }
    }

    @Test
    void dispatchClassesOfUnreachableHandlersAreUnloaded() throws InterruptedException {
        Cases<Msg> cases = Cases.of(Msg.class);
        Msg message = new Msg.Stop("x");
        List<WeakReference<Class<?>>> classes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String answer = Integer.toString(i);
            Dispatcher dispatcher = DispatchTree.ofFunctions(cases, constantBranches(cases, answer));
            assertEquals(answer, dispatcher.dispatch(message));
            classes.add(new WeakReference<>(dispatcher.getClass()));
        }
        // Full collections unload classes; a few tries in case one is run concurrently.
        for (int attempt = 0; attempt < 20 && live(classes) > 0; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, live(classes), "dispatch classes still loaded out of " + classes.size());
    }

    private static long live(List<WeakReference<Class<?>>> classes) {
        return classes.stream().filter(ref -> ref.get() != null).count();
    }

    private static Function<?, ?>[] constantBranches(Cases<?> cases, String answer) {
        Function<?, ?>[] branches = new Function<?, ?>[cases.count()];
        Arrays.fill(branches, (Function<Object, String>) message -> answer);
        return branches;
    }

    private static Function<Object, String> branch(Class<?> type) {
        return message -> type.getSimpleName() + " " + message;
    }

    @SuppressWarnings("unchecked")
    private static Handler<Msg, String> handler(List<Class<?>> registered, boolean otherwise) {
        Handler.Start<Msg> start = Handler.builder(Msg.class);
        Handler.Builder<Msg, String> builder = null;
        for (Class<?> type : registered) {
            Class<Msg> node = (Class<Msg>) type;
            builder = builder == null ? start.on(node, branch(type)::apply) : builder.on(node, branch(type)::apply);
        }
        if (otherwise) {
            builder.otherwise(message -> "otherwise " + message);
        }
        return builder.build();
    }

    private static Wide newRecord(Class<? extends Wide> type, int value) throws ReflectiveOperationException {
        try {
            return type.getDeclaredConstructor(int.class).newInstance(value);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + " refused " + value, e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> String sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
