package dev.cooper.concurrent.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a worker and the dispatcher share: their counters, the messages they must give back,
 * the dead letters they keep when the group has no sink, and the waiting protocol.
 *
 * <p>Every field other than {@link #ended} is written by the thread running this object only,
 * and read by other threads either through {@link Counters} (which publishes its own values)
 * or after the thread has ended: the closer reads {@link #returned} and {@link #keptDeadLetters}
 * after the group's termination latch, whose count-down by this thread happens-before the
 * closer's return from {@code await}.
 *
 * @param <T> the message type
 */
abstract class GroupThread<T> implements Runnable, Consumer<T> {
    /** Results of {@link #awaitNext}. */
    static final int RECEIVED = 0;
    static final int RECHECK = 1;
    static final int INTERRUPTED = 2;
    static final int TIMED_OUT = 3;
    static final int ENDED = 4;
    /** What {@link #keyHash} returns for a message without a usable key; no int hash equals it. */
    static final long NO_KEY = Long.MIN_VALUE;

    final ConsumerGroup<T> group;
    final Inlet<T> inlet;
    final Counters counters;
    /** Messages taken and neither handled nor dead-lettered; given back by the close report. */
    final List<T> returned = new ArrayList<>();
    /** Dead letters kept for the close report when the group has no dead-letter sink. */
    final List<DeadLetter<T>> keptDeadLetters = new ArrayList<>();
    /** Set once, by the thread as it ends. */
    volatile boolean ended;
    /** Set by the thread when it must stop at once (closeNow or an interrupt). */
    boolean halted;
    private Thread thread;
    private WakeSlot wakeSlot;

    GroupThread(ConsumerGroup<T> group, Inlet<T> inlet) {
        this.group = group;
        this.inlet = inlet;
        this.counters = new Counters(group.caseCount);
    }

    /** Called once, before the thread starts (so the start publishes it). */
    void bind(Thread thread) {
        this.thread = thread;
        this.wakeSlot = new WakeSlot(thread);
    }

    Thread thread() {
        return thread;
    }

    /** Makes the thread re-check the group's state if it is blocked; see {@link WakeSlot}. */
    void wake() {
        wakeSlot.wake();
    }

    /** Starts a blocking call bracketed by the {@link WakeSlot} protocol. */
    final void beginWait() {
        wakeSlot.beginWait();
    }

    /** Ends it; true if a {@link #wake()} interrupted it (that interrupt is now cleared). */
    final boolean endWait() {
        return wakeSlot.endWait();
    }

    /** Whether a blocked wait should end now, for a reason other than an element or timeout. */
    abstract boolean waitIsOver();

    /**
     * Waits for one message up to {@code nanos} and hands it to {@link #accept}, bracketing
     * the wait with the {@link WakeSlot} protocol.
     *
     * @return {@link #RECEIVED} (a message was taken and accepted), {@link #RECHECK} (a
     *     wake-up asks for a re-check of the group's state), {@link #INTERRUPTED} (a real
     *     interrupt: stop), {@link #TIMED_OUT}, or {@link #ENDED} (the source will deliver
     *     nothing more)
     */
    final int awaitNext(long nanos) {
        T message;
        boolean interrupted = false;
        boolean skipped = false;
        beginWait();
        try {
            // The re-check of the protocol: after publishing WAITING, before blocking.
            skipped = waitIsOver();
            message = skipped ? null : inlet.await(nanos);
        } catch (InterruptedException e) {
            message = null;
            interrupted = true;
        } catch (RuntimeException | Error e) {
            endWait();
            throw e;
        }
        boolean woken = endWait();
        if (message != null) {
            accept(message);
            return RECEIVED;
        }
        if (interrupted && !woken) {
            halted = true;
            return INTERRUPTED;
        }
        if (woken || skipped) {
            return RECHECK;
        }
        return inlet.ended() ? ENDED : TIMED_OUT;
    }

    /**
     * Sends a message the group gives up on to the sink, or keeps it for the report. If the
     * sink is interrupted the message is returned instead and the thread stops; if the sink
     * throws, the message is returned and the exception ends the thread (a broken sink must
     * not go unnoticed).
     */
    final void deadLetter(T message, int tag, Throwable cause, int attempts) {
        DeadLetter<T> letter = new DeadLetter<>(message, cause, attempts);
        DeadLetterSink<T> sink = group.deadLetterSink;
        if (sink == null) {
            keptDeadLetters.add(letter);
        } else {
            try {
                sink.accept(letter);
            } catch (InterruptedException e) {
                halt(message);
                return;
            } catch (RuntimeException | Error e) {
                returned.add(message);
                throw e;
            }
        }
        counters.deadLettered(tag);
    }

    /**
     * Gives back a message this thread took from its source but will not hand on, because a
     * failure is ending the thread: the thread stops at its next check, and {@link #accept}
     * counts the message as accepted (where this thread counts acceptance) and returns it.
     */
    final void giveBackTaken(T message) {
        halted = true;
        accept(message);
    }

    /**
     * The hash of {@code message}'s routing key under {@link Routing#byKey}, or {@link #NO_KEY}
     * if {@code key} (or the key's {@code hashCode}) threw or returned null: then the message
     * went to the dead letters with the cause and 0 attempts.
     */
    final long keyHash(Function<? super T, ?> key, T message) {
        try {
            return Objects.requireNonNull(key.apply(message), "key is null").hashCode();
        } catch (RuntimeException | Error e) {
            deadLetter(message, group.tagOf(message), e, 0);
            return NO_KEY;
        }
    }

    /** Gives {@code message} back and stops this thread at its next check. */
    final void halt(T message) {
        halted = true;
        returned.add(message);
    }

    /** Whether this thread must stop at once: closeNow, or an interrupt it has not consumed. */
    final boolean mustHalt() {
        return halted || group.stopNow || Thread.currentThread().isInterrupted();
    }
}
