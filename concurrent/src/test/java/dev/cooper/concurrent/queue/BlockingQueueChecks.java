package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A multi-threaded exactly-once, per-producer FIFO run on a given queue, for configurations a
 * {@link QueueKind} does not make (the contract suites cover every kind). Timeouts here are
 * hang guards only, never assertions about speed.
 */
final class BlockingQueueChecks {

    /** How long a test waits for another thread before declaring a hang. */
    static final long HANG_GUARD_SECONDS = 30;

    private BlockingQueueChecks() {
    }

    /**
     * Producers put {@code perProducer} numbered messages each, consumers take them; every
     * message arrives exactly once, and each consumer sees each producer's messages in order.
     */
    static void exactlyOnceAndPerProducerFifo(MessageQueue<Long> q, int producers, int consumers,
                                              int perProducer) throws Exception {
        long total = (long) producers * perProducer;
        AtomicInteger taken = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        boolean[] seen = new boolean[(int) total];
        List<List<Long>> received = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            List<Long> mine = new ArrayList<>();
            received.add(mine);
            threads.add(new Thread(() -> {
                try {
                    while (taken.get() < total) {
                        Long m = q.poll(10, TimeUnit.MILLISECONDS);
                        if (m != null) {
                            mine.add(m);
                            taken.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "consumer-" + c));
        }
        for (int p = 0; p < producers; p++) {
            long id = p;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < perProducer; i++) {
                        long m = (id << 32) | i;
                        if ((i & 3) == 0) {
                            q.put(m);
                        } else if (!q.offer(m)) {
                            q.put(m);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "producer-" + p));
        }
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS * 4);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                fail(t.getName() + " hung; taken " + taken.get() + " of " + total);
            }
        }
        assertTrue(failures.isEmpty(), () -> "thread failed: " + failures);
        for (List<Long> mine : received) {
            int[] last = new int[producers];
            Arrays.fill(last, -1);
            for (long m : mine) {
                int producer = (int) (m >>> 32);
                int seq = (int) m;
                int index = producer * perProducer + seq;
                assertFalse(seen[index], () -> "duplicated: producer " + producer + " #" + seq);
                seen[index] = true;
                assertTrue(seq > last[producer],
                        () -> "reordered: producer " + producer + " #" + seq + " after #" + last[producer]);
                last[producer] = seq;
            }
        }
        for (int i = 0; i < seen.length; i++) {
            int index = i;
            assertTrue(seen[i], () -> "lost: producer " + index / perProducer + " #" + index % perProducer);
        }
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
    }
}
