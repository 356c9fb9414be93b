package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IdleTimeoutTest {

    @Test
    void theCallbackFiresAndCanStopEveryWorker() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.MPMC_LINKED.create(8);
        Set<Integer> stopped = ConcurrentHashMap.newKeySet();
        var group = ConsumerGroup.builder(Msg.class).source(queue).workers(3)
                .idleTimeout(Duration.ofMillis(10), worker -> {
                    stopped.add(worker.index());
                    worker.stop();
                })
                .handler(msg -> { }).start();
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)));
        assertEquals(Set.of(0, 1, 2), stopped);
        assertEquals(0, group.stats().liveWorkers());
        queue.put(Msg.of(0, 0));
        assertEquals(0, group.close(Duration.ZERO).accepted());
    }

    /**
     * A group whose workers have all stopped takes nothing from its intake any more: it refuses
     * submits, and the close report returns what was submitted before the last worker ended.
     */
    @Test
    void aGroupWhoseWorkersAllStoppedRefusesSubmits() throws InterruptedException {
        var inCallback = new CountDownLatch(2);
        var mayStop = new CountDownLatch(1);
        var group = ConsumerGroup.builder(Msg.class).intake(4).workers(2)
                .idleTimeout(Duration.ofMillis(5), worker -> {
                    inCallback.countDown();
                    try {
                        mayStop.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    worker.stop();
                })
                .handler(msg -> { }).start();
        // Both workers sit in their idle callbacks, which stop them: this message stays in the intake.
        inCallback.await();
        group.submit(Msg.of(1, 0));
        mayStop.countDown();
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)));
        var e = assertThrows(IllegalStateException.class, () -> group.trySubmit(Msg.of(2, 0)));
        assertTrue(e.getMessage().endsWith(" has no worker left (every worker has ended)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> group.submit(Msg.of(3, 0)));
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(1, report.accepted());
        assertEquals(0, report.handled());
        assertEquals(List.of(Msg.of(1, 0)), report.returned());
    }

    @Test
    void theCallbackRepeatsWhileTheWorkerStaysIdle() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(8);
        List<Duration> idleFor = new CopyOnWriteArrayList<>();
        var group = ConsumerGroup.builder(Msg.class).source(queue)
                .idleTimeout(Duration.ofMillis(5), worker -> {
                    idleFor.add(worker.idleFor());
                    if (idleFor.size() == 3) {
                        worker.stop();
                    }
                })
                .handler(msg -> { }).start();
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)));
        assertEquals(3, idleFor.size());
        assertTrue(idleFor.get(0).compareTo(Duration.ofMillis(5)) >= 0, idleFor::toString);
        assertTrue(idleFor.get(2).compareTo(idleFor.get(0)) > 0, idleFor::toString);
        group.close();
    }

    @Test
    void messagesRoutedToAStoppedWorkerAreReturned() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        AtomicInteger handled = new AtomicInteger();
        var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2).routing(Routing.roundRobin())
                .idleTimeout(Duration.ofMillis(10), worker -> {
                    if (worker.index() == 1) {
                        worker.stop();
                    }
                })
                .handler(msg -> handled.incrementAndGet()).start();
        Await.until(() -> group.stats().liveWorkers() == 1);
        for (int i = 0; i < 10; i++) {
            queue.put(Msg.of(i, 0));
        }
        Await.until(() -> handled.get() == 5 && group.stats().accepted() == 10);
        CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
        assertEquals(10, report.accepted());
        assertEquals(5, report.handled());
        assertEquals(List.of(Msg.of(1, 0), Msg.of(3, 0), Msg.of(5, 0), Msg.of(7, 0), Msg.of(9, 0)),
                report.returned());
    }
}
