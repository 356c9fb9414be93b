package dev.cooper.concurrent.channel;

import java.io.Serial;

/**
 * Thrown by a send on a closed (or cancelled) channel, by a sender that was blocked when the
 * channel closed (its element was not enqueued), by {@link Channel#receive()} on a channel that
 * is closed and drained, and by a {@link Select} whose chosen send clause targets a closed
 * channel. Unchecked: closing is the normal end of a channel's life, and code that must react
 * to it uses {@link Channel#tryReceive()} or {@link ReceiveResult}.
 */
public final class ChannelClosedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given detail message.
     *
     * @param message the detail message; may be null
     */
    public ChannelClosedException(String message) {
        super(message);
    }
}
