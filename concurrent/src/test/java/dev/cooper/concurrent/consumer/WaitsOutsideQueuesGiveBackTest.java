package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.Channel;
import dev.cooper.concurrent.channel.ReceiveResult;
import dev.cooper.concurrent.queue.HeldRuns;
import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The waits outside the queues made from inside the consumer of a {@code SPSC_ARRAY} or
 * {@code MPSC_ARRAY} drain give back the run that drain holds first, as the queues' own
 * blocking calls do (decision 0030): a channel's send and receive, a broadcast reader's wait
 * and writer's wait, and a consumer group's retry back-off on a source it drains in place. The
 * drained queue's {@code size()} shows it: the messages handed on stop counting before the wait
 * ends.
 */
class WaitsOutsideQueuesGiveBackTest {

    private static final Duration GUARD = Duration.ofSeconds(20);
    /**
     * The timed waits' length: long enough for a wait to get past its spin and yields to its
     * park, where it gives the run back (a spin holds it: decision 0030). With 1 ms a broadcast
     * reader's wait once returned without giving it back in a {@code ./mvnw verify} run (sizes
     * [16, 16, 16, 14]), most likely timed out before it parked. Still no timing assertion: a
     * wait that gives nothing back fails however long it lasts.
     */
    private static final Duration SHORT = Duration.ofMillis(20);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aChannelSendThatWaitsGivesTheRunBack(QueueKind drained) {
        assertTimeoutPreemptively(GUARD, () -> {
            Channel<Integer> full = Channel.buffered(1);
            assertTrue(full.trySend(-1));
            assertEquals(List.of(16, 15, 15, 14), HeldRuns.sizesAroundWaits(drained, 2, e -> assertFalse(full.send(e, SHORT))));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aChannelReceiveThatWaitsGivesTheRunBack(QueueKind drained) {
        assertTimeoutPreemptively(GUARD, () -> {
            Channel<Integer> empty = Channel.rendezvous();
            assertEquals(List.of(16, 15, 15, 14), HeldRuns.sizesAroundWaits(drained, 2,
                    e -> assertTrue(empty.receive(SHORT) instanceof ReceiveResult.Empty<Integer>)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aBroadcastReaderThatWaitsGivesTheRunBack(QueueKind drained) {
        assertTimeoutPreemptively(GUARD, () -> {
            Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
            Broadcast.Reader<Integer> reader = broadcast.join();
            assertEquals(List.of(16, 15, 15, 14), HeldRuns.sizesAroundWaits(drained, 2, e -> assertNull(reader.poll(SHORT))));
        });
    }

    /**
     * A writer blocked by a full reader, freed by another thread only once the drained queue's
     * size has dropped: the publish returns only if the run was given back before the wait.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aBroadcastWriterThatWaitsGivesTheRunBack(QueueKind drained) {
        assertTimeoutPreemptively(GUARD, () -> {
            MessageQueue<Integer> q = HeldRuns.filled(drained);
            Broadcast<Integer> broadcast = Broadcast.create(1, Overflow.BLOCK_WRITER);
            Broadcast.Reader<Integer> reader = broadcast.join();
            broadcast.publish(-1);
            Thread freer = Thread.ofPlatform().daemon(true).start(() -> {
                if (HeldRuns.awaitSize(q, 15, GUARD)) {
                    reader.poll();
                }
            });
            assertEquals(1, q.drain(e -> {
                try {
                    broadcast.publish(e);
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }, 1));
            freer.join();
            assertEquals(0, reader.poll());
        });
    }

    /**
     * A group's one worker drains its source in place; the first message fails and the retry
     * sleeps a minute. While it sleeps, the message is no longer in the source.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void aRetryBackOffGivesTheRunBack(QueueKind drained) throws InterruptedException {
        MessageQueue<Msg> source = drained.create(16);
        for (int i = 0; i < 16; i++) {
            assertTrue(source.offer(Msg.of(i, 0)));
        }
        AtomicInteger calls = new AtomicInteger();
        try (var group = ConsumerGroup.builder(Msg.class).source(source).workers(1).name("retrying")
                .threads(Thread.ofPlatform().daemon(true))
                .retry(Retry.attempts(2).backoff(Duration.ofMinutes(1)))
                .handler(msg -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("fails, to be retried");
                }).start()) {
            assertTrue(HeldRuns.awaitSize(source, 15, GUARD), drained + ": the message in its retry back-off still counts in the source");
            assertEquals(1, calls.get(), "the worker is in its first back-off");
            CloseReport<Msg> report = group.closeNow();
            assertEquals(0, report.returned().get(0).id(), "the message in its back-off is given back first");
            assertEquals(16, report.returned().size() + source.size(), "every message returned or still in the source");
        }
    }
}
