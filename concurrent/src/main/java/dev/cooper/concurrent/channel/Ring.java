package dev.cooper.concurrent.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffer of a channel: a circular array (Go's {@code hchan.buf}), fixed for a buffered
 * channel, empty for a rendezvous channel, and doubling on demand for an unbounded one. No
 * allocation while it has room. Every method requires the owning channel's lock, except
 * {@link #sizeHint()}.
 */
final class Ring {
    private static final int UNBOUNDED_INITIAL = 16;
    /** Some VMs reserve header words in an array: the JDK's own limit for array growth. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Object[] items;
    private final boolean growable;
    /** Index of the oldest element. */
    private int head;
    /**
     * Number of elements. Read and written under the lock (plain); the writes are releases
     * and {@link #sizeHint()} an acquire, so that a thread waiting outside the lock can watch
     * for room or for an element (a hint it re-checks under the lock). A volatile write would
     * add a full fence to every send and receive, on top of the lock's own.
     */
    private int size;

    private Ring(Object[] items, boolean growable) {
        this.items = items;
        this.growable = growable;
    }

    /** A ring of {@code capacity} slots; 0 makes a ring that never has room (rendezvous). */
    static Ring fixed(int capacity) {
        return new Ring(new Object[capacity], false);
    }

    static Ring unbounded() {
        return new Ring(new Object[UNBOUNDED_INITIAL], true);
    }

    /** The element count as last written; may be stale, so only a hint for waiting. */
    int sizeHint() {
        return (int) SIZE.getAcquire(this);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends, growing if allowed; false when full (always, for a rendezvous ring). */
    boolean offer(Object e) {
        int n = size;
        if (n == items.length) {
            if (!growable) {
                return false;
            }
            grow();
        }
        Object[] a = items;
        int i = head + n;
        a[i < a.length ? i : i - a.length] = e;
        releaseSize(n + 1);
        return true;
    }

    /** Removes the oldest element; the ring must not be empty. */
    Object poll() {
        Object[] a = items;
        int h = head;
        Object e = a[h];
        a[h] = null;
        head = h + 1 == a.length ? 0 : h + 1;
        releaseSize(size - 1);
        return e;
    }

    /** Removes every element, oldest first, into a new list. */
    List<Object> drain() {
        int n = size;
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(poll());
        }
        return out;
    }

    private void grow() {
        Object[] a = items;
        if (a.length == MAX_ARRAY) {
            throw new OutOfMemoryError("unbounded channel holds " + MAX_ARRAY + " elements");
        }
        int length = (int) Math.min((long) a.length << 1, MAX_ARRAY);
        Object[] b = new Object[length];
        int firstPart = Math.min(size, a.length - head);
        System.arraycopy(a, head, b, 0, firstPart);
        System.arraycopy(a, 0, b, firstPart, size - firstPart);
        items = b;
        head = 0;
    }

    // VarHandle mechanics

    /** Release: orders the ring's own writes before it, for {@link #sizeHint()} readers. */
    private void releaseSize(int n) {
        SIZE.setRelease(this, n);
    }

    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(Ring.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
