package dev.cooper.concurrent.channel;

import java.util.List;

/**
 * The channel operations that {@link BlockingOperations} calls, so that the same Lincheck
 * operations run on a real {@link Channel} and on the deliberately broken channels of
 * {@link BrokenChannels} ({@code Channel} is sealed: a test cannot implement it).
 */
interface ChannelUnderTest {

    void send(int e) throws InterruptedException;

    int receive() throws InterruptedException;

    boolean trySend(int e);

    ReceiveResult<Integer> tryReceive();

    void close();

    List<Integer> cancel();

    /** {@link Channel#drainTo} with a {@code max} of one: what it took, in a list. */
    List<Integer> drainOne();

    boolean isClosed();

    /** Delegates every operation to {@code channel}. */
    static ChannelUnderTest of(Channel<Integer> channel) {
        return new DelegatingChannel(channel);
    }
}
