package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group hands messages on only once its source has let them go: a lock-based source's
 * {@code drain} would call the handler holding the queue's lock, which serialises shared
 * workers, and {@code SPMC_ARRAY}'s and {@code MPMC_ARRAY}'s {@code drain} would call it holding
 * the slots of the run it claimed. (The dispatcher's side is in {@link WaitingDispatcherTest}.)
 */
@Timeout(60)
class SourceHandOffTest {

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

    /**
     * A handler that puts messages back into a full {@code MPMC_ARRAY} source: drained in place,
     * an insert could wrap onto a slot of the run the drain still held for the handler itself,
     * and wait for ever.
     */
    @Test
    void aHandlerMayPutBackIntoAFullMultiConsumerArraySource() {
        // Preemptive, on daemon threads: the wait it guards against spins and ignores interrupts.
        assertTimeoutPreemptively(Duration.ofSeconds(30), SourceHandOffTest::putBackIntoAFullSource,
                "the handler's insert waited for its own drain");
    }

    private static void putBackIntoAFullSource() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.MPMC_ARRAY.create(4);
        for (int i = 0; i < 4; i++) {
            queue.put(Msg.of(i, 0));
        }
        AtomicInteger handled = new AtomicInteger();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(1).batchSize(4)
                .threads(Thread.ofPlatform().daemon(true))
                .handler(msg -> {
                    handled.incrementAndGet();
                    if (msg.id() == 0) {
                        try {
                            // The first lands in the slot 0 left; the second wraps onto the
                            // slot of message 1.
                            queue.put(Msg.of(4, 0));
                            queue.put(Msg.of(5, 0));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).start()) {
            Await.finished(group, 6);
        }
        assertEquals(6, handled.get());
    }
}
