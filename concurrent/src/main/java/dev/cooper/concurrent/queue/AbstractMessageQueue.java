package dev.cooper.concurrent.queue;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every kind shares: argument checks, {@code drainTo}, the default batch forms and
 * {@code remainingCapacity}, all written on top of the kind's {@code offer} and {@code poll}.
 * Kinds override the batch forms where their algorithm does better than a loop.
 */
abstract class AbstractMessageQueue<E> extends AbstractQueue<E> implements MessageQueue<E> {

    /**
     * {@code capacity() - size()}, or {@link Integer#MAX_VALUE} for a queue of that capacity:
     * an unbounded one, which has no intrinsic limit (a {@code TWO_LOCK_LINKED} queue of that
     * capacity is unbounded too).
     */
    @Override
    public int remainingCapacity() {
        int capacity = capacity();
        return capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE : capacity - size();
    }

    @Override
    public int drainTo(Collection<? super E> target) {
        return drainTo(target, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> target, int maxElements) {
        Objects.requireNonNull(target, "target is null");
        if (target == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        if (maxElements <= 0) {
            return 0;
        }
        return drain(target::add, maxElements);
    }

    @Override
    public int drain(Consumer<? super E> consumer, int limit) {
        Objects.requireNonNull(consumer, "consumer is null");
        checkLimit(limit);
        int n = 0;
        E e;
        while (n < limit && (e = poll()) != null) {
            n++;
            consumer.accept(e);
        }
        return n;
    }

    @Override
    public int fill(Supplier<? extends E> supplier, int limit) {
        Objects.requireNonNull(supplier, "supplier is null");
        checkLimit(limit);
        int n = 0;
        int room = 0;
        while (n < limit) {
            // Look at the indices once per stretch of room, not once per element: on a
            // single-producer kind the room seen stays ours; on a multi-producer kind another
            // producer may take it, and insertTaken then waits for it to come back.
            if (room == 0 && (room = remainingCapacity()) <= 0) {
                break;
            }
            E e = Objects.requireNonNull(supplier.get(), "supplier returned null");
            insertTaken(e);
            room--;
            n++;
        }
        return n;
    }

    /**
     * Inserts an element already taken from a {@code fill} supplier after
     * {@link #remainingCapacity()} said there was room. Only another producer can have taken
     * that room since; wait for it to come back rather than drop the element (see
     * {@link MessageQueue#fill}).
     */
    void insertTaken(E e) {
        for (int round = 0; !offer(e); round++) {
            Backoff.pause(round);
        }
    }

    /** Any thread may ask; exact when the queue is quiescent. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * For the ring kinds' iterator removal: the slot of the element identical to {@code o}
     * nearest before or at position {@code from} of the queue whose head is at slot
     * {@code head} of {@code items}, or -1 (none, or {@code from < 0}).
     */
    static int nearestIdenticalSlot(Object[] items, int head, long from, Object o) {
        for (long i = from; i >= 0; i--) {
            int k = (int) ((head + i) % items.length);
            if (items[k] == o) {
                return k;
            }
        }
        return -1;
    }

    static <T> T checkElement(T e) {
        return Objects.requireNonNull(e, "element is null");
    }

    static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0)");
        }
    }

    static int checkCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        return capacity;
    }

    /**
     * The largest capacity of an array-backed kind: the largest power of two an {@code int}
     * holds, to which the lock-free array kinds may round up. An array that large needs 4 GiB
     * with compressed references; a larger request is refused with a message rather than
     * failing in the allocation with {@link OutOfMemoryError}.
     */
    static final int MAX_ARRAY_CAPACITY = 1 << 30;

    /** {@link #checkCapacity}, and at most {@link #MAX_ARRAY_CAPACITY}. */
    static int checkArrayCapacity(int capacity) {
        checkCapacity(capacity);
        if (capacity > MAX_ARRAY_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity: " + capacity + " (expected: <= " + MAX_ARRAY_CAPACITY + ")");
        }
        return capacity;
    }

    /**
     * A spliterator over {@link #iterator()}, weakly consistent like it: it reports
     * {@link Spliterator#CONCURRENT}, {@link Spliterator#ORDERED} and
     * {@link Spliterator#NONNULL}, and not {@link Spliterator#SIZED}, as the JDK's concurrent
     * queues do, so a stream over a queue that is being consumed does not fail on its size.
     */
    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliterator(this, Spliterator.CONCURRENT | Spliterator.ORDERED | Spliterator.NONNULL);
    }

    @Override
    public String toString() {
        return kind() + super.toString();
    }
}
