package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.internal.HeldRunAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

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
 *       {@code publish} and {@code receive} spin briefly, then park; a parked side also
 *       re-checks on its own, after at most 1 ms and then at most 64 ms (decision 0023).
 *       {@link Reader#drain} takes everything published up to a limit in one call and tells
 *       the writer once, at its end.</li>
 *   <li><b>Memory consistency.</b> Actions of the writer before it publishes a message
 *       happen-before the actions of a reader after it receives that message.</li>
 *   <li>Nulls are refused. The ring keeps references to up to {@code capacity} recent
 *       messages.</li>
 * </ul>
 *
 * @param <T> the message type
 */
public final class Broadcast<T> extends BroadcastPad2 implements AutoCloseable {
    /*
     * Algorithm: the LMAX Disruptor's single-producer ring with gating sequences (M. Thompson,
     * D. Farley, M. Barker, P. Gee, A. Stewart, "Disruptor: High performance alternative to
     * bounded queues for exchanging data between concurrent threads", LMAX, 2011). Sequence s
     * lives in slot s & mask. The writer publishes s by storing the slot and then the cursor;
     * each reader keeps the last sequence it has received; under BLOCK_WRITER the writer may
     * store sequence s only when every reader's sequence is >= s - capacity (so the slot's
     * previous occupant has been received by all). As in the Disruptor, each side caches what
     * it last read of the other: the writer a gating limit, a reader the cursor (`available`),
     * so that in a stream neither reads the other's line for every message; and a reader that
     * drains tells the writer its sequence once per batch.
     *
     * Departures from the Disruptor:
     *  - readers join and leave at run time (the Disruptor's add/removeGatingSequences): a
     *    joining reader sets its sequence to the cursor, registers, then reads the cursor
     *    again and moves its sequence there. A writer that computed its gating minimum without
     *    the new reader read the readers' array before the registration, after a full fence
     *    that made its last cursor store visible (hasRoom), so the second read of the cursor
     *    sees at least that cursor, and the writer's limit (at most that cursor + capacity)
     *    cannot overwrite anything after it.
     *  - the drop policy: the writer never gates; it first announces the sequence it is about
     *    to write in `claimed`, then writes the slot with release semantics. A reader reads a
     *    slot with acquire semantics and then `claimed`: if claimed < s + capacity, the write
     *    of s + capacity had not begun when the slot was read (had the reader seen that write,
     *    the release/acquire pair would have shown it the claim), so the value read is s.
     *    Otherwise it skips ahead to claimed - capacity + 1, but only once the cursor has
     *    reached `claimed`: a skip made for a message not yet published would report the drop
     *    before the message that caused it (found by BroadcastBlockingLinearizabilityTest).
     *  - waiting is spin, yield, then park (no wait strategies), and no wake-up is lost:
     *    - a waiting reader registers in `waitingReaders` (getAndAdd, a full fence) before
     *      re-checking the cursor; the writer stores the cursor (release) before reading
     *      `waitingReaders`. Without a fence between the writer's two accesses, a reader that
     *      registers while the cursor store is still in the writer's store buffer can miss it
     *      and the writer can miss the reader; so a reader parks for at most 1 ms before it
     *      re-checks, and stays registered, its bound doubling to 64 ms (the queues' rule for
     *      an unfenced side, decision 0015). Only a publish whose check came before the
     *      registration can miss it, and the first re-check sees that publish.
     *    - a waiting writer publishes itself in `parkedWriter` (volatile) before re-checking
     *      the readers' sequences; each reader stores its sequence (release) before reading
     *      `parkedWriter`, so the writer's parks are bounded the same way.
     *    - close, join and leave are rare and fenced: close stores `closed` (volatile) before
     *      reading the readers' threads, which each store their thread before re-checking.
     *
     * Invariants: cursor only grows, by one per publish; claimed == cursor or cursor + 1 (DROP
     * mode only, during a publish); under BLOCK_WRITER, cursor - sequence(r) <= capacity for
     * every registered reader r; a reader's sequence only grows, and is at most its `next` - 1
     * and at most the cursor; a reader's `available` is a cursor value it has read.
     */

    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 64 : 0;
    private static final int YIELDS = 8;
    /** Longest first park of a waiter (see the class comment): a missed signal costs this. */
    private static final long FIRST_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Longest later park of a waiter that stayed registered. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(64);

    private Broadcast(int size, Overflow overflow) {
        super(size, overflow);
    }

    /**
     * A broadcast over a ring of at least {@code capacity} messages (rounded up to a power of
     * two, see {@link #capacity()}).
     *
     * @param <T> the message type
     * @param capacity the fewest messages the ring holds, in {@code 1..2^30}
     * @param overflow what the writer does when the slowest reader is a full ring behind;
     *     not null
     * @return a new, open broadcast with no reader
     * @throws IllegalArgumentException if {@code capacity} is not in {@code 1..2^30}
     */
    public static <T> Broadcast<T> create(int capacity, Overflow overflow) {
        if (capacity < 1 || capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: 1..2^30)");
        }
        Objects.requireNonNull(overflow, "overflow is null");
        int size = Integer.highestOneBit(capacity);
        if (size < capacity) {
            size <<= 1;
        }
        return new Broadcast<>(size, overflow);
    }

    /**
     * The ring's size: the capacity asked for, rounded up to a power of two.
     *
     * @return the number of slots in the ring
     */
    public int capacity() {
        return ring.length;
    }

    /**
     * The overflow policy.
     *
     * @return the policy given to {@link #create}
     */
    public Overflow overflow() {
        return overflow;
    }

    /**
     * How many readers are registered now.
     *
     * @return the number of readers that have joined and not closed
     */
    public int readers() {
        return readers.length;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once the broadcast is closed to publishing
     */
    public boolean isClosed() {
        return closed;
    }

    // ---- writer

    /**
     * Publishes a message to every registered reader; under {@link Overflow#BLOCK_WRITER},
     * waits while the slowest reader is a full ring behind.
     *
     * @param message the message to publish; not null
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
     * @param message the message to publish; not null
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
        // Plain: only the writer writes the cursor, so its own last value is current.
        return (long) CURSOR.get(this) + 1;
    }

    /** Whether sequence {@code next} may be written now; refreshes the cached limit. */
    private boolean hasRoom(long next) {
        if (overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER) {
            gatingLimit = Long.MAX_VALUE;
            return true;
        }
        // Full fence: our last cursor store (a release) becomes visible before we read the
        // readers' array, which a joining reader's second read of the cursor relies on (see
        // the class comment). Once per refresh of the limit, not per message.
        VarHandle.fullFence();
        long min = next - 1;
        for (Reader<?> r : readers) {
            // Acquire (a volatile read): the reader read the slots up to its sequence before
            // its release store of it.
            min = Math.min(min, r.sequence);
        }
        gatingLimit = min + ring.length;
        return next <= gatingLimit;
    }

    private void awaitRoom(long next) throws InterruptedException {
        // Not while holding a queue drain's run: see HeldRunAccess.
        HeldRunAccess.giveBackHeldRun();
        for (int round = 0; round < SPINS + YIELDS; round++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (round < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            if (hasRoom(next)) {
                return;
            }
        }
        // Registered once, for the whole wait; every re-check after it can see a reader that
        // advanced, and a reader that advances after it sees us (or our bounded park does).
        parkedWriter = Thread.currentThread();
        try {
            for (long bound = FIRST_PARK_NANOS; !hasRoom(next); bound = longerBound(bound)) {
                LockSupport.parkNanos(this, bound);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parkedWriter = null;
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
        SLOTS.setRelease(ring, index, message);
        // Release, after the slot: a reader that sees the cursor sees the message.
        CURSOR.setRelease(this, next);
        // No fence between the store above and this read: see the class comment.
        if (waitingReaders > 0) {
            wakeReaders();
        }
    }

    private void wakeReaders() {
        for (Reader<?> r : readers) {
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
     *
     * @return the new reader, to be used by one thread at a time
     */
    public Reader<T> join() {
        Reader<T> reader = new Reader<>(this);
        reader.sequence = cursor;
        Reader<?>[] current;
        Reader<?>[] grown;
        do {
            current = readers;
            grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = reader;
        } while (!READERS.compareAndSet(this, current, grown));
        // The second read of the cursor: see the class comment.
        reader.sequence = cursor;
        reader.next = reader.sequence + 1;
        reader.available = reader.sequence;
        // A writer may be waiting on the first, older sequence.
        unparkWriter();
        return reader;
    }

    private void leave(Reader<?> reader) {
        Reader<?>[] current;
        Reader<?>[] shrunk;
        do {
            current = readers;
            int at = Arrays.asList(current).indexOf(reader);
            if (at < 0) {
                return;
            }
            shrunk = new Reader<?>[current.length - 1];
            System.arraycopy(current, 0, shrunk, 0, at);
            System.arraycopy(current, at + 1, shrunk, at, current.length - at - 1);
        } while (!READERS.compareAndSet(this, current, shrunk));
        unparkWriter();
    }

    private void unparkWriter() {
        Thread w = parkedWriter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The bound of a waiter's next park while it stays registered: twice this one, capped. */
    private static long longerBound(long bound) {
        return Math.min(bound << 1, MAX_PARK_NANOS);
    }

    /**
     * One reader of a {@link Broadcast}: receives every message published after it joined,
     * in order. One thread at a time; {@link #close()} from any thread.
     *
     * @param <T> the message type
     */
    public static final class Reader<T> extends BroadcastReaderFields<T> implements AutoCloseable {
        // Padding after the fields, 64 bytes (BroadcastLayoutTest): see BroadcastReaderPad.
        byte p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
        byte p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
        byte p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
        byte p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
        byte p40, p41, p42, p43, p44, p45, p46, p47;

        Reader(Broadcast<T> broadcast) {
            super(broadcast);
        }

        /**
         * The next message, waiting for it if need be.
         *
         * @return the message; never null
         * @throws ChannelClosedException if the broadcast is closed and this reader has
         *     received everything, or this reader was closed
         * @throws InterruptedException if interrupted before or while waiting (also when a
         *         message is ready, as {@code BlockingQueue.take} does); then nothing was received
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
         * @param timeout the longest wait; not null, not negative
         * @return null if the time passed, or the reader is {@linkplain #isDone() done}
         * @throws IllegalArgumentException if {@code timeout} is negative
         * @throws InterruptedException if interrupted before or while waiting (also when a
         *         message is ready, as {@code BlockingQueue.poll(timeout, unit)} does); then
         *         nothing was received
         */
        public T poll(Duration timeout) throws InterruptedException {
            long nanos = Timeouts.toNanos(timeout);
            // Beyond ~146 years the deadline would overflow: wait without one.
            return await(nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos);
        }

        /**
         * The next message if one is published and not yet received, else null; never blocks.
         *
         * @return the message, or null if there is none now or this reader is closed
         */
        public T poll() {
            return left ? null : take();
        }

        /**
         * Hands the messages published and not yet received, up to {@code limit}, to
         * {@code consumer}, in order; never blocks. Each message is received before it is
         * handed over: should {@code consumer} throw, the messages it was given count as
         * received, and the rest stay for the next call.
         *
         * <p>Under {@link Overflow#BLOCK_WRITER} a drain is one operation: it takes what was
         * published when it began, up to {@code limit}, and tells the writer once, when it
         * ends, so a writer that waits for this reader waits for the whole batch, callbacks
         * included. A {@linkplain #close() close} of this reader from another thread may end
         * it early. Under {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER} it is a sequence of
         * {@link #poll()}s: messages the writer overwrites meanwhile are skipped and counted in
         * {@link #dropped()}.
         *
         * @param consumer the code given each message, on the calling thread; not null
         * @param limit the most messages to hand over, not negative
         * @return how many messages were handed over
         * @throws IllegalArgumentException if {@code limit < 0}
         */
        public int drain(Consumer<? super T> consumer, int limit) {
            Objects.requireNonNull(consumer, "consumer is null");
            if (limit < 0) {
                throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0)");
            }
            if (broadcast.overflow == Overflow.DROP_OLDEST_FOR_LAGGING_READER) {
                int n = 0;
                T message;
                while (n < limit && (message = poll()) != null) {
                    n++;
                    consumer.accept(message);
                }
                return n;
            }
            return drainGated(consumer, limit);
        }

        /** {@link #drain} under BLOCK_WRITER: one read of the cursor, one sequence store. */
        @SuppressWarnings("unchecked")
        private int drainGated(Consumer<? super T> consumer, int limit) {
            Broadcast<T> b = broadcast;
            long first = next;
            long last = Math.min(first + limit - 1, available(first + limit - 1));
            long n = first;
            int handed = 0;
            try {
                while (n <= last) {
                    // Acquire, then `left`: as in take.
                    T message = (T) SLOTS.getAcquire(b.ring, (int) n & b.mask);
                    if (left) {
                        break;
                    }
                    next = ++n;
                    handed++;
                    consumer.accept(message);
                    // The consumer may have read this reader too (poll, receive, drain on the
                    // same thread): go on from where it left it, never back over what it took.
                    n = next;
                }
            } finally {
                // Also when the consumer throws: the messages handed over count as received.
                long done = Math.max(n, next);
                if (done > first) {
                    received(done - 1);
                }
            }
            return handed;
        }

        /**
         * The highest sequence published, as far as this reader needs to know: its cached
         * cursor if that reaches {@code wanted}, else a fresh read of the cursor.
         */
        private long available(long wanted) {
            long a = available;
            if (a < wanted) {
                // Acquire (a volatile read): pairs with the writer's release of the cursor, so
                // the slots up to it hold their messages.
                a = broadcast.cursor;
                available = a;
            }
            return a;
        }

        /** Tells the writer that sequences up to {@code s} are received. */
        private void received(long s) {
            // Release: our reads of the slots up to s stay before it, so the writer, once it
            // sees s, cannot overwrite a slot we are still reading.
            SEQUENCE.setRelease(this, s);
            // No fence between the store and this read: the writer's park is bounded (see the
            // class comment of Broadcast).
            broadcast.unparkWriter();
        }

        /**
         * Whether this reader will receive nothing more: it was closed, or the broadcast closed
         * and it has received everything.
         *
         * @return true once this reader has ended; it stays so
         */
        public boolean isDone() {
            return left || broadcast.closed && next > broadcast.cursor;
        }

        /**
         * Messages this reader lost to {@link Overflow#DROP_OLDEST_FOR_LAGGING_READER}.
         *
         * @return the number of messages skipped so far; always 0 under
         *     {@link Overflow#BLOCK_WRITER}
         */
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
            for (int round = 0; round < SPINS + YIELDS; round++) {
                T message = attempt();
                if (message != null || finished(deadline)) {
                    return message;
                }
                if (round == 0) {
                    // About to wait: not while holding a queue drain's run (HeldRunAccess).
                    HeldRunAccess.giveBackHeldRun();
                }
                if (round < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            // Registered once, for the whole wait (see the class comment of Broadcast).
            waiter = Thread.currentThread();
            WAITING_READERS.getAndAdd(broadcast, 1);
            try {
                for (long bound = FIRST_PARK_NANOS; ; bound = longerBound(bound)) {
                    // The re-check after registering: a publish whose check of the count came
                    // before the registration is seen here, or after the first park at most.
                    T message = attempt();
                    if (message != null || finished(deadline)) {
                        return message;
                    }
                    long remaining = deadline == Long.MAX_VALUE ? bound : deadline - System.nanoTime();
                    LockSupport.parkNanos(this, Math.min(remaining, bound));
                }
            } finally {
                WAITING_READERS.getAndAdd(broadcast, -1);
                waiter = null;
            }
        }

        /** One try of a wait: the next message, or null. */
        private T attempt() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return poll();
        }

        /** Whether a wait that found nothing ends: done, or out of time. */
        private boolean finished(long deadline) {
            return isDone() || deadline != Long.MAX_VALUE && deadline - System.nanoTime() <= 0;
        }

        /**
         * Takes the next message if it is published; null if none is, or if this reader was
         * closed (possibly by another thread) before the message could be taken.
         */
        @SuppressWarnings("unchecked")
        private T take() {
            Broadcast<T> b = broadcast;
            long n = next;
            if (n > available(n)) {
                return null;
            }
            if (b.overflow == Overflow.BLOCK_WRITER) {
                // Acquire: the cursor's read in `available` ordered it after the writer's
                // store, and gating keeps the writer off this slot until our sequence moves or
                // we leave. Acquire keeps this read before the check of `left` below: an
                // overwrite after a concurrent close would show us left == true.
                T message = (T) SLOTS.getAcquire(b.ring, (int) n & b.mask);
                if (left) {
                    return null;
                }
                next = n + 1;
                received(n);
                return message;
            }
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
                T message = (T) SLOTS.getAcquire(b.ring, (int) n & b.mask);
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

    private static final VarHandle CURSOR;
    private static final VarHandle READERS;
    private static final VarHandle WAITING_READERS;
    private static final VarHandle SEQUENCE;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURSOR = lookup.findVarHandle(BroadcastWriterFields.class, "cursor", long.class);
            READERS = lookup.findVarHandle(BroadcastReadMostlyFields.class, "readers", Reader[].class);
            WAITING_READERS = lookup.findVarHandle(BroadcastWriterFields.class, "waitingReaders", int.class);
            SEQUENCE = lookup.findVarHandle(BroadcastReaderFields.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
