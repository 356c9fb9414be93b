package dev.cooper.concurrent.queue;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link BlockingQueue} that the typed messages of an application flow through, usable
 * wherever a {@code BlockingQueue} goes (a {@code ThreadPoolExecutor}, say).
 *
 * <p>Every implementation is one of the {@link QueueKind}s, which states its concurrency
 * shape: how many threads may produce and consume at once, whether it is bounded, and whether
 * it is lock-free. Calling a producer method from a second thread at the same time on a
 * single-producer kind (or a consumer method on a single-consumer kind) breaks the queue; run
 * with {@code -Dcooper.queue.checkThreads=true} to have such misuse reported as an
 * {@link IllegalStateException} (see {@link QueueKind}).
 *
 * <p>Common policy of all kinds:
 * <ul>
 *   <li>null elements are refused with {@link NullPointerException};</li>
 *   <li>{@code offer} fails exactly when {@code size() == capacity()};</li>
 *   <li>{@code size()} is exact when the queue is quiescent and always within
 *       {@code [0, capacity()]};</li>
 *   <li>iterators are weakly consistent: they never throw
 *       {@link java.util.ConcurrentModificationException}, see every element present when
 *       they were created that is not removed meanwhile, and may see later ones;</li>
 *   <li>blocking methods throw {@link InterruptedException} when interrupted before or while
 *       waiting, and then have not inserted or removed anything;</li>
 *   <li>memory consistency: actions in a thread before it inserts an element happen-before
 *       actions after that element's removal (or access) in another thread;</li>
 *   <li>{@code drainTo(c)} removes each element before it adds it to {@code c}: if
 *       {@code c.add} throws, the element it refused is in neither collection (which
 *       {@link BlockingQueue#drainTo(java.util.Collection)} allows; {@code ArrayBlockingQueue}
 *       would keep it). Drain into a collection that accepts every element, such as an
 *       {@code ArrayList}, or use {@link #drain} and handle the failure in the consumer;</li>
 *   <li>{@code spliterator()} is weakly consistent like the iterator, and reports
 *       {@code CONCURRENT}, {@code ORDERED} and {@code NONNULL};</li>
 *   <li>{@code toString()} is the kind's name and then the elements, such as
 *       {@code SPSC_ARRAY[1, 2]}.</li>
 * </ul>
 *
 * @param <E> the type of the elements
 */
public interface MessageQueue<E> extends BlockingQueue<E> {

    /**
     * The most elements this queue can hold: at least the capacity asked for (some kinds round
     * up to a power of two, as their {@link QueueKind} says), {@link Integer#MAX_VALUE} for an
     * unbounded queue.
     *
     * @return the capacity, at least 1; fixed for the queue's life
     */
    int capacity();

    /**
     * Removes up to {@code limit} elements that are available now, in queue order, and hands
     * each to {@code consumer}; never blocks. A single-consumer kind may only call it from its
     * consumer thread. If {@code consumer} throws, the element it was given counts as removed
     * and the exception propagates. A multi-consumer kind may claim several elements at once
     * before handing them on; when the consumer throws it gives the ones not yet handed on back
     * to the queue, or, if another consumer has meanwhile claimed past them, hands them to
     * {@code consumer} too before the exception propagates (the kind's class says which).
     *
     * <p>{@code consumer} must not take from this queue ({@code poll}, {@code take},
     * {@code drain}, {@code drainTo}, {@code clear}, removal): several kinds keep their place
     * in the queue in local variables for the whole call, and a removal made inside it can
     * then lose elements, corrupt the queue or keep the call from returning. {@code SPMC_ARRAY}
     * and {@code MPMC_ARRAY} claim a run of elements before they hand them on, and a take from
     * the consumer passes the rest of the run: it gets later elements first, and finds the queue
     * empty while the run still holds some ({@code take} then waits for ever). On a
     * single-consumer kind it must not {@code peek} either: {@code SPSC_ARRAY} and
     * {@code MPSC_ARRAY} publish what the call removed in runs, so inside it {@code peek} sees
     * a stale head (an element already handed on, or a freed slot it would wait on for ever).
     * It may insert where the kind lets this thread produce, except on {@code SPMC_ARRAY} and
     * {@code MPMC_ARRAY}: they hold the slots of the claimed run until they hand each element
     * on, and an insert that wraps onto one of those slots (on a nearly full ring) waits for
     * this very call, for ever. On {@code SPSC_ARRAY} and {@code MPSC_ARRAY} the room its
     * removals made is given back in runs: a non-blocking {@code offer} from the consumer
     * finds the ring full while {@code size()} says so, and a {@code put} or timed
     * {@code offer} that finds it full gives the run back first, so it does not wait for
     * itself (a blocking call on another queue of any kind that must wait, for room or for an
     * element, gives the run back too, as does a wait of a channel, a {@code Broadcast} or a
     * consumer group's retry back-off, so the producers of this one are not kept from room no
     * one uses; waits of other code, such as the consumer's own sleep, keep it until the run
     * ends). Until the
     * run is given back, {@code SPSC_ARRAY}'s {@code contains} and iteration may still show
     * its elements. The lock-based kinds call it while holding a lock (their classes say what
     * that forbids or allows). {@code -Dcooper.queue.checkThreads=true} reports a take from
     * the consumer with an {@link IllegalStateException} on every kind, a {@code peek} too on
     * a single-consumer kind, an insert on {@code SPMC_ARRAY} and {@code MPMC_ARRAY}, and any
     * call into the queue on {@code TWO_LOCK_LINKED} and {@code SEMAPHORE_ARRAY}.
     *
     * @param consumer the code given each element removed, on the calling thread; not null
     * @param limit the most elements to remove, not negative
     * @return how many elements were removed
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    int drain(Consumer<? super E> consumer, int limit);

    /**
     * Inserts up to {@code limit} elements taken from {@code supplier}, stopping early when the
     * queue is full. The supplier is called only when there is room for what it returns, so no
     * supplied element is dropped; if it throws, nothing more is inserted and the exception
     * propagates. A single-producer kind may only call it from its producer thread. It does not
     * block, with one exception: on a multi-producer kind another producer may take the last
     * room between the check and the insert, and {@code fill} then waits (spin, yield, short parks) until
     * the element it already took from the supplier is in. A multi-producer kind may instead
     * reserve room for several elements before calling the supplier for them; if the supplier
     * then fails, it gives the unused room back, or, if another producer has meanwhile
     * reserved room past it, leaves gaps there that consumers skip (the kind's class says
     * which, and what the gaps cost).
     *
     * <p>{@code supplier} must not insert into this queue: several kinds keep their place in
     * the queue in local variables for the whole call, and would overwrite what it inserted.
     * On a multi-producer array kind it must not take from or peek at this queue either: a
     * slot the call has claimed but not yet written stops every consumer, including the
     * calling thread, until the call writes it. The lock-based kinds call it while holding a
     * lock (their classes say what that forbids or allows).
     * {@code -Dcooper.queue.checkThreads=true} reports with an {@link IllegalStateException} an
     * insert from the supplier on every kind (on the linked lock-free kinds, whose fill is a
     * loop of {@code offer}, it does no harm, but breaks once the kind changes), a take or peek
     * too on a multi-producer array kind, and any call into the queue on
     * {@code TWO_LOCK_LINKED} and {@code SEMAPHORE_ARRAY}.
     *
     * @param supplier the source of the elements, one per call; not null
     * @param limit the most elements to insert, not negative
     * @return how many elements were inserted
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws NullPointerException if the supplier returns null (the elements before it stay)
     */
    int fill(Supplier<? extends E> supplier, int limit);

    /**
     * Which implementation this is, and so its concurrency contract.
     *
     * @return the kind of this queue; never null
     */
    QueueKind kind();
}
