package dev.cooper.concurrent.consumer;

import dev.cooper.concurrent.queue.MessageQueue;
import java.util.List;
import java.util.function.Function;

/**
 * The one thread that takes from the source under {@link Routing#roundRobin()} and
 * {@link Routing#byKey}, and hands each message to a worker through that worker's
 * single-producer single-consumer queue. Being the only producer of every worker queue and the
 * only consumer of the source is what keeps the order per key: one key, one worker, one FIFO.
 *
 * <p>It counts every message it takes as accepted. A message it cannot route (the key function
 * threw or returned null) is dead-lettered with 0 attempts; a message for a worker that has
 * ended is kept and returned by the close report.
 *
 * @param <T> the message type
 */
final class Dispatcher<T> extends GroupThread<T> {
    private final List<Worker<T>> workers;
    private final List<MessageQueue<T>> queues;
    private final int workerCount;
    /** Null for round-robin. */
    private final Function<? super T, ?> key;
    private final int batchSize;
    /** The next worker under round-robin. */
    private int next;

    Dispatcher(ConsumerGroup<T> group, Inlet<T> inlet, List<Worker<T>> workers,
               List<MessageQueue<T>> queues, Function<? super T, ?> key) {
        super(group, inlet);
        this.workers = workers;
        this.queues = queues;
        this.workerCount = workers.size();
        this.key = key;
        this.batchSize = group.batchSize;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            ended = true;
            group.dispatcherEnded();
        }
    }

    private void loop() {
        while (!mustHalt() && !waitIsOver()) {
            if (inlet.drain(this, batchSize) > 0) {
                continue;
            }
            int outcome = awaitNext(Inlet.FOREVER);
            if (outcome == INTERRUPTED || outcome == ENDED) {
                return;
            }
        }
    }

    /** Stop taking from the source: closeNow, a close of a source the group does not own, or no worker left. */
    @Override
    boolean waitIsOver() {
        return group.stopNow || group.closing && !inlet.ownedByGroup || group.liveWorkers() == 0;
    }

    @Override
    public void accept(T message) {
        counters.accepted();
        if (halted || group.stopNow) {
            returned.add(message);
            return;
        }
        int target;
        if (key == null) {
            target = next;
            next = target + 1 == workerCount ? 0 : target + 1;
        } else {
            long hash = keyHash(key, message);
            if (hash == NO_KEY) {
                return;
            }
            int h = (int) hash;
            target = Math.floorMod(h ^ (h >>> 16), workerCount);
        }
        forward(message, target);
    }

    /** Inserts into the worker's queue, waiting for room unless the worker has ended. */
    private void forward(T message, int target) {
        MessageQueue<T> queue = queues.get(target);
        if (queue.offer(message)) {
            return;
        }
        Worker<T> worker = workers.get(target);
        while (true) {
            if (worker.ended) {
                returned.add(message);
                return;
            }
            if (group.stopNow) {
                halt(message);
                return;
            }
            if (putWhileWorkerLives(queue, worker, message)) {
                return;
            }
            if (halted) {
                returned.add(message);
                return;
            }
        }
    }

    /**
     * One blocking put bracketed by the wake protocol: a worker that ends wakes the dispatcher
     * (see {@link ConsumerGroup#workerEnded}), so a full queue nobody drains cannot hold it.
     *
     * @return whether the message was inserted; if not, the caller re-checks (and
     *     {@link #halted} is set if a real interrupt arrived)
     */
    private boolean putWhileWorkerLives(MessageQueue<T> queue, Worker<T> worker, T message) {
        boolean inserted = false;
        boolean interrupted = false;
        beginWait();
        try {
            if (!(worker.ended || group.stopNow)) {
                queue.put(message);
                inserted = true;
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            boolean woken = endWait();
            if (interrupted && !woken) {
                halted = true;
            }
        }
        return inserted;
    }

    @Override
    public String toString() {
        return "dispatcher of " + group;
    }
}
