package dev.cooper.concurrent.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Go's {@code select}: waits on several send and receive clauses, over any channels, and runs
 * exactly one of them — the first that can proceed, or, when several can at once, one chosen
 * uniformly at random (the clause order is shuffled on every run, as Go does).
 *
 * <pre>{@code
 * String r = Select.<String>select()
 *     .onReceive(orders, res -> switch (res) {
 *         case ReceiveResult.Received<Order>(Order o) -> "order " + o;
 *         case ReceiveResult.Closed<Order>() -> "orders closed";
 *         case ReceiveResult.Empty<Order>() -> throw new AssertionError("never in a select");
 *     })
 *     .onReceive(alerts, alert -> "alert " + alert, () -> "alerts closed")
 *     .onSend(audit, entry, () -> "audited")
 *     .onTimeout(Duration.ofMillis(10), () -> "timeout")
 *     .run();
 * }</pre>
 *
 * <p>Clauses:
 * <ul>
 *   <li>a receive clause is ready when its channel has an element (or, rendezvous, a waiting
 *       sender) or is closed and drained; its handler then gets {@link ReceiveResult.Received}
 *       or {@link ReceiveResult.Closed}, never {@link ReceiveResult.Empty};</li>
 *   <li>a send clause is ready when its channel can take the element without waiting, or is
 *       closed; if a closed channel's send clause is chosen, {@link #run()} throws
 *       {@link ChannelClosedException} and nothing was sent (where Go would panic);</li>
 *   <li>{@link #onTimeout} fires if no channel clause became ready in time;</li>
 *   <li>{@link #otherwise} makes the select non-blocking: it fires if no clause is ready now.</li>
 * </ul>
 * Handlers run in the calling thread after the select has decided, holding no lock; what they
 * return (or throw) is what {@code run()} returns (or throws). The no-loss rule of
 * {@link Channel} holds per clause: a send clause whose handler ran sent its element; any other
 * send clause sent nothing; a receive clause whose handler did not run consumed nothing.
 *
 * <p>Interrupts: a blocking {@code run()} throws {@link InterruptedException} if the thread is
 * interrupted on entry or while waiting, and then no clause ran; as with {@link Channel}, an
 * interrupt racing with a clause that already fired leaves the status set and the clause runs.
 * A run with {@link #otherwise} never waits and ignores the interrupt status.
 *
 * <p>A {@code Select} is built and run by one thread; it may be {@link #run()} again, each run a
 * new select over the same clauses (a loop can build it once). Progress: blocking and
 * deadlock-free, whatever the number of threads selecting over shared channels (see the
 * protocol below).
 *
 * @param <R> the type the handlers return
 */
public final class Select<R> {
    /*
     * Protocol: the one of Go's runtime/select.go (selectgo), with Java locks.
     *
     *   Pass 0. If every clause is on a buffered channel: try the clauses, in a fresh random
     *           order, by the channels' fast paths (each one complete send or receive under
     *           one of the channel's two locks, see LockedChannel). The first that completes
     *           is the clause that fired. Only when all clauses are on buffered channels,
     *           so that no clause is ready only under the locks while another is tried
     *           first: the choice among ready clauses stays uniform.
     *   Pass 1. Lock every channel involved, each once (both locks of a buffered one, send
     *           lock first), in increasing channel id: a single global order, so selects and
     *           plain operations (which hold one lock, or a channel's two in that order, and
     *           never wait for another) cannot deadlock. Try the clauses in a fresh random order;
     *           the first one ready completes right there, under the locks.
     *   Pass 2. If none is ready (and there is no default): rearm the select's one Waiter and
     *           its Node per clause (made by the first run that waits and kept, as Go caches
     *           sudogs), link each node into its channel's queue of senders or receivers,
     *           unlock everything, and wait (yield a few times, then park).
     *   Fire.   A thread that finds one of the nodes while operating on that channel, under
     *           that channel's lock, fires the select by one CAS on the shared Waiter state
     *           (Go's selectDone); its value is the node, so the clause that won is known. A
     *           completer that loses the CAS drops the node and moves on to the next waiter:
     *           nothing was transferred through a node that did not win.
     *   Pass 3. Awake, the select withdraws (CAS to cancelled) if it timed out or was
     *           interrupted and nothing fired, then unlinks its other nodes, taking each
     *           channel's lock in turn (one lock at a time: no order is needed). Until then a
     *           stale node costs a completer one failed CAS. When run() returns, no node is
     *           linked; a completer may still be finishing with one under its channel's lock,
     *           which the next pass 2 takes before it rearms anything.
     *
     * Linearizability of "exactly one clause": the state leaves null once, by the CAS of the
     * winning completer, or of the select itself (timeout/interrupt); a clause completed in
     * pass 1 never published a node at all.
     */

    private final List<Clause<R>> clauses = new ArrayList<>();
    /** The timeout in nanoseconds, or -1 without a timeout clause. */
    private long timeoutNanos = -1L;
    private Supplier<? extends R> onTimeout;
    private Supplier<? extends R> otherwise;
    /** The distinct channels in lock order; recomputed after a clause is added. */
    private LockedChannel<?>[] lockOrder;
    /** Whether every channel in {@link #lockOrder} is buffered (pass 0 applies). */
    private boolean allBuffered;
    /** Scratch for the per-run random permutation of clause indices. */
    private int[] pollOrder = new int[0];
    /**
     * What a run that has to wait links into the channels, kept across runs (Go's sudog
     * cache): the one waiter and a node per clause, made by the first run that waits after a
     * clause was added. Free between runs: pass 3 unlinks every node before run() returns.
     */
    private Waiter waiter;
    private Node[] nodes;
    /** How long a run that has to wait spins first, learned across runs (see SpinBudget). */
    private final SpinBudget spinBudget = new SpinBudget();

    private Select() {
    }

    /**
     * A select without clauses; the type argument fixes what the handlers return:
     * {@code Select.<String>select()}.
     *
     * @param <R> the type the handlers return
     * @return a new select, to be given clauses and then run
     */
    public static <R> Select<R> select() {
        return new Select<>();
    }

    /**
     * Adds a clause that receives from {@code channel}; {@code handler} gets
     * {@link ReceiveResult.Received} or, once the channel is closed and drained,
     * {@link ReceiveResult.Closed}.
     *
     * @param <E> the element type of the channel
     * @param channel the channel to receive from; not null
     * @param handler the function run on the outcome if this clause is chosen; not null
     * @return this select
     */
    public <E> Select<R> onReceive(Channel<E> channel,
                                   Function<? super ReceiveResult<E>, ? extends R> handler) {
        Objects.requireNonNull(handler, "handler is null");
        return add(new ReceiveClause<>(channel(channel), handler, null, null));
    }

    /**
     * Adds a clause that receives from {@code channel}: {@code onElement} gets the element, or
     * {@code onClosed} runs once the channel is closed and drained.
     *
     * @param <E> the element type of the channel
     * @param channel the channel to receive from; not null
     * @param onElement the function run on the element received; not null
     * @param onClosed the supplier run if the channel is found closed and drained; not null
     * @return this select
     */
    public <E> Select<R> onReceive(Channel<E> channel, Function<? super E, ? extends R> onElement,
                                   Supplier<? extends R> onClosed) {
        Objects.requireNonNull(onElement, "onElement is null");
        Objects.requireNonNull(onClosed, "onClosed is null");
        return add(new ReceiveClause<>(channel(channel), null, onElement, onClosed));
    }

    /**
     * Adds a clause that sends {@code element} on {@code channel}, then runs {@code handler}.
     *
     * @param <E> the element type of the channel
     * @param channel the channel to send on; not null
     * @param element the element to send; not null
     * @param handler the supplier run once the element is sent; not null
     * @return this select
     */
    public <E> Select<R> onSend(Channel<E> channel, E element, Supplier<? extends R> handler) {
        Objects.requireNonNull(element, "element is null");
        Objects.requireNonNull(handler, "handler is null");
        return add(new SendClause<>(channel(channel), element, handler));
    }

    /**
     * Adds the clause that fires when no other became ready within {@code timeout} of the start
     * of a run. A zero timeout fires at once if nothing is ready, like {@link #otherwise}, but
     * the run still honours an interrupt that is pending on entry (as the JDK's timed
     * {@code poll(0, unit)} does), where a run with a default clause ignores it.
     *
     * @param timeout the longest wait of a run, from its start; not negative
     * @param handler the supplier run if the timeout passes first
     * @return this select
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws NullPointerException if {@code timeout} or {@code handler} is null
     * @throws IllegalStateException if this select already has a timeout or default clause
     */
    public Select<R> onTimeout(Duration timeout, Supplier<? extends R> handler) {
        long nanos = LockedChannel.nanos(timeout);
        Objects.requireNonNull(handler, "handler is null");
        requireNoFallback();
        this.timeoutNanos = nanos;
        this.onTimeout = handler;
        return this;
    }

    /**
     * Adds the default clause: a run never waits, and runs {@code handler} when no other clause
     * is ready.
     *
     * @param handler the supplier run if no other clause is ready; not null
     * @return this select
     * @throws IllegalStateException if this select already has a timeout or default clause
     */
    public Select<R> otherwise(Supplier<? extends R> handler) {
        Objects.requireNonNull(handler, "handler is null");
        requireNoFallback();
        this.otherwise = handler;
        return this;
    }

    /**
     * Runs the select: waits (unless there is a default clause) until one clause can proceed,
     * completes it, and returns what its handler returns.
     *
     * @return the result of the chosen clause's handler
     * @throws ChannelClosedException if the chosen clause sends on a closed channel
     * @throws InterruptedException if interrupted on entry or while waiting; no clause ran
     * @throws IllegalStateException if the select has no clause at all
     */
    public R run() throws InterruptedException {
        int n = clauses.size();
        if (n == 0 && onTimeout == null && otherwise == null) {
            throw new IllegalStateException("select has no clauses");
        }
        boolean blocking = otherwise == null;
        if (blocking && Thread.interrupted()) {
            throw new InterruptedException();
        }
        boolean timed = timeoutNanos >= 0L;
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0L;
        int[] order = shuffledOrder(n);
        LockedChannel<?>[] locks = lockOrder();

        // Pass 0, on buffered channels only.
        if (allBuffered) {
            for (int k = 0; k < n; k++) {
                Clause<R> clause = clauses.get(order[k]);
                Object o = clause.attemptFast();
                if (o != LockedChannel.EMPTY && o != LockedChannel.FULL) {
                    return clause.fire(o);
                }
            }
        }

        // Pass 1 (and pass 2 if nothing is ready), under every lock.
        Clause<R> ready = null;
        Object outcome = null;
        Waiter linked = null; // the waiter, once its nodes are linked
        for (LockedChannel<?> c : locks) {
            c.lock();
        }
        try {
            for (int k = 0; k < n; k++) {
                Clause<R> clause = clauses.get(order[k]);
                Object o = clause.attempt();
                if (o != LockedChannel.EMPTY && o != LockedChannel.FULL) {
                    ready = clause;
                    outcome = o;
                    break;
                }
            }
            if (ready == null && blocking && timeoutNanos != 0L) {
                linked = waiter();
                // Under every lock the nodes could be linked under, none linked: see reset().
                linked.reset();
                for (int i = 0; i < n; i++) {
                    clauses.get(i).enqueue(nodes[i]);
                }
            }
        } finally {
            for (int i = locks.length - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
        if (ready != null) {
            return ready.fire(outcome);
        }
        if (!blocking) {
            return otherwise.get();
        }
        if (linked == null) {
            return onTimeout.get(); // zero timeout, nothing ready
        }

        int awaited = linked.await(timed, deadline, spinBudget);
        if (awaited != Waiter.FIRED && !linked.tryCancel()) {
            if (awaited == Waiter.INTERRUPTED) {
                Thread.currentThread().interrupt(); // a clause fired first: keep the status
            }
            awaited = Waiter.FIRED;
        }
        Node fired = awaited == Waiter.FIRED ? linked.fired() : null;
        // Pass 3: unlink the nodes that did not fire.
        for (int i = 0; i < n; i++) {
            Node node = nodes[i];
            // Plain read of a lock-guarded flag, as a hint: only this thread ever set it (in
            // pass 2), so a stale value can only be a stale true, and remove() re-checks it
            // under the lock. It saves the lock round trip for nodes a completer unlinked. A
            // completer may still hold such a node's lock; the next run rearms the node only
            // under that lock, after it (see Waiter.reset).
            if (node != fired && node.queued) {
                clauses.get(i).dequeue(node);
            }
        }
        if (awaited == Waiter.INTERRUPTED) {
            throw new InterruptedException();
        }
        if (awaited == Waiter.TIMED_OUT) {
            return onTimeout.get();
        }
        return clauses.get(fired.clause).fire(fired);
    }

    private Select<R> add(Clause<R> clause) {
        clauses.add(clause);
        lockOrder = null;
        waiter = null;
        nodes = null;
        return this;
    }

    /** The waiter and nodes a waiting run links, made once per set of clauses. */
    private Waiter waiter() {
        Waiter w = waiter;
        if (w == null) {
            w = new Waiter();
            Node[] ns = new Node[clauses.size()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = new Node(w, i);
            }
            waiter = w;
            nodes = ns;
        }
        return w;
    }

    private void requireNoFallback() {
        if (onTimeout != null || otherwise != null) {
            throw new IllegalStateException("select already has a timeout or default clause");
        }
    }

    private static <E> LockedChannel<E> channel(Channel<E> channel) {
        Objects.requireNonNull(channel, "channel is null");
        return (LockedChannel<E>) channel; // Channel is sealed: this is its only implementation
    }

    private LockedChannel<?>[] lockOrder() {
        LockedChannel<?>[] locks = lockOrder;
        if (locks == null) {
            locks = clauses.stream()
                    .map(c -> c.channel)
                    .distinct()
                    .sorted(Comparator.comparingLong(c -> c.id))
                    .toArray(LockedChannel<?>[]::new);
            lockOrder = locks;
            allBuffered = Arrays.stream(locks).allMatch(c -> c.split);
        }
        return locks;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates), in a reused array. */
    private int[] shuffledOrder(int n) {
        int[] order = pollOrder;
        if (order.length != n) {
            order = new int[n];
            pollOrder = order;
        }
        if (n == 0) {
            return order;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        order[0] = 0;
        for (int i = 1; i < n; i++) {
            int j = random.nextInt(i + 1); // inside-out shuffle
            order[i] = order[j];
            order[j] = i;
        }
        return order;
    }

    @Override
    public String toString() {
        return "Select" + Arrays.toString(clauses.toArray())
                + (onTimeout != null ? "+timeout" : "") + (otherwise != null ? "+default" : "");
    }

    /** One send or receive clause. Methods marked "under lock" need the channel's lock. */
    private abstract static sealed class Clause<R> permits ReceiveClause, SendClause {
        final LockedChannel<?> channel;

        Clause(LockedChannel<?> channel) {
            this.channel = channel;
        }

        /** Under lock: tries to proceed now; EMPTY or FULL when not ready. */
        abstract Object attempt();

        /** Without the lock, buffered channel only: as attempt(), by the channel's fast path. */
        abstract Object attemptFast();

        /** Under lock: arms {@code node} (one of this clause's) and links it into the queue. */
        abstract void enqueue(Node node);

        /** Unlinks {@code node}, taking the channel's lock. */
        abstract void dequeue(Node node);

        /** Runs the handler for an outcome of {@link #attempt()}. */
        abstract R fire(Object outcome);

        /** Runs the handler for this clause's node, fired by another thread. */
        abstract R fire(Node node);
    }

    private static final class ReceiveClause<R, E> extends Clause<R> {
        /** The handler of {@link ReceiveResult}s, or null when the next two are set. */
        private final Function<? super ReceiveResult<E>, ? extends R> handler;
        private final Function<? super E, ? extends R> onElement;
        private final Supplier<? extends R> onClosed;

        ReceiveClause(LockedChannel<E> channel,
                      Function<? super ReceiveResult<E>, ? extends R> handler,
                      Function<? super E, ? extends R> onElement, Supplier<? extends R> onClosed) {
            super(channel);
            this.handler = handler;
            this.onElement = onElement;
            this.onClosed = onClosed;
        }

        @Override
        Object attempt() {
            return channel.pollLocked();
        }

        @Override
        Object attemptFast() {
            return channel.receiveFast();
        }

        @Override
        void enqueue(Node node) {
            node.arm(null);
            channel.addReceiver(node);
        }

        @Override
        void dequeue(Node node) {
            channel.lock();
            try {
                channel.removeReceiver(node);
            } finally {
                channel.unlock();
            }
        }

        @Override
        R fire(Object outcome) {
            return handle(outcome);
        }

        @Override
        R fire(Node node) {
            Object outcome = node.success ? node.item : LockedChannel.CLOSED;
            node.item = null; // the node is free again (pass 3 is over): drop the reference
            return handle(outcome);
        }

        /** Runs the handler on an element or on CLOSED; the element form allocates nothing. */
        @SuppressWarnings("unchecked")
        private R handle(Object outcome) {
            if (handler == null) {
                return outcome == LockedChannel.CLOSED ? onClosed.get() : onElement.apply((E) outcome);
            }
            return handler.apply(outcome == LockedChannel.CLOSED
                    ? ReceiveResult.closed()
                    : ReceiveResult.received((E) outcome));
        }

        @Override
        public String toString() {
            return "receive " + channel;
        }
    }

    private static final class SendClause<R, E> extends Clause<R> {
        private final E element;
        private final Supplier<? extends R> handler;

        SendClause(LockedChannel<E> channel, E element, Supplier<? extends R> handler) {
            super(channel);
            this.element = element;
            this.handler = handler;
        }

        @Override
        Object attempt() {
            return channel.offerLocked(element);
        }

        @Override
        Object attemptFast() {
            return channel.sendFast(element);
        }

        @Override
        void enqueue(Node node) {
            node.arm(element);
            channel.addSender(node);
        }

        @Override
        void dequeue(Node node) {
            channel.lock();
            try {
                channel.removeSender(node);
            } finally {
                channel.unlock();
            }
        }

        @Override
        R fire(Object outcome) {
            if (outcome == LockedChannel.CLOSED) {
                throw LockedChannel.closedForSend();
            }
            return handler.get();
        }

        @Override
        R fire(Node node) {
            if (!node.success) {
                throw LockedChannel.closedForSend();
            }
            return handler.get();
        }

        @Override
        public String toString() {
            return "send to " + channel;
        }
    }
}
