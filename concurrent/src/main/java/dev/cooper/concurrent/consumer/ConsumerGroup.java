package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ChannelClosedException;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.variant.Cases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a handler on a pool of workers fed from a queue or a channel: the consumer side of a
 * typed-message pipeline, written next to the {@code switch} over the sealed message type.
 *
 * <pre>{@code
 * try (ConsumerGroup<Msg> group = ConsumerGroup.builder(Msg.class)
 *         .source(queue)
 *         .workers(4)
 *         .routing(Routing.byKey(Msg::accountId))
 *         .handler(msg -> {
 *             switch (msg) {
 *                 case Deposit d -> ledger.credit(d.accountId(), d.amount());
 *                 case Withdrawal w -> ledger.debit(w.accountId(), w.amount());
 *             }
 *         })
 *         .retry(Retry.attempts(3).backoff(Duration.ofMillis(10)))
 *         .deadLetters(letter -> log.warn("gave up on {}", letter))
 *         .start()) {
 *     ...
 *     CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p><b>Sources and what "accepted" means.</b> Exactly one of:
 * <ul>
 *   <li>a {@link MessageQueue} the application fills: the group takes from it. A message is
 *       accepted when a group thread has taken it from the queue; what is still in the queue
 *       when the group closes was never accepted and stays there.</li>
 *   <li>a {@link Channel}: the group receives from it until it is closed and drained (then
 *       the group {@linkplain #awaitTermination terminates} by itself), or until the group
 *       closes. Accepted as for a queue.</li>
 *   <li>its own intake ({@link ConsumerGroupBuilder#intake(int)}), fed by {@link #submit}: a
 *       message is accepted once {@code submit} returns normally. A close stops the intake,
 *       and the report accounts for every submitted message. ({@link #stats()} counts a
 *       submitted message once a group thread has taken it from the intake.) Once every
 *       worker has ended by itself (stopped at an idle timeout, or ended by a failing
 *       dead-letter sink), the intake refuses further submits; the close report still returns
 *       what it holds.</li>
 * </ul>
 *
 * <p><b>Handling.</b> The handler runs on one worker at a time per message. If it throws, the
 * message is retried per the {@link Retry} policy; after the last attempt it goes to the
 * dead-letter sink as a {@link DeadLetter} (with no sink configured, the dead letters are kept
 * for the {@link CloseReport}). A message is never handled twice once the handler returned
 * normally, and never dropped: every accepted message ends handled, dead-lettered, or
 * returned, so the report's {@code accepted == handled + deadLettered + returned.size()}.
 *
 * <p><b>Closing.</b> {@link #close(Duration)} is graceful: the group stops its intake and stops
 * taking from an external source, the workers finish what was accepted (the intake, the
 * per-worker queues of round-robin and by-key routing, the message in hand), and the threads
 * end. If they have not ended by the deadline, the close turns into {@link #closeNow()}: the
 * threads are interrupted and each gives back the messages it holds unhandled, which the report
 * returns. {@link #close()} is the graceful close with no deadline. Closing is idempotent;
 * every call returns (or waits for) the same report.
 *
 * <p><b>Interrupts.</b> The group owns its threads' interrupt status. A worker that is
 * interrupted (by {@code closeNow} or by anyone else) stops; a message whose handler or retry
 * wait was interrupted counts as returned. A graceful close never interrupts a handler.
 *
 * <p><b>Counters.</b> Each thread keeps its own counters (per case of the sealed message type,
 * indexed by {@link Cases#tag}): no shared atomic on the message path. {@link #stats()} sums
 * them into a snapshot while the group runs.
 *
 * <p><b>Memory consistency.</b> Actions of a producer before it inserts a message into the
 * source happen-before the handler's run on that message; the handler's actions happen-before
 * the return of the close that accounts for the message.
 *
 * @param <T> the message type: typically a sealed interface, whose cases get their own counters
 */
public final class ConsumerGroup<T> implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final String name;
    /** Null when the message type is not sealed: then there is one case, tag 0. */
    private final Cases<T> cases;
    private final Class<T> type;
    final int caseCount;
    final Consumer<? super T> handler;
    final Retry retry;
    /** Null: keep dead letters for the report. */
    final DeadLetterSink<T> deadLetterSink;
    /** {@link Inlet#FOREVER} when there is no idle timeout. */
    final long idleNanos;
    final Consumer<? super IdleWorker> idleCallback;
    final int batchSize;

    private final List<Worker<T>> workers;
    /** Null with shared routing. */
    private final Dispatcher<T> dispatcher;
    private final List<GroupThread<T>> threads;
    /** The dispatcher's per-worker queues; empty with shared routing. */
    private final List<MessageQueue<T>> workerQueues;
    /** Null unless the group has its own intake. */
    private final Channel<T> intake;

    /** A close began: stop taking from sources the group does not own. */
    volatile boolean closing;
    /** Stop at once and give back what is in hand: closeNow, or a close past its deadline. */
    volatile boolean stopNow;
    /** The dispatcher has ended: workers drain their queues and end. */
    volatile boolean dispatcherDone;
    private final AtomicInteger liveWorkers;
    private final CountDownLatch terminated;
    private final AtomicBoolean closeClaimed = new AtomicBoolean();
    private final CompletableFuture<CloseReport<T>> report = new CompletableFuture<>();

    /**
     * A builder for a group handling messages of {@code type} (a sealed type gets per-case
     * counters).
     *
     * @param <T> the message type
     * @param type the class of the messages; not null
     * @return a new builder with the defaults that {@link ConsumerGroupBuilder} lists
     */
    public static <T> ConsumerGroupBuilder<T> builder(Class<T> type) {
        return new ConsumerGroupBuilder<>(type);
    }

    /** Builds the group's threads from a validated builder; {@link #start()} starts them. */
    ConsumerGroup(ConsumerGroupBuilder<T> b) {
        this.type = b.type;
        this.name = b.name != null ? b.name : "consumer-group-" + GROUPS.incrementAndGet();
        this.cases = b.type.isSealed() && !b.type.isEnum() ? Cases.of(b.type) : null;
        this.caseCount = cases == null ? 1 : cases.count();
        this.handler = b.handler;
        this.retry = b.retry;
        this.deadLetterSink = b.deadLetterSink;
        this.idleNanos = b.idleTimeout == null ? Inlet.FOREVER : Timeouts.toNanos(b.idleTimeout);
        this.idleCallback = b.idleCallback;
        this.batchSize = b.batchSize;
        this.intake = b.intakeCapacity > 0 ? Channel.buffered(b.intakeCapacity) : null;

        int n = b.workers;
        boolean routed = n > 1 && !(b.routing instanceof Routing.Shared);
        List<Worker<T>> ws = new ArrayList<>(n);
        List<MessageQueue<T>> queues = new ArrayList<>(routed ? n : 0);
        for (int i = 0; i < n; i++) {
            if (routed) {
                MessageQueue<T> queue = QueueKind.SPSC_ARRAY.create(b.workerBuffer);
                queues.add(queue);
                ws.add(new Worker<>(this, i, Inlet.of(queue, true), true, null));
            } else {
                // A lone worker under by-key routing checks the keys the dispatcher would have.
                ws.add(new Worker<>(this, i, sourceInlet(b), false, n == 1 ? keyOf(b.routing) : null));
            }
        }
        this.workers = List.copyOf(ws);
        this.workerQueues = List.copyOf(queues);
        this.dispatcher = routed ? new Dispatcher<>(this, sourceInlet(b), workers, workerQueues, keyOf(b.routing)) : null;
        List<GroupThread<T>> all = new ArrayList<>(workers);
        if (dispatcher != null) {
            all.add(dispatcher);
        }
        this.threads = List.copyOf(all);
        this.liveWorkers = new AtomicInteger(n);
        this.terminated = new CountDownLatch(threads.size());
        for (Worker<T> w : workers) {
            w.bind(b.threads.name(name + "-worker-" + w.index()).unstarted(w));
        }
        if (dispatcher != null) {
            dispatcher.bind(b.threads.name(name + "-dispatcher").unstarted(dispatcher));
        }
    }

    /** A fresh inlet on the group's source (each thread needs its own: a channel inlet keeps state). */
    private Inlet<T> sourceInlet(ConsumerGroupBuilder<T> b) {
        if (b.queue != null) {
            return Inlet.of(b.queue, false);
        }
        return b.channel != null ? Inlet.of(b.channel, false) : Inlet.of(intake, true);
    }

    @SuppressWarnings("unchecked")
    private static <T> Function<? super T, ?> keyOf(Routing<? super T> routing) {
        return routing instanceof Routing.ByKey<?> byKey ? ((Routing.ByKey<? super T>) byKey).key() : null;
    }

    void start() {
        for (GroupThread<T> t : threads) {
            t.thread().start();
        }
    }

    // ---- intake

    /**
     * Puts a message into the group's intake, waiting while it is full.
     *
     * @param message the message to submit; not null
     * @throws IllegalStateException if the group has no intake (it reads an external source),
     *     is closed, or has no worker left
     * @throws InterruptedException if interrupted while waiting; then the message is not in
     */
    public void submit(T message) throws InterruptedException {
        Objects.requireNonNull(message, "message is null");
        try {
            requireIntake().send(message);
        } catch (ChannelClosedException e) {
            throw closedIntake(e);
        }
    }

    /**
     * Puts a message into the intake if there is room now.
     *
     * @param message the message to submit; not null
     * @return false if the intake is full (the message is not in)
     * @throws IllegalStateException if the group has no intake, is closed, or has no worker
     *     left
     */
    public boolean trySubmit(T message) {
        Objects.requireNonNull(message, "message is null");
        try {
            return requireIntake().trySend(message);
        } catch (ChannelClosedException e) {
            throw closedIntake(e);
        }
    }

    /**
     * Puts a message into the intake, waiting up to {@code timeout} for room.
     *
     * @param message the message to submit; not null
     * @param timeout the longest wait for room; not null, not negative
     * @return false if the time passed first (the message is not in)
     * @throws IllegalStateException if the group has no intake, is closed, or has no worker
     *     left
     * @throws InterruptedException if interrupted while waiting; then the message is not in
     */
    public boolean submit(T message, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(timeout, "timeout is null");
        try {
            return requireIntake().send(message, timeout);
        } catch (ChannelClosedException e) {
            throw closedIntake(e);
        }
    }

    private Channel<T> requireIntake() {
        if (intake == null) {
            throw new IllegalStateException(name + " takes from an external source; submit needs intake(capacity)");
        }
        if (closing) {
            throw closedIntake(null);
        }
        return intake;
    }

    private IllegalStateException closedIntake(ChannelClosedException cause) {
        String why = closing ? " is closed" : " has no worker left (every worker has ended)";
        return new IllegalStateException(name + why, cause);
    }

    // ---- state

    /**
     * A snapshot of the counters; see {@link GroupStats}. Cheap enough to poll, but not free.
     *
     * @return a new snapshot, with one {@link CaseStats} per case
     */
    public GroupStats stats() {
        long[][] outcome = sumOutcomes();
        long accepted = 0;
        for (GroupThread<T> t : threads) {
            // Read after the outcomes: see Counters.
            accepted += t.counters.acceptedCount();
        }
        long retries = 0;
        for (GroupThread<T> t : threads) {
            retries += t.counters.retryCount();
        }
        return new GroupStats(accepted, sum(outcome[0]), sum(outcome[2]), sum(outcome[1]), retries,
                liveWorkers.get(), caseStats(outcome));
    }

    /** Per tag: handled, failures, dead-lettered. */
    private long[][] sumOutcomes() {
        long[][] outcome = new long[3][caseCount];
        for (GroupThread<T> t : threads) {
            for (int tag = 0; tag < caseCount; tag++) {
                outcome[0][tag] += t.counters.handledCount(tag);
                outcome[1][tag] += t.counters.failureCount(tag);
                outcome[2][tag] += t.counters.deadLetteredCount(tag);
            }
        }
        return outcome;
    }

    private List<CaseStats> caseStats(long[][] outcome) {
        List<CaseStats> list = new ArrayList<>(caseCount);
        for (int tag = 0; tag < caseCount; tag++) {
            Class<?> caseType = cases == null ? type : cases.type(tag);
            String caseName = cases == null ? type.getSimpleName() : cases.name(tag);
            list.add(new CaseStats(tag, caseName, caseType, outcome[0][tag], outcome[1][tag], outcome[2][tag]));
        }
        return list;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /**
     * Waits until every thread of the group has ended: after a close, or by itself when its
     * channel source is closed and drained or every worker stopped at an idle timeout.
     *
     * @param timeout the longest wait; not null, not negative
     * @return whether the group terminated within the timeout
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        if (!terminated.await(Timeouts.toNanos(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        joinThreads();
        return true;
    }

    /**
     * Whether every thread of the group has ended.
     *
     * @return true once the group has terminated; it stays so
     */
    public boolean isTerminated() {
        if (terminated.getCount() != 0) {
            return false;
        }
        for (GroupThread<T> t : threads) {
            if (t.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Once the latch is open, waits for the threads themselves to end. Each thread opens its
     * share of the latch as its last act, so this wait only covers the thread's exit; but until
     * a thread has ended, the debug role check ({@code -Dcooper.queue.checkThreads=true}) counts
     * it as still holding its queue roles, and the caller (or the close, taking over the worker
     * queues) would be refused ({@code GroupCloseUnderRoleCheckTest}).
     */
    private void joinThreads() throws InterruptedException {
        for (GroupThread<T> t : threads) {
            t.thread().join();
        }
    }

    int liveWorkers() {
        return liveWorkers.get();
    }

    int tagOf(T message) {
        return cases == null ? 0 : cases.tag(message);
    }

    void workerEnded(Worker<T> worker) {
        if (liveWorkers.decrementAndGet() == 0 && intake != null) {
            // Nobody is left to take from the intake: refuse further submits. What is in it
            // stays there for the close report.
            intake.close();
        }
        if (dispatcher != null) {
            // It may be blocked on this worker's full queue, or now have no worker left.
            dispatcher.wake();
        }
        terminated.countDown();
    }

    void dispatcherEnded() {
        dispatcherDone = true;
        for (Worker<T> w : workers) {
            w.wake();
        }
        terminated.countDown();
    }

    // ---- closing

    /** The graceful close with no deadline; the report is then available from {@link #close(Duration)}. */
    @Override
    public void close() {
        shutDown(false, Long.MAX_VALUE);
    }

    /**
     * Closes gracefully: stop intake, let the workers finish what was accepted, and wait for
     * them up to {@code timeout}; past it, as {@link #closeNow()}. If the calling thread is
     * interrupted while it waits, the close also turns into {@code closeNow()}, and the
     * interrupt status is set again on return.
     *
     * @param timeout the longest wait for a graceful end; not null, not negative
     * @return the report, the same for every close of this group
     * @throws IllegalArgumentException if the timeout is negative
     * @throws IllegalStateException if called from one of the group's own threads
     */
    public CloseReport<T> close(Duration timeout) {
        return shutDown(false, Timeouts.toNanos(timeout));
    }

    /**
     * Closes at once: stops the intake, interrupts every thread, waits for them to end, and
     * returns the report, whose {@link CloseReport#returned()} holds every message accepted
     * and not handled (those in the intake and worker queues, and those in the workers' hands).
     * A handler that ignores interrupts delays this until it returns.
     *
     * @return the report, the same for every close of this group
     * @throws IllegalStateException if called from one of the group's own threads
     */
    public CloseReport<T> closeNow() {
        return shutDown(true, 0);
    }

    private CloseReport<T> shutDown(boolean now, long timeoutNanos) {
        for (GroupThread<T> t : threads) {
            if (t.thread() == Thread.currentThread()) {
                throw new IllegalStateException(t + " cannot close its own group: it would wait for itself");
            }
        }
        if (!closeClaimed.compareAndSet(false, true)) {
            if (now) {
                hurry();
            }
            return report.join();
        }
        closing = true;
        if (intake != null) {
            intake.close();
        }
        boolean interrupted = false;
        boolean drained = !now;
        if (now) {
            hurry();
        } else {
            for (GroupThread<T> t : threads) {
                t.wake();
            }
            try {
                drained = terminated.await(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                drained = false;
            }
            if (!drained) {
                hurry();
            }
        }
        while (true) {
            try {
                terminated.await();
                joinThreads();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        CloseReport<T> result = account(drained);
        report.complete(result);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Turns a close into closeNow: threads stop and give back what they hold. */
    private void hurry() {
        stopNow = true;
        for (GroupThread<T> t : threads) {
            t.thread().interrupt();
        }
    }

    /** Builds the report once every thread has ended (their lists are then safe to read). */
    private CloseReport<T> account(boolean drained) {
        List<T> returned = new ArrayList<>();
        if (intake != null) {
            returned.addAll(intake.cancel());
        }
        long accepted = returned.size();
        List<DeadLetter<T>> kept = new ArrayList<>();
        for (GroupThread<T> t : threads) {
            accepted += t.counters.acceptedCount();
            returned.addAll(t.returned);
            kept.addAll(t.keptDeadLetters);
        }
        for (MessageQueue<T> queue : workerQueues) {
            // The workers and the dispatcher have ended (joined): this thread may take over the
            // queues' consumer role.
            queue.drainTo(returned);
        }
        long[][] outcome = sumOutcomes();
        return new CloseReport<>(accepted, sum(outcome[0]), sum(outcome[2]), returned, kept,
                drained && returned.isEmpty(), caseStats(outcome));
    }

    @Override
    public String toString() {
        return name;
    }
}
