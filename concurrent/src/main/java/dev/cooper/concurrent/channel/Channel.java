package dev.cooper.concurrent.channel;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A Go-style channel: a typed conduit between threads, meant for virtual threads, that is
 * closed when the sending side is done. Three kinds:
 * <ul>
 *   <li>{@link #rendezvous()}: no buffer; a send completes only when a receiver takes the
 *       element (Go's {@code make(chan E)});</li>
 *   <li>{@link #buffered(int)}: up to {@code capacity} elements wait in a FIFO buffer; a send
 *       blocks only while it is full;</li>
 *   <li>{@link #unbounded()}: the buffer grows as needed; a send never blocks.</li>
 * </ul>
 * Any number of threads may send and receive concurrently; elements are received in the order
 * their sends took effect. Several channels can be waited on at once with {@link Select}.
 *
 * <p><b>No loss, no duplication.</b> Every send either returns normally ({@code send}, or
 * {@code true} from {@code trySend} or a timed send) — then its element is received exactly once
 * or returned exactly once by {@link #cancel()} — or it fails (it throws
 * {@link ChannelClosedException} or {@link InterruptedException}, or returns {@code false}) —
 * then its element was not enqueued and nobody will receive it.
 *
 * <p><b>Memory visibility.</b> Actions in a thread before it sends an element happen-before
 * actions in another thread after that thread receives the element (from a blocking, timed or
 * non-blocking receive, an iteration, a select, or the list returned by {@link #cancel()}).
 *
 * <p><b>Closing.</b> {@link #close()} is graceful: the elements already buffered are still
 * received, and after them receivers see the channel closed. {@link #cancel()} is abrupt: the
 * buffered elements are taken out and returned. Both are idempotent and wake every blocked
 * sender and receiver at once: a sender blocked at that moment throws
 * {@link ChannelClosedException} and its element is not enqueued (for a buffered channel that
 * is a sender waiting for room; for a rendezvous channel, every waiting sender).
 *
 * <p><b>Interrupts.</b> The blocking methods throw {@link InterruptedException} if the thread is
 * interrupted on entry or while it waits, and then have had no effect (a send did not enqueue,
 * a receive did not consume). If the interrupt arrives as another thread is completing the
 * operation, the operation completes normally and the interrupt status stays set. The
 * non-blocking methods ignore the interrupt status.
 *
 * <p><b>Nulls.</b> Channels carry no nulls: sending null throws {@link NullPointerException}.
 *
 * <p><b>Progress.</b> Blocking, and deadlock-free: each channel is guarded by one lock (a
 * buffered channel by two, a send lock and a receive lock, so that a sender and a receiver do
 * not contend), held for a constant number of steps per operation ({@code close} and
 * {@code cancel}: linear in the waiters and buffered elements; {@code drainTo}: linear in the
 * elements it takes); a thread never waits for
 * another while holding a lock, except for the channel locks taken in one global order (a
 * select's, and a buffered channel's two). Waiting is a few
 * {@link Thread#yield() yields} (which let a partner on the same carrier run) followed by
 * {@link java.util.concurrent.locks.LockSupport#park parking}; the locks are built on
 * {@link java.util.concurrent.locks.AbstractQueuedSynchronizer} (as {@code ReentrantLock} is),
 * never monitors, so a virtual thread never pins its carrier. Waiting senders, and waiting
 * receivers, are served first-come first-served among themselves. On a buffered channel an
 * operation that arrives while an element (or a free slot) is on its way to a waiting one may
 * take it first, as a newcomer may barge in on a non-fair lock; the waiter is served with the
 * next.
 *
 * <p>Implementations are this package's own; the interface is sealed because {@link Select}
 * needs their internals.
 *
 * @param <E> the element type
 */
public sealed interface Channel<E> extends Iterable<E> permits LockedChannel {

    /**
     * A channel without buffer: each send waits for a receiver to take its element.
     *
     * @param <E> the element type
     * @return a new, open rendezvous channel
     */
    static <E> Channel<E> rendezvous() {
        return new LockedChannel<>(0);
    }

    /**
     * A channel with a FIFO buffer of {@code capacity} elements; its buffer is allocated now,
     * and a send that finds room allocates nothing. {@code Integer.MAX_VALUE} is taken to mean
     * no bound: that channel is {@link #unbounded()}, which allocates as it grows.
     *
     * @param <E> the element type
     * @param capacity the most elements the buffer holds, at least 1
     * @return a new, open, empty buffered channel
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    static <E> Channel<E> buffered(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
        }
        return new LockedChannel<>(capacity);
    }

    /**
     * A channel whose buffer grows as needed: sends never wait.
     *
     * @param <E> the element type
     * @return a new, open, empty unbounded channel
     */
    static <E> Channel<E> unbounded() {
        return new LockedChannel<>(Integer.MAX_VALUE);
    }

    /**
     * Sends {@code element}, waiting while the buffer is full (on a rendezvous channel: until
     * a receiver takes it).
     *
     * @param element the element to send; not null
     * @throws ChannelClosedException if the channel is closed, on entry or while waiting; the
     *     element was not enqueued
     * @throws InterruptedException if interrupted on entry or while waiting; the element was not
     *     enqueued
     */
    void send(E element) throws InterruptedException;

    /**
     * Sends {@code element} if that needs no waiting: the buffer has room, or (on a rendezvous
     * channel) a receiver is waiting right now.
     *
     * @param element the element to send; not null
     * @return false, with nothing enqueued, if the send would have to wait
     * @throws ChannelClosedException if the channel is closed
     */
    boolean trySend(E element);

    /**
     * Sends {@code element}, waiting at most {@code timeout} (at least the timeout, give or take
     * the scheduler, before giving up).
     *
     * @param element the element to send; not null
     * @param timeout the longest wait; not null, not negative
     * @return false, with nothing enqueued, if the timeout passed first
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws ChannelClosedException as {@link #send(Object)}
     * @throws InterruptedException as {@link #send(Object)}
     */
    boolean send(E element, Duration timeout) throws InterruptedException;

    /**
     * Receives the next element, waiting until there is one.
     *
     * @return the element received; never null
     * @throws ChannelClosedException if the channel is closed and has no element left
     * @throws InterruptedException if interrupted on entry or while waiting; nothing was consumed
     */
    E receive() throws InterruptedException;

    /**
     * Receives the next element if there is one now (on a rendezvous channel: if a sender is
     * waiting right now).
     *
     * @return {@link ReceiveResult.Received}, {@link ReceiveResult.Empty}, or
     *     {@link ReceiveResult.Closed} once the channel is closed and drained
     */
    ReceiveResult<E> tryReceive();

    /**
     * Receives the next element, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait; not null, not negative
     * @return {@link ReceiveResult.Received}; {@link ReceiveResult.Empty} if the timeout passed
     *     first; {@link ReceiveResult.Closed} once the channel is closed and drained
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws InterruptedException if interrupted on entry or while waiting; nothing was consumed
     */
    ReceiveResult<E> receive(Duration timeout) throws InterruptedException;

    /**
     * Receives, without waiting, up to {@code max} elements that are there now and adds them to
     * {@code target} in order: the buffered elements and, on a rendezvous channel, those of
     * senders waiting right now (their sends complete). The elements are taken as one
     * operation, with one acquisition of the channel's receive lock rather than one per
     * element, and no result object is allocated: a consumer that handles elements in batches
     * (a consumer group, for one) uses it to keep off the lock. Unless senders are waiting,
     * one call takes at most one buffer's worth. Returns 0 when there is nothing to take,
     * whether or not the channel is closed ({@link #isClosed()} and {@link #tryReceive()}
     * tell). Ignores the interrupt status, as {@link #tryReceive()} does.
     *
     * <p>{@code target.add} runs while the channel's receive lock is held, as in
     * {@link java.util.concurrent.BlockingQueue#drainTo(Collection, int)}: it must not use this
     * channel. If it throws, the exception propagates and the elements added before stay
     * received; on a buffered or unbounded channel the element it refused stays in the
     * channel, first in line, while on a rendezvous channel its sender has already completed
     * and the element is in neither place.
     *
     * @param target the collection to add the elements to
     * @param max the most elements to take, not negative
     * @return how many elements were added to {@code target}
     * @throws NullPointerException if {@code target} is null
     * @throws IllegalArgumentException if {@code max} is negative
     */
    int drainTo(Collection<? super E> target, int max);

    /**
     * Closes the channel for sending; the buffered elements can still be received, after which
     * receivers see it closed. Wakes every blocked sender (it throws
     * {@link ChannelClosedException}, its element not enqueued) and every blocked receiver (it
     * sees the channel closed, since a receiver only waits on an empty buffer). Idempotent.
     */
    void close();

    /**
     * Closes the channel and takes out every element that was accepted but not yet received,
     * oldest first; receivers then see it closed at once. Blocked senders and receivers wake as
     * for {@link #close()}; a blocked sender's element is not in the list. Returns an empty list
     * on an already cancelled channel, and what is still buffered on a closed one.
     *
     * @return a new modifiable list of the undelivered elements
     */
    List<E> cancel();

    /**
     * Whether {@link #close()} or {@link #cancel()} has been called; buffered elements may
     * remain to be received.
     *
     * @return true once the channel is closed for sending
     */
    boolean isClosed();

    /**
     * An iterator that receives: {@code for (E e : channel)} takes elements until the channel
     * is closed and drained. {@code hasNext()} blocks until an element arrives or the channel is
     * closed and drained. If the thread is interrupted while it waits, {@code hasNext()} sets
     * the interrupt status again and throws {@link ChannelInterruptedException}; no element is
     * lost. {@code remove()} is not supported. Each iterator is for one thread; several threads
     * may iterate the same channel, each with its own iterator, and share the elements.
     */
    @Override
    Iterator<E> iterator();
}
