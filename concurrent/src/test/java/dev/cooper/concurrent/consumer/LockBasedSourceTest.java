package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cooper.concurrent.queue.MessageQueue;
import dev.cooper.concurrent.queue.QueueKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group hands messages on outside its source's locks: a lock-based source's {@code drain}
 * would call the handler holding the queue's lock, which serialises shared workers. The case
 * also runs on a lock-free kind, which never had the problem. (The dispatcher's side is in
 * {@link WaitingDispatcherTest}.)
 */
@Timeout(60)
class LockBasedSourceTest {

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
}
