package dev.cooper.bench;

import java.util.Queue;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the non-blocking throughput benchmarks share: the queue named by the subclass's
 * {@code impl} parameter, warmed up before the trial and emptied after each iteration (an
 * unbounded queue can grow while its producer outruns the consumer), and the one-call bodies
 * of the producer and the consumer. Each subclass declares its thread counts and the
 * implementations that allow them.
 */
@State(Scope.Group)
public abstract class QueueThroughputState {

    @Param({"1024"})
    public int capacity;

    private final Message element = new Message(1);
    private Queue<Message> queue;

    /** The queue to measure, by a name {@link Queues#create} knows. */
    abstract String impl();

    @Setup(Level.Trial)
    public void createQueue() {
        queue = Queues.create(impl(), capacity);
        Queues.warm(queue, capacity, element);
    }

    @TearDown(Level.Iteration)
    public void emptyQueue() {
        queue.clear();
    }

    final void offerOnce(OfferCounters counters) {
        if (queue.offer(element)) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    final void pollOnce(PollCounters counters) {
        if (queue.poll() == null) {
            counters.pollsFailed++;
        } else {
            counters.pollsMade++;
        }
    }
}
