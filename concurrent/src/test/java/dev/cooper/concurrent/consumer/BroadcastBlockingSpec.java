package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.ChannelClosedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The sequential broadcast that {@link BroadcastBlockingLinearizabilityTest} checks against:
 * the log of published messages, a closed flag, and per reader the index in the log of the
 * next message it takes, its losses and whether it left. Two readers, as in
 * {@link BroadcastUnderTest}, both there from the start.
 *
 * <p><b>Blocking.</b> Where the real operation would have to wait — a {@code publish} under
 * {@link Overflow#BLOCK_WRITER} while a reader that has not left is a full ring behind, a
 * {@code receive} with nothing to take on an open broadcast — the specification throws
 * {@link WouldBlock}, which no real operation throws: Lincheck then cannot linearize the real
 * operation at that point and must find one, between its call and its return, where it could
 * complete at once. A publish that waited is placed after the receive (or the leave) that made
 * room, a receive that waited after the publish it took, or after the close or the leave that
 * ended it.
 *
 * <p><b>Endings.</b> {@code receive} throws {@link ChannelClosedException} once its reader has
 * left, or once the broadcast is closed and the reader has taken everything; {@code poll}
 * returns null then. {@code publish} and {@code tryPublish} throw
 * {@link IllegalStateException} after {@code close}. Lincheck compares exceptions by class, so
 * the two reasons for a closed receive are not told apart.
 *
 * <p><b>Losses.</b> Under {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER} the ring holds the
 * newest {@code capacity} messages: a reader that takes a message first skips to the oldest of
 * them and counts what it skipped in {@code dropped} (as in
 * {@link BroadcastLinearizabilityTest.Spec}).
 */
public class BroadcastBlockingSpec {
    private static volatile int configuredCapacity;
    private static volatile Overflow configuredOverflow;

    private final int capacity = configuredCapacity;
    private final Overflow overflow = configuredOverflow;
    private final List<Integer> log = new ArrayList<>();
    private final int[] next = new int[2];
    private final long[] dropped = new long[2];
    private final boolean[] left = new boolean[2];
    private boolean closed;

    static void configure(int capacity, Overflow overflow) {
        configuredCapacity = capacity;
        configuredOverflow = overflow;
    }

    public void publish(int message) {
        if (!tryPublish(message)) {
            throw new WouldBlock();
        }
    }

    public boolean tryPublish(int message) {
        if (closed) {
            throw new IllegalStateException("broadcast is closed");
        }
        if (overflow == Overflow.BLOCK_WRITER) {
            for (int r = 0; r < 2; r++) {
                if (!left[r] && log.size() - next[r] >= capacity) {
                    return false;
                }
            }
        }
        log.add(message);
        return true;
    }

    public void close() {
        closed = true;
    }

    public int receive0() {
        return receive(0);
    }

    public Integer poll0() {
        return poll(0);
    }

    public void leave0() {
        left[0] = true;
    }

    public long dropped0() {
        return dropped[0];
    }

    public int receive1() {
        return receive(1);
    }

    public Integer poll1() {
        return poll(1);
    }

    public void leave1() {
        left[1] = true;
    }

    public long dropped1() {
        return dropped[1];
    }

    private int receive(int r) {
        Integer message = poll(r);
        if (message != null) {
            return message;
        }
        if (left[r] || closed) {
            throw new ChannelClosedException(left[r] ? "reader is closed" : "broadcast is closed");
        }
        throw new WouldBlock();
    }

    /** The reader's next message, or null if it left or has taken everything. */
    private Integer poll(int r) {
        if (left[r] || next[r] >= log.size()) {
            return null;
        }
        int oldest = log.size() - capacity;
        if (next[r] < oldest) {
            // Only under the drop policy: gating keeps every reader within a ring otherwise.
            dropped[r] += oldest - next[r];
            next[r] = oldest;
        }
        return log.get(next[r]++);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BroadcastBlockingSpec other && closed == other.closed
                && log.equals(other.log) && Arrays.equals(next, other.next)
                && Arrays.equals(dropped, other.dropped) && Arrays.equals(left, other.left);
    }

    @Override
    public int hashCode() {
        return Objects.hash(closed, log, Arrays.hashCode(next), Arrays.hashCode(dropped),
                Arrays.hashCode(left));
    }

    /**
     * Thrown by the specification where the operation would have to wait; the real broadcast
     * never throws it, so no linearization places the real operation there.
     */
    static final class WouldBlock extends RuntimeException {
        WouldBlock() {
            super("the operation would wait here", null, false, false);
        }
    }
}
