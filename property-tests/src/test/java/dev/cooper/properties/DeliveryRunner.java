package dev.cooper.properties;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.testkit.DeliveryLog;
import dev.cooper.testkit.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link DeliveryScenario} through a queue and checks the delivery: every event sent is
 * received exactly once, and each consumer sees each producer's events in the order they were
 * sent.
 *
 * <p>Consumers run until the producers have finished and either every event has been received
 * or the queue is empty; then they are stopped, the ones blocked in {@code take} by an interrupt
 * (a blocking call that throws {@link InterruptedException} has removed nothing). Whatever the
 * queue still holds is drained by the main thread and logged as received by one more consumer,
 * so that an element left behind shows up as a duplicate or an unexpected element rather than
 * going unnoticed, and a lost one as lost. A run that does not finish within the hang guard
 * fails, saying how far it got. The first exception in a producer or consumer stops every thread
 * and fails the run with it.
 */
final class DeliveryRunner {

    /** Generous: a correct run takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final long TIMED_NANOS = 100_000;
    private static final long SETTLE_NANOS = 100_000;

    private final DeliveryScenario scenario;
    private final Schedule<Event> schedule;
    private final MessageQueue<Envelope> queue;
    private final DeliveryLog<Envelope> log;
    private final int total;
    private final AtomicInteger received = new AtomicInteger();
    /** Consumers stop: the producers have finished and everything sent has been received or the queue is empty. */
    private volatile boolean stop;
    /** Every thread stops: one of them failed. */
    private volatile boolean abort;
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

    private DeliveryRunner(DeliveryScenario scenario, MessageQueue<Envelope> queue) {
        this.scenario = scenario;
        this.schedule = scenario.schedule();
        this.queue = queue;
        // One lane more than there are consumers: the main thread's final drain.
        this.log = Envelope.log(schedule.producers(), schedule.consumers() + 1);
        this.total = schedule.messages().size();
    }

    /**
     * Runs {@code scenario} through {@code queue}, which must be empty and hold at least the
     * scenario's capacity.
     *
     * @throws AssertionError naming every delivery violation, an exception in a producer or
     *         consumer, or a hang
     */
    static void run(DeliveryScenario scenario, MessageQueue<Envelope> queue) throws InterruptedException {
        new DeliveryRunner(scenario, queue).execute();
    }

    private void execute() throws InterruptedException {
        Thread.Builder builder = scenario.threads() == DeliveryScenario.Threads.VIRTUAL
                ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < schedule.producers(); p++) {
            int id = p;
            producers.add(builder.name("producer-" + id).start(() -> guarded(() -> produce(id))));
        }
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < schedule.consumers(); c++) {
            int id = c;
            consumers.add(builder.name("consumer-" + id).start(() -> guarded(() -> consume(id))));
        }
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        boolean finished = awaitProducers(producers, deadline) && awaitConsumed(deadline);
        stop = true;
        consumers.forEach(Thread::interrupt);     // wake the consumers blocked in take
        if (abort) {
            producers.forEach(Thread::interrupt);
        }
        finished &= joinAll(producers, deadline) && joinAll(consumers, deadline);
        if (!finished && errors.isEmpty()) {
            String stuck = whereStuck(producers) + whereStuck(consumers);
            producers.forEach(Thread::interrupt);
            boolean stopped = joinAll(producers, System.nanoTime() + HANG_GUARD.toNanos())
                    && joinAll(consumers, System.nanoTime() + HANG_GUARD.toNanos());
            throw new AssertionError("hang guard: " + received.get() + " of " + total + " events received after "
                    + HANG_GUARD.toSeconds() + " s; queue size " + queue.size()
                    + (stopped ? "; " + log.check().summary() : "; threads did not stop on interrupt") + stuck);
        }
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError("a producer or consumer threw", errors.peek());
            errors.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        // Every thread is joined: this thread may take over the consumer role.
        int mainLane = schedule.consumers();
        queue.drain(e -> log.received(mainLane, e), Integer.MAX_VALUE);
        log.check().assertClean();
    }

    /** Waits until the producers have finished, or a thread has failed. */
    private boolean awaitProducers(List<Thread> producers, long deadline) {
        while (!abort && producers.stream().anyMatch(Thread::isAlive)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(SETTLE_NANOS);
        }
        return true;
    }

    /**
     * After the producers have finished: waits until every event has been received, or the queue
     * is empty (an event a consumer has taken but not yet logged is logged before it stops), or a
     * thread has failed.
     */
    private boolean awaitConsumed(long deadline) {
        while (!abort && received.get() < total && !queue.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(SETTLE_NANOS);
        }
        return true;
    }

    private void produce(int id) throws InterruptedException {
        List<Event> events = schedule.messagesOf(id);
        Schedule.Pacer pacer = schedule.pacer(Schedule.Role.PRODUCER, id);
        int next = 0;
        for (int round = 0; next < events.size(); ) {
            pacer.step();
            if (scenario.producerMode() == DeliveryScenario.Mode.BATCH) {
                int limit = Math.min(scenario.batch(), events.size() - next);
                int first = next;
                int[] supplied = {0};
                int inserted = queue.fill(() -> {
                    int i = first + supplied[0]++;
                    return send(id, i, events.get(i));
                }, limit);
                if (inserted != supplied[0]) {
                    throw new AssertionError("fill returned " + inserted + " but took " + supplied[0]
                            + " elements from the supplier");
                }
                next += inserted;
                round = inserted == 0 ? round + 1 : 0;
                if (inserted == 0) {
                    TestThreads.backOff(round);
                }
                if (abort) {
                    return;
                }
                continue;
            }
            Envelope e = send(id, next, events.get(next));
            switch (scenario.producerMode()) {
                case BLOCKING -> queue.put(e);
                case SPINNING, PEEKING -> {
                    for (int r = 0; !queue.offer(e); r++) {
                        if (abort) {
                            return;
                        }
                        TestThreads.backOff(r);
                    }
                }
                case TIMED -> {
                    while (!queue.offer(e, TIMED_NANOS, TimeUnit.NANOSECONDS)) {
                        if (abort) {
                            return;
                        }
                    }
                }
                case BATCH -> throw new IllegalStateException("handled above");
            }
            next++;
        }
    }

    private Envelope send(int producer, long seq, Event event) {
        Envelope e = new Envelope(producer, seq, event);
        log.sent(producer, seq, e);
        return e;
    }

    private void consume(int id) throws InterruptedException {
        Schedule.Pacer pacer = schedule.pacer(Schedule.Role.CONSUMER, id);
        int[] handed = {0};
        for (int round = 0; !stop && !abort; ) {
            pacer.step();
            Envelope e = null;
            switch (scenario.consumerMode()) {
                case BLOCKING -> e = queue.take();
                case SPINNING -> e = queue.poll();
                case TIMED -> e = queue.poll(TIMED_NANOS, TimeUnit.NANOSECONDS);
                case PEEKING -> {
                    Envelope seen = queue.peek();
                    if (seen != null) {
                        e = queue.poll();
                        if (schedule.consumers() == 1 && e != seen) {
                            throw new AssertionError("the only consumer's peek() saw " + seen
                                    + " but its next poll() returned " + e);
                        }
                    }
                }
                case BATCH -> {
                    handed[0] = 0;
                    int drained = queue.drain(x -> {
                        handed[0]++;
                        receive(id, x);
                    }, scenario.batch());
                    if (drained != handed[0]) {
                        throw new AssertionError("drain returned " + drained + " but handed over " + handed[0]
                                + " elements");
                    }
                    round = drained == 0 ? round + 1 : 0;
                    if (drained == 0) {
                        TestThreads.backOff(round);
                    }
                }
            }
            if (e != null) {
                receive(id, e);
                round = 0;
            } else if (scenario.consumerMode() == DeliveryScenario.Mode.SPINNING
                    || scenario.consumerMode() == DeliveryScenario.Mode.PEEKING) {
                TestThreads.backOff(++round);
            }
        }
    }

    private void receive(int consumer, Envelope e) {
        log.received(consumer, e);
        received.incrementAndGet();
    }

    /** Runs a thread's body, keeping what it throws for the main thread; an interrupt ends it quietly. */
    private void guarded(TestThreads.Body body) {
        if (!TestThreads.guard(errors, body)) {
            abort = true;
        }
    }

    /** The state and top frames of each thread still running, for a hang report. */
    private static String whereStuck(List<Thread> threads) {
        StringBuilder sb = new StringBuilder();
        for (Thread t : threads) {
            if (t.isAlive()) {
                sb.append("\n  ").append(t.getName()).append(' ').append(t.getState());
                StackTraceElement[] frames = t.getStackTrace();
                for (int i = 0; i < Math.min(8, frames.length); i++) {
                    sb.append("\n    at ").append(frames[i]);
                }
            }
        }
        return sb.toString();
    }

    private static boolean joinAll(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }
}
