package dev.cooper.concurrent.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tests every lock-free array kind shares: capacity rounding, the full and empty edges,
 * FIFO order against a model over many laps of the ring, the batch forms, the unsupported
 * removals, the debug role check (in a forked JVM, since the switch is read once per JVM) and
 * a multi-threaded exactly-once smoke test with as many producers and consumers as the kind
 * allows.
 */
abstract class AbstractArrayQueueTest {

    abstract QueueKind kind();

    MessageQueue<Integer> create(int capacity) {
        return kind().create(capacity);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "5, 8", "1000, 1024", "1024, 1024", "1025, 2048"})
    void capacityIsRoundedUpToAPowerOfTwo(int asked, int expected) {
        MessageQueue<Integer> q = create(asked);
        assertEquals(expected, q.capacity());
        assertEquals(expected, q.remainingCapacity());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, (1 << 30) + 1, Integer.MAX_VALUE})
    void capacityOutOfRangeIsRefused(int capacity) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(capacity));
        assertTrue(e.getMessage().startsWith("capacity: " + capacity + " (expected: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 16, 1000})
    void offerFailsExactlyWhenSizeReachesCapacity(int asked) {
        MessageQueue<Integer> q = create(asked);
        int capacity = q.capacity();
        for (int i = 0; i < capacity; i++) {
            assertEquals(i, q.size());
            assertTrue(q.offer(i), "offer " + i + " of " + capacity);
        }
        assertEquals(capacity, q.size());
        assertEquals(0, q.remainingCapacity());
        assertFalse(q.offer(-1));
        assertEquals(0, q.poll());
        assertTrue(q.offer(capacity));
        assertFalse(q.offer(-1));
        assertEquals(capacity, q.size());
    }

    @Test
    void nullElementIsRefused() {
        MessageQueue<Integer> q = create(4);
        NullPointerException e = assertThrows(NullPointerException.class, () -> q.offer(null));
        assertEquals("element is null", e.getMessage());
        assertTrue(q.isEmpty());
    }

    @Test
    void emptyQueueReturnsNullFromPollAndPeek() {
        MessageQueue<Integer> q = create(4);
        assertNull(q.poll());
        assertNull(q.peek());
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64})
    void staysFifoAgainstAModelOverManyLaps(int capacity) {
        MessageQueue<Integer> q = create(capacity);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        Random random = new Random(capacity * 31L + 7);
        int next = 0;
        for (int step = 0; step < 20_000; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    boolean room = model.size() < q.capacity();
                    assertEquals(room, q.offer(next), "offer at step " + step);
                    if (room) {
                        model.add(next);
                    }
                    next++;
                }
                case 2 -> assertEquals(model.poll(), q.poll(), "poll at step " + step);
                case 3 -> assertEquals(model.peek(), q.peek(), "peek at step " + step);
                case 4 -> {
                    int limit = random.nextInt(q.capacity() + 2);
                    int start = next;
                    int n = q.fill(new Counter(start)::next, limit);
                    assertEquals(Math.min(limit, q.capacity() - model.size()), n, "fill at step " + step);
                    for (int i = 0; i < n; i++) {
                        model.add(start + i);
                    }
                    next += n;
                }
                default -> {
                    int limit = random.nextInt(q.capacity() + 2);
                    List<Integer> out = new ArrayList<>();
                    int n = q.drain(out::add, limit);
                    assertEquals(Math.min(limit, model.size()), n, "drain at step " + step);
                    assertEquals(n, out.size());
                    for (Integer e : out) {
                        assertEquals(model.poll(), e, "drain at step " + step);
                    }
                }
            }
            assertEquals(model.size(), q.size(), "size at step " + step);
            assertEquals(model.isEmpty(), q.isEmpty(), "isEmpty at step " + step);
        }
        assertTrue(next > 20 * q.capacity(), "the test should wrap around many times");
    }

    @Test
    void fillStopsAtLimitAndAtCapacityAndCallsTheSupplierOnlyForRoom() {
        MessageQueue<Integer> q = create(8);
        Counter supplier = new Counter(0);
        assertEquals(0, q.fill(supplier::next, 0));
        assertEquals(0, supplier.calls);
        assertEquals(3, q.fill(supplier::next, 3));
        assertEquals(5, q.fill(supplier::next, 100));
        assertEquals(8, supplier.calls);
        assertEquals(0, q.fill(supplier::next, 100));
        assertEquals(8, supplier.calls);
        List<Integer> out = new ArrayList<>();
        assertEquals(8, q.drain(out::add, Integer.MAX_VALUE));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), out);
    }

    @Test
    void drainStopsAtLimitAndWhenEmpty() {
        MessageQueue<Integer> q = create(8);
        for (int i = 0; i < 6; i++) {
            q.offer(i);
        }
        List<Integer> out = new ArrayList<>();
        assertEquals(0, q.drain(out::add, 0));
        assertEquals(4, q.drain(out::add, 4));
        assertEquals(2, q.drain(out::add, 100));
        assertEquals(0, q.drain(out::add, 100));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), out);
    }

    @Test
    void negativeBatchLimitsAreRefused() {
        MessageQueue<Integer> q = create(8);
        IllegalArgumentException fill = assertThrows(IllegalArgumentException.class, () -> q.fill(() -> 1, -1));
        assertEquals("limit: -1 (expected: >= 0)", fill.getMessage());
        IllegalArgumentException drain = assertThrows(IllegalArgumentException.class, () -> q.drain(e -> { }, -1));
        assertEquals("limit: -1 (expected: >= 0)", drain.getMessage());
        assertThrows(NullPointerException.class, () -> q.fill(null, 1));
        assertThrows(NullPointerException.class, () -> q.drain(null, 1));
        assertTrue(q.isEmpty());
    }

    @Test
    void fillKeepsTheElementsBeforeASupplierReturningNull() {
        MessageQueue<Integer> q = create(8);
        int[] calls = {0};
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> q.fill(() -> ++calls[0] <= 3 ? calls[0] : null, 10));
        assertEquals("supplier returned null", e.getMessage());
        assertEquals(3, q.size());
        assertEquals(List.of(1, 2, 3), new ArrayList<>(q));
    }

    @Test
    void drainCountsTheElementWhoseConsumerThrewAsRemoved() {
        MessageQueue<Integer> q = create(8);
        q.offer(1);
        q.offer(2);
        q.offer(3);
        List<Integer> out = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> q.drain(e -> {
            out.add(e);
            if (e == 2) {
                throw new IllegalStateException("stop");
            }
        }, 10));
        assertEquals(List.of(1, 2), out);
        assertEquals(1, q.size());
        assertEquals(3, q.poll());
    }

    @Test
    void iteratorWalksHeadToTailAcrossTheWrapAndRefusesRemoval() {
        MessageQueue<Integer> q = create(4);
        for (int i = 0; i < 3; i++) {
            q.offer(i);
        }
        q.poll();
        q.poll();
        q.offer(3);
        q.offer(4);
        q.offer(5); // the ring now wraps: slots hold 4, 5, 2, 3
        assertEquals(List.of(2, 3, 4, 5), new ArrayList<>(q));
        assertTrue(q.contains(4));
        assertFalse(q.contains(0));
        Iterator<Integer> it = q.iterator();
        assertEquals(2, it.next());
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertThrows(UnsupportedOperationException.class, () -> q.remove((Object) 3));
        assertEquals(4, q.size());
    }

    @Test
    void iteratorIsWeaklyConsistentWhenTheQueueChangesUnderIt() {
        MessageQueue<Integer> q = create(4);
        q.offer(0);
        q.offer(1);
        q.offer(2);
        Iterator<Integer> it = q.iterator(); // reads ahead the head, 0
        assertEquals(0, q.poll());
        assertEquals(1, q.poll());
        q.offer(3);
        q.offer(4); // index 4 reuses the slot of index 0, behind the iterator
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        // 0 was already read ahead (weak consistency allows it); 1 was removed before the
        // iterator reached its slot; 2 was present throughout and must be seen; 3 and 4 came
        // after the iterator's range was fixed.
        assertEquals(List.of(0, 2), seen);
    }

    @Test
    void clearEmptiesTheQueue() {
        MessageQueue<Integer> q = create(8);
        q.fill(new Counter(0)::next, 5);
        q.clear();
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
        assertNull(q.poll());
        assertTrue(q.offer(9));
        assertEquals(9, q.peek());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void debugRoleCheckRefusesASecondLiveThreadOnEachSingleRole() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Dcooper.queue.checkThreads=true",
                "-cp", System.getProperty("java.class.path"),
                RoleCheckProbe.class.getName(), kind().name())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, process.exitValue(), output);
        assertEquals(RoleCheckProbe.expectedReport(kind()), output.strip());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void deliversEveryMessageExactlyOnceAndInProducerOrderUnderConcurrency() throws InterruptedException {
        int producers = kind().multiProducer() ? 2 : 1;
        int consumers = kind().multiConsumer() ? 2 : 1;
        int perProducer = 50_000;
        int total = producers * perProducer;
        MessageQueue<Integer> q = create(64);
        AtomicInteger consumed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<List<Integer>> received = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().unstarted(guarded(failure, () -> produce(q, id, perProducer))));
        }
        for (int c = 0; c < consumers; c++) {
            int style = c;
            List<Integer> log = new ArrayList<>(total);
            received.add(log);
            threads.add(Thread.ofPlatform().unstarted(
                    guarded(failure, () -> consume(q, style, log, consumed, total, failure))));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
        boolean[] seen = new boolean[total];
        for (List<Integer> log : received) {
            int[] last = new int[producers];
            Arrays.fill(last, -1);
            for (int message : log) {
                int producer = message / perProducer;
                int seq = message % perProducer;
                assertFalse(seen[message], "duplicated: " + message);
                seen[message] = true;
                assertTrue(seq > last[producer], "reordered: " + message + " after " + last[producer]);
                last[producer] = seq;
            }
        }
        for (int m = 0; m < total; m++) {
            assertTrue(seen[m], "lost: " + m);
        }
        assertTrue(q.isEmpty());
        assertEquals(0, q.size());
    }

    /** Each producer mixes the three ways to insert: offer with retry, put, and fill. */
    private static void produce(MessageQueue<Integer> q, int id, int count) throws InterruptedException {
        int base = id * count;
        int i = 0;
        int round = 0;
        while (i < count) {
            switch (round++ % 3) {
                case 0 -> {
                    while (!q.offer(base + i)) {
                        Thread.yield(); // more threads than cores here: spinning starves the consumer
                    }
                    i++;
                }
                case 1 -> q.put(base + i++);
                default -> {
                    Counter source = new Counter(base + i);
                    i += q.fill(source::next, Math.min(7, count - i));
                }
            }
        }
    }

    /**
     * Consumers mix poll, timed poll and drain (take could wait forever once the others took
     * the last message); they stop once all messages are in, or a worker failed.
     */
    private static void consume(MessageQueue<Integer> q, int style, List<Integer> log, AtomicInteger consumed,
                                int total, AtomicReference<Throwable> failure) throws InterruptedException {
        int round = style;
        while (consumed.get() < total && failure.get() == null) {
            switch (round++ % 3) {
                case 0 -> {
                    Integer e = q.poll();
                    if (e != null) {
                        log.add(e);
                        consumed.incrementAndGet();
                    }
                }
                case 1 -> {
                    Integer e = q.poll(1, TimeUnit.MILLISECONDS);
                    if (e != null) {
                        log.add(e);
                        consumed.incrementAndGet();
                    }
                }
                default -> consumed.addAndGet(q.drain(log::add, 5));
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Runnable guarded(AtomicReference<Throwable> failure, Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
    }

    /** Supplies consecutive integers and counts its calls. */
    static final class Counter {
        private int next;
        int calls;

        Counter(int first) {
            this.next = first;
        }

        Integer next() {
            calls++;
            return next++;
        }
    }
}
