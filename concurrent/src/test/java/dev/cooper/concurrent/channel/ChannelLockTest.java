package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.HeldRuns;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChannelLock} as a lock, apart from the channels that use it: it excludes (also
 * through its spin before parking, decision 0025: a spinner that entered without its CAS
 * failed the first test), a thread that finds it held parks (and shows up as queued) after
 * that short spin instead of spinning on, and the unlock wakes it. The channel suites test it
 * as part of each operation; the channels' Lincheck checks did not catch that broken spin.
 * Lincheck 3.7 runs AQS's methods as single steps, so a read of the lock word followed by a
 * plain write of it is as atomic in its model as a CAS (decision 0025). Only real threads,
 * as here, fall into that window.
 */
class ChannelLockTest {
    /** Guarded by the lock under test; plain on purpose, so that a lost exclusion loses counts. */
    private long counter;

    @Test
    void excludesVirtualAndPlatformThreadsAlike() throws InterruptedException {
        ChannelLock lock = new ChannelLock();
        int threads = 16;
        int rounds = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread.Builder builder = t % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform();
            started.add(builder.start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    try {
                        counter++;
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : started) {
            t.join();
        }
        assertEquals((long) threads * rounds, counter, "increments lost: the lock let two in");
    }

    @Test
    void aThreadThatFindsItHeldParksAndTheUnlockLetsItIn() throws InterruptedException {
        ChannelLock lock = new ChannelLock();
        CountDownLatch acquired = new CountDownLatch(1);
        lock.lock();
        Thread contender = Thread.ofVirtual().start(() -> {
            lock.lock();
            try {
                acquired.countDown();
            } finally {
                lock.unlock();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(lock.hasQueuedThreads() && contender.getState() == Thread.State.WAITING)) {
            assertTrue(System.nanoTime() < deadline, "the contender neither queued nor parked");
            Thread.sleep(1);
        }
        assertFalse(acquired.await(20, TimeUnit.MILLISECONDS), "got in while the lock was held");
        lock.unlock();
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "the unlock did not let the contender in");
        contender.join();
        assertFalse(lock.hasQueuedThreads());
    }

    /**
     * A thread that parks on the lock from inside the consumer of a {@code SPSC_ARRAY} or
     * {@code MPSC_ARRAY} drain gives the run that drain holds back first (decision 0030): the
     * holder lets go of the lock only once the drained queue's size shows it, and otherwise
     * after a guard, which fails the test.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aThreadThatParksForItGivesBackTheRunItsDrainHolds(QueueKind drained) throws InterruptedException {
        ChannelLock lock = new ChannelLock();
        MessageQueue<Integer> q = HeldRuns.filled(drained);
        lock.lock();
        Thread contender = Thread.ofPlatform().daemon(true).start(() -> q.drain(e -> {
            lock.lock();
            lock.unlock();
        }, 1));
        boolean givenBack = HeldRuns.awaitSize(q, 15, Duration.ofSeconds(5));
        lock.unlock();
        contender.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(contender.isAlive(), "the contender did not get the lock after the unlock");
        assertTrue(givenBack, drained + ": the element handed on still counted while its consumer was parked");
    }
}

