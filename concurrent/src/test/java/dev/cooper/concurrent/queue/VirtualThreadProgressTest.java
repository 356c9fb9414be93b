package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Every kind makes progress on virtual threads when its producers wait inside a call for a
 * consumer that is not mounted: as many virtual producers as carrier threads {@code put} into
 * a small queue, and the one consumer parks inside each {@code drain} callback (as a consumer
 * group's handler may), holding, on the kinds whose {@code drain} claims a run of slots, the
 * slots the producers need next. A producer that only yielded while it waited for such a slot
 * kept the carrier from the consumer: {@code MPMC_ARRAY} moved 21 of 400 elements in a minute.
 */
class VirtualThreadProgressTest {
    private static final int PER_PRODUCER = 200;

    @AllKinds
    void producersWaitingOnAParkedConsumerLetItRun(QueueKind kind) {
        int producers = kind.multiProducer() ? Math.max(2, Runtime.getRuntime().availableProcessors()) : 1;
        MessageQueue<Integer> queue = kind.create(8);
        AtomicInteger handled = new AtomicInteger();
        Consumer<Integer> slowHandler = e -> {
            LockSupport.parkNanos(200_000); // unmounts the consumer's virtual thread
            handled.incrementAndGet();
        };
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < PER_PRODUCER; i++) {
                            queue.put(i);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            Thread consumer = Thread.ofVirtual().start(() -> {
                try {
                    while (handled.get() < producers * PER_PRODUCER) {
                        if (queue.drain(slowHandler, 4) == 0) {
                            slowHandler.accept(queue.take());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (Thread t : threads) {
                t.join();
            }
            consumer.join();
        }, () -> kind + ": handled " + handled.get() + " of " + producers * PER_PRODUCER);
        assertEquals(producers * PER_PRODUCER, handled.get());
    }
}
