package dev.cooper.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The floor of a rendezvous hand-off, as a {@link Pipe} ({@code impl=floor.spinningSlot}): one
 * padded slot that a sender fills with a CAS (the one atomic step a channel with many senders
 * needs to claim a hand-off) and then watches until the receiver has emptied it, and that the
 * receiver watches until it is filled. Both sides spin; there is no lock, no
 * wait queue, no close and no park. So it is not a channel: it serves exactly one sender and
 * one receiver, and a side whose partner never comes spins (yielding now and then) for ever.
 * It measures what the two threads' cache-line transfers alone cost, in the same harness as
 * the channels, so that a target such as "twice as fast as SynchronousQueue" can be set
 * against what any hand-off between two threads costs on the machine (RESULTS.md,
 * "The rendezvous floor").
 *
 * <p>Memory ordering: the sender's CAS publishes the message (a volatile write), and the
 * receiver's volatile read of a non-null slot acquires it; the receiver's volatile write of
 * null then tells the sender the message was taken.
 */
final class SpinningSlot implements Pipe {
    /** Spins between yields, so that two spinners sharing one carrier still make progress. */
    private static final int SPINS_PER_YIELD = 1024;

    // Padding: the slot's line is the only one the two sides share.
    long p0, p1, p2, p3, p4, p5, p6;
    private volatile Message slot;
    long q0, q1, q2, q3, q4, q5, q6;

    @Override
    public void send(Message message) {
        for (int spins = 1; !SLOT.compareAndSet(this, null, message); spins++) {
            pause(spins);
        }
        for (int spins = 1; slot == message; spins++) {
            pause(spins);
        }
    }

    @Override
    public Message receive() {
        Message message;
        for (int spins = 1; (message = slot) == null; spins++) {
            pause(spins);
        }
        slot = null;
        return message;
    }

    private static void pause(int spins) {
        if (spins % SPINS_PER_YIELD == 0) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(SpinningSlot.class, "slot", Message.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
