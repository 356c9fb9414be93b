package dev.cooper.concurrent.channel;

import java.util.ArrayList;
import java.util.List;

/** A {@link ChannelUnderTest} that forwards every operation to a real channel; a broken channel overrides one. */
class DelegatingChannel implements ChannelUnderTest {
    private final Channel<Integer> channel;

    DelegatingChannel(Channel<Integer> channel) {
        this.channel = channel;
    }

    @Override
    public void send(int e) throws InterruptedException {
        channel.send(e);
    }

    @Override
    public int receive() throws InterruptedException {
        return channel.receive();
    }

    @Override
    public boolean trySend(int e) {
        return channel.trySend(e);
    }

    @Override
    public ReceiveResult<Integer> tryReceive() {
        return channel.tryReceive();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public List<Integer> cancel() {
        return channel.cancel();
    }

    @Override
    public List<Integer> drainOne() {
        List<Integer> got = new ArrayList<>(1);
        channel.drainTo(got, 1);
        return got;
    }

    @Override
    public boolean isClosed() {
        return channel.isClosed();
    }
}
