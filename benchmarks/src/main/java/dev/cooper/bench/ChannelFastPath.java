package dev.cooper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The buffered fast path alone: one thread sends a message into a channel that has room and
 * receives it back, so neither call ever waits. This is what {@code send} and {@code receive}
 * cost when the buffer does its job, and what they allocate there (read
 * {@code gc.alloc.rate.norm} with {@code -prof gc}; the target is 0 bytes per message).
 * {@link ChannelBuffered} measures the same channels between two virtual threads, where the
 * waits (and what the virtual-thread scheduler allocates per yield and park) come in.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsPrepend = {FixedHeap.INITIAL, FixedHeap.MAXIMUM, FixedHeap.PRE_TOUCH})
public class ChannelFastPath {

    @Param({"cooper", "jox", "jdk.ArrayBlockingQueue"})
    public String impl;

    @Param({"16"})
    public int buffer;

    private Pipe pipe;
    private final Message message = new Message(1);

    @Setup(Level.Trial)
    public void createPipe() {
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer: " + buffer + " (expected: >= 1: the fast path needs room)");
        }
        pipe = Pipe.create(impl, buffer);
    }

    @Benchmark
    public Message sendThenReceive() throws InterruptedException {
        pipe.send(message);
        return pipe.receive();
    }
}
