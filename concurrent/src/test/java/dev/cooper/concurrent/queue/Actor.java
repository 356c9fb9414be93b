package dev.cooper.concurrent.queue;

import java.util.concurrent.Callable;

/**
 * A platform thread running one step of a test, remembering its result or failure so the test
 * thread can check it. Tests wrap their body in {@code assertTimeoutPreemptively}, which is the
 * only hang guard: the waits here have no deadline of their own.
 */
final class Actor {
    private final Thread thread;
    private volatile Object result;
    private volatile Throwable failure;

    private Actor(String name, Callable<?> body) {
        this.thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new thread. */
    static Actor start(String name, Callable<?> body) {
        Actor actor = new Actor(name, body);
        actor.thread.start();
        return actor;
    }

    /**
     * Waits until the thread is parked or waiting (so a blocking call has given up spinning)
     * or has ended. A lock-free kind may wake up now and then to re-check; that is still
     * blocked as far as the test is concerned, since the call has not returned.
     */
    void awaitBlocked() {
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    boolean isDone() {
        return !thread.isAlive();
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Waits for the end and returns the result, rethrowing a failure as an AssertionError. */
    Object join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError(thread.getName() + " failed", failure);
        }
        return result;
    }

    /** Waits for the end and returns what the body threw, or null if it returned normally. */
    Throwable joinFailure() throws InterruptedException {
        thread.join();
        return failure;
    }
}
