package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.ChannelClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BroadcastTest {

    /** Receives until the broadcast ends. */
    private static List<Integer> readAll(Broadcast.Reader<Integer> reader) throws InterruptedException {
        List<Integer> got = new ArrayList<>();
        while (true) {
            try {
                got.add(reader.receive());
            } catch (ChannelClosedException end) {
                return got;
            }
        }
    }

    private static Thread reading(Broadcast.Reader<Integer> reader, AtomicReference<List<Integer>> into) {
        return Thread.ofVirtual().start(() -> {
            try {
                into.set(readAll(reader));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        Await.until(() -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void everyReaderSeesEveryMessageInOrder() throws InterruptedException {
        int n = 100_000;
        Broadcast<Integer> broadcast = Broadcast.create(64, Overflow.BLOCK_WRITER);
        List<AtomicReference<List<Integer>>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            var into = new AtomicReference<List<Integer>>();
            results.add(into);
            threads.add(reading(broadcast.join(), into));
        }
        for (int i = 0; i < n; i++) {
            broadcast.publish(i);
        }
        broadcast.close();
        for (Thread t : threads) {
            t.join();
        }
        for (var into : results) {
            List<Integer> got = into.get();
            assertEquals(n, got.size());
            for (int i = 0; i < n; i++) {
                assertEquals(i, got.get(i));
            }
        }
    }

    @Test
    void aReaderJoiningMidStreamSeesFromTheJoinPoint() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(8, Overflow.BLOCK_WRITER);
        for (int i = 0; i < 10; i++) {
            broadcast.publish(i);
        }
        Broadcast.Reader<Integer> late = broadcast.join();
        for (int i = 10; i < 15; i++) {
            broadcast.publish(i);
        }
        broadcast.close();
        assertEquals(List.of(10, 11, 12, 13, 14), readAll(late));
        assertTrue(late.isDone());
    }

    @Test
    void aReaderJoiningWhileTheWriterRunsSeesAnUnbrokenSuffix() throws InterruptedException {
        int n = 50_000;
        Broadcast<Integer> broadcast = Broadcast.create(16, Overflow.BLOCK_WRITER);
        var early = new AtomicReference<List<Integer>>();
        Thread earlyThread = reading(broadcast.join(), early);
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    broadcast.publish(i);
                }
                broadcast.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until(() -> early.get() != null || broadcast.readers() == 1);
        List<Integer> late = readAll(broadcast.join());
        writer.join();
        earlyThread.join();
        assertEquals(n, early.get().size());
        if (!late.isEmpty()) {
            int first = late.get(0);
            assertEquals(n - first, late.size());
            for (int i = 0; i < late.size(); i++) {
                assertEquals(first + i, late.get(i));
            }
        }
    }

    @Test
    void theWriterBlocksAtCapacityUntilTheSlowestReaderAdvances() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> fast = broadcast.join();
        Broadcast.Reader<Integer> slow = broadcast.join();
        for (int i = 0; i < 4; i++) {
            assertTrue(broadcast.tryPublish(i));
            assertEquals(i, fast.poll());
        }
        assertFalse(broadcast.tryPublish(4), "the slow reader is a full ring behind");
        assertEquals(0, slow.poll());
        assertTrue(broadcast.tryPublish(4));
        assertFalse(broadcast.tryPublish(5));

        AtomicBoolean published = new AtomicBoolean();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                broadcast.publish(5);
                published.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitBlocked(writer);
        assertFalse(published.get());
        assertEquals(1, slow.receive());
        writer.join();
        assertTrue(published.get());
        assertEquals(List.of(2, 3, 4, 5), List.of(slow.poll(), slow.poll(), slow.poll(), slow.poll()));
    }

    @Test
    void aReaderThatLeavesReleasesTheWriter() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(2, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> stalled = broadcast.join();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    broadcast.publish(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitBlocked(writer);
        assertTrue(writer.isAlive());
        stalled.close();
        writer.join();
        assertEquals(0, broadcast.readers());
        assertNull(stalled.poll());
        assertThrows(ChannelClosedException.class, stalled::receive);
    }

    @Test
    void theDropPolicyNeverBlocksAndALaggingReaderSkipsTheOldest() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        Broadcast.Reader<Integer> lagging = broadcast.join();
        for (int i = 0; i < 10; i++) {
            broadcast.publish(i);
        }
        broadcast.close();
        assertEquals(List.of(6, 7, 8, 9), readAll(lagging));
        assertEquals(6, lagging.dropped());
    }

    @Test
    void underTheDropPolicyAReaderReceivesAnIncreasingSubsequence() throws InterruptedException {
        int n = 200_000;
        Broadcast<Integer> broadcast = Broadcast.create(8, Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        Broadcast.Reader<Integer> reader = broadcast.join();
        var got = new AtomicReference<List<Integer>>();
        Thread thread = reading(reader, got);
        for (int i = 0; i < n; i++) {
            broadcast.publish(i);
        }
        broadcast.close();
        thread.join();
        List<Integer> values = got.get();
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) < values.get(i), "out of order at " + i);
        }
        assertEquals(n, values.size() + reader.dropped());
        assertEquals(n - 1, values.get(values.size() - 1));
    }

    @Test
    void closeEndsReadersAfterTheyDrain() throws InterruptedException {
        Broadcast<String> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        Broadcast.Reader<String> reader = broadcast.join();
        broadcast.publish("a");
        broadcast.publish("b");
        broadcast.close();
        assertFalse(reader.isDone());
        assertEquals("a", reader.receive());
        assertEquals("b", reader.poll(Duration.ofSeconds(1)));
        assertTrue(reader.isDone());
        assertNull(reader.poll());
        assertNull(reader.poll(Duration.ofDays(365_000)));
        var e = assertThrows(ChannelClosedException.class, reader::receive);
        assertEquals("broadcast is closed", e.getMessage());
        assertEquals("broadcast is closed",
                assertThrows(IllegalStateException.class, () -> broadcast.publish("c")).getMessage());
        assertTrue(broadcast.join().isDone());
    }

    @Test
    void aTimedPollRefusesANegativeOrNullTimeout() throws InterruptedException {
        Broadcast<String> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        Broadcast.Reader<String> reader = broadcast.join();
        broadcast.publish("a");
        var e = assertThrows(IllegalArgumentException.class, () -> reader.poll(Duration.ofMillis(-1)));
        assertEquals("timeout: PT-0.001S (expected: >= 0)", e.getMessage());
        assertThrows(NullPointerException.class, () -> reader.poll(null));
        // Neither refused call took the message.
        assertEquals("a", reader.poll(Duration.ZERO));
    }

    @Test
    void aBlockedReceiveEndsWhenTheBroadcastOrTheReaderCloses() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        var left = broadcast.join();
        var stays = broadcast.join();
        var leftResult = new AtomicReference<List<Integer>>();
        var staysResult = new AtomicReference<List<Integer>>();
        Thread a = reading(left, leftResult);
        Thread b = reading(stays, staysResult);
        awaitBlocked(a);
        awaitBlocked(b);
        left.close();
        a.join();
        assertEquals(List.of(), leftResult.get());
        broadcast.publish(1);
        broadcast.close();
        b.join();
        assertEquals(List.of(1), staysResult.get());
    }

    @Test
    void anInterruptedPublishPublishesNothing() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(1, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> reader = broadcast.join();
        broadcast.publish(0);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> broadcast.publish(1));
        assertFalse(Thread.currentThread().isInterrupted());
        assertEquals(0, reader.poll());
        assertNull(reader.poll());
    }

    @Test
    void theCapacityIsRoundedUpToAPowerOfTwoAndChecked() {
        assertEquals(8, Broadcast.create(5, Overflow.BLOCK_WRITER).capacity());
        assertEquals(1, Broadcast.create(1, Overflow.BLOCK_WRITER).capacity());
        assertEquals("capacity: 0 (expected: 1..2^30)", assertThrows(IllegalArgumentException.class,
                () -> Broadcast.create(0, Overflow.BLOCK_WRITER)).getMessage());
        assertEquals("message is null", assertThrows(NullPointerException.class,
                () -> Broadcast.create(2, Overflow.BLOCK_WRITER).publish(null)).getMessage());
    }
}
