package dev.cooper.bench;

import static io.vavr.API.$;
import static io.vavr.API.Case;
import static io.vavr.API.Match;
import static io.vavr.Predicates.instanceOf;
import static java.util.Map.entry;

import dev.cooper.variant.Cases;
import dev.cooper.variant.Handler;
import io.vavr.API;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dispatch over a sealed hierarchy of 32 record cases ({@link Msg32}): the same handling
 * written seven ways, each run over the same seeded random mix of messages (see
 * {@link DispatchMix}); scores are nanoseconds per message.
 *
 * <p>Case {@code Ci} with value {@code v} is handled as {@code v + i}. The pattern
 * {@code switch}, the {@code instanceof} chain, the visitor and the two lambda tables
 * ({@link Cases#tag} into an array, {@link ClassValue}) return an {@code int}; {@link Handler}
 * and Vavr's {@code Match} are {@code Function}-shaped and return an {@code Integer}, which
 * stays inside the {@code Integer} cache (results are below 128), so their extra cost is
 * the boxing call, not an allocation. Vavr's {@code Match} is measured twice: written the way
 * its documentation shows, building its {@code Case}s on every call ({@code vavrMatch}), and
 * with the {@code Case}s built once ({@code vavrMatchHoisted}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class Dispatch32 {

    private static final Msg32.Visitor VISITOR = new Msg32.Visitor() {
        @Override
        public int visit(Msg32.C0 c) { return c.value() + 0; }
        @Override
        public int visit(Msg32.C1 c) { return c.value() + 1; }
        @Override
        public int visit(Msg32.C2 c) { return c.value() + 2; }
        @Override
        public int visit(Msg32.C3 c) { return c.value() + 3; }
        @Override
        public int visit(Msg32.C4 c) { return c.value() + 4; }
        @Override
        public int visit(Msg32.C5 c) { return c.value() + 5; }
        @Override
        public int visit(Msg32.C6 c) { return c.value() + 6; }
        @Override
        public int visit(Msg32.C7 c) { return c.value() + 7; }
        @Override
        public int visit(Msg32.C8 c) { return c.value() + 8; }
        @Override
        public int visit(Msg32.C9 c) { return c.value() + 9; }
        @Override
        public int visit(Msg32.C10 c) { return c.value() + 10; }
        @Override
        public int visit(Msg32.C11 c) { return c.value() + 11; }
        @Override
        public int visit(Msg32.C12 c) { return c.value() + 12; }
        @Override
        public int visit(Msg32.C13 c) { return c.value() + 13; }
        @Override
        public int visit(Msg32.C14 c) { return c.value() + 14; }
        @Override
        public int visit(Msg32.C15 c) { return c.value() + 15; }
        @Override
        public int visit(Msg32.C16 c) { return c.value() + 16; }
        @Override
        public int visit(Msg32.C17 c) { return c.value() + 17; }
        @Override
        public int visit(Msg32.C18 c) { return c.value() + 18; }
        @Override
        public int visit(Msg32.C19 c) { return c.value() + 19; }
        @Override
        public int visit(Msg32.C20 c) { return c.value() + 20; }
        @Override
        public int visit(Msg32.C21 c) { return c.value() + 21; }
        @Override
        public int visit(Msg32.C22 c) { return c.value() + 22; }
        @Override
        public int visit(Msg32.C23 c) { return c.value() + 23; }
        @Override
        public int visit(Msg32.C24 c) { return c.value() + 24; }
        @Override
        public int visit(Msg32.C25 c) { return c.value() + 25; }
        @Override
        public int visit(Msg32.C26 c) { return c.value() + 26; }
        @Override
        public int visit(Msg32.C27 c) { return c.value() + 27; }
        @Override
        public int visit(Msg32.C28 c) { return c.value() + 28; }
        @Override
        public int visit(Msg32.C29 c) { return c.value() + 29; }
        @Override
        public int visit(Msg32.C30 c) { return c.value() + 30; }
        @Override
        public int visit(Msg32.C31 c) { return c.value() + 31; }
    };

    private Msg32[] messages;
    private Handler<Msg32, Integer> handler;
    private Cases<Msg32> cases;
    private ToIntFunction<Msg32>[] byTag;
    private ClassValue<ToIntFunction<Msg32>> byClass;

    @Setup
    public void setUp() {
        messages = DispatchMix.messages(Msg32.class, DispatchMix.SEED);
        handler = Handler.builder(Msg32.class)
                .on(Msg32.C0.class, c -> c.value() + 0)
                .on(Msg32.C1.class, c -> c.value() + 1)
                .on(Msg32.C2.class, c -> c.value() + 2)
                .on(Msg32.C3.class, c -> c.value() + 3)
                .on(Msg32.C4.class, c -> c.value() + 4)
                .on(Msg32.C5.class, c -> c.value() + 5)
                .on(Msg32.C6.class, c -> c.value() + 6)
                .on(Msg32.C7.class, c -> c.value() + 7)
                .on(Msg32.C8.class, c -> c.value() + 8)
                .on(Msg32.C9.class, c -> c.value() + 9)
                .on(Msg32.C10.class, c -> c.value() + 10)
                .on(Msg32.C11.class, c -> c.value() + 11)
                .on(Msg32.C12.class, c -> c.value() + 12)
                .on(Msg32.C13.class, c -> c.value() + 13)
                .on(Msg32.C14.class, c -> c.value() + 14)
                .on(Msg32.C15.class, c -> c.value() + 15)
                .on(Msg32.C16.class, c -> c.value() + 16)
                .on(Msg32.C17.class, c -> c.value() + 17)
                .on(Msg32.C18.class, c -> c.value() + 18)
                .on(Msg32.C19.class, c -> c.value() + 19)
                .on(Msg32.C20.class, c -> c.value() + 20)
                .on(Msg32.C21.class, c -> c.value() + 21)
                .on(Msg32.C22.class, c -> c.value() + 22)
                .on(Msg32.C23.class, c -> c.value() + 23)
                .on(Msg32.C24.class, c -> c.value() + 24)
                .on(Msg32.C25.class, c -> c.value() + 25)
                .on(Msg32.C26.class, c -> c.value() + 26)
                .on(Msg32.C27.class, c -> c.value() + 27)
                .on(Msg32.C28.class, c -> c.value() + 28)
                .on(Msg32.C29.class, c -> c.value() + 29)
                .on(Msg32.C30.class, c -> c.value() + 30)
                .on(Msg32.C31.class, c -> c.value() + 31)
                .build();
        cases = Cases.of(Msg32.class);
        Map<Class<?>, ToIntFunction<Msg32>> table = table();
        byTag = DispatchMix.byTag(cases, table);
        byClass = DispatchMix.byClass(table);
    }

    private static Map<Class<?>, ToIntFunction<Msg32>> table() {
        return Map.ofEntries(
                entry(Msg32.C0.class, m -> ((Msg32.C0) m).value() + 0),
                entry(Msg32.C1.class, m -> ((Msg32.C1) m).value() + 1),
                entry(Msg32.C2.class, m -> ((Msg32.C2) m).value() + 2),
                entry(Msg32.C3.class, m -> ((Msg32.C3) m).value() + 3),
                entry(Msg32.C4.class, m -> ((Msg32.C4) m).value() + 4),
                entry(Msg32.C5.class, m -> ((Msg32.C5) m).value() + 5),
                entry(Msg32.C6.class, m -> ((Msg32.C6) m).value() + 6),
                entry(Msg32.C7.class, m -> ((Msg32.C7) m).value() + 7),
                entry(Msg32.C8.class, m -> ((Msg32.C8) m).value() + 8),
                entry(Msg32.C9.class, m -> ((Msg32.C9) m).value() + 9),
                entry(Msg32.C10.class, m -> ((Msg32.C10) m).value() + 10),
                entry(Msg32.C11.class, m -> ((Msg32.C11) m).value() + 11),
                entry(Msg32.C12.class, m -> ((Msg32.C12) m).value() + 12),
                entry(Msg32.C13.class, m -> ((Msg32.C13) m).value() + 13),
                entry(Msg32.C14.class, m -> ((Msg32.C14) m).value() + 14),
                entry(Msg32.C15.class, m -> ((Msg32.C15) m).value() + 15),
                entry(Msg32.C16.class, m -> ((Msg32.C16) m).value() + 16),
                entry(Msg32.C17.class, m -> ((Msg32.C17) m).value() + 17),
                entry(Msg32.C18.class, m -> ((Msg32.C18) m).value() + 18),
                entry(Msg32.C19.class, m -> ((Msg32.C19) m).value() + 19),
                entry(Msg32.C20.class, m -> ((Msg32.C20) m).value() + 20),
                entry(Msg32.C21.class, m -> ((Msg32.C21) m).value() + 21),
                entry(Msg32.C22.class, m -> ((Msg32.C22) m).value() + 22),
                entry(Msg32.C23.class, m -> ((Msg32.C23) m).value() + 23),
                entry(Msg32.C24.class, m -> ((Msg32.C24) m).value() + 24),
                entry(Msg32.C25.class, m -> ((Msg32.C25) m).value() + 25),
                entry(Msg32.C26.class, m -> ((Msg32.C26) m).value() + 26),
                entry(Msg32.C27.class, m -> ((Msg32.C27) m).value() + 27),
                entry(Msg32.C28.class, m -> ((Msg32.C28) m).value() + 28),
                entry(Msg32.C29.class, m -> ((Msg32.C29) m).value() + 29),
                entry(Msg32.C30.class, m -> ((Msg32.C30) m).value() + 30),
                entry(Msg32.C31.class, m -> ((Msg32.C31) m).value() + 31));
    }

    /** The messages, in the order the benchmarks visit them. */
    Msg32[] messages() {
        return messages;
    }

    int bySwitch(Msg32 m) {
        return switch (m) {
            case Msg32.C0 c -> c.value() + 0;
            case Msg32.C1 c -> c.value() + 1;
            case Msg32.C2 c -> c.value() + 2;
            case Msg32.C3 c -> c.value() + 3;
            case Msg32.C4 c -> c.value() + 4;
            case Msg32.C5 c -> c.value() + 5;
            case Msg32.C6 c -> c.value() + 6;
            case Msg32.C7 c -> c.value() + 7;
            case Msg32.C8 c -> c.value() + 8;
            case Msg32.C9 c -> c.value() + 9;
            case Msg32.C10 c -> c.value() + 10;
            case Msg32.C11 c -> c.value() + 11;
            case Msg32.C12 c -> c.value() + 12;
            case Msg32.C13 c -> c.value() + 13;
            case Msg32.C14 c -> c.value() + 14;
            case Msg32.C15 c -> c.value() + 15;
            case Msg32.C16 c -> c.value() + 16;
            case Msg32.C17 c -> c.value() + 17;
            case Msg32.C18 c -> c.value() + 18;
            case Msg32.C19 c -> c.value() + 19;
            case Msg32.C20 c -> c.value() + 20;
            case Msg32.C21 c -> c.value() + 21;
            case Msg32.C22 c -> c.value() + 22;
            case Msg32.C23 c -> c.value() + 23;
            case Msg32.C24 c -> c.value() + 24;
            case Msg32.C25 c -> c.value() + 25;
            case Msg32.C26 c -> c.value() + 26;
            case Msg32.C27 c -> c.value() + 27;
            case Msg32.C28 c -> c.value() + 28;
            case Msg32.C29 c -> c.value() + 29;
            case Msg32.C30 c -> c.value() + 30;
            case Msg32.C31 c -> c.value() + 31;
        };
    }

    int byInstanceof(Msg32 m) {
        if (m instanceof Msg32.C0 c) {
            return c.value() + 0;
        } else if (m instanceof Msg32.C1 c) {
            return c.value() + 1;
        } else if (m instanceof Msg32.C2 c) {
            return c.value() + 2;
        } else if (m instanceof Msg32.C3 c) {
            return c.value() + 3;
        } else if (m instanceof Msg32.C4 c) {
            return c.value() + 4;
        } else if (m instanceof Msg32.C5 c) {
            return c.value() + 5;
        } else if (m instanceof Msg32.C6 c) {
            return c.value() + 6;
        } else if (m instanceof Msg32.C7 c) {
            return c.value() + 7;
        } else if (m instanceof Msg32.C8 c) {
            return c.value() + 8;
        } else if (m instanceof Msg32.C9 c) {
            return c.value() + 9;
        } else if (m instanceof Msg32.C10 c) {
            return c.value() + 10;
        } else if (m instanceof Msg32.C11 c) {
            return c.value() + 11;
        } else if (m instanceof Msg32.C12 c) {
            return c.value() + 12;
        } else if (m instanceof Msg32.C13 c) {
            return c.value() + 13;
        } else if (m instanceof Msg32.C14 c) {
            return c.value() + 14;
        } else if (m instanceof Msg32.C15 c) {
            return c.value() + 15;
        } else if (m instanceof Msg32.C16 c) {
            return c.value() + 16;
        } else if (m instanceof Msg32.C17 c) {
            return c.value() + 17;
        } else if (m instanceof Msg32.C18 c) {
            return c.value() + 18;
        } else if (m instanceof Msg32.C19 c) {
            return c.value() + 19;
        } else if (m instanceof Msg32.C20 c) {
            return c.value() + 20;
        } else if (m instanceof Msg32.C21 c) {
            return c.value() + 21;
        } else if (m instanceof Msg32.C22 c) {
            return c.value() + 22;
        } else if (m instanceof Msg32.C23 c) {
            return c.value() + 23;
        } else if (m instanceof Msg32.C24 c) {
            return c.value() + 24;
        } else if (m instanceof Msg32.C25 c) {
            return c.value() + 25;
        } else if (m instanceof Msg32.C26 c) {
            return c.value() + 26;
        } else if (m instanceof Msg32.C27 c) {
            return c.value() + 27;
        } else if (m instanceof Msg32.C28 c) {
            return c.value() + 28;
        } else if (m instanceof Msg32.C29 c) {
            return c.value() + 29;
        } else if (m instanceof Msg32.C30 c) {
            return c.value() + 30;
        }
        return ((Msg32.C31) m).value() + 31;
    }

    int byVisitor(Msg32 m) {
        return m.accept(VISITOR);
    }

    int byHandler(Msg32 m) {
        return handler.apply(m);
    }

    int byTag(Msg32 m) {
        return byTag[cases.tag(m)].applyAsInt(m);
    }

    int byClassValue(Msg32 m) {
        return byClass.get(m.getClass()).applyAsInt(m);
    }

    /**
     * Vavr's {@code Case}s for {@link Msg32}, made anew on each call. {@code byVavrMatch} calls it
     * per message, which is the documented form ({@code Match(m).of(Case(...), ...)}) with
     * its cases in one place; {@link #VAVR_CASES} calls it once: the {@code Case}s are
     * immutable, and a user who minds the cost builds them once.
     */
    @SuppressWarnings("unchecked")
    private static API.Match.Case<? extends Msg32, Integer>[] vavrCases() {
        return new API.Match.Case[] {
                Case($(instanceOf(Msg32.C0.class)), (Msg32.C0 c) -> c.value() + 0),
                Case($(instanceOf(Msg32.C1.class)), (Msg32.C1 c) -> c.value() + 1),
                Case($(instanceOf(Msg32.C2.class)), (Msg32.C2 c) -> c.value() + 2),
                Case($(instanceOf(Msg32.C3.class)), (Msg32.C3 c) -> c.value() + 3),
                Case($(instanceOf(Msg32.C4.class)), (Msg32.C4 c) -> c.value() + 4),
                Case($(instanceOf(Msg32.C5.class)), (Msg32.C5 c) -> c.value() + 5),
                Case($(instanceOf(Msg32.C6.class)), (Msg32.C6 c) -> c.value() + 6),
                Case($(instanceOf(Msg32.C7.class)), (Msg32.C7 c) -> c.value() + 7),
                Case($(instanceOf(Msg32.C8.class)), (Msg32.C8 c) -> c.value() + 8),
                Case($(instanceOf(Msg32.C9.class)), (Msg32.C9 c) -> c.value() + 9),
                Case($(instanceOf(Msg32.C10.class)), (Msg32.C10 c) -> c.value() + 10),
                Case($(instanceOf(Msg32.C11.class)), (Msg32.C11 c) -> c.value() + 11),
                Case($(instanceOf(Msg32.C12.class)), (Msg32.C12 c) -> c.value() + 12),
                Case($(instanceOf(Msg32.C13.class)), (Msg32.C13 c) -> c.value() + 13),
                Case($(instanceOf(Msg32.C14.class)), (Msg32.C14 c) -> c.value() + 14),
                Case($(instanceOf(Msg32.C15.class)), (Msg32.C15 c) -> c.value() + 15),
                Case($(instanceOf(Msg32.C16.class)), (Msg32.C16 c) -> c.value() + 16),
                Case($(instanceOf(Msg32.C17.class)), (Msg32.C17 c) -> c.value() + 17),
                Case($(instanceOf(Msg32.C18.class)), (Msg32.C18 c) -> c.value() + 18),
                Case($(instanceOf(Msg32.C19.class)), (Msg32.C19 c) -> c.value() + 19),
                Case($(instanceOf(Msg32.C20.class)), (Msg32.C20 c) -> c.value() + 20),
                Case($(instanceOf(Msg32.C21.class)), (Msg32.C21 c) -> c.value() + 21),
                Case($(instanceOf(Msg32.C22.class)), (Msg32.C22 c) -> c.value() + 22),
                Case($(instanceOf(Msg32.C23.class)), (Msg32.C23 c) -> c.value() + 23),
                Case($(instanceOf(Msg32.C24.class)), (Msg32.C24 c) -> c.value() + 24),
                Case($(instanceOf(Msg32.C25.class)), (Msg32.C25 c) -> c.value() + 25),
                Case($(instanceOf(Msg32.C26.class)), (Msg32.C26 c) -> c.value() + 26),
                Case($(instanceOf(Msg32.C27.class)), (Msg32.C27 c) -> c.value() + 27),
                Case($(instanceOf(Msg32.C28.class)), (Msg32.C28 c) -> c.value() + 28),
                Case($(instanceOf(Msg32.C29.class)), (Msg32.C29 c) -> c.value() + 29),
                Case($(instanceOf(Msg32.C30.class)), (Msg32.C30 c) -> c.value() + 30),
                Case($(instanceOf(Msg32.C31.class)), (Msg32.C31 c) -> c.value() + 31)
        };
    }

    private static final API.Match.Case<? extends Msg32, Integer>[] VAVR_CASES = vavrCases();

    int byVavrMatch(Msg32 m) {
        return Match(m).of(vavrCases());
    }

    int byVavrMatchHoisted(Msg32 m) {
        return Match(m).of(VAVR_CASES);
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int patternSwitch() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += bySwitch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int instanceofChain() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byInstanceof(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int visitor() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byVisitor(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int handler() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byHandler(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int casesTag() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byTag(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int classValue() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byClassValue(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatch() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byVavrMatch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatchHoisted() {
        int sum = 0;
        for (Msg32 m : messages) {
            sum += byVavrMatchHoisted(m);
        }
        return sum;
    }
}
