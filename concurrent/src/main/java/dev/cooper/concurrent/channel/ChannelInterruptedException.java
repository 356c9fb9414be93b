package dev.cooper.concurrent.channel;

import java.io.Serial;

/**
 * Thrown by a channel's iterator when the iterating thread is interrupted while it waits for
 * the next element: {@link java.util.Iterator#hasNext()} cannot throw the checked
 * {@link InterruptedException}, which is kept as the cause. The thread's interrupt status is
 * set again before this is thrown, so an enclosing blocking call still sees it.
 *
 * @see Channel#iterator()
 */
public final class ChannelInterruptedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Wraps the interrupt that stopped an iteration.
     *
     * @param cause the {@link InterruptedException} the wait threw
     */
    public ChannelInterruptedException(InterruptedException cause) {
        super("interrupted while waiting for the next element", cause);
    }
}
