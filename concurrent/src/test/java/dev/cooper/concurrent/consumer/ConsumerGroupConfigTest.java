package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConsumerGroupConfigTest {

    private final MessageQueue<Msg> queue = QueueKind.LOCKED_ARRAY.create(16);

    private ConsumerGroupBuilder<Msg> valid() {
        return ConsumerGroup.builder(Msg.class).source(queue).handler(msg -> { });
    }

    @Test
    void zeroWorkersIsRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> valid().workers(0).start());
        assertEquals("workers: 0 (expected: >= 1)", e.getMessage());
    }

    @Test
    void missingHandlerIsNamed() {
        var e = assertThrows(IllegalStateException.class,
                () -> ConsumerGroup.builder(Msg.class).source(queue).start());
        assertEquals("no handler: call handler(...) before start()", e.getMessage());
    }

    @Test
    void missingSourceIsNamed() {
        var e = assertThrows(IllegalStateException.class,
                () -> ConsumerGroup.builder(Msg.class).handler(msg -> { }).start());
        assertEquals("no source: call source(MessageQueue), source(Channel) or intake(int) before start()",
                e.getMessage());
    }

    @Test
    void queueAndChannelTogetherAreRefused() {
        Channel<Msg> channel = Channel.buffered(4);
        var e = assertThrows(IllegalStateException.class, () -> valid().source(channel).start());
        assertEquals("more than one source: source(MessageQueue), source(Channel) (expected: exactly one)",
                e.getMessage());
    }

    @Test
    void nonPositiveNumbersAreRefusedWithTheirNames() {
        assertEquals("batchSize: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> valid().batchSize(0).start()).getMessage());
        assertEquals("workerBuffer: -1 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> valid().workerBuffer(-1).start()).getMessage());
        assertEquals("intake capacity: 0 (expected: >= 1)", assertThrows(IllegalArgumentException.class,
                () -> ConsumerGroup.builder(Msg.class).intake(0).handler(msg -> { }).start()).getMessage());
    }

    @Test
    void nonPositiveIdleTimeoutIsRefused() {
        var negative = assertThrows(IllegalArgumentException.class,
                () -> valid().idleTimeout(Duration.ofSeconds(-1), w -> { }).start());
        assertEquals("idleTimeout: PT-1S (expected: > 0)", negative.getMessage());
        var zero = assertThrows(IllegalArgumentException.class,
                () -> valid().idleTimeout(Duration.ZERO, w -> { }).start());
        assertEquals("idleTimeout: PT0S (expected: > 0)", zero.getMessage());
    }

    @Test
    void sharingASingleConsumerQueueBetweenWorkersIsRefused() {
        MessageQueue<Msg> spsc = QueueKind.SPSC_ARRAY.create(16);
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConsumerGroup.builder(Msg.class).source(spsc).workers(2).handler(msg -> { }).start());
        assertEquals("source: a SPSC_ARRAY queue allows one consumer, but 2 workers share it "
                + "(expected: a multi-consumer kind, or roundRobin/byKey routing)", e.getMessage());
    }

    @Test
    void aSingleConsumerQueueMayFeedADispatcher() {
        MessageQueue<Msg> spsc = QueueKind.SPSC_ARRAY.create(16);
        try (var group = ConsumerGroup.builder(Msg.class).source(spsc).workers(2)
                .routing(Routing.roundRobin()).handler(msg -> { }).start()) {
            assertEquals(2, group.stats().liveWorkers());
        }
    }

    @Test
    void nullsAreRefusedWithTheirNames() {
        assertEquals("type is null",
                assertThrows(NullPointerException.class, () -> ConsumerGroup.builder(null)).getMessage());
        assertEquals("handler is null", assertThrows(NullPointerException.class,
                () -> valid().handler((java.util.function.Consumer<Msg>) null)).getMessage());
        assertEquals("key is null",
                assertThrows(NullPointerException.class, () -> Routing.byKey(null)).getMessage());
    }

    @Test
    void retryPolicyValuesAreChecked() {
        assertEquals("maxAttempts: 0 (expected: >= 1)",
                assertThrows(IllegalArgumentException.class, () -> Retry.attempts(0)).getMessage());
        assertEquals("backoff: PT-0.001S (expected: >= 0)", assertThrows(IllegalArgumentException.class,
                () -> Retry.attempts(2).backoff(Duration.ofMillis(-1))).getMessage());
        assertEquals("maxBackoff: PT0.001S (expected: >= backoff PT0.002S)", assertThrows(IllegalArgumentException.class,
                () -> Retry.attempts(2).exponentialBackoff(Duration.ofMillis(2), Duration.ofMillis(1))).getMessage());
    }

    @Test
    void exponentialBackoffDoublesUpToItsCeiling() {
        Retry retry = Retry.attempts(10).exponentialBackoff(Duration.ofNanos(100), Duration.ofNanos(500));
        assertEquals(100, retry.delayNanos(1));
        assertEquals(200, retry.delayNanos(2));
        assertEquals(400, retry.delayNanos(3));
        assertEquals(500, retry.delayNanos(4));
        assertEquals(500, retry.delayNanos(9));
        assertEquals(7, Retry.attempts(3).backoff(Duration.ofNanos(7)).delayNanos(2));
    }

    @Test
    void negativeCloseTimeoutIsRefused() {
        try (var group = valid().start()) {
            var e = assertThrows(IllegalArgumentException.class, () -> group.close(Duration.ofMillis(-5)));
            assertEquals("timeout: PT-0.005S (expected: >= 0)", e.getMessage());
        }
    }

    @Test
    void submitWithoutIntakeIsRefused() {
        try (var group = valid().start()) {
            var e = assertThrows(IllegalStateException.class, () -> group.submit(Msg.of(1, 1)));
            assertEquals(group + " takes from an external source; submit needs intake(capacity)", e.getMessage());
        }
    }
}
