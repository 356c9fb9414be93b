package dev.cooper.concurrent.consumer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Lets a group thread that blocks on a source it does not own (a user's queue or channel, a
 * worker's queue) be woken to re-check the group's state, without the wake-up ever reaching
 * code outside the wait: a handler never sees an interrupt from a graceful close.
 *
 * <p>Protocol. The owner brackets each blocking call: {@link #beginWait()} (a volatile store of
 * WAITING), then its re-check of the condition it waits on, then the blocking call, then
 * {@link #endWait()}. A waker first makes the condition true (a volatile store of its own),
 * then calls {@link #wake()}, which interrupts the owner only if it wins the CAS from WAITING to
 * WAKING. This is a Dekker handshake over two volatile variables: either the owner's re-check
 * sees the condition, or the waker's CAS sees WAITING. The interrupt makes the blocking call
 * throw {@link InterruptedException} having taken nothing (the {@code MessageQueue} and
 * {@code Channel} contracts), or arrives just after the call returned normally. Either way
 * {@code endWait} finds its CAS from WAITING to RUNNING lost, waits out the short WAKING window
 * until the interrupt has been delivered (WOKEN), and clears it.
 *
 * <p>Any other interrupt (from {@code closeNow}, or from outside) does not go through the
 * protocol: {@code endWait} then wins its CAS and leaves the interrupt status alone, and the
 * owner treats it as a request to stop. An outside interrupt that lands inside the WAKING
 * window is cleared with the wake-up's; the group owns its threads, so only its own code
 * interrupts them in practice.
 */
final class WakeSlot {
    private static final int RUNNING = 0;
    private static final int WAITING = 1;
    private static final int WAKING = 2;
    private static final int WOKEN = 3;

    private final Thread owner;
    private volatile int state;

    WakeSlot(Thread owner) {
        this.owner = owner;
    }

    /** Called by the owner before its re-check and blocking call. */
    void beginWait() {
        state = WAITING;
    }

    /**
     * Called by the owner after its blocking call, however it ended.
     *
     * @return whether a {@link #wake()} interrupted this wait (its interrupt is now cleared)
     */
    boolean endWait() {
        if (casState(WAITING, RUNNING)) {
            return false;
        }
        for (int round = 0; state == WAKING; round++) {
            // The waker is between its CAS and its interrupt: a few instructions.
            if (round < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Thread.interrupted();
        state = RUNNING;
        return true;
    }

    /** Wakes the owner if it is waiting; call after making the owner's wait condition true. */
    void wake() {
        if (casState(WAITING, WAKING)) {
            owner.interrupt();
            state = WOKEN;
        }
    }

    // VarHandle mechanics

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WakeSlot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean casState(int expected, int value) {
        return STATE.compareAndSet(this, expected, value);
    }
}
