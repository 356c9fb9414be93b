package dev.cooper.concurrent.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cooper.concurrent.channel.ChannelClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Broadcast.Reader#drain}: order, limits, the writer's gating, closes and bad input. */
@Timeout(30)
class BroadcastDrainTest {

    @ParameterizedTest
    @EnumSource(Overflow.class)
    void aDrainHandsOverThePublishedMessagesInOrderUpToTheLimit(Overflow overflow) throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(16, overflow);
        Broadcast.Reader<Integer> reader = broadcast.join();
        for (int i = 0; i < 10; i++) {
            broadcast.publish(i);
        }
        List<Integer> got = new ArrayList<>();
        assertEquals(0, reader.drain(got::add, 0));
        assertEquals(4, reader.drain(got::add, 4));
        assertEquals(List.of(0, 1, 2, 3), got);
        assertEquals(4, reader.poll());
        assertEquals(5, reader.drain(got::add, Integer.MAX_VALUE));
        assertEquals(List.of(0, 1, 2, 3, 5, 6, 7, 8, 9), got);
        assertEquals(0, reader.drain(got::add, Integer.MAX_VALUE));
        broadcast.publish(10);
        assertEquals(1, reader.drain(got::add, 8));
        assertEquals(10, got.get(got.size() - 1));
    }

    @Test
    void aDrainFreesTheRingForTheWriterWhenItEnds() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> reader = broadcast.join();
        for (int i = 0; i < 4; i++) {
            broadcast.publish(i);
        }
        assertFalse(broadcast.tryPublish(4), "the reader is a full ring behind");
        AtomicBoolean published = new AtomicBoolean();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 4; i < 8; i++) {
                    broadcast.publish(i);
                }
                published.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Await.until(() -> writer.getState() == Thread.State.WAITING || writer.getState() == Thread.State.TIMED_WAITING);
        List<Integer> got = new ArrayList<>();
        assertEquals(2, reader.drain(got::add, 2));
        // The writer, released, refills the two slots while we drain the rest: a drain that
        // did not tell it would leave it blocked, and this loop would run into the timeout.
        while (got.size() < 8) {
            reader.drain(got::add, 8);
        }
        writer.join();
        assertTrue(published.get());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), got);
    }

    @Test
    void theMessagesHandedToAConsumerThatThrowsCountAsReceived() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(2, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> reader = broadcast.join();
        broadcast.publish(0);
        broadcast.publish(1);
        List<Integer> got = new ArrayList<>();
        var e = assertThrows(IllegalStateException.class, () -> reader.drain(m -> {
            got.add(m);
            throw new IllegalStateException("consumer failed on " + m);
        }, 2));
        assertEquals("consumer failed on 0", e.getMessage());
        assertEquals(List.of(0), got);
        assertTrue(broadcast.tryPublish(2), "message 0 was received, so its slot is free");
        assertFalse(broadcast.tryPublish(3));
        assertEquals(1, reader.poll());
        assertEquals(2, reader.poll());
        assertNull(reader.poll());
    }

    @Test
    void aClosedReaderDrainsNothingAndAClosedBroadcastDrainsWhatIsLeft() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.BLOCK_WRITER);
        Broadcast.Reader<Integer> stays = broadcast.join();
        Broadcast.Reader<Integer> leaves = broadcast.join();
        broadcast.publish(0);
        broadcast.publish(1);
        leaves.close();
        List<Integer> got = new ArrayList<>();
        assertEquals(0, leaves.drain(got::add, 8));
        broadcast.close();
        assertFalse(stays.isDone());
        assertEquals(2, stays.drain(got::add, 8));
        assertEquals(List.of(0, 1), got);
        assertTrue(stays.isDone());
        assertEquals(0, stays.drain(got::add, 8));
        assertThrows(ChannelClosedException.class, stays::receive);
    }

    @Test
    void underTheDropPolicyADrainSkipsWhatTheRingLost() throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(4, Overflow.DROP_OLDEST_FOR_LAGGING_READER);
        Broadcast.Reader<Integer> lagging = broadcast.join();
        for (int i = 0; i < 10; i++) {
            broadcast.publish(i);
        }
        List<Integer> got = new ArrayList<>();
        assertEquals(4, lagging.drain(got::add, 8));
        assertEquals(List.of(6, 7, 8, 9), got);
        assertEquals(6, lagging.dropped());
    }

    @Test
    void badArgumentsAreRefused() {
        Broadcast.Reader<Integer> reader = Broadcast.<Integer>create(4, Overflow.BLOCK_WRITER).join();
        assertEquals("consumer is null",
                assertThrows(NullPointerException.class, () -> reader.drain(null, 1)).getMessage());
        assertEquals("limit: -1 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> reader.drain(m -> { }, -1)).getMessage());
    }

    /**
     * Three readers, each mixing blocking receives with drains of random limits, against a
     * writer that publishes 200,000 messages through a ring of 8: each sees them all, in order.
     */
    @Test
    void readersThatDrainSeeEveryMessageInOrder() throws InterruptedException {
        int n = 200_000;
        long seed = System.nanoTime();
        Broadcast<Integer> broadcast = Broadcast.create(8, Overflow.BLOCK_WRITER);
        List<AtomicReference<List<Integer>>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Broadcast.Reader<Integer> reader = broadcast.join();
            var into = new AtomicReference<List<Integer>>();
            results.add(into);
            SplittableRandom random = new SplittableRandom(seed + r);
            threads.add(Thread.ofVirtual().start(() -> {
                List<Integer> got = new ArrayList<>();
                try {
                    while (true) {
                        if (reader.drain(got::add, 1 + random.nextInt(12)) == 0) {
                            got.add(reader.receive());
                        }
                    }
                } catch (ChannelClosedException end) {
                    into.set(got);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
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
            assertEquals(n, got.size(), "seed " + seed);
            for (int i = 0; i < n; i++) {
                assertEquals(i, got.get(i), "seed " + seed);
            }
        }
    }

    /**
     * A drain's consumer that also reads the same reader (on the same thread) takes messages
     * out of the drain's range: the drain goes on after them, handing over none twice.
     */
    @ParameterizedTest
    @EnumSource(Overflow.class)
    void aDrainWhoseConsumerPollsTheSameReaderHandsOverNoMessageTwice(Overflow overflow) throws InterruptedException {
        Broadcast<Integer> broadcast = Broadcast.create(8, overflow);
        Broadcast.Reader<Integer> reader = broadcast.join();
        for (int i = 0; i < 4; i++) {
            broadcast.publish(i);
        }
        List<Integer> got = new ArrayList<>();
        List<Integer> handed = new ArrayList<>();
        int n = reader.drain(m -> {
            handed.add(m);
            got.add(m);
            Integer extra = reader.poll();
            if (extra != null) {
                got.add(extra);
            }
        }, 10);
        assertEquals(List.of(0, 1, 2, 3), got, overflow + ": every message once, in order");
        assertEquals(List.of(0, 2), handed);
        assertEquals(2, n, "the drain counts what it handed over");
        assertNull(reader.poll());
        for (int i = 4; i < 12; i++) {
            assertTrue(broadcast.tryPublish(i), "every slot is free again: " + i);
        }
    }
}
