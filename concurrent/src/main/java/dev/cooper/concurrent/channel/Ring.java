package dev.cooper.concurrent.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffer of a channel: a circular array (Go's {@code hchan.buf}), fixed for a buffered
 * channel, empty for a rendezvous channel, and doubling on demand for an unbounded one. No
 * allocation while it has room.
 *
 * <p>A slot says whether it holds an element: null is free, anything else is an element. So
 * the sending side ({@link #offer}, {@link #hasRoom}) reads only the slot it fills and its own
 * index, and the receiving side ({@link #poll}, {@link #peek}, {@link #isEmpty}) only the slot
 * it empties and its own index: on a buffered channel each side runs under its own lock, and
 * neither reads a line the other writes except the slot handed over (the FastFlow ring:
 * M. Aldinucci et al., "FastFlow: high-level and efficient streaming on multi-core", 2012).
 * The elements are the slots from the take index on, up to the first null; the locks make
 * each side single-threaded. Sending-side methods require the channel's send lock,
 * receiving-side ones its receive lock, {@link #drain()} both; {@link #looksNonEmpty()} and
 * {@link #looksFull()} need none.
 *
 * <p>The two indices are fields of the locks' objects ({@link ChannelLock}), the put index
 * beside the send lock's word and the take index beside the receive lock's. Kept in this
 * object, as they first were, they put both sides' writes on one cache line (decision 0014).
 */
final class Ring {
    private static final int UNBOUNDED_INITIAL = 16;
    /** Some VMs reserve header words in an array: the JDK's own limit for array growth. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Replaced only by {@link #grow()}, which runs on an unbounded channel under its one lock. */
    private Object[] items;
    private final boolean growable;
    /** Holds {@code putIndex}, the slot the next element goes into: the send lock. */
    private final ChannelLock sendSide;
    /** Holds {@code takeIndex}, the slot of the oldest element: the receive lock. */
    private final ChannelLock receiveSide;

    private Ring(Object[] items, boolean growable, ChannelLock sendSide, ChannelLock receiveSide) {
        this.items = items;
        this.growable = growable;
        this.sendSide = sendSide;
        this.receiveSide = receiveSide;
    }

    /** A ring of {@code capacity} slots; 0 makes a ring that never has room (rendezvous). */
    static Ring fixed(int capacity, ChannelLock sendLock, ChannelLock receiveLock) {
        return new Ring(new Object[capacity], false, sendLock, receiveLock);
    }

    static Ring unbounded(ChannelLock lock) {
        return new Ring(new Object[UNBOUNDED_INITIAL], true, lock, lock);
    }

    /** The number of slots: the capacity of a buffered channel. Either side. */
    int length() {
        return items.length;
    }

    /** Sending side: whether {@link #offer} would succeed without growing. */
    boolean hasRoom() {
        Object[] a = items;
        // Acquire: a null here was written by the receiving side after it read the element.
        return a.length > 0 && getAcquire(a, sendSide.putIndex) == null;
    }

    /** Sending side: appends, growing if allowed; false when full (always, for rendezvous). */
    boolean offer(Object e) {
        if (!hasRoom()) {
            if (!growable) {
                return false;
            }
            grow();
        }
        Object[] a = items;
        int i = sendSide.putIndex;
        // Release: the receiving side's acquire of the slot sees the element's contents.
        setRelease(a, i, e);
        sendSide.putIndex = i + 1 == a.length ? 0 : i + 1;
        return true;
    }

    /** Receiving side: whether there is no element. */
    boolean isEmpty() {
        return peek() == null;
    }

    /** Receiving side: the oldest element, or null if there is none. */
    Object peek() {
        Object[] a = items;
        // Acquire: pairs with the release in offer.
        return a.length == 0 ? null : getAcquire(a, receiveSide.takeIndex);
    }

    /** Receiving side: removes and returns the oldest element, or null if there is none. */
    Object poll() {
        Object[] a = items;
        if (a.length == 0) {
            return null;
        }
        int i = receiveSide.takeIndex;
        Object e = getAcquire(a, i);
        if (e != null) {
            // Release, after the read: a sender that sees the null may refill the slot.
            setRelease(a, i, null);
            receiveSide.takeIndex = i + 1 == a.length ? 0 : i + 1;
        }
        return e;
    }

    /** Both sides: removes every element, oldest first, into a new list. */
    List<Object> drain() {
        List<Object> out = new ArrayList<>();
        for (Object e; (e = poll()) != null; ) {
            out.add(e);
        }
        return out;
    }

    /**
     * No lock: whether the ring looks as if it holds an element, from racy reads of the take
     * index and its slot. A hint for a thread waiting outside the locks, which re-checks under
     * them.
     */
    boolean looksNonEmpty() {
        Object[] a = items;
        int i = receiveSide.takeIndex;
        return i < a.length && getAcquire(a, i) != null;
    }

    /** No lock: whether the ring looks full; a hint, as {@link #looksNonEmpty()}. */
    boolean looksFull() {
        Object[] a = items;
        int i = sendSide.putIndex;
        return i >= a.length || getAcquire(a, i) != null;
    }

    /** Unbounded channel, under its one lock: doubles the array, keeping the order. */
    private void grow() {
        Object[] a = items;
        if (a.length == MAX_ARRAY) {
            throw new OutOfMemoryError("unbounded channel holds " + MAX_ARRAY + " elements");
        }
        int length = (int) Math.min((long) a.length << 1, MAX_ARRAY);
        Object[] b = new Object[length];
        // Full: the elements run from the take index all the way round to the put index,
        // which equals it.
        int firstPart = a.length - receiveSide.takeIndex;
        System.arraycopy(a, receiveSide.takeIndex, b, 0, firstPart);
        System.arraycopy(a, 0, b, firstPart, receiveSide.takeIndex);
        items = b;
        receiveSide.takeIndex = 0;
        sendSide.putIndex = a.length;
    }

    // VarHandle mechanics

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private static Object getAcquire(Object[] a, int i) {
        return SLOT.getAcquire(a, i);
    }

    private static void setRelease(Object[] a, int i, Object value) {
        SLOT.setRelease(a, i, value);
    }
}
