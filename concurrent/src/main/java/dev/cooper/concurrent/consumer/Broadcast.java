package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.ChannelClosedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer, many readers, each reader receiving every message in publication order: the
 * reader-writer (multicast) pattern over a bounded ring, as in the LMAX Disruptor.
 *
 * <pre>{@code
 * Broadcast<Price> prices = Broadcast.create(1024, Overflow.BLOCK_WRITER);
 * Broadcast.Reader<Price> chart = prices.join();
 * Thread.ofVirtual().start(() -> { for (;;) draw(chart.receive()); });
 * prices.publish(new Price("ACME", 42));   // the writer thread
 * prices.close();                           // readers end after the last message
 * }</pre>
 *
 * <ul>
 *   <li><b>Threads.</b> One writer thread at a time calls {@link #publish}, {@link #tryPublish}
 *       and {@link #close}. Each {@link Reader} is used by one thread at a time. {@link #join}
 *       and {@link Reader#close()} may be called from any thread.</li>
 *   <li><b>Joining and leaving.</b> A reader receives every message published after
 *       {@code join()} returned (and possibly some published during the call). A reader that
 *       {@linkplain Reader#close() closes} no longer holds the writer back.</li>
 *   <li><b>Overflow.</b> When the slowest reader is a full ring behind, the writer waits
 *       ({@link Overflow#BLOCK_WRITER}) or overwrites the oldest message, and that reader
 *       drops it ({@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}). With no reader at all,
 *       messages are published to nobody and the writer never waits.</li>
 *   <li><b>Closing.</b> After {@link #close()} a reader still receives what was published,
 *       then {@link Reader#receive()} throws {@link ChannelClosedException}.</li>
 *   <li><b>Progress.</b> {@code tryPublish} and {@link Reader#poll()} are wait-free apart from
 *       the readers' array (copy-on-write, replaced by CAS on join and leave) and, under the
 *       drop policy, a reader a full ring behind waiting for the writer to finish a publish it
 *       has begun (two stores), so that it never reports a drop before the message that
 *       caused it;
 *       {@code publish} and {@code receive} spin briefly, then park.</li>
 *   <li><b>Memory consistency.</b> Actions of the writer before it publishes a message
 *       happen-before the actions of a reader after it receives that message.</li>
 *   <li>Nulls are refused. The ring keeps references to up to {@code capacity} recent
 *       messages.</li>
 * </ul>
 *
 * @param <T> the message type
 */
public final class Broadcast<T> implements AutoCloseable {
    /*
     * Algorithm: the LMAX Disruptor's single-producer ring with gating sequences (M. Thompson,
     * D. Farley, M. Barker, P. Gee, A. Stewart, "Disruptor: High performance alternative to
     * bounded queues for exchanging data between concurrent threads", LMAX, 2011). Sequence s
     * lives in slot s & mask. The writer publishes s by storing the slot and then the cursor;
     * each reader keeps the last sequence it has received; under BLOCK_WRITER the writer may
     * store sequence s only when every reader's sequence is >= s - capacity (so the slot's
     * previous occupant has been received by all).
     *
     * Departures from the Disruptor:
     *  - readers join and leave at run time (the Disruptor's add/removeGatingSequences): a
     *    joining reader sets its sequence to the cursor, registers, then reads the cursor
     *    again and moves its sequence there. A writer that computed its gating minimum without
     *    the new reader did so before the registration, from sequences <= the cursor then, so
     *    it cannot overwrite anything after the second read of the cursor.
     *  - the drop policy: the writer never gates; it first announces the sequence it is about
     *    to write in `claimed`, then writes the slot with release semantics. A reader reads a
     *    slot with acquire semantics and then `claimed`: if claimed < s + capacity, the write
     *    of s + capacity had not begun when the slot was read (had the reader seen that write,
     *    the release/acquire pair would have shown it the claim), so the value read is s.
     *    Otherwise it skips ahead to claimed - capacity + 1, but only once the cursor has
     *    reached `claimed`: a skip made for a message not yet published would report the drop
     *    before the message that caused it (found by BroadcastBlockingLinearizabilityTest).
     *  - waiting is spin, yield, then park (no wait strategies), with Dekker handshakes on
     *    volatile fields so that no wake-up is lost: a waiting reader registers in
     *    `waitingReaders` (getAndAdd) before re-checking the cursor, the writer stores the
     *    cursor (volatile) before reading `waitingReaders`; a waiting writer publishes itself in
     *    `parkedWriter` before re-checking the readers' sequences, each reader stores its
     *    sequence (volatile) before reading `parkedWriter`.
     *
     * Invariants: cursor only grows, by one per publish; claimed == cursor or cursor + 1 (DROP
     * mode only, during a publish); under BLOCK_WRITER, cursor - sequence(r) <= capacity for
     * every registered reader r; a reader's sequence only grows.
     */

    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;
    private static final int YIELDS = 8;

    private final Object[] ring;
    private final int mask;
    private final Overflow overflow;

    /** The last published sequence; -1 before the first. Written by the writer only. */
    private volatile long cursor = -1;
    /** DROP mode: the sequence the writer is writing or has written last. */
    private volatile long claimed = -1;
    /** Set by the writer's close, after its last publish. */
    private volatile boolean closed;
    /** Registered readers; replaced (copy on write) by CAS. */
    private volatile Reader<T>[] readers;
    /** Readers between registering as waiters and leaving their wait. */
    private volatile int waitingReaders;
    /** The writer while it waits for room (BLOCK mode); null otherwise. */
    private volatile Thread parkedWriter;
    /** Writer-local: publishes up to this sequence need no look at the readers. */
    private long gatingLimit = -1;

    private Broadcast(int capacity, Overflow overflow) {
        int size = Integer.highestOneBit(capacity);
        if (size < capacity) {
            size <<= 1;
        }
        this.ring = new Object[size];
        this.mask = size - 1;
        this.overflow = overflow;
        this.readers = newReaders(0);
    }

    /**
     * A broadcast over a ring of at least {@code capacity} messages (rounded up to a power of
     * two, see {@link #capacity()}).
     *
     * @throws IllegalArgumentException if {@code capacity} is not in {@code 1..2^30}
     */
    public static <T> Broadcast<T> create(int capacity, Overflow overflow) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: 1..2^30)");
        }
        return new Broadcast<>(capacity, Objects.requireNonNull(overflow, "overflow is null"));
    }

    /** The ring's size: the capacity asked for, rounded up to a power of two. */
    public int capacity() {
        return ring.length;
    }

    /** The overflow policy. */
    public Overflow overflow() {
        return overflow;
    }

    /** How many readers are registered now. */
    public int readers() {
        return readers.length;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    // ---- writer

    /**
     * Publishes a message to every registered reader; under {@link Overflow#BLOCK_WRITER},
     * waits while the slowest reader is a full ring behind.
     *
     * @throws IllegalStateException if the broadcast is closed
     * @throws InterruptedException if interrupted while waiting; then nothing was published
     */
    public void publish(T message) throws InterruptedException {
        long next = prepare(message);
        if (next > gatingLimit && !hasRoom(next)) {
            awaitRoom(next);
        }
        store(next, message);
    }

    /**
     * Publishes a message if no reader holds the writer back now (always, under the drop
     * policy).
     *
     * @return false if the slowest reader is a full ring behind (nothing was published)
     * @throws IllegalStateException if the broadcast is closed
     */
    public boolean tryPublish(T message) {
        long next = prepare(message);
        if (next > gatingLimit && !hasRoom(next)) {
            return false;
        }
        store(next, message);
        return true;
    }

    private long prepare(T message) {
        Objects.requireNonNull(message, "message is null");
        if (closed) {
            throw new IllegalStateException("broadcast is closed");
        }
        // Only the writer writes the cursor, so its own last value is current.
        return cursor + 1;
    }

    /** Whether sequence {@code next} may be written now; refreshes the cached limit. */
    private boolean hasRoom(long next) {
        if (overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER) {
            gatingLimit = Long.MAX_VALUE;
            return true;
        }
        long min = next - 1;
        for (Reader<T> r : readers) {
            min = Math.min(min, r.sequence);
        }
        gatingLimit = min + ring.length;
        return next <= gatingLimit;
    }

    private void awaitRoom(long next) throws InterruptedException {
        for (int round = 0; ; round++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (round < SPINS) {
                Thread.onSpinWait();
            } else if (round < SPINS + YIELDS) {
                Thread.yield();
            } else {
                parkedWriter = Thread.currentThread();
                // The re-check after publishing ourselves: a reader that advanced before it
                // could see parkedWriter is seen here.
                if (!hasRoom(next)) {
                    LockSupport.park(this);
                }
                parkedWriter = null;
            }
            if (hasRoom(next)) {
                return;
            }
        }
    }

    private void store(long next, T message) {
        int index = (int) next & mask;
        if (overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER) {
            claimed = next;
        }
        // Release. Under DROP: a reader that sees this message also sees the claim above (and
        // so knows it may have been overwritten). Under BLOCK no active reader reads this slot
        // before the cursor store below publishes it (gating keeps the writer off a slot a
        // reader still needs), but a reader closed by another thread is no longer gated on
        // and may still be reading it: release pairs with that reader's acquire of the slot,
        // so that if it sees this message it also sees its own `left` flag set (Reader.take).
        releaseSlot(index, message);
        cursor = next;
        if (waitingReaders > 0) {
            wakeReaders();
        }
    }

    private void wakeReaders() {
        for (Reader<T> r : readers) {
            Thread t = r.waiter;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Closes the broadcast (writer thread): no more publishing; readers receive what was
     * published and then end. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        wakeReaders();
    }

    // ---- readers

    /**
     * Registers a new reader, which receives the messages published from now on. After
     * {@link #close()} the reader is at once done.
     */
    public Reader<T> join() {
        Reader<T> reader = new Reader<>(this);
        reader.sequence = cursor;
        Reader<T>[] current;
        Reader<T>[] grown;
        do {
            current = readers;
            grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = reader;
        } while (!casReaders(current, grown));
        // The second read of the cursor: see the class comment.
        reader.sequence = cursor;
        reader.next = reader.sequence + 1;
        // A writer may be waiting on the first, older sequence.
        unparkWriter();
        return reader;
    }

    private void leave(Reader<T> reader) {
        Reader<T>[] current;
        Reader<T>[] shrunk;
        do {
            current = readers;
            int at = Arrays.asList(current).indexOf(reader);
            if (at < 0) {
                return;
            }
            shrunk = newReaders(current.length - 1);
            System.arraycopy(current, 0, shrunk, 0, at);
            System.arraycopy(current, at + 1, shrunk, at, current.length - at - 1);
        } while (!casReaders(current, shrunk));
        unparkWriter();
    }

    private void unparkWriter() {
        Thread w = parkedWriter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * One reader of a {@link Broadcast}: receives every message published after it joined,
     * in order. One thread at a time; {@link #close()} from any thread.
     *
     * @param <T> the message type
     */
    public static final class Reader<T> implements AutoCloseable {
        private final Broadcast<T> broadcast;
        /** The last sequence received; the writer gates on it. Written by the reader. */
        volatile long sequence;
        /** The reader's thread while it parks; null otherwise. */
        volatile Thread waiter;
        private volatile boolean left;
        /** Reader-local: the next sequence to receive. */
        long next;
        /** Reader-local: messages skipped under the drop policy. */
        private long dropped;

        Reader(Broadcast<T> broadcast) {
            this.broadcast = broadcast;
        }

        /**
         * The next message, waiting for it if need be.
         *
         * @throws ChannelClosedException if the broadcast is closed and this reader has
         *     received everything, or this reader was closed
         * @throws InterruptedException if interrupted while waiting
         */
        public T receive() throws InterruptedException {
            T message = await(Long.MAX_VALUE);
            if (message == null) {
                throw new ChannelClosedException(left ? "reader is closed" : "broadcast is closed");
            }
            return message;
        }

        /**
         * The next message, waiting up to {@code timeout}.
         *
         * @return null if the time passed, or the reader is {@linkplain #isDone() done}
         * @throws InterruptedException if interrupted while waiting
         */
        public T poll(Duration timeout) throws InterruptedException {
            Objects.requireNonNull(timeout, "timeout is null");
            long nanos;
            try {
                nanos = Math.max(0, timeout.toNanos());
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            // Beyond ~146 years the deadline would overflow: wait without one.
            return await(nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos);
        }

        /** The next message if one is published and not yet received, else null; never blocks. */
        public T poll() {
            return left ? null : take();
        }

        /** Whether this reader will receive nothing more: it was closed, or the broadcast closed and it has received everything. */
        public boolean isDone() {
            return left || broadcast.closed && next > broadcast.cursor;
        }

        /** Messages this reader lost to {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}. */
        public long dropped() {
            return dropped;
        }

        /** Leaves the broadcast: the writer no longer waits for this reader. Idempotent. */
        @Override
        public void close() {
            left = true;
            broadcast.leave(this);
            Thread t = waiter;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        /** Waits until {@code deadline} (a nanoTime, or Long.MAX_VALUE); null when done or timed out. */
        private T await(long deadline) throws InterruptedException {
            for (int round = 0; ; round++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (left) {
                    return null;
                }
                T message = take();
                if (message != null) {
                    return message;
                }
                if (isDone()) {
                    return null;
                }
                long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                if (round < SPINS) {
                    Thread.onSpinWait();
                } else if (round < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    parkUntilPublished(remaining);
                }
            }
        }

        private void parkUntilPublished(long remaining) {
            waiter = Thread.currentThread();
            broadcast.addWaitingReaders(1);
            // The re-check after registering: see the class comment of Broadcast.
            if (next > broadcast.cursor && !broadcast.closed && !left) {
                if (remaining == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, remaining);
                }
            }
            broadcast.addWaitingReaders(-1);
            waiter = null;
        }

        /**
         * Takes the next message if it is published; null if none is, or if this reader was
         * closed (possibly by another thread) before the message could be taken.
         */
        @SuppressWarnings("unchecked")
        private T take() {
            Broadcast<T> b = broadcast;
            long published = b.cursor;
            if (next > published) {
                return null;
            }
            if (b.overflow == Overflow.BLOCK_WRITER) {
                // Acquire: the cursor's volatile read above ordered it after the writer's store,
                // and gating keeps the writer off this slot until our sequence moves or we
                // leave. Acquire keeps this read before the check of `left` below: an
                // overwrite after a concurrent close would show us left == true.
                T message = (T) b.acquireSlot((int) next & b.mask);
                if (left) {
                    return null;
                }
                sequence = next;
                next++;
                b.unparkWriter();
                return message;
            }
            long n = next;
            long skipped = 0;
            while (true) {
                long claimed = b.claimed;
                long oldest = claimed - b.ring.length + 1;
                if (n < oldest) {
                    if (claimed > b.cursor) {
                        // The message that pushes `n` out is claimed but not yet published.
                        // Skipping now would report the drop before that message exists (a
                        // poll right after would find nothing new), and with one slot the
                        // slot may still hold the previous message. The writer is two stores
                        // away from publishing it. So every skip is to a published state, and
                        // n <= cursor holds throughout.
                        Thread.onSpinWait();
                        continue;
                    }
                    skipped += oldest - n;
                    n = oldest;
                }
                T message = (T) b.acquireSlot((int) n & b.mask);
                if (b.claimed < n + b.ring.length) {
                    // Taken: unless this reader was closed meanwhile, in which case nothing
                    // (neither the message nor the skip) counts.
                    if (left) {
                        return null;
                    }
                    dropped += skipped;
                    next = n + 1;
                    return message;
                }
                // Overwritten while we read it: skip ahead and read again.
            }
        }
    }

    // VarHandle mechanics

    private static final VarHandle READERS;
    private static final VarHandle WAITING_READERS;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READERS = lookup.findVarHandle(Broadcast.class, "readers", Reader[].class);
            WAITING_READERS = lookup.findVarHandle(Broadcast.class, "waitingReaders", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Reader<T>[] newReaders(int length) {
        return (Reader<T>[]) new Reader<?>[length];
    }

    private boolean casReaders(Reader<T>[] expected, Reader<T>[] value) {
        return READERS.compareAndSet(this, expected, value);
    }

    private void addWaitingReaders(int delta) {
        WAITING_READERS.getAndAdd(this, delta);
    }

    private void releaseSlot(int index, Object value) {
        SLOTS.setRelease(ring, index, value);
    }

    private Object acquireSlot(int index) {
        return SLOTS.getAcquire(ring, index);
    }
}
