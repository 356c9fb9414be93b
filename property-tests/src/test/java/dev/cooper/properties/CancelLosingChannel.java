package dev.cooper.properties;

import dev.cooper.concurrent.channel.Channel;
import java.util.List;

/**
 * A deliberately broken channel that loses on cancel: {@code cancel()} takes out every buffered
 * element, as it should, but returns all of them except the oldest. Breaks the claim that an
 * element whose send succeeded and that no receiver took is returned by {@code cancel()}. Sends
 * and receives are the real channel's.
 */
final class CancelLosingChannel<E> extends ForwardingChannel<E> {

    CancelLosingChannel(Channel<E> delegate) {
        super(delegate);
    }

    @Override
    List<E> cancel() {
        List<E> buffered = delegate.cancel();
        if (!buffered.isEmpty()) {
            buffered.remove(0);
        }
        return buffered;
    }
}
