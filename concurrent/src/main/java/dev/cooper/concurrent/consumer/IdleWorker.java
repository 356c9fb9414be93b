package dev.cooper.concurrent.consumer;

import java.time.Duration;

/**
 * A worker of a {@link ConsumerGroup} that has received nothing for the group's idle timeout,
 * as passed to the idle callback. The callback runs on the worker's own thread; when it returns
 * the worker waits again (and calls back after another timeout), unless the callback asked it
 * to {@link #stop()}.
 */
public interface IdleWorker {

    /** The worker's number, {@code 0..workers-1}. */
    int index();

    /** How long the worker has received nothing: one idle timeout or more. */
    Duration idleFor();

    /**
     * Asks the worker to end once the callback returns. The other workers go on. A stopped
     * worker takes nothing more from a shared source; with {@link Routing#roundRobin()} or
     * {@link Routing#byKey}, what the dispatcher routes to it afterwards is kept and returned
     * by {@link ConsumerGroup#close()} in {@link CloseReport#returned()}. When every worker has
     * stopped, the group has {@linkplain ConsumerGroup#awaitTermination terminated}.
     */
    void stop();
}
