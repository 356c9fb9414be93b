package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.internal.HeldRunAccess;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One worker of a group: takes messages from its inlet in batches and runs the handler on
 * each, with retries and dead-lettering. With shared routing the inlet is the group's source
 * and the worker counts what it takes as accepted; with a dispatcher it is the worker's own
 * queue and the dispatcher counted them.
 *
 * <p>The success path allocates nothing: the worker itself is the {@link Consumer} given to
 * {@code drain}, the handler is called directly, and the counters are a plain read and a
 * release store into this worker's own padded array.
 *
 * @param <T> the message type
 */
final class Worker<T> extends GroupThread<T> implements IdleWorker {
    private final int index;
    /** Fed by the dispatcher: it ends once the dispatcher has ended and its queue is empty. */
    private final boolean routed;
    private final Consumer<? super T> handler;
    /**
     * The key function of {@link Routing#byKey} when this is a group's only worker, which then
     * takes from the source itself but still checks every key as the routing promises; null
     * otherwise.
     */
    private final Function<? super T, ?> key;
    private final int batchSize;
    private volatile boolean stopRequested;
    /** When the worker last ran out of messages; read by {@link #idleFor()} in the callback. */
    private long idleSinceNanos;

    Worker(ConsumerGroup<T> group, int index, Inlet<T> inlet, boolean routed, Function<? super T, ?> key) {
        super(group, inlet);
        this.index = index;
        this.routed = routed;
        this.key = key;
        this.handler = group.handler;
        this.batchSize = group.batchSize;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            ended = true;
            group.workerEnded(this);
        }
    }

    private void loop() {
        boolean idle = false;
        while (!mustHalt() && !stopRequested) {
            if (routed ? group.dispatcherDone : group.closing && !inlet.ownedByGroup) {
                if (routed) {
                    // The dispatcher's last insert happened-before its done flag: drain the rest.
                    int drained;
                    do {
                        drained = inlet.drain(this, batchSize);
                    } while (drained > 0 && !mustHalt());
                }
                return;
            }
            if (inlet.drain(this, batchSize) > 0) {
                idle = false;
                continue;
            }
            if (!idle) {
                idle = true;
                idleSinceNanos = System.nanoTime();
            }
            switch (awaitNext(group.idleNanos)) {
                case RECEIVED -> idle = false;
                case RECHECK -> {
                    // The loop re-checks the group's state.
                }
                case TIMED_OUT -> group.idleCallback.accept(this);
                case INTERRUPTED, ENDED -> {
                    return;
                }
                default -> throw new AssertionError();
            }
        }
    }

    @Override
    boolean waitIsOver() {
        return group.stopNow || stopRequested
                || (routed ? group.dispatcherDone : group.closing && !inlet.ownedByGroup);
    }

    /** Takes one message from the inlet: the hot path. */
    @Override
    public void accept(T message) {
        if (!routed) {
            counters.accepted();
        }
        if (halted || group.stopNow) {
            returned.add(message);
            return;
        }
        if (key != null && keyHash(key, message) == NO_KEY) {
            return;
        }
        int tag = group.tagOf(message);
        try {
            handler.accept(message);
        } catch (Throwable failure) {
            recover(message, tag, failure);
            return;
        }
        counters.handled(tag);
    }

    /** The failure path: retry per policy, then dead-letter; give the message back on stop. */
    private void recover(T message, int tag, Throwable failure) {
        Retry retry = group.retry;
        for (int attempts = 1; ; attempts++) {
            counters.failed(tag);
            if (mustHalt()) {
                // Likely failed because of the interrupt: not handled, so it goes back.
                halt(message);
                return;
            }
            if (attempts >= retry.maxAttempts()) {
                deadLetter(message, tag, failure, attempts);
                return;
            }
            long delay = retry.delayNanos(attempts);
            if (delay > 0) {
                // A source drained in place (SPSC_ARRAY, MPSC_ARRAY) gets the room of the run
                // it holds back before the sleep: see HeldRunAccess.
                HeldRunAccess.giveBackHeldRun();
                try {
                    TimeUnit.NANOSECONDS.sleep(delay);
                } catch (InterruptedException e) {
                    halt(message);
                    return;
                }
            }
            counters.retried();
            try {
                handler.accept(message);
            } catch (Throwable next) {
                failure = next;
                continue;
            }
            counters.handled(tag);
            return;
        }
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Duration idleFor() {
        return Duration.ofNanos(System.nanoTime() - idleSinceNanos);
    }

    @Override
    public void stop() {
        stopRequested = true;
        wake();
    }

    @Override
    public String toString() {
        return "worker " + index + " of " + group;
    }
}
