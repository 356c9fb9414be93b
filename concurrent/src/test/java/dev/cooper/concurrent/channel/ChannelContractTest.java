package dev.cooper.concurrent.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-threaded and blocking contract of every channel kind. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChannelContractTest {
    private static final Duration SHORT = Duration.ofMillis(20);

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void bufferedRefusesCapacityBelowOne(int capacity) {
        var e = assertThrows(IllegalArgumentException.class, () -> Channel.buffered(capacity));
        assertEquals("capacity: " + capacity + " (expected: >= 1)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nullElementsAreRefused(Kind kind) {
        Channel<String> ch = kind.create();
        assertEquals("element is null",
                assertThrows(NullPointerException.class, () -> ch.send(null)).getMessage());
        assertEquals("element is null",
                assertThrows(NullPointerException.class, () -> ch.trySend(null)).getMessage());
        assertEquals("element is null",
                assertThrows(NullPointerException.class, () -> ch.send(null, SHORT)).getMessage());
        assertEquals("timeout is null",
                assertThrows(NullPointerException.class, () -> ch.send("x", null)).getMessage());
        assertEquals("timeout is null",
                assertThrows(NullPointerException.class, () -> ch.receive(null)).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void negativeTimeoutsAreRefused(Kind kind) {
        Channel<String> ch = kind.create();
        Duration negative = Duration.ofNanos(-1);
        assertThrows(IllegalArgumentException.class, () -> ch.send("x", negative));
        assertThrows(IllegalArgumentException.class, () -> ch.receive(negative));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16", "UNBOUNDED"})
    void bufferedElementsAreReceivedInSendOrderAcrossWrapAround(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 50; round++) { // several passes around the ring
            for (int i = 0; i < Math.min(kind.room(), 7); i++) {
                ch.send(next++);
            }
            while (expected < next) {
                assertEquals(expected++, ch.receive());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16"})
    void trySendOnBufferedSucceedsUntilFullThenFails(Kind kind) {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            assertTrue(ch.trySend(i), "send " + i);
        }
        assertFalse(ch.trySend(-1));
        for (int i = 0; i < kind.capacity; i++) {
            assertEquals(new ReceiveResult.Received<>(i), ch.tryReceive());
        }
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    @Test
    void bufferedOfMaxValueIsUnboundedAndAllocatesNoBufferUpFront() {
        Channel<Integer> ch = Channel.buffered(Integer.MAX_VALUE); // an eager buffer would not fit
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ch.trySend(i));
        }
        assertEquals(IntStream.range(0, 10_000).boxed().toList(), ch.cancel());
    }

    @Test
    void unboundedAcceptsEveryTrySendAndKeepsOrderWhileGrowing() {
        Channel<Integer> ch = Channel.unbounded();
        for (int i = 0; i < 5; i++) { // move the head so that growth copies a wrapped ring
            assertTrue(ch.trySend(i));
            assertEquals(new ReceiveResult.Received<>(i), ch.tryReceive());
        }
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ch.trySend(i));
        }
        for (int i = 0; i < 10_000; i++) {
            assertEquals(new ReceiveResult.Received<>(i), ch.tryReceive());
        }
        assertEquals(ReceiveResult.empty(), ch.tryReceive());
    }

    @Test
    void rendezvousTrySendFailsWithoutAWaitingReceiver() {
        Channel<String> ch = Channel.rendezvous();
        assertFalse(ch.trySend("x"));
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    @Test
    void rendezvousTrySendSucceedsOnlyIntoAWaitingReceiver() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<String> receiver = Forked.fork(ch::receive).awaitParked();
        assertTrue(ch.trySend("x"));
        assertEquals("x", receiver.join());
        assertFalse(ch.trySend("y"));
    }

    @Test
    void rendezvousTryReceiveTakesFromAWaitingSender() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<Void> sender = Forked.run(() -> ch.send("x")).awaitParked();
        assertEquals(new ReceiveResult.Received<>("x"), ch.tryReceive());
        sender.join();
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    @Test
    void rendezvousSendDoesNotCompleteBeforeAReceive() throws Exception {
        Channel<String> ch = Channel.rendezvous();
        Forked<Void> sender = Forked.run(() -> ch.send("x")).awaitParked();
        Thread.sleep(50);
        assertFalse(sender.isDone(), "send returned with no receiver");
        assertEquals("x", ch.receive());
        sender.join();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blockedReceiveGetsALaterSend(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<String> receiver = Forked.fork(ch::receive).awaitParked();
        ch.send("x");
        assertEquals("x", receiver.join());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void blockedSendCompletesWhenRoomAppears(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send(i);
        }
        Forked<Void> sender = Forked.run(() -> ch.send(-1)).awaitParked();
        for (int i = 0; i < kind.capacity; i++) {
            assertEquals(i, ch.receive());
        }
        assertEquals(-1, ch.receive());
        sender.join();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timedReceiveOnEmptyReturnsEmpty(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        assertSame(ReceiveResult.empty(), ch.receive(SHORT));
        assertSame(ReceiveResult.empty(), ch.receive(Duration.ZERO));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timedReceiveGetsAnElementSentWhileWaiting(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<ReceiveResult<String>> receiver =
                Forked.fork(() -> ch.receive(Duration.ofSeconds(20))).awaitParked();
        ch.send("x");
        assertEquals(new ReceiveResult.Received<>("x"), receiver.join());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void waitingReceiversAreServedFirstComeFirstServed(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<String> first = Forked.fork(ch::receive).awaitParked();
        Forked<String> second = Forked.fork(ch::receive).awaitParked();
        ch.send("a");
        assertEquals("a", first.join());
        ch.send("b");
        assertEquals("b", second.join());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void waitingSendersAreServedFirstComeFirstServed(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send("buffered");
        }
        Forked<Void> first = Forked.run(() -> ch.send("a")).awaitParked();
        Forked<Void> second = Forked.run(() -> ch.send("b")).awaitParked();
        for (int i = 0; i < kind.capacity; i++) {
            assertEquals("buffered", ch.receive());
        }
        assertEquals("a", ch.receive());
        first.join();
        assertEquals("b", ch.receive());
        second.join();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void timedSendOnFullTimesOutWithoutEnqueuing(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send(i);
        }
        assertFalse(ch.send(-1, SHORT));
        assertFalse(ch.send(-2, Duration.ZERO));
        for (int i = 0; i < kind.capacity; i++) {
            assertEquals(new ReceiveResult.Received<>(i), ch.tryReceive());
        }
        assertSame(ReceiveResult.empty(), ch.tryReceive(), "a timed-out element was enqueued");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void timedSendWithRoomOrAWaitingReceiverSucceeds(Kind kind) throws Exception {
        for (Duration timeout : List.of(Duration.ofSeconds(20), Duration.ZERO)) {
            Channel<String> ch = kind.create();
            Forked<String> receiver = kind == Kind.RENDEZVOUS ? Forked.fork(ch::receive).awaitParked() : null;
            assertTrue(ch.send("x", timeout), () -> "timeout " + timeout);
            assertEquals("x", receiver != null ? receiver.join() : ch.receive());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void zeroTimeoutReceiveTakesFromAWaitingSenderOrTheBuffer(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<Void> sender = Forked.run(() -> ch.send("x"));
        if (kind == Kind.RENDEZVOUS) {
            sender.awaitParked(); // waits for a receiver
        } else {
            sender.join(); // the element is in the buffer
        }
        assertEquals(ReceiveResult.received("x"), ch.receive(Duration.ZERO));
        sender.join();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interruptedBeforeSendThrowsAndEnqueuesNothing(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ch.send("x"));
        assertFalse(Thread.interrupted(), "InterruptedException must clear the status");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ch.send("x", SHORT));
        assertSame(ReceiveResult.empty(), ch.tryReceive());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interruptedBeforeReceiveThrowsAndConsumesNothing(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<Void> sender = kind == Kind.RENDEZVOUS ? Forked.run(() -> ch.send("x")).awaitParked() : null;
        if (sender == null) {
            ch.send("x");
        }
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, ch::receive);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> ch.receive(SHORT));
        assertEquals("x", ch.receive());
        if (sender != null) {
            sender.join();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interruptedWhileReceivingThrowsAndConsumesNothing(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<String> receiver = Forked.fork(ch::receive).awaitParked();
        receiver.thread.interrupt();
        assertInstanceOf(InterruptedException.class, receiver.failure());
        Forked<ReceiveResult<String>> timed =
                Forked.fork(() -> ch.receive(Duration.ofSeconds(20))).awaitParked();
        timed.thread.interrupt();
        assertInstanceOf(InterruptedException.class, timed.failure());
        // Neither withdrawn receiver may take an element any more.
        Forked<String> late = Forked.fork(ch::receive).awaitParked();
        ch.send("x");
        assertEquals("x", late.join());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void interruptedWhileSendingThrowsAndEnqueuesNothing(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send(i);
        }
        Forked<Void> sender = Forked.run(() -> ch.send(-1)).awaitParked();
        sender.thread.interrupt();
        assertInstanceOf(InterruptedException.class, sender.failure());
        Forked<Boolean> timed = Forked.fork(() -> ch.send(-2, Duration.ofSeconds(20))).awaitParked();
        timed.thread.interrupt();
        assertInstanceOf(InterruptedException.class, timed.failure());
        for (int i = 0; i < kind.capacity; i++) {
            assertEquals(i, ch.receive());
        }
        assertSame(ReceiveResult.empty(), ch.tryReceive(), "an interrupted send enqueued");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sendOnClosedChannelThrows(Kind kind) {
        Channel<String> ch = kind.create();
        ch.close();
        assertTrue(ch.isClosed());
        assertThrows(ChannelClosedException.class, () -> ch.send("x"));
        assertThrows(ChannelClosedException.class, () -> ch.trySend("x"));
        assertThrows(ChannelClosedException.class, () -> ch.send("x", SHORT));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16", "UNBOUNDED"})
    void closeKeepsBufferedElementsForReceiversThenReportsClosed(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        int n = Math.min(kind.room(), 5);
        for (int i = 0; i < n; i++) {
            ch.send(i);
        }
        ch.close();
        ch.close(); // idempotent
        assertEquals(0, ch.receive());
        assertEquals(new ReceiveResult.Received<>(1 % n), n > 1 ? ch.tryReceive() : new ReceiveResult.Received<>(0));
        for (int i = Math.min(2, n); i < n; i++) {
            assertEquals(new ReceiveResult.Received<>(i), ch.receive(SHORT));
        }
        assertSame(ReceiveResult.closed(), ch.tryReceive());
        assertSame(ReceiveResult.closed(), ch.receive(SHORT));
        assertThrows(ChannelClosedException.class, ch::receive);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeWakesBlockedReceivers(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<String> plain = Forked.fork(ch::receive).awaitParked();
        Forked<ReceiveResult<String>> timed =
                Forked.fork(() -> ch.receive(Duration.ofSeconds(20))).awaitParked();
        ch.close();
        assertInstanceOf(ChannelClosedException.class, plain.failure());
        assertSame(ReceiveResult.closed(), timed.join());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void closeFailsBlockedSendersWithoutEnqueuingTheirElements(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send(i);
        }
        Forked<Void> plain = Forked.run(() -> ch.send(-1)).awaitParked();
        Forked<Boolean> timed = Forked.fork(() -> ch.send(-2, Duration.ofSeconds(20))).awaitParked();
        ch.close();
        assertInstanceOf(ChannelClosedException.class, plain.failure());
        assertInstanceOf(ChannelClosedException.class, timed.failure());
        List<Integer> rest = new ArrayList<>();
        ch.forEach(rest::add);
        assertEquals(IntStream.range(0, kind.capacity).boxed().toList(), rest);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16", "UNBOUNDED"})
    void cancelReturnsUndeliveredElementsInOrderAndClosesAtOnce(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        int n = Math.min(kind.room(), 5);
        for (int i = 0; i < n; i++) {
            ch.send(i);
        }
        assertEquals(0, ch.receive());
        assertEquals(IntStream.range(1, n).boxed().toList(), ch.cancel());
        assertTrue(ch.isClosed());
        assertSame(ReceiveResult.closed(), ch.tryReceive());
        assertThrows(ChannelClosedException.class, ch::receive);
        assertThrows(ChannelClosedException.class, () -> ch.send(9));
        assertEquals(List.of(), ch.cancel(), "cancel on a cancelled channel");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"BUFFERED_1", "BUFFERED_16", "UNBOUNDED"})
    void cancelAfterCloseReturnsWhatIsStillBuffered(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        ch.send(1);
        ch.close();
        assertEquals(List.of(1), ch.cancel());
        assertEquals(List.of(), ch.cancel());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RENDEZVOUS", "BUFFERED_1", "BUFFERED_16"})
    void cancelFailsBlockedSendersAndLeavesTheirElementsOut(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        for (int i = 0; i < kind.capacity; i++) {
            ch.send(i);
        }
        Forked<Void> plain = Forked.run(() -> ch.send(-1)).awaitParked();
        Forked<Boolean> timed = Forked.fork(() -> ch.send(-2, Duration.ofSeconds(20))).awaitParked();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onSend(ch, -3, () -> "sent")
                .run()).awaitParked();
        List<Integer> undelivered = ch.cancel();
        assertInstanceOf(ChannelClosedException.class, plain.failure());
        assertInstanceOf(ChannelClosedException.class, timed.failure());
        assertInstanceOf(ChannelClosedException.class, selecting.failure());
        assertEquals(IntStream.range(0, kind.capacity).boxed().toList(), undelivered);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cancelWakesBlockedReceivers(Kind kind) throws Exception {
        Channel<String> ch = kind.create();
        Forked<String> plain = Forked.fork(ch::receive).awaitParked();
        Forked<ReceiveResult<String>> timed =
                Forked.fork(() -> ch.receive(Duration.ofSeconds(20))).awaitParked();
        Forked<String> selecting = Forked.fork(() -> Select.<String>select()
                .onReceive(ch, x -> "received " + x, () -> "closed")
                .run()).awaitParked();
        assertEquals(List.of(), ch.cancel());
        assertInstanceOf(ChannelClosedException.class, plain.failure());
        assertSame(ReceiveResult.closed(), timed.join());
        assertEquals("closed", selecting.join());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void iterationReceivesEverythingAndEndsAtClose(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        Forked<Void> producer = Forked.run(() -> {
            for (int i = 0; i < 100; i++) {
                ch.send(i);
            }
            ch.close();
        });
        List<Integer> received = new ArrayList<>();
        for (int e : ch) {
            received.add(e);
        }
        producer.join();
        assertEquals(IntStream.range(0, 100).boxed().toList(), received);
        Iterator<Integer> done = ch.iterator();
        assertFalse(done.hasNext());
        assertThrows(NoSuchElementException.class, done::next);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void interruptedIterationThrowsUncheckedAndKeepsTheStatus(Kind kind) throws Exception {
        Channel<Integer> ch = kind.create();
        Forked<Boolean> iterating = Forked.fork(() -> {
            try {
                for (int e : ch) {
                    throw new AssertionError("received " + e);
                }
                throw new AssertionError("iteration ended");
            } catch (ChannelInterruptedException e) {
                assertInstanceOf(InterruptedException.class, e.getCause());
                return Thread.currentThread().isInterrupted();
            }
        }).awaitParked();
        iterating.thread.interrupt();
        assertTrue(iterating.join(), "interrupt status not restored");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void receiverSeesWritesMadeBeforeTheSend(Kind kind) throws Exception {
        final class Box {
            int a;
            long b;
        }
        Channel<Box> ch = kind.create();
        Forked<Void> producer = Forked.run(() -> {
            for (int i = 1; i <= 1000; i++) {
                Box box = new Box();
                box.a = i;
                box.b = -i;
                ch.send(box);
            }
        });
        for (int i = 1; i <= 1000; i++) {
            Box box = ch.receive();
            assertEquals(i, box.a);
            assertEquals(-i, box.b);
        }
        producer.join();
    }

    @Test
    void receiveResultsAreValuesAndTheEmptyAndClosedFactoriesShareInstances() {
        assertSame(ReceiveResult.<String>empty(), ReceiveResult.<Integer>empty());
        assertSame(ReceiveResult.<String>closed(), ReceiveResult.<Integer>closed());
        assertEquals(new ReceiveResult.Empty<>(), ReceiveResult.empty());
        assertEquals(new ReceiveResult.Closed<>(), ReceiveResult.closed());
        assertNotSame(ReceiveResult.empty(), ReceiveResult.closed());
        assertEquals(new ReceiveResult.Received<>("x"), ReceiveResult.received("x"));
        assertThrows(NullPointerException.class, () -> ReceiveResult.received(null));
    }
}
