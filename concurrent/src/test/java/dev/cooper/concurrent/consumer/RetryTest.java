package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ReceiveResult;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class RetryTest {

    @Test
    void aHandlerFailingKTimesIsHandledOnceAfterKPlusOneAttempts() throws InterruptedException {
        int k = 3;
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> successes = new ConcurrentHashMap<>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue)
                .retry(Retry.attempts(k + 1).backoff(Duration.ofMillis(1)))
                .handler(msg -> {
                    int attempt = attempts.computeIfAbsent(msg.id(), id -> new AtomicInteger()).incrementAndGet();
                    if (attempt <= k) {
                        throw new IllegalStateException("attempt " + attempt);
                    }
                    successes.computeIfAbsent(msg.id(), id -> new AtomicInteger()).incrementAndGet();
                }).start()) {
            for (int i = 0; i < 20; i++) {
                queue.put(Msg.of(i, 0));
            }
            Await.finished(group, 20);
            GroupStats stats = group.stats();
            assertEquals(20, stats.handled());
            assertEquals(0, stats.deadLettered());
            assertEquals(20L * k, stats.failures());
            assertEquals(20L * k, stats.retries());
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(k + 1, attempts.get(i).get(), "attempts of " + i);
            assertEquals(1, successes.get(i).get(), "successes of " + i);
        }
    }

    @Test
    void aHandlerAlwaysFailingIsDeadLetteredWithMaxAttemptsAndTheLastCause() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        AtomicInteger runs = new AtomicInteger();
        List<DeadLetter<Msg>> letters = new CopyOnWriteArrayList<>();
        try (var group = ConsumerGroup.builder(Msg.class).source(queue)
                .retry(Retry.attempts(4))
                .deadLetters(letters::add)
                .handler(msg -> {
                    throw new IllegalStateException("run " + runs.incrementAndGet());
                }).start()) {
            queue.put(new Msg.Audit(7, 1));
            Await.finished(group, 1);
            CloseReport<Msg> report = group.close(Duration.ofSeconds(10));
            assertEquals(1, report.deadLettered());
            assertEquals(0, report.handled());
            assertEquals(List.of(), report.deadLetters(), "a configured sink gets them, not the report");
            assertEquals(4, report.cases().get(2).failures());
        }
        assertEquals(1, letters.size());
        DeadLetter<Msg> letter = letters.get(0);
        assertEquals(new Msg.Audit(7, 1), letter.message());
        assertEquals(4, letter.attempts());
        assertEquals("run 4", letter.cause().getMessage());
    }

    @Test
    void deadLettersGoIntoAQueueSink() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        MessageQueue<DeadLetter<Msg>> sink = QueueKind.LOCKED_ARRAY.create(64);
        RuntimeException boom = new RuntimeException("boom");
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).deadLetters(sink)
                .handler(msg -> {
                    if (msg.id() % 2 == 0) {
                        throw boom;
                    }
                }).start()) {
            for (int i = 0; i < 10; i++) {
                queue.put(Msg.of(i, 0));
            }
            Await.finished(group, 10);
        }
        assertEquals(5, sink.size());
        for (DeadLetter<Msg> letter : sink) {
            assertEquals(0, letter.message().id() % 2);
            assertSame(boom, letter.cause());
            assertEquals(1, letter.attempts());
        }
    }

    @Test
    void deadLettersGoIntoAChannelSink() throws InterruptedException {
        Channel<Msg> source = Channel.buffered(8);
        Channel<DeadLetter<Msg>> sink = Channel.unbounded();
        var group = ConsumerGroup.builder(Msg.class).source(source).deadLetters(sink)
                .handler(msg -> {
                    throw new IllegalArgumentException(String.valueOf(msg.id()));
                }).start();
        source.send(Msg.of(1, 0));
        source.send(Msg.of(2, 0));
        source.close();
        group.awaitTermination(Duration.ofSeconds(20));
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(2, report.deadLettered());
        for (int id = 1; id <= 2; id++) {
            var received = (ReceiveResult.Received<DeadLetter<Msg>>) sink.tryReceive();
            assertEquals(String.valueOf(id), received.value().cause().getMessage());
        }
    }

    @Test
    void aFailingSinkReturnsTheMessageAndEndsTheWorker() throws InterruptedException {
        MessageQueue<Msg> queue = QueueKind.SPSC_ARRAY.create(64);
        var group = ConsumerGroup.builder(Msg.class).source(queue)
                .threads(Thread.ofVirtual().uncaughtExceptionHandler((t, e) -> { }))
                .deadLetters(letter -> {
                    throw new IllegalStateException("sink down");
                })
                .handler(msg -> {
                    throw new IllegalArgumentException("bad");
                }).start();
        queue.put(Msg.of(3, 0));
        group.awaitTermination(Duration.ofSeconds(20));
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(1, report.accepted());
        assertEquals(0, report.deadLettered());
        assertEquals(List.of(Msg.of(3, 0)), report.returned());
    }

    /**
     * A channel-fed worker takes a batch with one drainTo. When the sink fails on the batch's
     * first message, the rest of the batch has left the channel: the close report returns it.
     * The channel is the group's intake or an external source.
     */
    @ParameterizedTest(name = "intake: {0}")
    @ValueSource(booleans = {true, false})
    void aFailingSinkGivesBackTheRestOfABatchTakenFromAChannel(boolean intake) throws InterruptedException {
        Channel<Msg> source = Channel.buffered(16);
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var builder = ConsumerGroup.builder(Msg.class);
        var group = (intake ? builder.intake(16) : builder.source(source))
                .threads(Thread.ofVirtual().uncaughtExceptionHandler((t, e) -> { }))
                .deadLetters(letter -> {
                    throw new IllegalStateException("sink down");
                })
                .handler(blockOnZeroFailOnOne(started, release)).start();
        for (int id = 0; id <= 4; id++) {
            if (intake) {
                group.submit(Msg.of(id, 0));
            } else {
                source.send(Msg.of(id, 0));
            }
            if (id == 0) {
                // 1-4 wait in the channel while 0 is handled: the next drainTo takes all four.
                started.await();
            }
        }
        release.countDown();
        assertEquals(true, group.awaitTermination(Duration.ofSeconds(20)));
        CloseReport<Msg> report = group.close(Duration.ZERO);
        assertEquals(List.of(), source.cancel());
        assertEquals(5, report.accepted(), report::toString);
        assertEquals(1, report.handled(), report::toString);
        assertEquals(List.of(Msg.of(1, 0), Msg.of(2, 0), Msg.of(3, 0), Msg.of(4, 0)), report.returned());
    }

    /** Blocks on message 0 until {@code release}, throws on message 1, handles the rest. */
    private static Consumer<Msg> blockOnZeroFailOnOne(
            CountDownLatch started, CountDownLatch release) {
        return msg -> {
            if (msg.id() == 0) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else if (msg.id() == 1) {
                throw new IllegalArgumentException("bad");
            }
        };
    }
}
