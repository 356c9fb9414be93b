package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.variant.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link ConsumerGroup}; {@link #start()} checks the configuration and starts the
 * threads. Setters only refuse nulls; everything else is checked by {@code start()}, which
 * names what is wrong. Not thread-safe; a builder may start several groups.
 *
 * <p>Defaults: one worker, {@link Routing#shared()} routing, {@link Retry#none()}, dead letters
 * kept for the {@link CloseReport}, no idle timeout, virtual threads, batches of
 * {@value #DEFAULT_BATCH_SIZE}, per-worker queues of {@value #DEFAULT_WORKER_BUFFER} under
 * round-robin and by-key routing.
 *
 * @param <T> the message type
 */
public final class ConsumerGroupBuilder<T> {
    static final int DEFAULT_BATCH_SIZE = 256;
    static final int DEFAULT_WORKER_BUFFER = 1024;

    final Class<T> type;
    String name;
    MessageQueue<? extends T> queue;
    Channel<? extends T> channel;
    /** 0: no intake; negative only when set wrong (refused by start). */
    int intakeCapacity;
    private boolean intakeSet;
    int workers = 1;
    Routing<? super T> routing = Routing.shared();
    Consumer<? super T> handler;
    Retry retry = Retry.none();
    DeadLetterSink<T> deadLetterSink;
    Duration idleTimeout;
    Consumer<? super IdleWorker> idleCallback;
    Thread.Builder threads = Thread.ofVirtual();
    int batchSize = DEFAULT_BATCH_SIZE;
    int workerBuffer = DEFAULT_WORKER_BUFFER;

    ConsumerGroupBuilder(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type is null");
    }

    /**
     * The prefix of the thread names ({@code name-worker-0}, {@code name-dispatcher}).
     *
     * @param name the group's name; not null (unset, it is {@code consumer-group-N})
     * @return this builder
     */
    public ConsumerGroupBuilder<T> name(String name) {
        this.name = Objects.requireNonNull(name, "name is null");
        return this;
    }

    /**
     * Take messages from {@code queue}. With shared routing and more than one worker it must be
     * of a multi-consumer kind; otherwise the group is its only consumer while it runs. Handlers
     * never run while the queue holds a lock or slots for them: a queue of a lock-based kind,
     * {@code SPMC_ARRAY} or {@code MPMC_ARRAY} is taken from in batches of up to
     * {@link #batchSize} with one {@code drainTo} each, and the batch is handled after that
     * returns; other kinds are drained in place.
     *
     * @param queue the queue to take from; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> source(MessageQueue<? extends T> queue) {
        this.queue = Objects.requireNonNull(queue, "queue is null");
        return this;
    }

    /**
     * Receive messages from {@code channel} until it is closed and drained, or the group closes.
     *
     * @param channel the channel to receive from; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> source(Channel<? extends T> channel) {
        this.channel = Objects.requireNonNull(channel, "channel is null");
        return this;
    }

    /**
     * Give the group its own buffered intake of {@code capacity}, fed by
     * {@link ConsumerGroup#submit}.
     *
     * @param capacity how many submitted messages the intake holds, at least 1
     * @return this builder
     */
    public ConsumerGroupBuilder<T> intake(int capacity) {
        this.intakeCapacity = capacity;
        this.intakeSet = true;
        return this;
    }

    /**
     * How many workers, each a thread of its own.
     *
     * @param workers the number of workers, at least 1 (default 1)
     * @return this builder
     */
    public ConsumerGroupBuilder<T> workers(int workers) {
        this.workers = workers;
        return this;
    }

    /**
     * How messages are spread over the workers; see {@link Routing}.
     *
     * @param routing the routing; not null (default {@link Routing#shared()})
     * @return this builder
     */
    public ConsumerGroupBuilder<T> routing(Routing<? super T> routing) {
        this.routing = Objects.requireNonNull(routing, "routing is null");
        return this;
    }

    /**
     * The code run on each message. A {@code switch} over a sealed type goes in a block lambda
     * (a switch statement is exhaustive over a sealed type too):
     * {@code .handler(msg -> { switch (msg) { case A a -> ...; case B b -> ...; } })}. A
     * {@link dev.cooper.variant.CaseConsumer} is a {@code Consumer} and goes here as it is.
     * Anything it throws is a failure of that message (see {@link #retry}).
     *
     * @param handler the code run on each message; not null; replaces any earlier handler
     * @return this builder
     */
    public ConsumerGroupBuilder<T> handler(Consumer<? super T> handler) {
        this.handler = Objects.requireNonNull(handler, "handler is null");
        return this;
    }

    /**
     * A {@link Handler} table as the handler; its results are ignored.
     *
     * @param handler the handler run on each message; not null; replaces any earlier handler
     * @return this builder
     */
    public ConsumerGroupBuilder<T> handler(Handler<? super T, ?> handler) {
        Objects.requireNonNull(handler, "handler is null");
        this.handler = handler::apply;
        return this;
    }

    /**
     * What to do when the handler throws; see {@link Retry}.
     *
     * @param retry the retry policy; not null (default {@link Retry#none()})
     * @return this builder
     */
    public ConsumerGroupBuilder<T> retry(Retry retry) {
        this.retry = Objects.requireNonNull(retry, "retry is null");
        return this;
    }

    /**
     * Send dead letters to a callback, run on the worker that gave up. If it throws, the
     * message is returned by the close report instead and the exception ends that worker (or
     * the dispatcher); so are the messages that thread had taken from a channel in the same
     * batch and not yet handled.
     *
     * @param sink the callback given each dead letter; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> deadLetters(Consumer<? super DeadLetter<T>> sink) {
        Objects.requireNonNull(sink, "sink is null");
        this.deadLetterSink = sink::accept;
        return this;
    }

    /**
     * Put dead letters into a queue, waiting while it is full.
     *
     * @param sink the queue the dead letters are put into; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> deadLetters(MessageQueue<? super DeadLetter<T>> sink) {
        Objects.requireNonNull(sink, "sink is null");
        this.deadLetterSink = sink::put;
        return this;
    }

    /**
     * Send dead letters to a channel, waiting while it is full; a closed channel is a failing
     * sink.
     *
     * @param sink the channel the dead letters are sent on; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> deadLetters(Channel<? super DeadLetter<T>> sink) {
        Objects.requireNonNull(sink, "sink is null");
        this.deadLetterSink = sink::send;
        return this;
    }

    /**
     * Call {@code callback} on a worker's thread each time it has received nothing for
     * {@code timeout}; the callback may {@link IdleWorker#stop()} it. Waiting blocks (a timed
     * poll or receive): an idle worker uses no CPU. If the callback throws, the worker ends
     * and the exception goes to its thread's uncaught-exception handler.
     *
     * @param timeout how long a worker receives nothing before each call; not null, positive
     * @param callback the code run on the idle worker's thread; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> idleTimeout(Duration timeout, Consumer<? super IdleWorker> callback) {
        this.idleTimeout = Objects.requireNonNull(timeout, "timeout is null");
        this.idleCallback = Objects.requireNonNull(callback, "callback is null");
        return this;
    }

    /**
     * The threads to run on, e.g. {@code Thread.ofPlatform().daemon(true)}; the group names
     * them. The default is {@code Thread.ofVirtual()}.
     *
     * @param threads the builder the group makes its threads with; not null
     * @return this builder
     */
    public ConsumerGroupBuilder<T> threads(Thread.Builder threads) {
        this.threads = Objects.requireNonNull(threads, "threads is null");
        return this;
    }

    /**
     * Run on platform threads (not daemon unless the starting thread is):
     * {@code threads(Thread.ofPlatform())}.
     *
     * @return this builder
     */
    public ConsumerGroupBuilder<T> platformThreads() {
        return threads(Thread.ofPlatform());
    }

    /**
     * The most messages a thread takes from a queue in one {@code drain}.
     *
     * @param batchSize the batch limit, at least 1 (default {@value #DEFAULT_BATCH_SIZE})
     * @return this builder
     */
    public ConsumerGroupBuilder<T> batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /**
     * The capacity of each worker's queue under round-robin and by-key routing.
     *
     * @param capacity the messages each worker's queue holds, at least 1 (default
     *     {@value #DEFAULT_WORKER_BUFFER}); rounded up to a power of two
     * @return this builder
     */
    public ConsumerGroupBuilder<T> workerBuffer(int capacity) {
        this.workerBuffer = capacity;
        return this;
    }

    /**
     * Checks the configuration and starts the group's threads.
     *
     * @return the running group
     * @throws IllegalStateException if the handler or the source is missing, or more than one
     *     source is set
     * @throws IllegalArgumentException if a number or duration is out of range, or a queue
     *     source cannot be shared by the workers
     */
    public ConsumerGroup<T> start() {
        validate();
        ConsumerGroup<T> group = new ConsumerGroup<>(this);
        group.start();
        return group;
    }

    private void validate() {
        if (handler == null) {
            throw new IllegalStateException("no handler: call handler(...) before start()");
        }
        List<String> sources = new ArrayList<>();
        if (queue != null) {
            sources.add("source(MessageQueue)");
        }
        if (channel != null) {
            sources.add("source(Channel)");
        }
        if (intakeSet) {
            sources.add("intake(int)");
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException(
                    "no source: call source(MessageQueue), source(Channel) or intake(int) before start()");
        }
        if (sources.size() > 1) {
            throw new IllegalStateException("more than one source: " + String.join(", ", sources)
                    + " (expected: exactly one)");
        }
        checkAtLeastOne("workers", workers);
        checkAtLeastOne("batchSize", batchSize);
        checkAtLeastOne("workerBuffer", workerBuffer);
        if (intakeSet) {
            checkAtLeastOne("intake capacity", intakeCapacity);
        }
        if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
            throw new IllegalArgumentException("idleTimeout: " + idleTimeout + " (expected: > 0)");
        }
        if (queue != null && workers > 1 && routing instanceof Routing.Shared && !queue.kind().multiConsumer()) {
            throw new IllegalArgumentException("source: a " + queue.kind() + " queue allows one consumer, but "
                    + workers + " workers share it (expected: a multi-consumer kind, or roundRobin/byKey routing)");
        }
    }

    private static void checkAtLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: >= 1)");
        }
    }
}
