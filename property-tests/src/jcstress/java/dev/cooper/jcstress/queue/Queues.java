package dev.cooper.jcstress.queue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;

/** How the jcstress states make their queues. */
final class Queues {
    /**
     * The element the states put in and take out again before the actors start: an actor that
     * ever sees it has found an element already removed.
     */
    static final int STALE = -1;

    private Queues() {
    }

    /**
     * An empty queue of {@code kind} whose indices have been moved forward by {@code rolls}
     * insert-and-remove pairs, so that the actors' elements sit in slots that wrap around the
     * ring (array kinds) or behind a stub node that was once an element's (linked kinds), and
     * the kinds' cached limits are stale rather than freshly zero.
     */
    static <E> MessageQueue<E> rolled(QueueKind kind, int capacity, int rolls, E stale) {
        MessageQueue<E> queue = kind.create(capacity);
        for (int i = 0; i < rolls; i++) {
            offer(queue, stale);
            if (queue.poll() != stale) {
                throw new IllegalStateException(kind + ": poll did not return the element just offered");
            }
        }
        return queue;
    }

    /**
     * Offers an element that must fit; an actor that throws here makes jcstress report the test
     * as failed.
     */
    static <E> void offer(MessageQueue<E> queue, E e) {
        if (!queue.offer(e)) {
            throw new IllegalStateException(queue.kind() + ": offer refused with room in the queue");
        }
    }

    /** {@code e}, or 0 for none. */
    static int value(Integer e) {
        return e == null ? 0 : e;
    }
}
