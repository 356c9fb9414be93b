package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ReceiveResult;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A channel as {@link ChannelProperties} calls it: every call forwards to a real {@link Channel}.
 * {@code Channel} is sealed, so a deliberately broken channel cannot implement it; the broken
 * test channels extend this class instead, and the property runs on a plain one.
 */
class ForwardingChannel<E> implements Iterable<E> {

    final Channel<E> delegate;

    ForwardingChannel(Channel<E> delegate) {
        this.delegate = delegate;
    }

    void send(E e) throws InterruptedException {
        delegate.send(e);
    }

    boolean trySend(E e) {
        return delegate.trySend(e);
    }

    boolean send(E e, Duration timeout) throws InterruptedException {
        return delegate.send(e, timeout);
    }

    E receive() throws InterruptedException {
        return delegate.receive();
    }

    ReceiveResult<E> tryReceive() {
        return delegate.tryReceive();
    }

    ReceiveResult<E> receive(Duration timeout) throws InterruptedException {
        return delegate.receive(timeout);
    }

    int drainTo(Collection<? super E> target, int max) {
        return delegate.drainTo(target, max);
    }

    @Override
    public Iterator<E> iterator() {
        return delegate.iterator();
    }

    void close() {
        delegate.close();
    }

    List<E> cancel() {
        return delegate.cancel();
    }
}
