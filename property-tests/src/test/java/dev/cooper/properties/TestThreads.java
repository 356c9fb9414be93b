package dev.cooper.properties;

import java.util.Collection;
import java.util.concurrent.locks.LockSupport;

/** What the concurrent properties' threads share: a back-off, and a body whose failures are kept. */
final class TestThreads {

    private TestThreads() {
    }

    /** A thread's work, which may block. */
    interface Body {
        void run() throws InterruptedException;
    }

    /** Backs off a failed non-blocking call: spin, then yield, then park briefly. */
    static void backOff(int round) {
        if (round < 8) {
            Thread.onSpinWait();
        } else if (round < 16) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(20_000);
        }
    }

    /**
     * Runs a thread's body, keeping what it throws for the main thread; an interrupt ends it
     * quietly.
     *
     * @return false if the body threw (and its error was kept)
     */
    static boolean guard(Collection<Throwable> errors, Body body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            errors.add(t);
            return false;
        }
        return true;
    }

    /** Throws an {@link AssertionError} carrying every error kept, if there is any. */
    static void throwIfAny(Collection<Throwable> errors, String message) {
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError(message, errors.iterator().next());
            errors.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
