package dev.cooper.bench;

import dev.cooper.variant.Cases;
import java.util.concurrent.TimeUnit;
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
 * What finding a message's case costs, without running anything for it: {@link Cases#tag}
 * (what a consumer group's worker calls per message for its per-case counters) against a
 * pattern {@code switch} that returns the case's index, over the seeded mix of {@link Msg4}
 * that the {@code Dispatch} benchmarks use. Both return the same index for every message
 * ({@code DispatchTest}); scores are nanoseconds per message. {@code Dispatch4.casesTag}
 * also calls a lambda chosen by the tag, a megamorphic call this benchmark leaves out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class CaseTag {

    private Msg4[] messages;
    private Cases<Msg4> cases;

    @Setup
    public void setUp() {
        messages = DispatchMix.messages(Msg4.class, DispatchMix.SEED);
        cases = Cases.of(Msg4.class);
    }

    Msg4[] messages() {
        return messages;
    }

    int byTag(Msg4 m) {
        return cases.tag(m);
    }

    int bySwitch(Msg4 m) {
        return switch (m) {
            case Msg4.C0 c -> 0;
            case Msg4.C1 c -> 1;
            case Msg4.C2 c -> 2;
            case Msg4.C3 c -> 3;
        };
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
    public int patternSwitch() {
        int sum = 0;
        for (Msg4 m : messages) {
            sum += bySwitch(m);
        }
        return sum;
    }
}
