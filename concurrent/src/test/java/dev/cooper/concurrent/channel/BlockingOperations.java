package dev.cooper.concurrent.channel;

import java.util.List;
import java.util.function.Supplier;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The Lincheck operations of {@link ChannelBlockingLinearizabilityTest}: blocking
 * {@code send}/{@code receive} with the non-blocking operations, on whatever channel
 * {@link #target} builds. Lincheck creates one instance per interleaving through the no-arg
 * constructor, so the test sets the target (and {@link BlockingSpec}'s capacity) before each
 * check; the checks of one JVM run one after another.
 */
public class BlockingOperations {
    private static volatile Supplier<ChannelUnderTest> target;

    private final ChannelUnderTest channel = target.get();

    /** Points new instances at the channels {@code factory} builds, modelled with {@code capacity}. */
    static void target(int capacity, Supplier<ChannelUnderTest> factory) {
        BlockingSpec.capacity(capacity);
        target = factory;
    }

    @Operation(blocking = true)
    public void send(int e) throws InterruptedException {
        channel.send(e);
    }

    @Operation(blocking = true)
    public int receive() throws InterruptedException {
        return channel.receive();
    }

    @Operation
    public boolean trySend(int e) {
        return channel.trySend(e);
    }

    @Operation
    public ReceiveResult<Integer> tryReceive() {
        return channel.tryReceive();
    }

    @Operation
    public void close() {
        channel.close();
    }

    @Operation
    public List<Integer> cancel() {
        return channel.cancel();
    }

    @Operation
    public List<Integer> drainOne() {
        return channel.drainOne();
    }

    @Operation
    public boolean isClosed() {
        return channel.isClosed();
    }
}
