package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks shared by the tests of the lock-based and linked kinds: blocking, time-outs,
 * interrupts and a multi-threaded exactly-once, per-producer FIFO run. Timeouts here are hang
 * guards only, never assertions about speed.
 */
final class BlockingQueueChecks {

    /** How long a test waits for another thread before declaring a hang. */
    static final long HANG_GUARD_SECONDS = 30;

    private BlockingQueueChecks() {
    }

    /** Waits until {@code t} is blocked (parked or waiting), or fails after the hang guard. */
    static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return;
            }
            if (s == Thread.State.TERMINATED) {
                fail("thread ended instead of blocking");
            }
            if (System.nanoTime() > deadline) {
                fail("thread did not block: " + s);
            }
            Thread.sleep(1);
        }
    }

    static void join(Thread t) throws InterruptedException {
        t.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertFalse(t.isAlive(), "thread still running after the hang guard");
    }

    /** A put on a full queue blocks until a take makes room, then inserts after the rest. */
    static void putOnFullBlocksUntilTake(MessageQueue<Integer> q) throws Exception {
        int capacity = q.capacity();
        for (int i = 0; i < capacity; i++) {
            assertTrue(q.offer(i));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread putter = new Thread(() -> {
            try {
                q.put(capacity);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        putter.start();
        awaitBlocked(putter);
        assertFalse(done.isDone(), "put returned on a full queue");
        assertEquals(0, q.take());
        done.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        join(putter);
        assertEquals(capacity, q.size());
        for (int i = 1; i <= capacity; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
    }

    /** A take on an empty queue blocks until a put, and returns that element. */
    static void takeOnEmptyBlocksUntilPut(MessageQueue<Integer> q) throws Exception {
        CompletableFuture<Integer> taken = new CompletableFuture<>();
        Thread taker = new Thread(() -> {
            try {
                taken.complete(q.take());
            } catch (Throwable e) {
                taken.completeExceptionally(e);
            }
        });
        taker.start();
        awaitBlocked(taker);
        assertFalse(taken.isDone(), "take returned on an empty queue");
        q.put(42);
        assertEquals(42, taken.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        join(taker);
        assertTrue(q.isEmpty());
    }

    /** Timed offer on a full queue returns false and leaves the queue as it was. */
    static void timedOfferOnFullTimesOut(MessageQueue<Integer> q) throws InterruptedException {
        for (int i = 0; i < q.capacity(); i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(-1, 10, TimeUnit.MILLISECONDS));
        assertFalse(q.offer(-1, 0, TimeUnit.NANOSECONDS));
        assertFalse(q.offer(-1));
        assertEquals(q.capacity(), q.size());
        assertEquals(0, q.remainingCapacity());
        assertFalse(q.contains(-1));
    }

    /** Timed poll on an empty queue returns null. */
    static void timedPollOnEmptyTimesOut(MessageQueue<Integer> q) throws InterruptedException {
        assertNull(q.poll(10, TimeUnit.MILLISECONDS));
        assertNull(q.poll(0, TimeUnit.NANOSECONDS));
        assertNull(q.poll(-1, TimeUnit.SECONDS));
        assertTrue(q.isEmpty());
    }

    /** put, timed offer, take and timed poll throw at once when interrupted before the call. */
    static void interruptBeforeCallThrows(MessageQueue<Integer> q) {
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> q.put(1));
        assertFalse(Thread.interrupted(), "interrupt status not cleared");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> q.offer(1, 1, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted());
        assertTrue(q.isEmpty(), "an interrupted put inserted its element");

        assertTrue(q.offer(7));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, q::take);
        assertFalse(Thread.interrupted());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> q.poll(1, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted());
        assertEquals(1, q.size(), "an interrupted take removed an element");
        assertEquals(7, q.poll());
    }

    /** A take blocked on an empty queue throws when interrupted, and removes nothing later. */
    static void interruptWhileTakingThrows(MessageQueue<Integer> q, boolean timed) throws Exception {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        Thread taker = new Thread(() -> {
            try {
                Integer e = timed ? q.poll(1, TimeUnit.DAYS) : q.take();
                outcome.completeExceptionally(new AssertionError("took " + e));
            } catch (InterruptedException expected) {
                outcome.complete(Thread.currentThread().isInterrupted());
            }
        });
        taker.start();
        awaitBlocked(taker);
        taker.interrupt();
        assertFalse(outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "status not cleared");
        join(taker);
        assertTrue(q.offer(5));
        assertEquals(1, q.size());
        assertEquals(5, q.poll());
    }

    /** A put blocked on a full queue throws when interrupted, and its element never goes in. */
    static void interruptWhilePuttingThrows(MessageQueue<Integer> q, boolean timed) throws Exception {
        int capacity = q.capacity();
        for (int i = 0; i < capacity; i++) {
            assertTrue(q.offer(i));
        }
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        Thread putter = new Thread(() -> {
            try {
                if (timed) {
                    q.offer(-1, 1, TimeUnit.DAYS);
                } else {
                    q.put(-1);
                }
                outcome.completeExceptionally(new AssertionError("put returned"));
            } catch (InterruptedException expected) {
                outcome.complete(Thread.currentThread().isInterrupted());
            }
        });
        putter.start();
        awaitBlocked(putter);
        putter.interrupt();
        assertFalse(outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "status not cleared");
        join(putter);
        assertEquals(capacity, q.size());
        for (int i = 0; i < capacity; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll(), "the interrupted put's element went in");
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
