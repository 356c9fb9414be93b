package dev.cooper.concurrent.channel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A task running on its own virtual thread, with its result or failure and its thread. */
final class Forked<T> {
    /** Generous hang guard for joining: tests fail instead of hanging the build. */
    static final long GUARD_SECONDS = 20;

    final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Forked(Callable<T> body) {
        this.thread = Thread.ofVirtual().unstarted(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        thread.start();
    }

    static <T> Forked<T> fork(Callable<T> body) {
        return new Forked<>(body);
    }

    interface Body {
        void run() throws Exception;
    }

    static Forked<Void> run(Body body) {
        return new Forked<>(() -> {
            body.run();
            return null;
        });
    }

    /** The task's result; rethrows its failure wrapped in {@link ExecutionException}. */
    T join() throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    /** The failure the task ended with (waits for it), or null if it returned normally. */
    Throwable failure() throws InterruptedException, TimeoutException {
        try {
            join();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Waits until the task's thread is parked (blocked in a channel operation, here). */
    Forked<T> awaitParked() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING) {
            if (result.isDone()) {
                throw new AssertionError("task ended instead of blocking", failureOrNull());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task did not block: " + thread.getState());
            }
            Thread.sleep(1);
        }
        return this;
    }

    private Throwable failureOrNull() {
        try {
            result.getNow(null);
            return null;
        } catch (Exception e) {
            return e.getCause();
        }
    }
}
