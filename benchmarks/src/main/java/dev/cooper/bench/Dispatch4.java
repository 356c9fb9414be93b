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
 * Dispatch over a sealed hierarchy of 4 record cases ({@link Msg4}): the same handling
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
public class Dispatch4 {

    private static final Msg4.Visitor VISITOR = new Msg4.Visitor() {
        @Override
        public int visit(Msg4.C0 c) { return c.value() + 0; }
        @Override
        public int visit(Msg4.C1 c) { return c.value() + 1; }
        @Override
        public int visit(Msg4.C2 c) { return c.value() + 2; }
        @Override
        public int visit(Msg4.C3 c) { return c.value() + 3; }
    };

    private Msg4[] messages;
    private Handler<Msg4, Integer> handler;
    private Cases<Msg4> cases;
    private ToIntFunction<Msg4>[] byTag;
    private ClassValue<ToIntFunction<Msg4>> byClass;

    @Setup
    public void setUp() {
        messages = DispatchMix.messages(Msg4.class, DispatchMix.SEED);
        handler = Handler.builder(Msg4.class)
                .on(Msg4.C0.class, c -> c.value() + 0)
                .on(Msg4.C1.class, c -> c.value() + 1)
                .on(Msg4.C2.class, c -> c.value() + 2)
                .on(Msg4.C3.class, c -> c.value() + 3)
                .build();
        cases = Cases.of(Msg4.class);
        Map<Class<?>, ToIntFunction<Msg4>> table = table();
        byTag = DispatchMix.byTag(cases, table);
        byClass = DispatchMix.byClass(table);
    }

    private static Map<Class<?>, ToIntFunction<Msg4>> table() {
        return Map.ofEntries(
                entry(Msg4.C0.class, m -> ((Msg4.C0) m).value() + 0),
                entry(Msg4.C1.class, m -> ((Msg4.C1) m).value() + 1),
                entry(Msg4.C2.class, m -> ((Msg4.C2) m).value() + 2),
                entry(Msg4.C3.class, m -> ((Msg4.C3) m).value() + 3));
    }

    /** The messages, in the order the benchmarks visit them. */
    Msg4[] messages() {
        return messages;
    }

    int bySwitch(Msg4 m) {
        return switch (m) {
            case Msg4.C0 c -> c.value() + 0;
            case Msg4.C1 c -> c.value() + 1;
            case Msg4.C2 c -> c.value() + 2;
            case Msg4.C3 c -> c.value() + 3;
        };
    }

    int byInstanceof(Msg4 m) {
        if (m instanceof Msg4.C0 c) {
            return c.value() + 0;
        } else if (m instanceof Msg4.C1 c) {
            return c.value() + 1;
        } else if (m instanceof Msg4.C2 c) {
            return c.value() + 2;
        }
        return ((Msg4.C3) m).value() + 3;
    }

    int byVisitor(Msg4 m) {
        return m.accept(VISITOR);
    }

    int byHandler(Msg4 m) {
        return handler.apply(m);
    }

    int byTag(Msg4 m) {
        return byTag[cases.tag(m)].applyAsInt(m);
    }

    int byClassValue(Msg4 m) {
        return byClass.get(m.getClass()).applyAsInt(m);
    }

    /**
     * Vavr's {@code Case}s for {@link Msg4}, made anew on each call. {@code byVavrMatch} calls it
     * per message, which is the documented form ({@code Match(m).of(Case(...), ...)}) with
     * its cases in one place; {@link #VAVR_CASES} calls it once: the {@code Case}s are
     * immutable, and a user who minds the cost builds them once.
     */
    @SuppressWarnings("unchecked")
    private static API.Match.Case<? extends Msg4, Integer>[] vavrCases() {
        return new API.Match.Case[] {
                Case($(instanceOf(Msg4.C0.class)), (Msg4.C0 c) -> c.value() + 0),
                Case($(instanceOf(Msg4.C1.class)), (Msg4.C1 c) -> c.value() + 1),
                Case($(instanceOf(Msg4.C2.class)), (Msg4.C2 c) -> c.value() + 2),
                Case($(instanceOf(Msg4.C3.class)), (Msg4.C3 c) -> c.value() + 3)
        };
    }

    private static final API.Match.Case<? extends Msg4, Integer>[] VAVR_CASES = vavrCases();

    int byVavrMatch(Msg4 m) {
        return Match(m).of(vavrCases());
    }

    int byVavrMatchHoisted(Msg4 m) {
        return Match(m).of(VAVR_CASES);
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int patternSwitch() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += bySwitch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int instanceofChain() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byInstanceof(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int visitor() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byVisitor(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int handler() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byHandler(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int casesTag() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byTag(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int classValue() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byClassValue(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatch() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byVavrMatch(m);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(DispatchMix.SIZE)
    public int vavrMatchHoisted() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += byVavrMatchHoisted(m);
        }
        return sum;
    }
}
