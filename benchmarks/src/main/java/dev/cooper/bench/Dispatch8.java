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
 * Dispatch over a sealed hierarchy of 8 record cases ({@link Msg8}): the same handling
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
public class Dispatch8 {

    private static final Msg8.Visitor VISITOR = new Msg8.Visitor() {
        @Override
        public int visit(Msg8.C0 c) { return c.value() + 0; }
        @Override
        public int visit(Msg8.C1 c) { return c.value() + 1; }
        @Override
        public int visit(Msg8.C2 c) { return c.value() + 2; }
        @Override
        public int visit(Msg8.C3 c) { return c.value() + 3; }
        @Override
        public int visit(Msg8.C4 c) { return c.value() + 4; }
        @Override
        public int visit(Msg8.C5 c) { return c.value() + 5; }
        @Override
        public int visit(Msg8.C6 c) { return c.value() + 6; }
        @Override
        public int visit(Msg8.C7 c) { return c.value() + 7; }
    };

    private Msg8[] messages;
    private Handler<Msg8, Integer> handler;
    private Cases<Msg8> cases;
    private ToIntFunction<Msg8>[] byTag;
    private ClassValue<ToIntFunction<Msg8>> byClass;

    @Setup
    public void setUp() {
        messages = DispatchMix.messages(Msg8.class, DispatchMix.SEED);
        handler = Handler.builder(Msg8.class)
                .on(Msg8.C0.class, c -> c.value() + 0)
                .on(Msg8.C1.class, c -> c.value() + 1)
                .on(Msg8.C2.class, c -> c.value() + 2)
                .on(Msg8.C3.class, c -> c.value() + 3)
                .on(Msg8.C4.class, c -> c.value() + 4)
                .on(Msg8.C5.class, c -> c.value() + 5)
                .on(Msg8.C6.class, c -> c.value() + 6)
                .on(Msg8.C7.class, c -> c.value() + 7)
                .build();
        cases = Cases.of(Msg8.class);
        Map<Class<?>, ToIntFunction<Msg8>> table = table();
        byTag = DispatchMix.byTag(cases, table);
        byClass = DispatchMix.byClass(table);
    }

    private static Map<Class<?>, ToIntFunction<Msg8>> table() {
        return Map.ofEntries(
                entry(Msg8.C0.class, m -> ((Msg8.C0) m).value() + 0),
                entry(Msg8.C1.class, m -> ((Msg8.C1) m).value() + 1),
                entry(Msg8.C2.class, m -> ((Msg8.C2) m).value() + 2),
                entry(Msg8.C3.class, m -> ((Msg8.C3) m).value() + 3),
                entry(Msg8.C4.class, m -> ((Msg8.C4) m).value() + 4),
                entry(Msg8.C5.class, m -> ((Msg8.C5) m).value() + 5),
                entry(Msg8.C6.class, m -> ((Msg8.C6) m).value() + 6),
                entry(Msg8.C7.class, m -> ((Msg8.C7) m).value() + 7));
    }

    /** The messages, in the order the benchmarks visit them. */
    Msg8[] messages() {
        return messages;
    }

    int bySwitch(Msg8 m) {
        return switch (m) {
            case Msg8.C0 c -> c.value() + 0;
            case Msg8.C1 c -> c.value() + 1;
            case Msg8.C2 c -> c.value() + 2;
            case Msg8.C3 c -> c.value() + 3;
            case Msg8.C4 c -> c.value() + 4;
            case Msg8.C5 c -> c.value() + 5;
            case Msg8.C6 c -> c.value() + 6;
            case Msg8.C7 c -> c.value() + 7;
        };
    }

    int byInstanceof(Msg8 m) {
        if (m instanceof Msg8.C0 c) {
            return c.value() + 0;
        } else if (m instanceof Msg8.C1 c) {
            return c.value() + 1;
        } else if (m instanceof Msg8.C2 c) {
            return c.value() + 2;
        } else if (m instanceof Msg8.C3 c) {
            return c.value() + 3;
        } else if (m instanceof Msg8.C4 c) {
            return c.value() + 4;
        } else if (m instanceof Msg8.C5 c) {
            return c.value() + 5;
        } else if (m instanceof Msg8.C6 c) {
            return c.value() + 6;
        }
        return ((Msg8.C7) m).value() + 7;
    }

    int byVisitor(Msg8 m) {
        return m.accept(VISITOR);
    }

    int byHandler(Msg8 m) {
        return handler.apply(m);
    }

    int byTag(Msg8 m) {
        return byTag[cases.tag(m)].applyAsInt(m);
    }

    int byClassValue(Msg8 m) {
        return byClass.get(m.getClass()).applyAsInt(m);
    }

    /**
     * Vavr's {@code Case}s for {@link Msg8}, made anew on each call. {@code byVavrMatch} calls it
     * per message, which is the documented form ({@code Match(m).of(Case(...), ...)}) with
     * its cases in one place; {@link #VAVR_CASES} calls it once: the {@code Case}s are
     * immutable, and a user who minds the cost builds them once.
     */
    @SuppressWarnings("unchecked")
    private static API.Match.Case<? extends Msg8, Integer>[] vavrCases() {
        return new API.Match.Case[] {
                Case($(instanceOf(Msg8.C0.class)), (Msg8.C0 c) -> c.value() + 0),
                Case($(instanceOf(Msg8.C1.class)), (Msg8.C1 c) -> c.value() + 1),
                Case($(instanceOf(Msg8.C2.class)), (Msg8.C2 c) -> c.value() + 2),
                Case($(instanceOf(Msg8.C3.class)), (Msg8.C3 c) -> c.value() + 3),
                Case($(instanceOf(Msg8.C4.class)), (Msg8.C4 c) -> c.value() + 4),
                Case($(instanceOf(Msg8.C5.class)), (Msg8.C5 c) -> c.value() + 5),
                Case($(instanceOf(Msg8.C6.class)), (Msg8.C6 c) -> c.value() + 6),
                Case($(instanceOf(Msg8.C7.class)), (Msg8.C7 c) -> c.value() + 7)
        };
    }

    private static final API.Match.Case<? extends Msg8, Integer>[] VAVR_CASES = vavrCases();

    int byVavrMatch(Msg8 m) {
        return Match(m).of(vavrCases());
    }

    int byVavrMatchHoisted(Msg8 m) {
        return Match(m).of(VAVR_CASES);
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int patternSwitch() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += bySwitch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int instanceofChain() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byInstanceof(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int visitor() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byVisitor(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int handler() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byHandler(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int casesTag() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byTag(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int classValue() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byClassValue(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatch() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byVavrMatch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatchHoisted() {
        int sum = 0;
        for (Msg8 m : messages) {
            sum += byVavrMatchHoisted(m);
        }
        return sum;
    }
}
