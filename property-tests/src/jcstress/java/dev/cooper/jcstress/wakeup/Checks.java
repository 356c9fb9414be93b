package dev.cooper.jcstress.wakeup;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.consumer.Broadcast;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;

/** What the states build and the checks the actors make on what their operations returned. */
final class Checks {
    /**
     * The element (message) the states put in and take out again before the actors start, to
     * roll the container forward: an actor that ever sees it has found one already removed.
     */
    static final int ROLLED = -1;

    /**
     * How long a signal that has to wait itself (on a rendezvous channel) waits at most: as
     * long as jcstress waits for a blocked actor. A signal whose own wake-up is lost then
     * fails the test as an error instead of hanging the whole run, which jcstress would
     * not time out.
     */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Checks() {
    }

    /**
     * An empty capacity-1 queue of {@code kind} whose indices have been moved forward by one
     * insert and remove, so that the actors' element sits in a slot that wraps around the
     * ring (array kinds) or behind a stub node that was once an element's (linked kinds), and
     * cached limits are stale.
     */
    static MessageQueue<Integer> rolledQueue(QueueKind kind) {
        MessageQueue<Integer> queue = kind.create(1);
        offer(queue, ROLLED);
        same(ROLLED, queue.poll(), kind + ": poll after offer");
        return queue;
    }

    /** {@link #rolledQueue}, then filled with {@code e}: a full capacity-1 queue. */
    static MessageQueue<Integer> fullQueue(QueueKind kind, int e) {
        MessageQueue<Integer> queue = rolledQueue(kind);
        offer(queue, e);
        return queue;
    }

    /** Offers an element that must fit. */
    static void offer(MessageQueue<Integer> queue, int e) {
        if (!queue.offer(e)) {
            throw new IllegalStateException(queue.kind() + ": offer refused with room in the queue");
        }
    }

    /** A buffered(1) channel holding 1. */
    static Channel<Integer> fullChannel() {
        Channel<Integer> channel = Channel.buffered(1);
        if (!channel.trySend(1)) {
            throw new IllegalStateException("trySend refused on an empty buffered channel");
        }
        return channel;
    }

    /** Publishes a message that must fit: no reader is a full ring behind. */
    static void tryPublish(Broadcast<Integer> broadcast, int message) {
        if (!broadcast.tryPublish(message)) {
            throw new IllegalStateException("tryPublish refused with room in the ring");
        }
    }

    /**
     * Throws unless {@code actual} equals {@code expected}: jcstress then reports the test as
     * an error, which a wrong result (an element lost, duplicated or resurrected) must be,
     * even from an actor that terminated.
     */
    static void same(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
