package dev.cooper.properties;

import dev.cooper.concurrent.consumer.Broadcast;

/**
 * A deliberately broken broadcast reader that skips: every {@link #EVERY}-th message it reads is
 * thrown away (and not counted in {@code dropped()}), and the read goes on to the next. Breaks the
 * claim that a reader receives an unbroken run of the published messages, gaps only where
 * {@code dropped()} counts them.
 */
final class SkippingReader<T> extends ReadBrokenReader<T> {

    SkippingReader(Broadcast.Reader<T> delegate) {
        super(delegate);
    }

    @Override
    T handOut(T got) {
        return due() ? null : got;
    }
}
