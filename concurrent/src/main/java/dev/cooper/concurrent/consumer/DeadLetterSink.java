package dev.cooper.concurrent.consumer;

/**
 * Where a group sends its dead letters: the user's callback, queue or channel, adapted to one
 * shape. A blocking sink (a full queue or channel) is waited on by the worker that gave up on
 * the message.
 *
 * @param <T> the message type
 */
@FunctionalInterface
interface DeadLetterSink<T> {

    /**
     * Takes one dead letter.
     *
     * @throws InterruptedException if interrupted before the letter was taken
     */
    void accept(DeadLetter<T> letter) throws InterruptedException;
}
