package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import dev.cooper.variant.Handler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConsumerGroupTest {

    @Test
    void sharedWorkersHandleEveryMessageOnce() throws InterruptedException {
        int n = 20_000;
        MessageQueue<Msg> queue = QueueKind.MPMC_LINKED.create(1024);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(4)
                .handler(msg -> {
                    if (!seen.add(msg.id())) {
                        duplicates.incrementAndGet();
                    }
                }).start()) {
            for (int i = 0; i < n; i++) {
                queue.put(Msg.of(i, i % 7));
            }
            Await.finished(group, n);
            CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
            assertEquals(n, report.accepted());
            assertEquals(n, report.handled());
            assertEquals(List.of(), report.returned());
            assertTrue(report.drained());
        }
        assertEquals(n, seen.size());
        assertEquals(0, duplicates.get());
    }

    @Test
    void caseCountsAreIndexedByTagAndNamed() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue)
                .handler(msg -> {
                    if (msg instanceof Msg.Audit a && a.id() % 8 == 2) {
                        throw new IllegalStateException("audit " + a.id());
                    }
                }).start()) {
            for (int i = 0; i < 400; i++) {
                queue.put(Msg.of(i, 0));
            }
            Await.finished(group, 400);
            CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
            List<CaseStats> cases = report.cases();
            assertEquals(List.of("Deposit", "Withdrawal", "Audit", "Close"),
                    cases.stream().map(CaseStats::name).toList());
            assertEquals(Msg.Audit.class, cases.get(2).type());
            assertEquals(2, cases.get(2).tag());
            assertEquals(100, cases.get(0).handled());
            assertEquals(100, cases.get(1).handled());
            assertEquals(50, cases.get(2).handled());
            assertEquals(50, cases.get(2).failures());
            assertEquals(50, cases.get(2).deadLettered());
            assertEquals(100, cases.get(3).handled());
            assertEquals(0, cases.get(3).failures());
            assertEquals(50, report.deadLetters().size());
        }
    }

    @Test
    void aHandlerTableIsAHandler() throws InterruptedException {
        LongAdder balance = new LongAdder();
        Handler<Msg, Integer> table = Handler.builder(Msg.class)
                .on(Msg.Deposit.class, d -> {
                    balance.increment();
                    return 1;
                })
                .on(Msg.Withdrawal.class, w -> {
                    balance.decrement();
                    return -1;
                })
                .on(Msg.Audit.class, a -> 0)
                .on(Msg.Close.class, c -> 0)
                .build();
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).handler(table).start()) {
            for (int i = 0; i < 100; i++) {
                queue.put(i % 4 == 0 ? new Msg.Deposit(i, 0) : new Msg.Audit(i, 0));
            }
            Await.finished(group, 100);
        }
        assertEquals(25, balance.sum());
    }

    @Test
    void aCaseConsumerIsAConsumer() throws InterruptedException {
        LongAdder closes = new LongAdder();
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue)
                .handler(Handler.consumer(Msg.class)
                        .on(Msg.Close.class, c -> closes.increment())
                        .otherwise(msg -> { })
                        .build())
                .start()) {
            for (int i = 0; i < 100; i++) {
                queue.put(Msg.of(i, 0));
            }
            Await.finished(group, 100);
        }
        assertEquals(25, closes.sum());
    }

    @Test
    void aClosedChannelSourceEndsTheGroupAfterItsLastMessage() throws InterruptedException {
        Channel<Msg> channel = Channel.buffered(16);
        LongAdder handled = new LongAdder();
        var group = ConsumerGroup.builder(Msg.class).source(channel).workers(3)
                .handler(msg -> handled.increment()).start();
        for (int i = 0; i < 1000; i++) {
            channel.send(Msg.of(i, 0));
        }
        channel.close();
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)));
        assertEquals(1000, handled.sum());
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(1000, report.accepted());
        assertEquals(1000, report.handled());
        assertEquals(0, group.stats().liveWorkers());
    }

    @Test
    void everySubmittedMessageIsAccepted() throws InterruptedException {
        LongAdder handled = new LongAdder();
        var group = ConsumerGroup.builder(Msg.class).intake(8).workers(2)
                .handler(msg -> handled.increment()).start();
        for (int i = 0; i < 500; i++) {
            group.submit(Msg.of(i, 0));
        }
        assertTrue(group.submit(Msg.of(500, 0), Duration.ofSeconds(10)));
        CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
        assertEquals(501, report.accepted());
        assertEquals(501, report.handled());
        assertEquals(501, handled.sum());
        var e = assertThrows(IllegalStateException.class, () -> group.submit(Msg.of(0, 0)));
        assertEquals(group + " is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> group.trySubmit(Msg.of(0, 0)));
    }

    @Test
    void workersAreVirtualUnlessPlatformThreadsAreAsked() throws InterruptedException {
        for (boolean platform : new boolean[] {false, true}) {
            AtomicBoolean virtual = new AtomicBoolean(!platform);
            MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(4);
            var builder = ConsumerGroup.builder(Msg.class).source(queue).name("kind")
                    .handler(msg -> virtual.set(Thread.currentThread().isVirtual()
                            && Thread.currentThread().getName().equals("kind-worker-0")));
            if (platform) {
                builder.platformThreads();
            }
            try (var group = builder.start()) {
                queue.put(Msg.of(0, 0));
                Await.finished(group, 1);
            }
            assertEquals(!platform, virtual.get());
        }
    }

    @Test
    void aTypeThatIsNotSealedIsOneCase() throws InterruptedException {
        MessageQueue<String> queue = QueueKind.SPSC_ARRAY.create(4);
        try (var group = ConsumerGroup.builder(String.class).source(queue).handler(s -> { }).start()) {
            queue.put("a");
            queue.put("b");
            Await.finished(group, 2);
            GroupStats stats = group.stats();
            assertEquals(1, stats.cases().size());
            assertEquals("String", stats.cases().get(0).name());
            assertEquals(2, stats.cases().get(0).handled());
        }
    }

    @Test
    void aSnapshotIsNeverAheadOfItself() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.MPMC_LINKED.create(64);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2)
                .handler(msg -> {
                    if (msg.id() % 5 == 0) {
                        throw new IllegalArgumentException("five");
                    }
                }).start()) {
            Thread producer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    queue.add(Msg.of(i, 0));
                }
            });
            while (producer.isAlive()) {
                GroupStats s = group.stats();
                assertTrue(s.accepted() >= s.handled() + s.deadLettered(), s::toString);
                assertTrue(s.inFlight() >= 0);
            }
            producer.join();
        }
    }

    @Test
    void closingFromAWorkerIsRefused() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(4);
        AtomicBoolean refused = new AtomicBoolean();
        var holder = new java.util.concurrent.atomic.AtomicReference<ConsumerGroup<Msg>>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).handler(msg -> {
            try {
                holder.get().closeNow();
            } catch (IllegalStateException expected) {
                refused.set(true);
            }
        }).start()) {
            holder.set(group);
            queue.put(Msg.of(0, 0));
            Await.finished(group, 1);
            assertFalse(group.isTerminated());
        }
        assertTrue(refused.get());
    }
}
