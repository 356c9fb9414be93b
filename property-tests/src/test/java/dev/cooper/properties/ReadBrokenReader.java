package dev.cooper.properties;

import dev.cooper.concurrent.consumer.Broadcast;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The base of the broadcast readers broken on reading. Every message a read takes from the real
 * reader goes through {@link #handOut}, which may hand it out, skip it, or {@linkplain #again
 * keep a message} for the next read, which then returns that message without touching the real
 * reader. Every way of reading comes down to {@code receive()}, {@code poll()} or
 * {@code poll(Duration)}: {@code drain} here is a run of {@code poll}s. For one thread, as the
 * real reader is.
 */
abstract class ReadBrokenReader<T> extends ForwardingReader<T> {

    /** How often these readers break: at every this many messages read from the real reader. */
    static final int EVERY = 20;

    /** One read from the real reader; null for none. */
    private interface Attempt<T, X extends Exception> {
        T get() throws X;
    }

    private T kept;
    private long read;

    ReadBrokenReader(Broadcast.Reader<T> delegate) {
        super(delegate);
    }

    /** What the reading thread gets in place of {@code got}: {@code got}, or null to skip it and read again. */
    abstract T handOut(T got);

    /** Counts a message read from the real reader: true for every {@link #EVERY}-th. */
    final boolean due() {
        return ++read % EVERY == 0;
    }

    /** Keeps {@code message} for the next read. */
    final void again(T message) {
        kept = message;
    }

    private <X extends Exception> T next(Attempt<T, X> attempt) throws X {
        while (true) {
            T mine = kept;
            if (mine != null) {
                kept = null;
                return mine;
            }
            T got = attempt.get();
            if (got == null) {
                return null;
            }
            T out = handOut(got);
            if (out != null) {
                return out;
            }
        }
    }

    @Override
    T receive() throws InterruptedException {
        return next(delegate::receive);
    }

    @Override
    T poll(Duration timeout) throws InterruptedException {
        return next(() -> delegate.poll(timeout));
    }

    @Override
    T poll() {
        return next(delegate::poll);
    }

    @Override
    int drain(Consumer<? super T> consumer, int limit) {
        int n = 0;
        for (T m; n < limit && (m = poll()) != null; n++) {
            consumer.accept(m);
        }
        return n;
    }

    @Override
    boolean isDone() {
        return kept == null && delegate.isDone();
    }
}
