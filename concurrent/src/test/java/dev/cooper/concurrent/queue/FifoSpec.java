package dev.cooper.concurrent.queue;

import java.util.ArrayDeque;
import java.util.Arrays;

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
