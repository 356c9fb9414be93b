package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A round-robin dispatcher that waits for room in a full worker queue keeps nothing of its
 * source from the source's producers: not its lock, not its room. Each case starts with 40
 * messages in a 64-slot source and two workers whose handlers wait, with one-slot buffers, so
 * the dispatcher soon waits inside its handing-on.
 */
@Timeout(60)
class WaitingDispatcherTest {

    private static final int IN_SOURCE = 40;
    private static final String DISPATCHER = "held-dispatcher";

    /** On {@code LOCKED_ARRAY} the dispatcher used to wait holding the source's one lock. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"LOCKED_ARRAY", "TWO_LOCK_LINKED", "SEMAPHORE_ARRAY", "MPSC_ARRAY"})
    void producersInsertWhileTheDispatcherWaits(QueueKind kind) throws InterruptedException {
        MessageQueue<Msg> queue = kind.create(64);
        whileTheDispatcherWaits(queue, group -> {
            boolean inserted = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> queue.offer(Msg.of(IN_SOURCE, 0)),
                    kind + ": a producer's offer waited for the dispatcher");
            assertTrue(inserted, kind + ": the source had room");
            return 1;
        });
    }

    /**
     * The messages the dispatcher has taken no longer count in the source, though it waits
     * inside the source's drain, which gives room back in runs on these two kinds.
     *
     * <p>The dispatcher's first wait need not be its last: a worker that took its first message
     * in an idle wait freed that message's slot at once, and the dispatcher then moves on. So
     * the count and the size are read while it waits, and read again if it moved meanwhile
     * (its count changed, or it no longer waits): any wait gives the run back first.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QueueKind.class, names = {"SPSC_ARRAY", "MPSC_ARRAY"})
    void theDispatcherHoldsNoRoomInItsSource(QueueKind kind) throws InterruptedException {
        MessageQueue<Msg> queue = kind.create(64); // runs of 16 (MPSC) or 17 (SPSC)
        whileTheDispatcherWaits(queue, group -> {
            long taken;
            int size;
            do {
                Await.parked(DISPATCHER);
                taken = group.stats().accepted();
                size = queue.size();
            } while (group.stats().accepted() != taken || !Await.isParked(DISPATCHER));
            assertTrue(taken > 0, "the dispatcher took nothing");
            assertEquals(IN_SOURCE - taken, size, kind + ": the messages the dispatcher took still count");
            return 0;
        });
    }

    /** A check made while the dispatcher waits. */
    private interface Check {
        /** Returns how many messages it put in the source. */
        int run(ConsumerGroup<Msg> group) throws InterruptedException;
    }

    /**
     * Runs {@code check} once the dispatcher has parked, then lets the handlers go. The
     * messages are in before the start, so the dispatcher drains: a message it took in an idle
     * wait would be handed on outside any drain.
     */
    private static void whileTheDispatcherWaits(MessageQueue<Msg> queue, Check check) throws InterruptedException {
        for (int i = 0; i < IN_SOURCE; i++) {
            queue.put(Msg.of(i, 0));
        }
        CountDownLatch release = new CountDownLatch(1);
        try (var group = ConsumerGroup.builder(Msg.class).source(queue).workers(2).workerBuffer(1)
                .routing(Routing.roundRobin()).name("held").threads(Thread.ofPlatform().daemon(true))
                .handler(msg -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start()) {
            int added;
            try {
                Await.parked(DISPATCHER);
                added = check.run(group);
            } finally {
                release.countDown();
            }
            Await.finished(group, IN_SOURCE + added);
        }
    }
}
