package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.variant.Msg.A;
import dev.cooper.variant.Msg.Sub;
import io.vavr.control.Try;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void contractLineTypeChecksAndDispatches() {
        Handler<Msg, String> h = Handler.builder(Msg.class).on(A.class, a -> "a").on(Sub.class, s -> "s").build();
        for (Msg msg : Samples.all()) {
            assertEquals(msg instanceof A ? "a" : "s", h.apply(msg));
        }
    }

    @Test
    void handlerAgreesWithASwitchOverAllCases() {
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "A " + a.id())
                .on(Msg.Start.class, start -> "Start")
                .on(Msg.Stop.class, stop -> "Stop " + stop.reason())
                .on(Msg.Reload.class, reload -> "Reload")
                .on(Msg.Shutdown.class, shutdown -> "Shutdown")
                .on(Msg.Compute.class, compute -> "Compute")
                .on(Msg.Custom.class, custom -> "Custom " + custom.getClass().getSimpleName())
                .on(Msg.Level.class, level -> "Level " + level)
                .on(ImmutableOrder.class, order -> "Order " + order.item())
                .build();
        for (Msg msg : Samples.all()) {
            assertEquals(bySwitch(msg), handler.apply(msg));
        }
    }

    private static String bySwitch(Msg msg) {
        return switch (msg) {
            case Msg.A a -> "A " + a.id();
            case Msg.Start start -> "Start";
            case Msg.Stop stop -> "Stop " + stop.reason();
            case Msg.Reload reload -> "Reload";
            case Msg.Shutdown shutdown -> "Shutdown";
            case Msg.Compute compute -> "Compute";
            case Msg.Custom custom -> "Custom " + custom.getClass().getSimpleName();
            case Msg.Level level -> "Level " + level;
            case Order order -> "Order " + order.item();
        };
    }

    @Test
    void specificBranchWinsOverABroaderOneRegisteredBefore() {
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .on(Msg.class, msg -> "msg")
                .on(Msg.Control.class, control -> "control")
                .on(Msg.Stop.class, stop -> "stop")
                .build();
        assertPrecedence(handler);
    }

    @Test
    void specificBranchWinsOverABroaderOneRegisteredAfter() {
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .on(Msg.Stop.class, stop -> "stop")
                .on(Msg.Control.class, control -> "control")
                .on(Msg.class, msg -> "msg")
                .build();
        assertPrecedence(handler);
    }

    private static void assertPrecedence(Handler<Msg, String> handler) {
        assertEquals("stop", handler.apply(new Msg.Stop("x")));
        assertEquals("control", handler.apply(new Msg.Start()));
        assertEquals("control", handler.apply(new Msg.Shutdown()));
        assertEquals("msg", handler.apply(new Msg.A(1)));
        assertEquals("msg", handler.apply(Msg.Level.HIGH));
    }

    @Test
    void sealedTypeBranchCoversEveryCaseBelowIt() {
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "a")
                .on(Msg.Control.class, control -> "control")
                .on(Msg.Work.class, work -> "work")
                .on(Msg.Level.class, level -> "level")
                .on(Order.class, order -> "order")
                .build();
        assertEquals(List.of("a", "control", "control", "control", "control", "work", "work", "work",
                        "level", "level", "order", "order"),
                Samples.all().stream().filter(msg -> !(msg instanceof Msg.A a && a.id() == 2))
                        .map(handler).toList());
    }

    @Test
    void missingCasesAreAllNamedInTagOrder() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "a")
                .on(Msg.Control.class, control -> "control");
        MissingCasesException e = assertThrows(MissingCasesException.class, builder::build);
        assertEquals(List.of(Msg.Compute.class, Msg.Custom.class, Msg.Level.class, ImmutableOrder.class),
                e.missing());
        assertSame(Msg.class, e.root());
        assertEquals("handler over Msg misses 4 cases: Compute, Custom, Level, ImmutableOrder"
                + " (add a branch for each, or for a sealed type above them, or otherwise(...))", e.getMessage());
    }

    @Test
    void singleMissingCaseIsNamed() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "a")
                .on(Msg.Control.class, control -> "control")
                .on(Msg.Work.class, work -> "work")
                .on(Msg.Level.class, level -> "level");
        MissingCasesException e = assertThrows(MissingCasesException.class, builder::build);
        assertEquals(List.of(ImmutableOrder.class), e.missing());
        assertEquals("handler over Msg misses 1 case: ImmutableOrder"
                + " (add a branch for each, or for a sealed type above them, or otherwise(...))", e.getMessage());
    }

    @Test
    void registeringATypeTwiceIsRefusedNamingIt() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class).on(Msg.Control.class, c -> "c");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.on(Msg.Control.class, c -> "again"));
        assertEquals("dev.cooper.variant.Msg$Control is registered twice", e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void typeOutsideTheHierarchyIsRefused() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class).on(Msg.A.class, a -> "a");
        Class<Msg> outside = (Class) String.class;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.on(outside, s -> "s"));
        assertEquals("java.lang.String is neither a case nor a sealed type of dev.cooper.variant.Msg;"
                + " expected one of Cases[Msg: A, Start, Stop, Reload, Shutdown, Compute, Custom, Level,"
                + " ImmutableOrder] or a sealed type above them", e.getMessage());
    }

    @Test
    void subclassOfANonSealedCaseIsRefusedAsItCannotBeDispatchedApart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Handler.builder(Msg.class).on(Msg.Upload.class, upload -> "upload"));
        assertTrue(e.getMessage().startsWith(
                "dev.cooper.variant.Msg$Upload is neither a case nor a sealed type of dev.cooper.variant.Msg"),
                e.getMessage());
    }

    @Test
    void nullsAreRefused() {
        assertEquals("root is null", assertThrows(NullPointerException.class,
                () -> Handler.builder(null)).getMessage());
        assertEquals("type is null", assertThrows(NullPointerException.class,
                () -> Handler.builder(Msg.class).on(null, a -> "a")).getMessage());
        assertEquals("branch is null", assertThrows(NullPointerException.class,
                () -> Handler.builder(Msg.class).on(Msg.A.class, null)).getMessage());
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class).on(Msg.A.class, a -> "a");
        assertEquals("branch is null", assertThrows(NullPointerException.class,
                () -> builder.otherwise(null)).getMessage());
        Handler<Msg, String> handler = builder.otherwise(msg -> "other").build();
        assertEquals("message is null", assertThrows(NullPointerException.class,
                () -> handler.apply(null)).getMessage());
        assertEquals("message is null", assertThrows(NullPointerException.class,
                () -> handler.tryApply(null)).getMessage());
    }

    @Test
    void nonSealedRootIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Handler.builder(Runnable.class));
        assertEquals("java.lang.Runnable is not a sealed interface or class; Cases needs a sealed root",
                e.getMessage());
    }

    @Test
    void otherwiseTakesEveryUncoveredCase() {
        Handler<Msg, String> handler = Handler.builder(Msg.class)
                .on(Msg.Control.class, control -> "control")
                .otherwise(msg -> "other " + msg.getClass().getSimpleName())
                .build();
        assertEquals("control", handler.apply(new Msg.Reload()));
        assertEquals("other A", handler.apply(new Msg.A(1)));
        assertEquals("other Upload", handler.apply(new Msg.Upload()));
        assertEquals("other ImmutableOrder",
                handler.apply(ImmutableOrder.builder().item("x").quantity(1).build()));
    }

    @Test
    void otherwiseTwiceIsRefused() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> "a")
                .otherwise(msg -> "x");
        assertEquals("otherwise is set twice", assertThrows(IllegalStateException.class,
                () -> builder.otherwise(msg -> "y")).getMessage());
    }

    @Test
    void tryApplyCapturesTheBranchResultOrException() {
        IllegalStateException failure = new IllegalStateException("stopped");
        Handler<Msg, Integer> handler = Handler.builder(Msg.class)
                .on(Msg.A.class, a -> 1)
                .on(Msg.Stop.class, stop -> {
                    throw failure;
                })
                .otherwise(msg -> 2)
                .build();
        Try<Integer> success = handler.tryApply(new Msg.A(7));
        assertEquals(Try.success(1), success);
        Try<Integer> failed = handler.tryApply(new Msg.Stop("now"));
        assertTrue(failed.isFailure());
        assertSame(failure, failed.getCause());
    }

    @Test
    void caseBelowTwoUnrelatedBranchesIsRefusedUntilItHasItsOwn() {
        Handler.Builder<CasesTest.Node, String> builder = Handler.builder(CasesTest.Node.class)
                .on(CasesTest.Left.class, left -> "left")
                .on(CasesTest.Right.class, right -> "right");
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("Both is covered by both Left and Right, neither more specific; register Both itself",
                e.getMessage());
        Handler<CasesTest.Node, String> handler = builder.on(CasesTest.Both.class, both -> "both").build();
        assertEquals("both", handler.apply(new CasesTest.Both()));
        assertEquals("right", handler.apply(new CasesTest.Solo()));
    }

    @Test
    void concreteSealedClassBranchCoversItsOwnInstancesAndItsSubclasses() {
        Handler<CasesTest.Shape, String> handler = Handler.builder(CasesTest.Shape.class)
                .on(CasesTest.Shape.class, shape -> "shape")
                .on(CasesTest.Polygon.class, polygon -> "polygon")
                .build();
        assertEquals("shape", handler.apply(new CasesTest.Shape()));
        assertEquals("shape", handler.apply(new CasesTest.Circle()));
        assertEquals("polygon", handler.apply(new CasesTest.Triangle()));
    }

    @Test
    void buildCopiesTheRegistrationsSoTheBuilderCanGoOn() {
        Handler.Builder<Msg, String> builder = Handler.builder(Msg.class)
                .on(Msg.class, msg -> "msg");
        Handler<Msg, String> first = builder.build();
        Handler<Msg, String> second = builder.on(Msg.A.class, a -> "a").build();
        assertEquals("msg", first.apply(new Msg.A(1)));
        assertEquals("a", second.apply(new Msg.A(1)));
    }

    @Test
    void handlerIsAFunctionOverItsCases() {
        Function<Msg, Integer> handler = Handler.builder(Msg.class)
                .on(Msg.class, msg -> Cases.of(Msg.class).tag(msg))
                .build();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), Samples.oneOfEach().stream().map(handler).toList());
        assertSame(Cases.of(Msg.class), ((Handler<Msg, Integer>) handler).cases());
    }

    /**
     * The branch is chosen per case (by tag), as Handler's javadoc says: a class implementing
     * two non-sealed cases belongs to the first, and goes to its branch even where a pattern
     * switch would match the second's.
     */
    @Test
    void anObjectOfTwoNonSealedCasesGoesToTheFirstCasesBranch() {
        Handler<CasesTest.Port, String> handler = Handler.builder(CasesTest.Port.class)
                .on(CasesTest.Out.class, out -> "out")
                .otherwise(port -> "other")
                .build();
        assertEquals("other", handler.apply(new CasesTest.Duplex()), "Duplex is an In first");
        assertEquals("out", handler.apply(new CasesTest.Sink()));
    }
}
