package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.Channel;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** With one worker there is no dispatcher: the worker applies the key function itself. */
    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2})
    void aFailingKeyFunctionDeadLettersTheMessageWithNoAttempts(int workers) throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        List<DeadLetter<Msg>> letters = new CopyOnWriteArrayList<>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(workers)
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

    /**
     * The dispatcher takes a batch from a channel with one drainTo. A message without a key
     * whose dead letter the sink refuses ends the dispatcher: the rest of its batch is returned.
     */
    @Test
    void aFailingSinkInTheDispatcherGivesBackTheRestOfItsBatch() throws InterruptedException {
        Channel<Msg> source = Channel.buffered(16);
        for (int id = 0; id < 5; id++) {
            // In the channel before the group starts: the dispatcher's first drainTo takes all five.
            source.send(Msg.of(id, id == 1 ? -1 : id));
        }
        var group = ConsumerGroup.builder(Msg.class).source(source).workers(2)
                .threads(Thread.ofVirtual().uncaughtExceptionHandler((t, e) -> { }))
                .routing(Routing.<Msg>byKey(msg -> msg.account() < 0 ? null : msg.account()))
                .deadLetters(letter -> {
                    throw new IllegalStateException("sink down");
                })
                .handler(msg -> { }).start();
        assertTrue(group.awaitTermination(Duration.ofSeconds(20)), "the dispatcher ends, then the workers");
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(List.of(), source.cancel());
        assertEquals(5, report.accepted(), report::toString);
        assertEquals(1, report.handled(), report::toString);
        assertEquals(List.of(Msg.of(1, -1), Msg.of(2, 2), Msg.of(3, 3), Msg.of(4, 4)), report.returned());
    }
}
