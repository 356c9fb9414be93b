package dev.cooper.concurrent.consumer;

import java.time.Duration;

/**
 * A worker of a {@link ConsumerGroup} that has received nothing for the group's idle timeout,
 * as passed to the idle callback. The callback runs on the worker's own thread; when it returns
 * the worker waits again (and calls back after another timeout), unless the callback asked it
 * to {@link #stop()}.
 */
public interface IdleWorker {

    /**
     * The worker's number, {@code 0..workers-1}.
     *
     * @return the index of the worker in its group
     */
    int index();

    /**
     * How long the worker has received nothing: one idle timeout or more.
     *
     * @return the time since the worker last ran out of messages
     */
    Duration idleFor();

    /**
     * Asks the worker to end once the callback returns. The other workers go on. A stopped
     * worker takes nothing more from a shared source; with {@link Routing#roundRobin()} or
     * {@link Routing#byKey}, what the dispatcher routes to it afterwards is kept and returned
     * in the {@link CloseReport#returned()} of the group's close ({@link ConsumerGroup#close(Duration)}
     * or {@link ConsumerGroup#closeNow()}). When every worker has
     * stopped, the group has {@linkplain ConsumerGroup#awaitTermination terminated}.
     */
    void stop();
}
