package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.function.Executable;

/**
 * The parts of the {@link MessageQueue} contract that only show with several threads, for
 * every {@link QueueKind}: weakly consistent iteration under mutation, {@code size()} bounds,
 * safe publication, and use as a {@link ThreadPoolExecutor}'s work queue. Threads keep to the
 * kind's roles: one producer and one consumer thread on single-producer and single-consumer
 * kinds.
 */
class QueueConcurrentContractTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final int OPS = QueueKinds.STRESS ? 2_000_000 : 20_000;

    @AllKinds
    void iterationWhileOthersMutateNeverThrowsAndSeesOnlyInsertedElements(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(16);
            AtomicBoolean stop = new AtomicBoolean();
            Actor producer = Actor.start("producer", () -> {
                for (int i = 0; i < OPS && !stop.get(); i++) {
                    while (!q.offer(i) && !stop.get()) {
                        Thread.yield();
                    }
                }
                return null;
            });
            Actor consumer = Actor.start("consumer", () -> {
                while (!stop.get()) {
                    if (q.poll() == null) {
                        Thread.yield();
                    }
                }
                return null;
            });
            try {
                for (int round = 0; round < OPS / 20 && !producer.isDone(); round++) {
                    for (Integer e : q) {
                        assertNotNull(e);
                        assertTrue(e >= 0 && e < OPS, "never inserted: " + e);
                    }
                    q.contains(round);
                    q.toArray();
                }
            } finally {
                stop.set(true);
            }
            producer.join();
            consumer.join();
        });
    }

    @AllKinds
    @RefusedByRoleCheck("a thread started after the test filled the queue takes the producer role")
    void iteratorSeesEveryElementPresentAtItsCreationWhileAProducerAppends(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(64);
            int present = 16;
            for (int i = 0; i < present; i++) {
                q.add(i);
            }
            int room = (kind.bounded() ? q.capacity() : 64) - present;
            CountDownLatch iterating = new CountDownLatch(1);
            Actor producer = Actor.start("producer", () -> {
                iterating.await();
                for (int i = present; i < present + room; i++) {
                    assertTrue(q.offer(i));
                }
                return null;
            });
            List<Integer> seen = new ArrayList<>();
            boolean started = false;
            for (Integer e : q) {
                if (!started) {
                    iterating.countDown();
                    started = true;
                }
                seen.add(e);
            }
            producer.join();
            assertTrue(seen.size() >= present, "missed elements present at creation: " + seen);
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i), "iteration order " + seen);
            }
        });
    }

    @AllKinds
    void sizeStaysWithinZeroAndCapacityWhileOthersMutate(QueueKind kind) {
        guard(() -> {
            MessageQueue<Integer> q = kind.create(8);
            int capacity = q.capacity();
            AtomicBoolean stop = new AtomicBoolean();
            List<Actor> workers = new ArrayList<>();
            for (int p = 0; p < QueueKinds.producers(kind, 2); p++) {
                workers.add(Actor.start("producer-" + p, () -> {
                    for (int i = 0; !stop.get(); i++) {
                        // An unbounded kind is kept small; a bounded one runs into full.
                        boolean pause = !kind.bounded() && q.size() > 64 || !q.offer(i);
                        if (pause) {
                            Thread.yield();
                        }
                    }
                    return null;
                }));
            }
            for (int c = 0; c < QueueKinds.consumers(kind, 2); c++) {
                workers.add(Actor.start("consumer-" + c, () -> {
                    while (!stop.get()) {
                        if (q.poll() == null) {
                            Thread.yield();
                        }
                    }
                    return null;
                }));
            }
            try {
                for (int i = 0; i < OPS * 5; i++) {
                    int size = q.size();
                    assertTrue(size >= 0 && size <= capacity, "size " + size + " outside [0, " + capacity + "]");
                    int remaining = q.remainingCapacity();
                    assertTrue(remaining >= 0 && remaining <= capacity, "remainingCapacity " + remaining);
                    q.isEmpty();
                }
            } finally {
                stop.set(true);
            }
            for (Actor worker : workers) {
                worker.join();
            }
            q.clear();
            assertEquals(0, q.size());
        });
    }

    @AllKinds
    void publishedMessagesAreSeenFullyBuilt(QueueKind kind) {
        guard(() -> {
            MessageQueue<Mutable> q = kind.create(64);
            int producers = QueueKinds.producers(kind, 2);
            int consumers = QueueKinds.consumers(kind, 2);
            int perProducer = OPS;
            List<Actor> actors = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                actors.add(Actor.start("producer-" + p, () -> {
                    for (int i = 0; i < perProducer; i++) {
                        Mutable m = new Mutable();
                        m.fill(id, i);
                        while (!q.offer(m)) {
                            Thread.yield();
                        }
                    }
                    return null;
                }));
            }
            int total = producers * perProducer;
            AtomicIntegerArray taken = new AtomicIntegerArray(1);
            for (int c = 0; c < consumers; c++) {
                actors.add(Actor.start("consumer-" + c, () -> {
                    while (taken.get(0) < total) {
                        Mutable m = q.poll();
                        if (m == null) {
                            Thread.yield();
                            continue;
                        }
                        taken.incrementAndGet(0);
                        m.check();
                    }
                    return null;
                }));
            }
            for (Actor actor : actors) {
                actor.join();
            }
            assertEquals(total, taken.get(0));
        });
    }

    @AllKinds
    void worksAsAThreadPoolExecutorWorkQueue(QueueKind kind) {
        guard(() -> {
            MessageQueue<Runnable> q = kind.create(64);
            int workers = QueueKinds.consumers(kind, 2);
            int submitters = QueueKinds.producers(kind, 2);
            int perSubmitter = 2_000;
            AtomicIntegerArray runs = new AtomicIntegerArray(submitters * perSubmitter);
            // A bounded queue may be full: CallerRunsPolicy then runs the task on the submitter,
            // which is how a ThreadPoolExecutor is meant to push back.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, q,
                    new ThreadPoolExecutor.CallerRunsPolicy());
            try {
                List<Actor> actors = new ArrayList<>();
                for (int s = 0; s < submitters; s++) {
                    int base = s * perSubmitter;
                    actors.add(Actor.start("submitter-" + s, () -> {
                        for (int i = 0; i < perSubmitter; i++) {
                            int task = base + i;
                            pool.execute(() -> runs.incrementAndGet(task));
                        }
                        return null;
                    }));
                }
                for (Actor actor : actors) {
                    actor.join();
                }
            } finally {
                pool.shutdown();
            }
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "pool did not finish its tasks");
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i), "task " + i + " ran " + runs.get(i) + " times");
            }
            assertTrue(q.isEmpty());
        });
    }

    /**
     * A message with plain fields, filled in before it is offered. If an insert did not
     * publish safely, a consumer could see some of them still at their defaults.
     */
    static final class Mutable {
        int producer;
        int seq;
        long mix;
        int[] payload;

        void fill(int producer, int seq) {
            this.producer = producer;
            this.seq = seq;
            this.mix = ((long) producer << 32) ^ seq ^ 0x5DEECE66DL;
            this.payload = new int[] {seq, ~seq};
        }

        void check() {
            int[] p = payload;
            if (p == null || p[0] != seq || p[1] != ~seq
                    || mix != (((long) producer << 32) ^ seq ^ 0x5DEECE66DL)) {
                throw new AssertionError("half-built message: producer " + producer + " seq " + seq
                        + " mix " + mix + " payload " + (p == null ? null : p[0] + "," + p[1]));
            }
        }
    }

    private static void guard(Executable body) {
        assertTimeoutPreemptively(GUARD, body);
    }
}
