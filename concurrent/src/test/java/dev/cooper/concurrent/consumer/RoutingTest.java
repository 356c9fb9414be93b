package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RoutingTest {

    @Test
    void byKeyHandlesEachKeysMessagesInOrderOnOneWorker() throws InterruptedException {
        int keys = 13;
        int n = 20_000;
        MessageQueue<Msg> queue = QueueKind.MPSC_ARRAY.create(256);
        Map<Integer, List<Integer>> seenPerKey = new ConcurrentHashMap<>();
        Map<Integer, String> workerPerKey = new ConcurrentHashMap<>();
        List<String> conflicts = new CopyOnWriteArrayList<>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(4)
                .routing(Routing.byKey(Msg::account))
                .handler(msg -> {
                    // One worker per key: these per-key lists are only touched by that worker.
                    seenPerKey.computeIfAbsent(msg.account(), k -> new ArrayList<>()).add(msg.id());
                    String me = Thread.currentThread().getName();
                    String owner = workerPerKey.putIfAbsent(msg.account(), me);
                    if (owner != null && !owner.equals(me)) {
                        conflicts.add(msg.account() + ": " + owner + " and " + me);
                    }
                }).start()) {
            Random random = new Random(42);
            for (int i = 0; i < n; i++) {
                queue.put(Msg.of(i, random.nextInt(keys)));
            }
            Await.finished(group, n);
            assertEquals(n, group.close(Duration.ofSeconds(10)).handled());
        }
        assertEquals(List.of(), conflicts);
        assertEquals(keys, seenPerKey.size());
        for (var entry : seenPerKey.entrySet()) {
            List<Integer> ids = entry.getValue();
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i - 1) < ids.get(i), "key " + entry.getKey() + " out of order at " + i);
            }
        }
        assertTrue(workerPerKey.values().stream().distinct().count() > 1, "all keys on one worker");
    }

    @Test
    void roundRobinGivesEachWorkerItsShare() throws InterruptedException {
        int workers = 3;
        int n = 1000;
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(2048);
        AtomicIntegerArray perWorker = new AtomicIntegerArray(workers);
        for (int i = 0; i < n; i++) {
            queue.put(Msg.of(i, 0));
        }
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(workers).name("rr")
                .routing(Routing.roundRobin())
                .handler(msg -> {
                    String name = Thread.currentThread().getName();
                    perWorker.incrementAndGet(Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)));
                }).start()) {
            Await.finished(group, n);
        }
        for (int w = 0; w < workers; w++) {
            int share = perWorker.get(w);
            assertTrue(Math.abs(share - n / workers) <= 1, "worker " + w + " got " + share);
        }
    }

    @Test
    void aFailingKeyFunctionDeadLettersTheMessageWithNoAttempts() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        List<DeadLetter<Msg>> letters = new CopyOnWriteArrayList<>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2)
                .routing(Routing.<Msg>byKey(msg -> msg.account() < 0 ? null : msg.account()))
                .deadLetters(letters::add)
                .handler(msg -> { }).start()) {
            queue.put(Msg.of(1, 5));
            queue.put(Msg.of(2, -1));
            queue.put(Msg.of(3, 6));
            Await.finished(group, 3);
            CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
            assertEquals(3, report.accepted());
            assertEquals(2, report.handled());
            assertEquals(1, report.deadLettered());
        }
        assertEquals(1, letters.size());
        assertEquals(2, letters.get(0).message().id());
        assertEquals(0, letters.get(0).attempts());
        assertEquals("key is null", letters.get(0).cause().getMessage());
    }
}
