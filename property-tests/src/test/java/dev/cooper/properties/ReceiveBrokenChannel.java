package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.channel.ChannelInterruptedException;
import dev.cooper.concurrent.channel.ReceiveResult;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The base of the channels broken on the receiving side. Every element a receive takes from the
 * real channel goes through {@link #handOut}, which may hand it out, hand out another one, drop
 * it, or {@linkplain #setAside set an element aside} for the same thread's next receive, which
 * then returns that element without touching the channel. Every way of receiving comes down to
 * {@code receive()}, {@code tryReceive()} or {@code receive(Duration)}: {@code drainTo} here is a
 * run of {@code tryReceive}s, and the iterator calls {@code receive()}. A receiver stops only when
 * a receive reports the channel closed, which comes after the element set aside for it.
 */
abstract class ReceiveBrokenChannel<E> extends ForwardingChannel<E> {

    /** How often these channels break: at every this many elements taken from the real channel. */
    static final int EVERY = 20;

    /** One receive from the real channel. */
    private interface Attempt<E, X extends Exception> {
        ReceiveResult<E> get() throws X;
    }

    private final ThreadLocal<E> setAside = new ThreadLocal<>();
    private final AtomicLong taken = new AtomicLong();

    ReceiveBrokenChannel(Channel<E> delegate) {
        super(delegate);
    }

    /**
     * What the receiving thread gets in place of {@code got}, just taken from the channel:
     * {@code got}, another element, or null to drop {@code got} and receive again.
     */
    abstract E handOut(E got);

    /** Counts an element taken from the real channel: true for every {@link #EVERY}-th. */
    final boolean due() {
        return taken.incrementAndGet() % EVERY == 0;
    }

    /** Keeps {@code e} for this thread's next receive. */
    final void setAside(E e) {
        setAside.set(e);
    }

    private <X extends Exception> ReceiveResult<E> next(Attempt<E, X> attempt) throws X {
        while (true) {
            E mine = setAside.get();
            if (mine != null) {
                setAside.remove();
                return ReceiveResult.received(mine);
            }
            ReceiveResult<E> r = attempt.get();
            if (!(r instanceof ReceiveResult.Received<E>(E got))) {
                return r;
            }
            E out = handOut(got);
            if (out != null) {
                return ReceiveResult.received(out);
            }
        }
    }

    @Override
    E receive() throws InterruptedException {
        return ((ReceiveResult.Received<E>) next(() -> ReceiveResult.received(delegate.receive()))).value();
    }

    @Override
    ReceiveResult<E> tryReceive() {
        return next(delegate::tryReceive);
    }

    @Override
    ReceiveResult<E> receive(Duration timeout) throws InterruptedException {
        return next(() -> delegate.receive(timeout));
    }

    @Override
    int drainTo(Collection<? super E> target, int max) {
        int n = 0;
        while (n < max && tryReceive() instanceof ReceiveResult.Received<E>(E e)) {
            target.add(e);
            n++;
        }
        return n;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private E next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                try {
                    next = receive();
                    return true;
                } catch (ChannelClosedException closed) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChannelInterruptedException(e);
                }
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                E e = next;
                next = null;
                return e;
            }
        };
    }
}
