package dev.cooper.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A thread that runs one round of work each time it is told to, for the channel benchmarks.
 * JMH's own threads are platform threads, and a platform thread that blocks on a channel pays
 * a kernel wake-up (some 25-30 microseconds on these VMs) per wait. So the benchmark thread
 * only starts rounds and waits for them, once per invocation, and the messages move between
 * the loops' threads: virtual threads ({@link #virtual}), or platform threads
 * ({@link #platform}) where a benchmark measures what a platform-thread user pays.
 *
 * <p>The thread is started when the loop is made and ends when {@link #close()} interrupts
 * it: interruption is the stop signal, wherever the thread is blocked.
 */
final class RoundLoop implements AutoCloseable {

    /** One round: a fixed number of sends or receives. */
    @FunctionalInterface
    interface Round {
        void run() throws InterruptedException;
    }

    /** How long {@link #awaitRound()} waits before it calls the round stuck: a hang guard. */
    private static final long STUCK_SECONDS = 60;

    private final String name;
    private final Semaphore go = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private final Thread thread;
    private volatile Throwable failure;

    private RoundLoop(Thread.Builder builder, String name, Round round) {
        this.name = name;
        this.thread = builder.name(name).start(() -> loop(round));
    }

    /** A loop on a new virtual thread. */
    static RoundLoop virtual(String name, Round round) {
        return new RoundLoop(Thread.ofVirtual(), name, round);
    }

    /** A loop on a new platform (daemon) thread. */
    static RoundLoop platform(String name, Round round) {
        return new RoundLoop(Thread.ofPlatform().daemon(), name, round);
    }

    /** A loop on a new thread of the kind {@code threads} names: "virtual" or "platform". */
    static RoundLoop of(String threads, String name, Round round) {
        return switch (threads) {
            case "virtual" -> virtual(name, round);
            case "platform" -> platform(name, round);
            default -> throw new IllegalArgumentException("threads: " + threads + " (expected: virtual or platform)");
        };
    }

    private void loop(Round round) {
        try {
            while (true) {
                go.acquire();
                round.run();
                done.release();
            }
        } catch (InterruptedException e) {
            // close() asked the loop to end; the thread ends here, which is the answer to it.
        } catch (RuntimeException | Error e) {
            failure = e;
            done.release();
        }
    }

    /** Lets the thread run one round. */
    void startRound() {
        go.release();
    }

    /**
     * Waits for the round started last to end.
     *
     * @throws IllegalStateException if the round failed, or is stuck for a minute
     */
    void awaitRound() throws InterruptedException {
        if (!done.tryAcquire(STUCK_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": round still running after " + STUCK_SECONDS + " s");
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException(name + ": round failed", f);
        }
    }

    /** Stops the thread and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
