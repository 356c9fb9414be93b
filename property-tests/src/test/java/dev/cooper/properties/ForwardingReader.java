package dev.cooper.properties;

import dev.cooper.concurrent.consumer.Broadcast;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A broadcast reader as {@link BroadcastProperties} calls it: every call forwards to a real
 * {@link Broadcast.Reader}. That class is final, so the deliberately broken readers extend this
 * one instead, and the property runs on a plain one. Like the real reader, for one thread.
 */
class ForwardingReader<T> {

    final Broadcast.Reader<T> delegate;

    ForwardingReader(Broadcast.Reader<T> delegate) {
        this.delegate = delegate;
    }

    T receive() throws InterruptedException {
        return delegate.receive();
    }

    T poll(Duration timeout) throws InterruptedException {
        return delegate.poll(timeout);
    }

    T poll() {
        return delegate.poll();
    }

    int drain(Consumer<? super T> consumer, int limit) {
        return delegate.drain(consumer, limit);
    }

    boolean isDone() {
        return delegate.isDone();
    }

    long dropped() {
        return delegate.dropped();
    }

    void close() {
        delegate.close();
    }
}
