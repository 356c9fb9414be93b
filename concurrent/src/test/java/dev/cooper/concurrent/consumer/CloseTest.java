package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CloseTest {

    private static void assertAddsUp(CloseReport<?> report) {
        assertEquals(report.accepted(), report.handled() + report.deadLettered() + report.returned().size(),
                report::toString);
    }

    @Test
    void aGracefulCloseHandlesEverySubmittedMessage() throws InterruptedException {
        var group = ConsumerGroup.builder(Msg.class).intake(64).workers(4)
                .handler(msg -> Thread.onSpinWait()).start();
        for (int i = 0; i < 5000; i++) {
            group.submit(Msg.of(i, i % 3));
        }
        CloseReport<Msg> report = group.close(Duration.ofSeconds(20));
        assertEquals(5000, report.accepted());
        assertEquals(5000, report.handled());
        assertEquals(List.of(), report.returned());
        assertTrue(report.drained());
        assertTrue(group.isTerminated());
    }

    @Test
    void aGracefulCloseDrainsTheWorkerQueuesAndLeavesTheSourceAlone() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(4096);
        for (int i = 0; i < 4000; i++) {
            queue.put(Msg.of(i, i % 11));
        }
        var group = ConsumerGroup.builder(Msg.class).source(queue).workers(3).workerBuffer(64)
                .routing(Routing.byKey(Msg::account)).handler(msg -> Thread.onSpinWait()).start();
        CloseReport<Msg> report = group.close(Duration.ofSeconds(20));
        assertAddsUp(report);
        assertEquals(List.of(), report.returned());
        assertEquals(report.handled(), report.accepted());
        assertEquals(4000, report.accepted() + queue.size());
    }

    @Test
    void closeNowUnderLoadReturnsWhatWasNotHandled() throws InterruptedException {
        var group = ConsumerGroup.builder(Msg.class).intake(1024).workers(4).routing(Routing.roundRobin())
                .handler(msg -> {
                    for (int spin = 0; spin < 200; spin++) {
                        Thread.onSpinWait();
                    }
                }).start();
        for (int i = 0; i < 1000; i++) {
            group.submit(Msg.of(i, 0));
        }
        CloseReport<Msg> report = group.closeNow();
        assertAddsUp(report);
        assertEquals(1000, report.accepted());
        assertFalse(report.drained());
        assertTrue(report.returned().size() > 0, "nothing returned: the workers finished 1000 spins first");
    }

    @Test
    void closeNowReturnsTheRestOfTheBatchInHand() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(16);
        for (int i = 0; i < 10; i++) {
            queue.put(Msg.of(i, 0));
        }
        CountDownLatch entered = new CountDownLatch(1);
        var group = ConsumerGroup.builder(Msg.class).source(queue).batchSize(64)
                .handler(msg -> {
                    if (msg.id() == 0) {
                        entered.countDown();
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.onSpinWait();
                        }
                    }
                }).start();
        entered.await();
        CloseReport<Msg> report = group.closeNow();
        assertAddsUp(report);
        assertEquals(1, report.handled(), "the message in hand finished normally");
        assertEquals(10, report.accepted() + queue.size());
        assertEquals(report.accepted() - 1, report.returned().size());
        for (int i = 0; i < report.returned().size(); i++) {
            assertEquals(i + 1, report.returned().get(i).id());
        }
    }

    @Test
    void closeNowInterruptsAHandlerAndReturnsItsMessage() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(8);
        CountDownLatch entered = new CountDownLatch(1);
        var group = ConsumerGroup.builder(Msg.class).source(queue).retry(Retry.attempts(5))
                .handler(msg -> {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                }).start();
        queue.put(Msg.of(9, 0));
        entered.await();
        CloseReport<Msg> report = group.closeNow();
        assertEquals(List.of(Msg.of(9, 0)), report.returned());
        assertEquals(0, report.deadLettered());
        assertEquals(1, report.cases().get(1).failures(), "not retried once interrupted");
    }

    @Test
    void aCloseDeadlineTurnsIntoCloseNow() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(8);
        CountDownLatch entered = new CountDownLatch(1);
        var group = ConsumerGroup.builder(Msg.class).source(queue).batchSize(1)
                .handler(msg -> {
                    entered.countDown();
                    try {
                        Thread.sleep(Duration.ofHours(1));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                }).start();
        queue.put(Msg.of(4, 0));
        queue.put(Msg.of(5, 0));
        entered.await();
        CloseReport<Msg> report = group.close(Duration.ofMillis(20));
        assertFalse(report.drained());
        assertAddsUp(report);
        assertEquals(List.of(Msg.of(4, 0)), report.returned());
        assertEquals(1, queue.size(), "the second message was never taken");
    }

    @Test
    void anInterruptedRetryWaitReturnsTheMessage() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(8);
        CountDownLatch failed = new CountDownLatch(1);
        var group = ConsumerGroup.builder(Msg.class).source(queue)
                .retry(Retry.attempts(3).backoff(Duration.ofHours(1)))
                .handler(msg -> {
                    failed.countDown();
                    throw new IllegalStateException("fails");
                }).start();
        queue.put(Msg.of(2, 0));
        failed.await();
        CloseReport<Msg> report = group.closeNow();
        assertEquals(List.of(Msg.of(2, 0)), report.returned());
        assertEquals(0, report.deadLettered());
    }

    @Test
    void anInterruptedWorkerStopsAfterItsMessage() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(8);
        var group = ConsumerGroup.builder(Msg.class).source(queue).batchSize(1)
                .handler(msg -> Thread.currentThread().interrupt()).start();
        queue.put(Msg.of(1, 0));
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)));
        queue.put(Msg.of(2, 0));
        CloseReport<Msg> report = group.close(Duration.ofSeconds(5));
        assertEquals(1, report.accepted());
        assertEquals(1, report.handled());
        assertEquals(1, queue.size());
    }

    @Test
    void closeIsIdempotentAndEveryCallGetsTheSameReport() throws InterruptedException {
        var group = ConsumerGroup.builder(Msg.class).intake(4).handler(msg -> { }).start();
        group.submit(Msg.of(0, 0));
        CloseReport<Msg> first = group.close(Duration.ofSeconds(10));
        assertSame(first, group.closeNow());
        assertSame(first, group.close(Duration.ZERO));
        group.close();
        assertEquals(1, first.handled());
    }

    @Test
    void aGracefulCloseNeverInterruptsAHandler() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.MPMC_LINKED.create(8);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2)
                .handler(msg -> {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }).start();
        queue.put(Msg.of(0, 0));
        entered.await();
        Thread closer = Thread.ofVirtual().start(() -> group.close(Duration.ofSeconds(20)));
        Await.until(() -> group.stats().liveWorkers() == 1);
        release.countDown();
        closer.join();
        assertFalse(interrupted.get());
        assertEquals(1, group.close(Duration.ZERO).handled());
    }
}
