package dev.cooper.concurrent.consumer;

import java.util.function.Supplier;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The Lincheck operations of {@link BroadcastBlockingLinearizabilityTest}: the writer's
 * blocking {@code publish} with {@code tryPublish} and {@code close}, and for each of two
 * readers the blocking {@code receive} with {@code poll()}, {@code close()} (here
 * {@code leave}) and {@code dropped()}, on whatever {@link #target} builds. Lincheck creates one
 * instance per interleaving through the no-arg constructor, so the test sets the target (and
 * {@link BroadcastBlockingSpec}'s configuration) before each check; the checks of one JVM run
 * one after another.
 *
 * <p>No operation names a non-parallel group: the scenarios are all built by
 * {@link BroadcastBlockingScenarios}, which keeps the writer's operations in one thread and
 * each reader's {@code receive}, {@code poll} and {@code dropped} in another.
 */
public class BroadcastBlockingOperations {
    private static volatile Supplier<BroadcastUnderTest> target;

    private final BroadcastUnderTest broadcast = target.get();

    /** Points new instances at what {@code factory} builds, modelled with {@code capacity} and {@code overflow}. */
    static void target(int capacity, Overflow overflow, Supplier<BroadcastUnderTest> factory) {
        BroadcastBlockingSpec.configure(capacity, overflow);
        target = factory;
    }

    @Operation(blocking = true)
    public void publish(int message) throws InterruptedException {
        broadcast.publish(message);
    }

    @Operation
    public boolean tryPublish(int message) {
        return broadcast.tryPublish(message);
    }

    @Operation
    public void close() {
        broadcast.close();
    }

    @Operation(blocking = true)
    public int receive0() throws InterruptedException {
        return broadcast.receive(0);
    }

    @Operation
    public Integer poll0() {
        return broadcast.poll(0);
    }

    @Operation
    public void leave0() {
        broadcast.leave(0);
    }

    @Operation
    public long dropped0() {
        return broadcast.dropped(0);
    }

    @Operation(blocking = true)
    public int receive1() throws InterruptedException {
        return broadcast.receive(1);
    }

    @Operation
    public Integer poll1() {
        return broadcast.poll(1);
    }

    @Operation
    public void leave1() {
        broadcast.leave(1);
    }

    @Operation
    public long dropped1() {
        return broadcast.dropped(1);
    }
}
