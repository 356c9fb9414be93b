package dev.cooper.concurrent.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sequential specification Lincheck checks the queues against: a plain {@link ArrayDeque}
 * holding at most {@link LincheckTarget#specCapacity()} elements, so {@code offer} fails
 * exactly when it holds that many. Its methods carry the names and parameter types of the
 * operation classes' methods, which is how Lincheck pairs them.
 */
public class FifoSpec {
    private final ArrayDeque<Integer> elements = new ArrayDeque<>();
    private final int capacity = LincheckTarget.specCapacity();

    public boolean offer(int e) {
        if (elements.size() == capacity) {
            return false;
        }
        elements.addLast(e);
        return true;
    }

    public Integer poll() {
        return elements.pollFirst();
    }

    public Integer peek() {
        return elements.peekFirst();
    }

    /** Inserts {@code first, first + 1, ...} until {@code limit} are in or the deque is full. */
    public int fill(int first, int limit) {
        int n = 0;
        while (n < limit && elements.size() < capacity) {
            elements.addLast(first + n++);
        }
        return n;
    }

    /** Removes up to {@code limit} elements from the head, in order. */
    public List<Integer> drain(int limit) {
        List<Integer> out = new ArrayList<>();
        while (out.size() < limit && !elements.isEmpty()) {
            out.add(elements.pollFirst());
        }
        return out;
    }

    public int size() {
        return elements.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FifoSpec other && Arrays.equals(elements.toArray(), other.elements.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements.toArray());
    }
}
