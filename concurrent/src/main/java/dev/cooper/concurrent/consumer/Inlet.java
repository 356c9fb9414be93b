package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.channel.ReceiveResult;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where one group thread takes its messages from: a {@link MessageQueue} or a {@link Channel},
 * seen through the two operations the thread loops need. Each group thread has its own inlet,
 * and only it calls {@link #drain} and {@link #await}.
 *
 * @param <T> the message type
 */
abstract sealed class Inlet<T> {
    /** {@link #await} waits with no deadline. */
    static final long FOREVER = Long.MAX_VALUE;

    /**
     * Whether the group made this source and closes it on a graceful close: then the thread
     * takes from it until it ends. Otherwise the thread stops taking as soon as the group
     * closes, and what is left stays in the source.
     */
    final boolean ownedByGroup;

    Inlet(boolean ownedByGroup) {
        this.ownedByGroup = ownedByGroup;
    }

    static <T> Inlet<T> of(MessageQueue<? extends T> queue, boolean ownedByGroup) {
        return new QueueInlet<>(queue, ownedByGroup);
    }

    static <T> Inlet<T> of(Channel<? extends T> channel, boolean ownedByGroup) {
        return new ChannelInlet<>(channel, ownedByGroup);
    }

    /**
     * Hands up to {@code limit} messages available now to {@code thread}'s {@code accept};
     * never blocks. If {@code accept} throws (a dead-letter sink failed, which ends the
     * thread), no message taken from the source is dropped: what the call took and had not
     * handed on yet is either still in the source or {@linkplain GroupThread#giveBackTaken
     * given back}.
     */
    abstract int drain(GroupThread<T> thread, int limit);

    /**
     * Waits up to {@code nanos} (or {@link #FOREVER}) for a message.
     *
     * @return the message, or null on timeout or when the source {@link #ended()}
     * @throws InterruptedException if interrupted while waiting; then nothing was taken
     */
    abstract T await(long nanos) throws InterruptedException;

    /** Whether the source has ended (a closed and drained channel); a queue never ends. */
    abstract boolean ended();

    /**
     * Hands {@code thread} the first {@code n} messages of {@code batch}, which have left their
     * source, and clears it. A worker or the dispatcher catches what a handler or a key
     * function throws, so the batch is normally handed on whole. Only a dead-letter sink that
     * throws ends the thread mid-batch: the rest is then given back to the close report.
     */
    private static <T> void handOn(List<T> batch, int n, GroupThread<T> thread) {
        int handedOn = 0;
        try {
            while (handedOn < n) {
                thread.accept(batch.get(handedOn++));
            }
        } finally {
            while (handedOn < n) {
                thread.giveBackTaken(batch.get(handedOn++));
            }
            batch.clear();
        }
    }

    /**
     * A queue. One whose {@code drain} holds nothing other threads need while it calls the
     * consumer ({@code SPSC_ARRAY}, {@code MPSC_ARRAY}, the two linked lock-free kinds) is
     * drained in place, with no copy: a slow handler, a retry's sleep or the dispatcher's wait
     * for a full worker queue then stop no other worker or producer. (On {@code SPSC_ARRAY}
     * and {@code MPSC_ARRAY} the room of the messages handed on goes back to the producers in
     * runs: when a run ends, and before the dispatcher waits for a worker queue.)
     *
     * <p>Other kinds are taken from in batches with one {@code drainTo} and handed on after
     * it returns ({@link #handOn}). A lock-based kind's {@code drain} calls the consumer
     * holding the queue's lock (or its take lock): shared workers would handle one message at
     * a time between them, and on {@code LOCKED_ARRAY} a dispatcher waiting for a full worker
     * queue would stop every producer, timed offers included. {@code SPMC_ARRAY}'s and
     * {@code MPMC_ARRAY}'s {@code drain} holds the slots of the run it claimed until it hands
     * each message on: producers that wrap onto them would wait for the handlers, and a
     * handler that puts a message back into its source could wait for itself.
     */
    private static final class QueueInlet<T> extends Inlet<T> {
        private final MessageQueue<? extends T> queue;
        /**
         * The batch being handed on, empty between calls, used by the inlet's one thread only;
         * null for a kind drained in place.
         */
        private final List<T> batch;

        QueueInlet(MessageQueue<? extends T> queue, boolean ownedByGroup) {
            super(ownedByGroup);
            this.queue = queue;
            this.batch = drainsInPlace(queue.kind()) ? null : new ArrayList<>();
        }

        private static boolean drainsInPlace(QueueKind kind) {
            return switch (kind) {
                case SPSC_ARRAY, MPSC_ARRAY, MPSC_LINKED, MPMC_LINKED -> true;
                case SPMC_ARRAY, MPMC_ARRAY, LOCKED_ARRAY, TWO_LOCK_LINKED, SEMAPHORE_ARRAY -> false;
            };
        }

        @Override
        int drain(GroupThread<T> thread, int limit) {
            if (batch == null) {
                // MessageQueue.drain removes each element just before it hands it on: the rest
                // stay in the queue if accept throws.
                return queue.drain(thread, limit);
            }
            int n = queue.drainTo(batch, limit);
            handOn(batch, n, thread);
            return n;
        }

        @Override
        T await(long nanos) throws InterruptedException {
            return nanos == FOREVER ? queue.take() : queue.poll(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        boolean ended() {
            return false;
        }
    }

    private static final class ChannelInlet<T> extends Inlet<T> {
        private final Channel<? extends T> channel;
        /** Written and read by the one thread that uses this inlet. */
        private boolean ended;
        /** The batch being handed on; empty between calls. Used by that one thread only. */
        private final List<T> batch = new ArrayList<>();

        ChannelInlet(Channel<? extends T> channel, boolean ownedByGroup) {
            super(ownedByGroup);
            this.channel = channel;
        }

        /**
         * Takes up to {@code limit} messages with one {@link Channel#drainTo} (one lock
         * acquisition for the batch, no allocation once the list has grown), then hands them on
         * outside the channel's lock ({@link #handOn}).
         */
        @Override
        int drain(GroupThread<T> thread, int limit) {
            int n = channel.drainTo(batch, limit);
            handOn(batch, n, thread);
            return n;
        }

        @Override
        T await(long nanos) throws InterruptedException {
            if (nanos == FOREVER) {
                try {
                    return channel.receive();
                } catch (ChannelClosedException closed) {
                    ended = true;
                    return null;
                }
            }
            return switch (channel.receive(Duration.ofNanos(nanos))) {
                case ReceiveResult.Received<? extends T> r -> r.value();
                case ReceiveResult.Empty<? extends T> e -> null;
                case ReceiveResult.Closed<? extends T> c -> {
                    ended = true;
                    yield null;
                }
            };
        }

        @Override
        boolean ended() {
            return ended;
        }
    }
}
