package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group hands messages on outside its source's locks: a lock-based source's {@code drain}
 * would call the handler holding the queue's lock, which serialises shared workers and, on
 * {@code LOCKED_ARRAY}, stops every producer while the dispatcher waits for a full worker queue.
 * Each case also runs on a lock-free kind, which never had the problem.
 */
@Timeout(60)
class LockBasedSourceTest {

    @ParameterizedTest
    @EnumSource(value = QueueKind.class, names = {"LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY", "MPMC_ARRAY"})
    void sharedWorkersHandleMessagesAtTheSameTime(QueueKind kind) throws InterruptedException {
        MessageQueue<Msg> queue = kind.create(64);
        CountDownLatch bothInHandler = new CountDownLatch(2);
        AtomicInteger met = new AtomicInteger();
        // In before the start, so that each worker drains (a worker woken from an idle wait is
        // handed its message outside the lock whatever the inlet does).
        queue.put(Msg.of(0, 0));
        queue.put(Msg.of(1, 1));
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2).batchSize(1)
                .handler(msg -> {
                    // Each of the two handlers waits for the other: only workers that handle at
                    // the same time get past this.
                    bothInHandler.countDown();
                    try {
                        if (bothInHandler.await(10, TimeUnit.SECONDS)) {
                            met.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start()) {
            Await.finished(group, 2);
        }
        assertEquals(2, met.get(), kind + ": the two workers handled one message at a time");
    }

    @ParameterizedTest
    @EnumSource(value = QueueKind.class, names = {"LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY", "MPSC_ARRAY"})
    void producersInsertWhileTheDispatcherWaitsForAFullWorkerQueue(QueueKind kind) throws InterruptedException {
        MessageQueue<Msg> queue = kind.create(64);
        CountDownLatch release = new CountDownLatch(1);
        // In before the start, so that the dispatcher drains (it would be handed a message
        // taken in an idle wait outside the lock whatever the inlet does).
        for (int i = 0; i < 40; i++) {
            queue.put(Msg.of(i, 0));
        }
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2).workerBuffer(1)
                .routing(Routing.roundRobin()).name("held").threads(Thread.ofPlatform().daemon(true))
                .handler(msg -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start()) {
            try {
                awaitParked("held-dispatcher");
                // The dispatcher now waits inside its handing-on for room in the worker's queue.
                boolean inserted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> queue.offer(Msg.of(40, 0)),
                        kind + ": a producer's offer waited for the dispatcher");
                assertTrue(inserted, kind + ": the source had room");
            } finally {
                release.countDown();
            }
            Await.finished(group, 41);
        }
    }

    /** Waits until the platform thread named {@code name} parks. */
    private static void awaitParked(String name) throws InterruptedException {
        while (true) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                Thread.State state = t.getState();
                if (t.getName().equals(name) && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
    }
}
