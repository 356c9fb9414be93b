package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;

/**
 * A deliberately broken channel that loses elements: every {@link #EVERY}-th element a receive
 * takes from the real channel is thrown away, and the receive goes on to the next one. Breaks the
 * claim that every element whose send succeeded is received or returned by {@code cancel()}.
 */
final class LosingChannel<E> extends ReceiveBrokenChannel<E> {

    LosingChannel(Channel<E> delegate) {
        super(delegate);
    }

    @Override
    E handOut(E got) {
        return due() ? null : got;
    }
}
