package dev.cooper.bench;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jctools.queues.MessagePassingQueue;

/**
 * The batch operations of a cooper {@link MessageQueue} or a JCTools
 * {@link MessagePassingQueue} behind one face, with the supplier and the consumer made once:
 * {@code fill} inserts the same pre-allocated message, {@code drain} keeps the last element it
 * was handed (a field write the JIT cannot drop), so neither allocates per call.
 */
abstract sealed class BatchQueue {
    private final Queue<Message> queue;
    private final Message element = new Message(1);
    /** The last element drained; written by the consumer thread only. */
    private Message lastDrained;

    private BatchQueue(Queue<Message> queue) {
        this.queue = queue;
    }

    /**
     * Wraps {@code queue}.
     *
     * @throws IllegalArgumentException if it is neither a cooper nor a JCTools queue
     */
    static BatchQueue of(Queue<Message> queue) {
        if (queue instanceof MessageQueue<Message> cooper) {
            return new Cooper(cooper);
        }
        if (queue instanceof MessagePassingQueue<?>) {
            return new JCTools(queue);
        }
        throw new IllegalArgumentException("queue: " + queue.getClass().getName()
                + " (expected: a cooper MessageQueue or a JCTools MessagePassingQueue)");
    }

    /** Inserts up to {@code limit} copies of the message; returns how many went in. */
    abstract int fill(int limit);

    /** Removes up to {@code limit} elements; returns how many came out. */
    abstract int drain(int limit);

    /** The queue itself, for warming up and clearing. */
    final Queue<Message> queue() {
        return queue;
    }

    /** The message that {@code fill} inserts. */
    final Message element() {
        return element;
    }

    /** The last element {@code drain} handed over, null before the first. */
    final Message lastDrained() {
        return lastDrained;
    }

    final void accept(Message m) {
        lastDrained = m;
    }

    private static final class Cooper extends BatchQueue {
        private final MessageQueue<Message> cooper;
        private final Supplier<Message> supplier = this::element;
        private final Consumer<Message> consumer = this::accept;

        Cooper(MessageQueue<Message> queue) {
            super(queue);
            this.cooper = queue;
        }

        @Override
        int fill(int limit) {
            return cooper.fill(supplier, limit);
        }

        @Override
        int drain(int limit) {
            return cooper.drain(consumer, limit);
        }
    }

    private static final class JCTools extends BatchQueue {
        private final MessagePassingQueue<Message> jctools;
        private final MessagePassingQueue.Supplier<Message> supplier = this::element;
        private final MessagePassingQueue.Consumer<Message> consumer = this::accept;

        @SuppressWarnings("unchecked")
        JCTools(Queue<Message> queue) {
            super(queue);
            this.jctools = (MessagePassingQueue<Message>) queue;
        }

        @Override
        int fill(int limit) {
            return jctools.fill(supplier, limit);
        }

        @Override
        int drain(int limit) {
            return jctools.drain(consumer, limit);
        }
    }
}
