package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * One call on a queue, run on the queue itself ({@link #actual}) and on the {@link QueueModel}
 * ({@link #expected}); the two results must be equal. Results are plain values ({@code Boolean},
 * {@code Integer}, {@code null}, lists) or a {@link Threw} naming the exception class.
 */
sealed interface QueueOp {

    /** The result of the call on the model, which it updates. */
    Object expected(QueueModel model);

    /** The result of the call on the queue. A runtime exception is caught by the caller. */
    Object actual(MessageQueue<Integer> queue) throws InterruptedException;

    /** Whether the call would block forever on the model's state (single thread); then it is skipped. */
    default boolean blocksOn(QueueModel model) {
        return false;
    }

    /** The call threw an exception of this class. */
    record Threw(Class<? extends Throwable> type) {}

    /** How many elements a batch call moved, and which. */
    record Moved(int count, List<Integer> elements) {}

    /** The timeout of the timed calls: short, but long enough to register as a waiter. */
    long TIMEOUT_NANOS = 1_000;

    record Offer(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            return m.offer(value);
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.offer(value);
        }
    }

    record OfferTimed(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            return m.offer(value);
        }

        public Object actual(MessageQueue<Integer> q) throws InterruptedException {
            return q.offer(value, TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    record Add(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            return m.offer(value) ? Boolean.TRUE : new Threw(IllegalStateException.class);
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.add(value);
        }
    }

    record Put(int value) implements QueueOp {
        public boolean blocksOn(QueueModel m) {
            return m.isFull();
        }

        public Object expected(QueueModel m) {
            m.elements.add(value);
            return null;
        }

        public Object actual(MessageQueue<Integer> q) throws InterruptedException {
            q.put(value);
            return null;
        }
    }

    record Fill(int count, int first) implements QueueOp {
        public Object expected(QueueModel m) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < count && m.offer(first + i); i++) {
                in.add(first + i);
            }
            return new Moved(in.size(), in);
        }

        public Object actual(MessageQueue<Integer> q) {
            List<Integer> supplied = new ArrayList<>();
            int n = q.fill(() -> {
                int value = first + supplied.size();
                supplied.add(value);
                return value;
            }, count);
            return new Moved(n, supplied);
        }
    }

    record Poll() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.poll();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.poll();
        }
    }

    record PollTimed() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.poll();
        }

        public Object actual(MessageQueue<Integer> q) throws InterruptedException {
            return q.poll(TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    record Take() implements QueueOp {
        public boolean blocksOn(QueueModel m) {
            return m.elements.isEmpty();
        }

        public Object expected(QueueModel m) {
            return m.elements.poll();
        }

        public Object actual(MessageQueue<Integer> q) throws InterruptedException {
            return q.take();
        }
    }

    record Remove() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.isEmpty() ? new Threw(NoSuchElementException.class) : m.elements.poll();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.remove();
        }
    }

    record Peek() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.peek();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.peek();
        }
    }

    record Element() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.isEmpty() ? new Threw(NoSuchElementException.class) : m.elements.peek();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.element();
        }
    }

    record Drain(int limit) implements QueueOp {
        public Object expected(QueueModel m) {
            List<Integer> out = new ArrayList<>();
            while (out.size() < limit && !m.elements.isEmpty()) {
                out.add(m.elements.poll());
            }
            return new Moved(out.size(), out);
        }

        public Object actual(MessageQueue<Integer> q) {
            List<Integer> out = new ArrayList<>();
            int n = q.drain(out::add, limit);
            return new Moved(n, out);
        }
    }

    record DrainTo(int limit) implements QueueOp {
        public Object expected(QueueModel m) {
            return new Drain(limit).expected(m);
        }

        public Object actual(MessageQueue<Integer> q) {
            List<Integer> out = new ArrayList<>();
            int n = q.drainTo(out, limit);
            return new Moved(n, out);
        }
    }

    record Clear() implements QueueOp {
        public Object expected(QueueModel m) {
            m.elements.clear();
            return null;
        }

        public Object actual(MessageQueue<Integer> q) {
            q.clear();
            return null;
        }
    }

    record Size() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.size();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.size();
        }
    }

    record IsEmpty() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.isEmpty();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.isEmpty();
        }
    }

    record RemainingCapacity() implements QueueOp {
        public Object expected(QueueModel m) {
            return m.capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE : m.capacity - m.elements.size();
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.remainingCapacity();
        }
    }

    record Contains(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            return m.elements.contains(value);
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.contains(value);
        }
    }

    record Iterate() implements QueueOp {
        public Object expected(QueueModel m) {
            return List.copyOf(m.elements);
        }

        public Object actual(MessageQueue<Integer> q) {
            List<Integer> seen = new ArrayList<>();
            q.iterator().forEachRemaining(seen::add);
            return seen;
        }
    }

    record ToArray() implements QueueOp {
        public Object expected(QueueModel m) {
            return List.copyOf(m.elements);
        }

        public Object actual(MessageQueue<Integer> q) {
            return List.of(q.toArray());
        }
    }

    /** {@code remove(Object)}: the first equal element. */
    record RemoveValue(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            return m.removable ? m.elements.removeFirstOccurrence(value) : new Threw(UnsupportedOperationException.class);
        }

        public Object actual(MessageQueue<Integer> q) {
            return q.remove((Integer) value);
        }
    }

    /** Iterates and removes every element equal to {@code value} through the iterator. */
    record IteratorRemove(int value) implements QueueOp {
        public Object expected(QueueModel m) {
            if (!m.elements.contains(value)) {
                return 0;
            }
            if (!m.removable) {
                return new Threw(UnsupportedOperationException.class);
            }
            int before = m.elements.size();
            m.elements.removeIf(e -> e == value);
            return before - m.elements.size();
        }

        public Object actual(MessageQueue<Integer> q) {
            int removed = 0;
            for (Iterator<Integer> it = q.iterator(); it.hasNext(); ) {
                if (it.next() == value) {
                    it.remove();
                    removed++;
                }
            }
            return removed;
        }
    }
}
