package dev.cooper.properties;

import dev.cooper.concurrent.queue.QueueKind;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sequential specification of a {@link dev.cooper.concurrent.queue.MessageQueue}: an
 * {@link ArrayDeque} that refuses elements beyond the capacity, and removes from the middle only
 * where the kind supports {@code remove(Object)} and iterator removal.
 */
final class QueueModel {

    /** The kinds whose {@code remove(Object)} and iterator removal work, as {@link QueueKind} documents. */
    static final Set<QueueKind> REMOVABLE = EnumSet.of(QueueKind.MPMC_LINKED, QueueKind.LOCKED_ARRAY,
            QueueKind.TWO_LOCK_LINKED, QueueKind.SEMAPHORE_ARRAY);

    final ArrayDeque<Integer> elements = new ArrayDeque<>();
    final int capacity;
    final boolean removable;

    QueueModel(QueueKind kind, int capacity) {
        this.capacity = capacity;
        this.removable = REMOVABLE.contains(kind);
    }

    boolean isFull() {
        return elements.size() == capacity;
    }

    boolean offer(int value) {
        return !isFull() && elements.add(value);
    }

    @Override
    public String toString() {
        return elements + " (capacity " + (capacity == Integer.MAX_VALUE ? "unbounded" : capacity) + ")";
    }
}
