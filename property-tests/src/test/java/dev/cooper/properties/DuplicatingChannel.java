package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;

/**
 * A deliberately broken channel that duplicates elements: every {@link #EVERY}-th element a
 * receive takes from the real channel is handed out twice, to the same receiving thread, by this
 * receive and its next. Breaks the claim that every element is received exactly once.
 */
final class DuplicatingChannel<E> extends ReceiveBrokenChannel<E> {

    DuplicatingChannel(Channel<E> delegate) {
        super(delegate);
    }

    @Override
    E handOut(E got) {
        if (due()) {
            setAside(got);
        }
        return got;
    }
}
