package dev.cooper.concurrent.consumer;

/** What a {@link Broadcast} does when its slowest reader is a full ring behind the writer. */
public enum Overflow {
    /**
     * The writer waits until the slowest reader has received the oldest message: no reader
     * misses anything, and a stalled reader stalls the writer (until it {@linkplain
     * Broadcast.Reader#close() leaves}).
     */
    BLOCK_WRITER,

    /**
     * The writer never waits; it overwrites the oldest message. A reader that falls a full
     * ring behind loses the messages overwritten before it got to them: it skips ahead to the
     * oldest one still in the ring and counts the loss in {@link Broadcast.Reader#dropped()}.
     * What a reader does receive is still in publication order, without duplicates.
     */
    DROP_OLDEST_FOR_LAGGING_READER
}
