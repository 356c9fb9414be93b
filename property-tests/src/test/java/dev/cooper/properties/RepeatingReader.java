package dev.cooper.properties;

import dev.cooper.concurrent.consumer.Broadcast;

/**
 * A deliberately broken broadcast reader that repeats: every {@link #EVERY}-th message it reads is
 * handed out twice, by this read and the next. Breaks the claim that a reader receives the
 * published messages in order without duplicates.
 */
final class RepeatingReader<T> extends ReadBrokenReader<T> {

    RepeatingReader(Broadcast.Reader<T> delegate) {
        super(delegate);
    }

    @Override
    T handOut(T got) {
        if (due()) {
            again(got);
        }
        return got;
    }
}
