package dev.cooper.concurrent.channel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sequential channel that {@link ChannelBlockingLinearizabilityTest} checks blocking
 * operations against: a FIFO buffer of {@code capacity} elements, a closed flag, and for a
 * rendezvous channel (capacity 0) a hand-off slot.
 *
 * <p><b>Blocking.</b> Where a real operation would have to wait (a send on a full buffer, a
 * receive on an empty open channel) the specification throws {@link WouldBlock}, which no real
 * operation throws: Lincheck then cannot linearize the real operation at that point and must
 * find one where it may complete. So a blocking operation is linearized at a moment, between
 * its call and its return, where it could proceed at once: a send that waited for room is
 * placed after the receive that made room, a receive that waited after the send it took, a
 * waiter woken by {@code close} after the close.
 *
 * <p><b>Rendezvous.</b> A send on a rendezvous channel completes only together with the
 * receive that takes its element. The specification models that pair as two adjacent steps: a
 * {@code send} fills the hand-off slot, and while the slot is full every operation but a
 * receive ({@code receive}, {@code tryReceive} or {@code drainOne}, which empty it) would
 * block. Both real operations are in progress at the moment of the transfer, so a correct
 * channel always has such a linearization; a send that returns without a receiver taking its
 * element leaves the slot full, and nothing after it (the scenarios always end with sequential operations) can
 * be linearized. What this does not check: whether a rendezvous {@code trySend} succeeds. It
 * succeeds only if a receiver is blocked at that moment, which is not sequential state, and
 * Lincheck needs a deterministic specification (one transition per state and operation), so
 * the rendezvous scenarios leave {@code trySend} out; a {@code tryReceive} is deterministic here
 * because the sender it pairs with is linearized just before it.
 */
public class BlockingSpec {
    private static volatile int specCapacity;

    private final int capacity = specCapacity;
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    /** Rendezvous only: the element of a send whose receive is the next step; or null. */
    private Integer handOff;
    private boolean closed;

    static void capacity(int capacity) {
        specCapacity = capacity;
    }

    public void send(int e) {
        awaitNoHandOff();
        if (closed) {
            throw new ChannelClosedException("channel is closed");
        }
        if (capacity == 0) {
            handOff = e;
        } else if (buffer.size() < capacity) {
            buffer.addLast(e);
        } else {
            throw new WouldBlock();
        }
    }

    public int receive() {
        if (handOff != null) {
            return takeHandOff();
        }
        if (!buffer.isEmpty()) {
            return buffer.pollFirst();
        }
        if (closed) {
            throw new ChannelClosedException("channel is closed and drained");
        }
        throw new WouldBlock();
    }

    public boolean trySend(int e) {
        awaitNoHandOff();
        if (closed) {
            throw new ChannelClosedException("channel is closed");
        }
        if (capacity == 0) {
            throw new IllegalStateException("rendezvous trySend is not modelled (see the class comment)");
        }
        if (buffer.size() == capacity) {
            return false;
        }
        buffer.addLast(e);
        return true;
    }

    public ReceiveResult<Integer> tryReceive() {
        if (handOff != null) {
            return ReceiveResult.received(takeHandOff());
        }
        if (!buffer.isEmpty()) {
            return ReceiveResult.received(buffer.pollFirst());
        }
        return closed ? ReceiveResult.closed() : ReceiveResult.empty();
    }

    /** A drain of at most one: {@link #tryReceive}'s element, in a list. */
    public List<Integer> drainOne() {
        return tryReceive() instanceof ReceiveResult.Received<Integer> r ? List.of(r.value()) : List.of();
    }

    public void close() {
        awaitNoHandOff();
        closed = true;
    }

    public List<Integer> cancel() {
        awaitNoHandOff();
        closed = true;
        List<Integer> rest = new ArrayList<>(buffer);
        buffer.clear();
        return rest;
    }

    public boolean isClosed() {
        awaitNoHandOff();
        return closed;
    }

    private void awaitNoHandOff() {
        if (handOff != null) {
            throw new WouldBlock();
        }
    }

    private int takeHandOff() {
        int e = handOff;
        handOff = null;
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockingSpec other && closed == other.closed
                && Objects.equals(handOff, other.handOff)
                && List.copyOf(buffer).equals(List.copyOf(other.buffer));
    }

    @Override
    public int hashCode() {
        return Objects.hash(closed, handOff, List.copyOf(buffer));
    }

    /**
     * Thrown by the specification where the operation would have to wait; the real channel
     * never throws it, so no linearization places the real operation there.
     */
    static final class WouldBlock extends RuntimeException {
        WouldBlock() {
            super("the operation would wait here", null, false, false);
        }
    }
}
